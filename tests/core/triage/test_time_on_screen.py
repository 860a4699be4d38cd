"""A time accepted from the page's own text is named 画面显示时间 on court copies, never 取证时间."""

from __future__ import annotations

import re
from datetime import datetime

import pymupdf

from kami_desktop.core.documents.api import generate
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.evidence.times import GIVEN, SCREEN, shown_on_screen
from kami_desktop.core.triage.suggest import accept
from kami_desktop.core.util.timeutil import CHINA_TZ
from tests.core.documents.conftest import docx_text
from tests.core.dossier.cases import options
from tests.core.triage.fixtures import ORDER_PAGE, shot


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_shown_on_screen_forms():
    t = datetime(2025, 3, 12, 20, 30, 15, tzinfo=CHINA_TZ)
    assert shown_on_screen(t, "支付时间 2025-03-12 20:30:15")
    assert shown_on_screen(t, "支付时间：2025年3月12日 20:30:15")
    assert not shown_on_screen(t, "2025-03-12 20:30")  # without its seconds the page does not show it
    assert not shown_on_screen(t, "20:30:15")  # a bare clock (the status bar) is no date
    minute = datetime(2025, 3, 12, 20, 30, tzinfo=CHINA_TZ)
    assert shown_on_screen(minute, "2025年3月12日 20:30") and shown_on_screen(minute, "03-12 20:30 处理中")
    assert not shown_on_screen(minute, "2025-03-12 20:30:15")  # another second of that minute


def test_an_accepted_time_on_screen_is_named_so_in_the_binder_and_the_list(profile, case_id, tmp_path):
    eid = shot(profile, case_id, tmp_path, "order.png", ORDER_PAGE)
    with profile.session() as s:
        accept(s, eid, ["captured_at", "title"])
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    [x] = [x for x in result.exhibits if x.exhibit_id == eid]
    header = flat(doc[x.first_page - 1].get_text())
    assert f"{SCREEN}：2025-03-1220:30" in header and GIVEN not in header
    listing = generate(profile, case_id, "evidence-list", tmp_path / "docs", "docx", {"date": "2025-05-06"})
    text = flat(docx_text(listing.paths[0]))
    assert SCREEN in text and GIVEN not in text
