"""Schema 0007 moves the product's advice out of a stored exhibit's notes (the user's lines stay), gives every
case its one cause as a list of causes, and leaves every party's basis empty for the user to choose."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import text

from kami_desktop.core.bills.common import personal_only_warning
from kami_desktop.core.store.db import alembic_config, make_engine
from kami_desktop.core.util.timeutil import now

BEFORE = "0006_bill_sheets"
CHAT_HINT = "未指定本人的微信昵称，无法判断哪些消息是本人发送的。"


def _exhibit(c, case_id: int, title: str, notes: str) -> int:
    at = now().isoformat()
    return c.execute(
        text(
            "INSERT INTO exhibits (case_id, title, category, purpose, source, position, notes, tags, created_at, "
            "updated_at) VALUES (:c, :t, 'funds', '', '', 0, :n, '[]', :at, :at) RETURNING id"
        ),
        {"c": case_id, "t": title, "n": notes, "at": at},
    ).scalar_one()


def _blob(c, sha: str) -> None:
    c.execute(
        text(
            "INSERT INTO blobs (sha256, sm3, size, media_type, first_seen) VALUES (:s, :s, 1, 'text/csv', :at)"
        ),
        {"s": sha, "at": now().isoformat()},
    )


def test_advice_leaves_the_notes_and_causes_become_a_list(tmp_path):
    engine = make_engine(tmp_path / "kami.sqlite3")
    command.upgrade(alembic_config(engine), BEFORE)
    advice = personal_only_warning("alipay")
    with engine.begin() as c:
        at = now().isoformat()
        case_id = c.execute(
            text(
                "INSERT INTO cases (title, platform_name, platform_url, cause_type, stage, notes, created_at, "
                "updated_at, platform_terms) VALUES ('旧案件', '星辰卡盟', '', 'hidden_rule', 'negotiation', '', "
                ":at, :at, '[]') RETURNING id"
            ),
            {"at": at},
        ).scalar_one()
        c.execute(
            text(
                "INSERT INTO parties (case_id, role, name, uscc, icp, address, legal_representative, phone, "
                "website, is_defendant, notes, id_number, gender, ethnicity, occupation, legal_rep_title) "
                "VALUES (:c, 'operator', '星辰公司', '', '', '', '', '', '', 1, '', '', '', '', '', '')"
            ),
            {"c": case_id},
        )
        bill_ex = _exhibit(c, case_id, "支付宝账单", f"{advice}\n本人另注：3月份的充值记录在第2页")
        chat_ex = _exhibit(c, case_id, "微信聊天", CHAT_HINT)
        own_ex = _exhibit(c, case_id, "截图", "客服工号 1024")
        for sha, ex, table, warnings in (
            ("a" * 64, bill_ex, "bills", [advice]),
            ("b" * 64, chat_ex, "chats", [CHAT_HINT]),
        ):
            _blob(c, sha)
            if table == "bills":
                c.execute(
                    text(
                        "INSERT INTO bills (exhibit_id, blob_sha256, source, layout, personal_only, account, "
                        "holder, warnings, imported_at, rows_complete) VALUES (:ex, :sha, 'alipay', 'x', 1, '', "
                        "'', :w, :at, 1)"
                    ),
                    {"ex": ex, "sha": sha, "w": json.dumps(warnings, ensure_ascii=False), "at": at},
                )
            else:
                c.execute(
                    text(
                        "INSERT INTO chats (exhibit_id, blob_sha256, format, participants, me, warnings, "
                        "imported_at) VALUES (:ex, :sha, 'memotrace-txt', '[]', '', :w, :at)"
                    ),
                    {"ex": ex, "sha": sha, "w": json.dumps(warnings, ensure_ascii=False), "at": at},
                )
    command.upgrade(alembic_config(engine), "0007_court_copies")
    with engine.connect() as c:
        notes = dict(c.execute(text("SELECT id, notes FROM exhibits")).all())
        assert notes[bill_ex] == "本人另注：3月份的充值记录在第2页"  # the user's line stays
        assert notes[chat_ex] == "" and notes[own_ex] == "客服工号 1024"
        # the advice itself is not lost: it stays with the bill and the chat, where the app reads it
        assert json.loads(c.execute(text("SELECT warnings FROM bills")).scalar_one()) == [advice]
        assert json.loads(c.execute(text("SELECT causes FROM cases")).scalar_one()) == ["hidden_rule"]
        assert c.execute(text("SELECT basis FROM parties")).scalar_one() == ""
    engine.dispose()
