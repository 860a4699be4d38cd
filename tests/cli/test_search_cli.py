"""``kami search``: one JSON document of hits naming 证据 N and where the text is; plain text otherwise."""

from __future__ import annotations

import json

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.chats import store as C
from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.ocr.model import OK, OcrLine, OcrPage
from kami_desktop.core.ocr.store import save_page
from kami_desktop.core.profile import Profile
from tests.core.chats import chat_fixtures as cf
from tests.helpers import kami, kami_json, screenshot


def _case(data_dir, tmp_path) -> tuple[int, int, int]:
    with Profile.open(data_dir) as prof:
        with prof.session() as s:
            case_id = create_case(s, "星辰卡盟").id
        first = import_paths(prof, case_id, [screenshot(tmp_path / "首页.png", seed=1)]).imported[0]
        shot = import_paths(prof, case_id, [screenshot(tmp_path / "订单.png", seed=2)]).imported[0]
        box = ((20.0, 90.0), (340.0, 90.0), (340.0, 120.0), (20.0, 120.0))
        with prof.session() as s:
            save_page(
                s,
                OcrPage(
                    shot.sha256, 0, OK, "e", 360, 780, (OcrLine("订单号 KM2026052821140311", box, 0.99),)
                ),
            )
            exhibits.edit_exhibit(s, first.exhibit_id, purpose="证明平台扣款")
        chat = tmp_path / "qq.txt"
        chat.write_bytes(cf.qq_txt())
        C.import_chat(prof, case_id, chat, me="小明")
    return case_id, first.exhibit_id, shot.exhibit_id


def test_search_json_names_binder_numbers_and_where(data_dir, tmp_path):
    case_id, _first, shot = _case(data_dir, tmp_path)
    out = kami_json("search", "--case", str(case_id), "21140311", data_dir=data_dir)
    [hit] = out["hits"]
    assert hit["kind"] == "ocr" and hit["exhibit_number"] == 2 and hit["exhibit_id"] == shot
    assert hit["snippet"] == "订单号 KM20260528【21140311】" and hit["box"] == [20.0, 90.0, 340.0, 120.0]
    assert hit["page"] == 0 and hit["line"] == 0
    chat = kami_json("search", "--case", str(case_id), "系统", "维护", "--limit", "1", data_dir=data_dir)[
        "hits"
    ]
    assert [(h["kind"], h["exhibit_number"]) for h in chat] == [("chat", 3)]
    assert {"chat_id", "message_id"} <= set(chat[0])
    short = kami_json("search", "--case", str(case_id), "扣", data_dir=data_dir)["hits"]
    assert [(h["kind"], h["exhibit_number"], h["snippet"]) for h in short] == [
        ("purpose", 1, "证明平台【扣】款")
    ]


def test_search_text_and_hostile_input(data_dir, tmp_path):
    case_id, _first, _shot = _case(data_dir, tmp_path)
    proc = kami("search", "--case", str(case_id), "KM2026", data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    assert "证据 2（订单）· 截图文字 · 第 1 个文件第 1 行" in proc.stdout and "【KM2026】" in proc.stdout
    for query in ('"NEAR(*', "-订单 AND", "😀"):
        proc = kami("search", "--json", "--case", str(case_id), "--", query, data_dir=data_dir)
        assert proc.returncode == 0 and json.loads(proc.stdout) == {"query": query, "hits": []}, proc.stderr
    proc = kami("search", "--case", str(case_id), "没有这句话", data_dir=data_dir)
    assert proc.returncode == 0 and "没有找到" in proc.stdout
    bad = kami("search", "--case", "99", "订单", "--json", data_dir=data_dir)
    assert bad.returncode == 2 and json.loads(bad.stdout)["ok"] is False and "案件 99 不存在" in bad.stdout
