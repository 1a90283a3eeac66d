"""A white-label reseller's logo: what file is taken, checked with Pillow before anything is stored.

Only PNG and JPEG (what reportlab embeds as they are, and what a printed document needs), at most `MAX_BYTES` and
`MAX_SIDE_PX` on either side (a logo is printed 40 x 20 mm: more pixels only swell every PDF it goes on). The
header is read first, so a file claiming a huge size is refused before its pixels are decoded; then the pixels are
decoded once, so a truncated or corrupt file is refused here rather than when a statement is rendered.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from switch_service.errors import UserError

MAX_BYTES = 512 * 1024
MIN_SIDE_PX = 16
MAX_SIDE_PX = 2000
MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


class LogoError(UserError):
    """The file is not a logo this product takes; the message says why."""


@dataclass(frozen=True, slots=True)
class Logo:
    data: bytes
    media_type: str
    width: int
    height: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def checked_logo(data: bytes) -> Logo:
    """`data` as a Logo, or a LogoError naming the first problem."""
    if not data:
        raise LogoError("the logo file is empty")
    if len(data) > MAX_BYTES:
        raise LogoError(f"the logo is {len(data)} bytes; at most {MAX_BYTES} ({MAX_BYTES // 1024} KiB) are taken")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind, (width, height) = image.format, image.size
                if kind not in MEDIA_TYPES:
                    raise LogoError(f"the logo is a {kind or 'unknown'} image; only PNG and JPEG are taken")
                if not (MIN_SIDE_PX <= width <= MAX_SIDE_PX and MIN_SIDE_PX <= height <= MAX_SIDE_PX):
                    raise LogoError(f"the logo is {width} x {height} pixels; each side must be {MIN_SIDE_PX} to "
                                    f"{MAX_SIDE_PX} pixels")
                image.load()  # every pixel decoded: a truncated or corrupt file fails here
    except UnidentifiedImageError:
        raise LogoError("the file is not an image Pillow can read (PNG or JPEG expected)") from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise LogoError(f"the logo image cannot be decoded: {error}") from None
    return Logo(data, MEDIA_TYPES[kind], width, height)
