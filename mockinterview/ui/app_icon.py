"""The application id and icon the desktop knows the app by (packaging/linux/, assets/icons/)."""
from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap

from ..core.resources import assets

# The .desktop file's name and the metainfo's <id>: Qt passes it to Wayland as the app_id, so the
# compositor finds the launcher and its icon (tests/packaging checks it against those files).
APP_ID = "io.github.mockinterview.MockInterview"


def packaged_icon() -> QIcon:
    """The icon from the app's own files: every hicolor PNG, read as bytes so that a zipped
    install works too (QIcon.addFile needs a real file)."""
    icon = QIcon()
    hicolor = assets() / "icons" / "hicolor"
    for size in sorted(hicolor.iterdir(), key=lambda d: d.name) if hicolor.is_dir() else ():
        png = size / "apps" / f"{APP_ID}.png"
        pixmap = QPixmap()
        if png.is_file() and pixmap.loadFromData(png.read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon


def app_icon() -> QIcon:
    """The icon theme's (an installed package puts it there), else the packaged one."""
    return QIcon.fromTheme(APP_ID, packaged_icon())
