"""kami_desktop — 卡盟充值扣款维权助手 (offline evidence case file)."""

import os
from importlib.metadata import PackageNotFoundError, version

# PyMuPDF prints MuPDF's errors and warnings (a damaged PDF: "MuPDF error: cannot find startxref") to
# stdout by default, which would break `kami … --json` (exactly one JSON document on stdout). Route them
# to the app's log instead; this must be set before pymupdf is first imported, which is why it is here.
os.environ.setdefault("PYMUPDF_MESSAGE", "logging:name=kami_desktop.mupdf,level=30")

try:
    __version__ = version("kami-desktop")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
