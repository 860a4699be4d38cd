"""Honest masking: a screenshot with a phone number, an ID number and a bank card number, drawn with the
bundled font, is read by the real OCR engine; the boxes proposed from what it read are masked; the copy is
read again and no masked digit comes back, while the text left unmasked still reads."""

from __future__ import annotations

import re

import pytest

from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.ocr.model import OK, OcrLine, OcrPage
from kami_desktop.core.ocr.store import save_page
from kami_desktop.core.redact.copies import make_copy, suggest
from kami_desktop.core.redact.mask import MOSAIC, SOLID
from tests.core.redact.shots import CARD, ID_NUMBER, PHONE, shot


@pytest.fixture(scope="module")
def engine():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def read(engine, path) -> list[OcrLine]:
    result, _ = engine(str(path))
    return [OcrLine(t, tuple((float(x), float(y)) for x, y in box), float(c)) for box, t, c in result or []]


def digit_runs(lines: list[OcrLine]) -> list[str]:
    return [run for ln in lines for run in re.findall(r"[0-9Xx]{4,}", ln.text.replace(" ", ""))]


@pytest.mark.parametrize("style", [SOLID, MOSAIC])
def test_no_masked_digit_is_recoverable_by_ocr(profile, case_id, tmp_path, engine, style):
    path, _ = shot(tmp_path / "截图.png")
    before = read(engine, path)
    seen = "\n".join(ln.text for ln in before)
    assert PHONE in seen and ID_NUMBER in seen and CARD in seen  # the engine does read the original
    item = import_paths(profile, case_id, [path]).imported[0]
    with profile.session() as s:
        save_page(s, OcrPage(item.sha256, 0, OK, "rapidocr", 720, 520, tuple(before)))
    [sg] = suggest(profile, item.exhibit_id)
    assert {b.kind for b in sg.boxes} >= {"phone", "id_number", "card", "email"}
    info = make_copy(profile, item.exhibit_id, sg.boxes, style)
    after = read(engine, profile.masked_dir / info.file_name)
    text = "\n".join(ln.text for ln in after)
    for secret in (PHONE, ID_NUMBER, CARD):
        for i in range(len(secret) - 3):  # not even 4 digits in a row of it
            assert secret[i : i + 4] not in text.replace(" ", ""), (secret, text)
    assert digit_runs(after) == []  # nothing left that looks like part of a number
    assert "@" not in text
    for kept in ("订单详情", "收货人", "手机号", "身份证号", "点卡充值100元"):
        assert kept in text, (kept, text)
