"""kami_desktop — 卡盟充值扣款维权助手 (offline evidence case file)."""

import os

# The release number; pyproject.toml's [project] version must match (a test checks). Kept as a literal so
# `kami --version` needs no importlib.metadata, which costs more than starting the interpreter.
__version__ = "0.1.0"

# PyMuPDF prints MuPDF's errors and warnings (a damaged PDF: "MuPDF error: cannot find startxref") to
# stdout by default, which would break `kami … --json` (exactly one JSON document on stdout). Route them
# to the app's log instead; this must be set before pymupdf is first imported, which is why it is here.
os.environ.setdefault("PYMUPDF_MESSAGE", "logging:name=kami_desktop.mupdf,level=30")
