"""Where masked copies get OCR text when an image has none yet: the OCR job, run for one exhibit.

``read_exhibit(profile, exhibit_id)`` reads the exhibit's unread images and stores their pages; an
installation that cannot run the engine, or a file it cannot read, ends in a ``UserError`` that tells
the user to mark the boxes by hand.
"""

from __future__ import annotations

from kami_desktop.core.errors import UserError
from kami_desktop.core.ocr.engine import OcrUnavailable
from kami_desktop.core.ocr.job import read_exhibit as read_now
from kami_desktop.core.profile import Profile

__all__ = ["OcrUnavailable", "read_exhibit"]


def read_exhibit(profile: Profile, exhibit_id: int) -> None:
    try:
        summary = read_now(profile, exhibit_id)
    except OcrUnavailable as exc:
        raise OcrUnavailable(f"{exc} 请手动框选要遮盖的内容。") from None
    if summary.problems:
        name, reason = summary.problems[0]
        raise UserError(f"未能识别“{name}”中的文字：{reason}。请手动框选要遮盖的内容。")
