"""Render assets/icons/hipmap.svg (and hipmap-small.svg for 16 and 32 px) to the PNGs a Linux desktop looks for.

    python packaging/build_icons.py            # write packaging/linux/icons/hicolor/<N>x<N>/apps/hipmap.png
    python packaging/build_icons.py --check    # exit 1 if a PNG is missing or has the wrong size

The PNGs are committed; run this after changing the SVG. Rendering uses Qt's SVG renderer offscreen, so it needs no
display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "assets" / "icons" / "hipmap.svg"
SMALL_SVG = ROOT / "assets" / "icons" / "hipmap-small.svg"  # the same picture, simplified, for 16 and 32 px
SMALL_UP_TO = 32
ICON_THEME = ROOT / "packaging" / "linux" / "icons" / "hicolor"
SIZES = (16, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICON_THEME / f"{size}x{size}" / "apps" / "hipmap.png"


def render(svg: Path, size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: Qt cannot read this SVG")
    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def check() -> list[str]:
    from PySide6.QtGui import QImage

    problems = []
    for size in SIZES:
        path = png_path(size)
        image = QImage(str(path))
        if image.isNull():
            problems.append(f"{path.relative_to(ROOT)}: missing or unreadable")
        elif (image.width(), image.height()) != (size, size):
            problems.append(f"{path.relative_to(ROOT)}: {image.width()}x{image.height()}, expected {size}x{size}")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that every PNG exists at its size")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (kept alive while rendering)
    if args.check:
        problems = check()
        for line in problems:
            print(line)
        return 1 if problems else 0
    for size in SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(SMALL_SVG if size <= SMALL_UP_TO else SVG, size).save(str(path), "PNG"):
            print(f"{path}: cannot write", file=sys.stderr)
            return 1
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
