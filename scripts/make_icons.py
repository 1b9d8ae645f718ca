"""Generate the app icons (run once; the PNGs are committed): python scripts/make_icons.py.

A blue tile with "ON" and "중구" in white; the maskable variant keeps everything inside the 80 %
safe zone that Android crops to a circle or squircle.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
BLUE, WHITE = (11, 92, 173), (255, 255, 255)
SIZES = (48, 72, 96, 128, 144, 152, 180, 192, 256, 384, 512)
OUT = Path(__file__).resolve().parent.parent / "assets" / "icons"


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT, size, index=1)  # index 1: the Korean face of the collection


def tile(size: int, safe: float) -> Image.Image:
    """The icon at `size` px with its artwork scaled into `safe` of the width."""
    image = Image.new("RGB", (size, size), BLUE)
    draw = ImageDraw.Draw(image)
    inner = size * safe
    big, small = _font(int(inner * 0.42)), _font(int(inner * 0.2))
    for text, font, dy in (("ON", big, -0.12), ("중구", small, 0.24)):
        box = draw.textbbox((0, 0), text, font=font)
        width, height = box[2] - box[0], box[3] - box[1]
        draw.text(
            ((size - width) / 2 - box[0], size / 2 + dy * inner - height / 2 - box[1]),
            text,
            fill=WHITE,
            font=font,
        )
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        tile(size, 0.9).save(OUT / f"icon-{size}.png", optimize=True)
    for size in (192, 512):
        tile(size, 0.62).save(OUT / f"maskable-{size}.png", optimize=True)
    tile(180, 0.9).save(OUT / "apple-touch-icon.png", optimize=True)
    tile(64, 0.9).save(OUT.parent / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
