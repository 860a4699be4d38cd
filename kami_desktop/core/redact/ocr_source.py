"""Where masked copies get OCR text when an image has none yet: the OCR job's reader.

A small adapter, so the redact group does not depend on how the job runs (and tests can stand in for
it): ``read_exhibit(profile, exhibit_id)`` reads the exhibit's images and stores their pages.
"""

from __future__ import annotations

import importlib
from typing import Any

from kami_desktop.core.errors import UserError


class OcrUnavailable(UserError):
    """This build cannot read text from images."""


def read_exhibit(profile: Any, exhibit_id: int) -> None:
    try:
        job = importlib.import_module("kami_desktop.core.ocr.job")
    except ImportError:
        raise OcrUnavailable("此版本尚不能识别图片中的文字：请手动框选要遮盖的内容。") from None
    job.read_exhibit(profile, exhibit_id)
