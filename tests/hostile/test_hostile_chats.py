"""Chat exports that would cost a naive parser gigabytes are parsed in bounded memory or refused with a clear
Chinese message naming the file; a refused import changes nothing. Run in an interpreter capped at 1 GiB."""

from __future__ import annotations

import re

import pytest

from kami_desktop.core.profile import Profile
from tests.fixtures.evidence import populate, profile_state
from tests.hostile.bounded import run_bounded
from tests.hostile.chat_bombs import (
    memotrace_csv_of,
    memotrace_html_of,
    memotrace_html_of_line_breaks,
    qq_with_a_flood_of_empty_lines,
)

try:
    from kami_desktop.core.chats.common import MAX_MESSAGES
except ImportError:  # the code before the caps: the tests below must fail on it, not error out
    MAX_MESSAGES = 200_000

CJK = re.compile(r"[\u4e00-\u9fff]")
PARSE_AND_IMPORT = """
from kami_desktop.core.chats import ChatError, parse_chat
path, data_dir = args
try:
    chat = parse_chat(path)
    out["parse"] = {"ok": True, "messages": len(chat.messages)}
except ChatError as exc:
    out["parse"] = {"ok": False, "error": str(exc)}
out["parse_peak_mib"] = peak_mib()
if data_dir != "-":
    from kami_desktop.core.chats.store import import_chat
    from kami_desktop.core.profile import Profile

    with Profile.open(data_dir) as p:
        try:
            import_chat(p, 1, path)
            out["import"] = {"ok": True}
        except ChatError as exc:
            out["import"] = {"ok": False, "error": str(exc)}
"""


@pytest.fixture
def kept(tmp_path):
    data_dir = tmp_path / "kami"
    with Profile.open(data_dir) as p:
        populate(p, tmp_path / "src", shots=1)
    return data_dir, profile_state(data_dir)


CASES = [
    (memotrace_csv_of, 2_000_000, "星辰客服_utf8.csv", (str(MAX_MESSAGES), "上限")),
    (qq_with_a_flood_of_empty_lines, 200, "全部消息记录.txt", ("上限",)),
    (memotrace_html_of, MAX_MESSAGES + 1, "星辰客服.html", (str(MAX_MESSAGES), "上限")),
]


@pytest.mark.parametrize("build, size, name, words", CASES, ids=["csv-2M", "qq-flood", "html-many"])
def test_huge_chat_exports_are_refused_in_bounded_memory(kept, tmp_path, build, size, name, words):
    data_dir, before = kept
    path = build(tmp_path / name, size)
    out = run_bounded(PARSE_AND_IMPORT, path, data_dir)
    for step in ("parse", "import"):
        result = out[step]
        assert result["ok"] is False, out
        message = result["error"]
        assert name in message and CJK.search(message), message
        assert "MemoryError" not in message and "内部错误" not in message, message
        assert all(w in message for w in words), message
    assert out["parse_peak_mib"] < 800, out
    assert profile_state(data_dir) == before


def test_an_html_export_padded_with_line_breaks_is_read_in_bounded_memory(tmp_path):
    """Whitespace inside the array is valid JavaScript: the messages are read, without a list of every line break."""
    path = memotrace_html_of_line_breaks(tmp_path / "星辰客服.html", 200)
    out = run_bounded(PARSE_AND_IMPORT, path, "-")
    assert out["parse"] == {"ok": True, "messages": 6}, out
    assert out["parse_peak_mib"] < 800, out


def test_a_chat_right_at_the_cap_is_parsed_in_bounded_memory(tmp_path):
    path = memotrace_csv_of(tmp_path / "星辰客服_utf8.csv", MAX_MESSAGES)
    out = run_bounded(PARSE_AND_IMPORT, path, "-")
    assert out["parse"] == {"ok": True, "messages": MAX_MESSAGES}, out
