"""The campaign's QR code as a print file: PNG and SVG for a designer, an A4 PDF sheet for a printer.

Print needs more than a screen: error correction Q (a quarter of the code may be scuffed or covered by a
staple), the standard quiet zone of 4 modules, and enough pixels — the PNG is ≥ 1,200 px wide, which is
300 dpi at 10 cm, and sharp at the 4 cm a poster usually gives it. The PDF sheet carries the title, the code,
the short address for people who type and the district's name, in Noto Sans CJK (Debian's fonts-noto-cjk,
which .ci/run installs); without a Korean font the sheet is refused with a message saying what to install,
rather than printed with empty boxes.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_Q

FORMATS = ("png", "svg", "pdf")
QUIET_ZONE = 4  # modules (ISO/IEC 18004)
PNG_MIN_PX = 1200
DISTRICT = "서울특별시 중구"
A4_300DPI = (2480, 3508)  # 210 × 297 mm at 300 dpi
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
)


class PrintError(RuntimeError):
    """A print file cannot be made here (no Korean font); the message says what to install."""


def _code(text: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=QUIET_ZONE, box_size=1)
    code.add_data(text)
    code.make(fit=True)
    return code


def _modules(text: str) -> int:
    """How many modules wide the code is, quiet zone included."""
    return _code(text).modules_count + 2 * QUIET_ZONE


def qr_png(text: str, min_px: int = PNG_MIN_PX) -> bytes:
    """A black-on-white PNG at least `min_px` wide, whole pixels per module (no blurred edges)."""
    code = _code(text)
    code.box_size = -(-min_px // _modules(text))  # ceiling: never below min_px
    image = code.make_image(fill_color="black", back_color="white").get_image()
    out = io.BytesIO()
    image.convert("1").save(out, format="PNG", dpi=(300, 300), optimize=True)
    return out.getvalue()


def qr_svg(text: str) -> bytes:
    """A vector SVG (one path), scalable to any print size; 1 module = 1 mm at its nominal size."""
    code = _code(text)
    code.box_size = 10  # the SVG factory counts tenths of a millimetre: 10 → 1 mm per module
    image = code.make_image(image_factory=qrcode.image.svg.SvgPathFillImage)
    return image.to_string(encoding="unicode").encode("utf-8")


def korean_font() -> str:
    """A font file with Hangul, or `PrintError` saying which package brings one."""
    configured = os.environ.get("NAESONE_PRINT_FONT", "")
    for candidate in (configured, *FONT_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return candidate
    raise PrintError("no Korean font for the print sheet: install Debian's fonts-noto-cjk "
                     "(or set NAESONE_PRINT_FONT to a font file with Hangul)")  # fmt: skip


def print_sheet_pdf(text: str, title: str, short_address: str) -> bytes:
    """An A4 page at 300 dpi: the title, the QR (10 cm), the short address and 서울특별시 중구."""
    from PIL import Image, ImageDraw, ImageFont

    font_file = korean_font()
    width, height = A4_300DPI
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)

    def centred(line: str, size: int, top: int) -> int:
        font = ImageFont.truetype(font_file, size)
        while draw.textlength(line, font=font) > width - 300 and size > 40:  # a long title shrinks to fit
            size -= 8
            font = ImageFont.truetype(font_file, size)
        left = (width - draw.textlength(line, font=font)) / 2
        draw.text((left, top), line, font=font, fill="black")
        return top + int(size * 1.4)

    below_title = centred(title, 130, 360)
    code_px = 1181  # 10 cm at 300 dpi
    code = (
        Image.open(io.BytesIO(qr_png(text, code_px))).convert("RGB").resize((code_px, code_px), Image.NEAREST)
    )
    top = max(below_title + 120, 800)
    page.paste(code, ((width - code_px) // 2, top))
    after = centred(short_address, 72, top + code_px + 100)
    centred(DISTRICT, 84, after + 160)
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=300.0, title=title)
    return out.getvalue()


def print_file(fmt: str, text: str, title: str, short_address: str) -> bytes:
    """The file of `fmt` (png | svg | pdf) for the QR encoding `text`."""
    if fmt == "png":
        return qr_png(text)
    if fmt == "svg":
        return qr_svg(text)
    if fmt == "pdf":
        return print_sheet_pdf(text, title, short_address)
    raise ValueError(f"format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
