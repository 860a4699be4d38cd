"""Fixtures for the document tests: a realistic case and helpers that read DOCX/PDF files back."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

from tests.core.documents.factory import make_case
from tests.helpers import run_tool


@pytest.fixture
def made(profile, tmp_path):
    return make_case(profile, tmp_path)


def docx_text(path: Path) -> str:
    """Every paragraph and table cell (tables in order, cells row by row)."""
    d = docx.Document(str(path))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            out += [c.text for c in row.cells]
    return "\n".join(out)


def docx_tables(path: Path) -> list[list[list[str]]]:
    d = docx.Document(str(path))
    return [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]


def pdf_text(path: Path) -> str:
    return run_tool(["pdftotext", "-enc", "UTF-8", path, "-"]).stdout


def pdf_flat(path: Path) -> str:
    """pdftotext output without whitespace (line breaks fall anywhere in CJK text)."""
    return re.sub(r"\s+", "", pdf_text(path))


def pdffonts(path: Path) -> list[dict]:
    out = run_tool(["pdffonts", path]).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        # name … type … encoding emb sub uni object ID: the flags are the 5th–3rd from the end
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def docx_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}
