"""Render the app icon's PNG sizes from its SVGs with Qt (PySide6 is already a dependency, so no
other tool is needed).

    python packaging/icons.py           # writes assets/icons/hicolor/<N>x<N>/apps/<app id>.png
    python packaging/icons.py --check   # exit 1 when a PNG is missing or differs from a fresh render

The 16 and 24 px icons come from their own pixel-grid drawings (<app id>-16px.svg, -24px.svg):
the big design scaled down that far puts the "I"'s edges between pixels and blurs them. Every other
size comes from <app id>.svg, which is also the scalable icon.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.mockinterview.MockInterview"
ICONS = ROOT / "assets" / "icons"
SCALABLE = ICONS / f"{APP_ID}.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def source_for(size: int) -> Path:
    """The pixel-grid drawing made for this size, else the scalable design."""
    tuned = ICONS / f"{APP_ID}-{size}px.svg"
    return tuned if tuned.exists() else SCALABLE


def render(size: int):
    """The icon at one size as a QImage (transparent background, premultiplied ARGB)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(source_for(size)))
    if not renderer.isValid():
        raise SystemExit(f"icons: cannot read {source_for(size)}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def _app():
    # QImage and QSvgRenderer need a QGuiApplication for fonts and image plugins; no window opens.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only compare the PNGs with a fresh render; write nothing")
    args = parser.parse_args(argv)
    from PySide6.QtGui import QImage

    app = _app()  # noqa: F841  (kept alive while rendering)
    stale = []
    for size in SIZES:
        image = render(size)
        target = png_path(size)
        if args.check:
            saved = QImage(str(target))
            if saved.isNull() or saved.convertToFormat(image.format()) != image:
                stale.append(target.relative_to(ROOT))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"icons: cannot write {target}")
        print(f"icons: {target.relative_to(ROOT)}")
    if stale:
        print("icons: out of date (run python packaging/icons.py): "
              + ", ".join(map(str, stale)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
