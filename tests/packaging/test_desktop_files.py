"""Desktop integration (issue 12): the .desktop entry, the AppStream metainfo and the app icon
agree on one application id, pass the freedesktop validators, and the icon reads at 16 px."""
import configparser
import re
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from .tools import require

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "assets" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# What `appstreamcli validate --pedantic` may still say, and why it is accepted:
ACCEPTED_PEDANTIC = {
    # The id's last part is CamelCase, as Flathub's ids are (org.gnome.TextEditor).
    "cid-contains-uppercase-letter",
    # <developer id=…><name> is AppStream 1.0's form (Flathub wants it); Debian 12's 0.16 does
    # not know it yet and says so as an "info".
    "unknown-tag",
}


def app_id() -> str:
    (desktop,) = LINUX.glob("*.desktop")
    return desktop.stem


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / f"{app_id()}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(LINUX / f"{app_id()}.metainfo.xml").getroot()


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def tool(name: str) -> str:
    return require(name, {"desktop-file-validate": "desktop-file-utils"}.get(name, "appstream"))


def test_the_application_id_is_reverse_dns_and_the_same_everywhere():
    aid = app_id()
    assert re.fullmatch(r"[a-z][a-z0-9]*(\.[A-Za-z_][A-Za-z0-9_]*){2,}", aid), aid
    entry, meta = desktop_entry(), metainfo()
    assert entry["Icon"] == aid
    assert meta.findtext("id") == aid
    assert meta.findtext("launchable[@type='desktop-id']") == f"{aid}.desktop"
    assert (ICONS / f"{aid}.svg").is_file()
    for size in SIZES:
        assert (ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{aid}.png").is_file(), size


def test_the_launcher_runs_the_installed_command_and_matches_the_window():
    entry = desktop_entry()
    scripts = pyproject()["project"]["scripts"]
    assert entry["Exec"].split()[0] in scripts
    assert metainfo().findtext("provides/binary") == entry["Exec"].split()[0]
    assert entry["Terminal"] == "false"
    # On X11 a window is matched to its launcher by WM_CLASS, which Qt takes from the
    # application name the app sets.
    app_py = (ROOT / "mockinterview" / "ui" / "app.py").read_text(encoding="utf-8")
    names = re.findall(r'setApplicationName\("([^"]+)"\)', app_py)
    assert names == [entry["StartupWMClass"]]


def test_the_desktop_file_passes_desktop_file_validate():
    result = subprocess.run([tool("desktop-file-validate"), str(LINUX / f"{app_id()}.desktop")],
                            capture_output=True, text=True)
    # Errors, warnings and hints alike: a clean file prints nothing.
    assert result.returncode == 0 and result.stdout == "" and result.stderr == "", result.stdout


def _appstream_issues(*flags: str) -> tuple[int, list[tuple[str, str]], str]:
    result = subprocess.run([tool("appstreamcli"), "validate", "--no-net", *flags,
                             str(LINUX / f"{app_id()}.metainfo.xml")],
                            capture_output=True, text=True)
    issues = re.findall(r"^([EWIP]): \S+: (\S+)", result.stdout, flags=re.MULTILINE)
    return result.returncode, issues, result.stdout


def test_the_metainfo_passes_appstream_validation_without_errors_or_warnings():
    code, issues, out = _appstream_issues()
    assert code == 0, out
    assert [i for i in issues if i[0] in "EW"] == [], out


def test_pedantic_appstream_notes_are_only_the_accepted_ones():
    code, issues, out = _appstream_issues("--pedantic")
    assert code == 0, out
    assert {tag for _, tag in issues} <= ACCEPTED_PEDANTIC, out


def test_the_metainfo_tells_what_software_centres_need():
    meta, project = metainfo(), pyproject()["project"]
    assert meta.get("type") == "desktop-application"
    assert meta.findtext("project_license") == "MIT" == project["license"]["text"]
    assert meta.findtext("metadata_license") in {"CC0-1.0", "MIT"}
    assert meta.find("content_rating").get("type") == "oars-1.1"
    # Privacy: the app never needs the internet; no OARS attribute says it shares anything.
    assert meta.findtext("supports/internet") == "offline-only"
    assert {a.text for a in meta.findall("content_rating/content_attribute")} <= {"none"}
    releases = [r.get("version") for r in meta.findall("releases/release")]
    assert releases and releases[0] == project["version"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.find("releases/release").get("date"))
    # Every screenshot is one of the README's, at the path the repository has it.
    images = [i.text for i in meta.findall("screenshots/screenshot/image")]
    assert images and meta.find("screenshots/screenshot").get("type") == "default"
    for url in images:
        relative = re.sub(r"^https://raw\.githubusercontent\.com/[^/]+/[^/]+/[^/]+/", "", url)
        assert relative != url and (ROOT / relative).is_file(), url
        assert relative in (ROOT / "README.md").read_text(encoding="utf-8"), relative


def _pixels(image) -> np.ndarray:
    """A QImage as an H × W × 4 array of straight (not premultiplied) RGBA."""
    from PySide6.QtGui import QImage
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=rgba.sizeInBytes())
    return data.reshape(rgba.height(), rgba.bytesPerLine() // 4, 4)[:, :rgba.width()].copy()


@pytest.mark.parametrize("size", SIZES)
def test_each_icon_is_a_square_png_of_its_size_and_matches_its_svg(qapp, size):
    """The PNGs are what packaging/icons.py renders from the SVGs now (re-run it after an edit)."""
    import importlib.util

    from PySide6.QtGui import QImage

    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id()}.png"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert (image.width(), image.height()) == (size, size) and image.hasAlphaChannel()
    spec = importlib.util.spec_from_file_location("icons", ROOT / "packaging" / "icons.py")
    icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(icons)
    assert icons.APP_ID == app_id()
    fresh = _pixels(icons.render(size)).astype(int)
    # A small tolerance: another Qt version may antialias an edge a shade differently.
    assert np.abs(fresh - _pixels(image).astype(int)).max() <= 8


def _luminance(rgb: np.ndarray) -> np.ndarray:
    c = rgb / 255
    lin = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def test_the_16px_icon_reads(qapp):
    from PySide6.QtGui import QImage
    px = _pixels(QImage(str(ICONS / "hicolor" / "16x16" / "apps" / f"{app_id()}.png")))
    opaque = px[..., 3] >= 250
    # It fills its square (no tiny shape lost in padding)…
    assert opaque.mean() >= 0.6, f"{opaque.mean():.0%} of the pixels are opaque"
    lum = _luminance(px[..., :3].astype(float))
    glyph = opaque & (lum > 0.7)
    bubble = opaque & (lum < 0.3)
    # …and the letter is a solid shape of its own, not a few grey pixels…
    assert glyph.sum() >= 20 and bubble.sum() >= 60, (glyph.sum(), bubble.sum())
    rows = np.flatnonzero(glyph.any(axis=1))
    assert rows.max() - rows.min() + 1 >= 8, "the letter is at least 8 px tall"
    # …drawn in a colour that stands out from the bubble (WCAG's 4.5:1 for text).
    ratio = (np.median(lum[glyph]) + 0.05) / (np.median(lum[bubble]) + 0.05)
    assert ratio >= 4.5, f"{ratio:.1f}:1"


def test_the_window_tells_the_desktop_its_id_and_shows_the_packaged_icon(qapp):
    """Wayland matches a window to its launcher (and icon) by the desktop file name Qt sends."""
    from mockinterview.ui.app_icon import APP_ID, app_icon
    assert APP_ID == app_id()
    app_py = (ROOT / "mockinterview" / "ui" / "app.py").read_text(encoding="utf-8")
    assert "app.setDesktopFileName(APP_ID)" in app_py and "app.setWindowIcon(app_icon())" in app_py
    assert not app_icon().isNull()
