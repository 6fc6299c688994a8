"""Renders resources/icons/cloudinterview.svg into the PNG, ICO and ICNS files the installers use.

Run after editing the SVG (the outputs are committed, so a build never needs this):
    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/render_icons.py
Qt's SVG renderer draws the PNGs; Pillow (already a dependency, through reportlab) packs the ICO and ICNS files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "cloudinterview.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme sizes a .deb installs
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"render_icons: {SVG} is not a valid SVG", file=sys.stderr)
        return 1
    sized = ICONS / "hicolor"
    sized.mkdir(exist_ok=True)
    for size in PNG_SIZES:
        render(renderer, size).save(str(sized / f"{size}x{size}.png"))
    render(renderer, 256).save(str(ICONS / "cloudinterview.png"))
    big = Image.open(sized / "512x512.png").convert("RGBA")
    big.save(ICONS / "cloudinterview.ico", sizes=[(s, s) for s in ICO_SIZES])
    big.save(ICONS / "cloudinterview.icns")
    print(f"render_icons: wrote {ICONS}/cloudinterview.png, .ico, .icns and hicolor/*.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
