"""The log redacts ID numbers, USCC-like codes and mobile numbers, never holds file contents, stays private."""

from __future__ import annotations

import logging
import os
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kami_desktop.core.util.logs import LOG_NAME, MAX_MESSAGE, RedactingFilter, redact, setup_logging


@pytest.fixture
def logger(profile):
    log = setup_logging(profile)
    yield log
    for h in list(log.handlers):
        if getattr(h, "_kami_log", False):
            log.removeHandler(h)
            h.close()


def read_log(profile) -> str:
    for h in logging.getLogger("kami_desktop").handlers:
        h.flush()
    return (profile.logs_dir / LOG_NAME).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证号110105199001011234已提交", "身份证号110*************34已提交"),
        ("11010519900101123X", "110*************3X"),
        ("11010519900101123x", "110*************3x"),
        ("营业执照 91350100M000100Y43。", "营业执照 913*************43。"),
        ("uscc=91110000100000000K,", "uscc=911*************0K,"),
        ("客服电话13812345678", "客服电话138******78"),
        ("手机 138-1234-5678 / 138 1234 5678", "手机 138******78 / 138******78"),
        ("+8613912345678 与 0086 13912345678", "+86139******78 与 0086 139******78"),
        ("全角１３８１２３４５６７８", "全角１３８******７８"),
        ("全角证件１１０１０５１９９００１０１１２３４", "全角证件１１０*************３４"),
    ],
)
def test_personal_numbers_keep_only_three_leading_and_two_trailing_characters(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "sha256 4d18a3dec41239c019e5150ede97e466c7c0a10e167b483689ef86de35d72774",
        "订单号 2025031222001438091234567890",  # longer digit runs are order numbers, not IDs or phones
        "金额 1798.00 元，12345 条，2025-03-12T20:30:11+08:00",
        "座机 0591-00000000",
        "ABCDEFGHJKLMNPQRTU",
        "12345678901",  # 11 digits that cannot be a mainland mobile (second digit 2)
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert redact(text) == text


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="0123456789", min_size=9, max_size=9),
    st.sampled_from("3456789"),
    st.text(max_size=10).filter(lambda s: not s[-1:].isalnum()),
    st.text(max_size=10).filter(lambda s: not s[:1].isalnum()),
)
def test_any_mobile_between_any_text_is_hidden(rest, second, before, after):
    number = "1" + second + rest
    out = redact(before + number + after)
    assert number not in out and number[:3] + "******" + number[-2:] in out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789", min_size=17, max_size=17), st.sampled_from("0123456789X"))
def test_any_18_character_id_is_hidden(body, check):
    token = body + check
    out = redact(f"证件：{token}。")
    assert token not in out and out == f"证件：{token[:3]}{'*' * 13}{token[-2:]}。"


def test_the_log_file_is_redacted_private_and_rotating(profile, logger):
    child = logging.getLogger("kami_desktop.core.test")
    child.info("party %s phone %s", "91350100M000100Y43", "13812345678")
    child.warning("id=%(id)s", {"id": "110105199001011234"})
    try:
        raise ValueError("bad USCC 91350100M000100Y43 for 13812345678")
    except ValueError:
        child.exception("import failed")
    text = read_log(profile)
    for secret in ("91350100M000100Y43", "13812345678", "110105199001011234"):
        assert secret not in text
    assert "913*************43" in text and "138******78" in text and "Traceback" in text
    assert "+08:00" in text.splitlines()[0]
    handler = next(h for h in logger.handlers if getattr(h, "_kami_log", False))
    assert handler.maxBytes == 1_000_000 and handler.backupCount >= 1
    if os.name != "nt":
        assert stat.S_IMODE((profile.logs_dir / LOG_NAME).stat().st_mode) == 0o600
        assert stat.S_IMODE(profile.logs_dir.stat().st_mode) & 0o077 == 0


def test_file_contents_never_reach_the_log(profile, logger):
    secret = "身份证 110105199001011234 的照片内容".encode() + b"\x89PNG" * 50
    log = logging.getLogger("kami_desktop.core.test")
    log.info("read %s", secret)
    log.info(secret)
    log.info("%s", "x" * (MAX_MESSAGE * 5))
    text = read_log(profile)
    assert "PNG" not in text and "照片内容" not in text and "字节内容未记录" in text
    assert max(len(line) for line in text.splitlines()) < MAX_MESSAGE + 200


def test_records_are_redacted_for_every_handler_after_ours(profile, logger, caplog):
    # caplog's handler sits on the root logger, i.e. after ours: it must see the redacted record too
    with caplog.at_level(logging.INFO, logger="kami_desktop"):
        logging.getLogger("kami_desktop.x").info("phone %s", "13912345678")
    assert "13912345678" not in caplog.text and "139******78" in caplog.text


def test_setup_twice_keeps_one_handler(profile, logger):
    setup_logging(profile)
    assert sum(getattr(h, "_kami_log", False) for h in logging.getLogger("kami_desktop").handlers) == 1


def test_a_broken_format_string_is_still_logged():
    record = logging.LogRecord("kami_desktop", logging.INFO, __file__, 1, "%s %s 13812345678", ("one",), None)
    assert RedactingFilter().filter(record)
    assert "138******78" in record.getMessage()


# ---------------------------------------------------------------- the forms personal numbers take
_DIGITS = "0123456789"
_LAYOUTS = {  # group sizes people write these numbers in
    "id18": [[18], [6, 8, 4], [6, 4, 4, 4], [3, 3, 4, 4, 4]],
    "id15": [[15], [6, 6, 3], [3, 4, 4, 4]],
    "card16": [[16], [4, 4, 4, 4]],
    "card19": [[19], [4, 4, 4, 4, 3], [6, 13]],
    "mobile": [[11], [3, 4, 4]],
}
_PREFIXES = ["", "ID", "sfz", "No.", "id:", "身份证号", "卡号", "Card", "tel", "手机", "x", "编号 ", "A-"]
_CALLING = ["+86", "+86 ", "0086 ", "0086-"]  # only before a mobile number


@st.composite
def personal_number(draw) -> tuple[str, str]:
    """(the number's characters, the number as written)."""
    kind = draw(st.sampled_from(sorted(_LAYOUTS)))
    if kind == "mobile":
        number = "1" + draw(st.sampled_from("3456789")) + draw(st.text(_DIGITS, min_size=9, max_size=9))
        seps = " -."
    else:
        n = {"id18": 17, "id15": 15, "card16": 16, "card19": 19}[kind]
        number = draw(st.text(_DIGITS, min_size=n, max_size=n))
        if kind == "id18":
            number += draw(st.sampled_from(_DIGITS + "Xx"))
        seps = " -.\u3000"
    if draw(st.booleans()):
        number = number.translate(str.maketrans(_DIGITS, "０１２３４５６７８９"))
    sizes = draw(st.sampled_from(_LAYOUTS[kind]))
    sep = draw(st.sampled_from(seps))
    groups, at = [], 0
    for size in sizes:
        groups.append(number[at : at + size])
        at += size
    calling = draw(st.sampled_from(["", *_CALLING])) if kind == "mobile" else ""
    return number, calling + sep.join(groups)


def _no_digit(text: str) -> str:
    return "".join(c for c in text if not c.isdigit())


@settings(max_examples=400, deadline=None)
@given(personal_number(), st.sampled_from(_PREFIXES), st.text(max_size=8), st.text(max_size=8))
def test_every_written_form_keeps_at_most_three_leading_and_two_trailing_characters(
    secret, prefix, before, after
):
    number, written = secret
    before, after = _no_digit(before) + prefix, _no_digit(after)
    out = redact(before + written + after)
    assert written not in out
    shown = "".join(c for c in out if c.isdigit() or c in "Xx")
    assert number[3:-2] not in shown, out


@settings(max_examples=300, deadline=None)
@given(personal_number(), st.text(max_size=12), st.text(max_size=12))
def test_a_number_beside_other_numbers_is_still_hidden(secret, before, after):
    number, written = secret
    # a digit touching the number makes it another number; anything else may stand around it
    before = before if not before[-1:].isdigit() else before + "号"
    after = after if not after[:1].isdigit() and after[:1] not in "Xx" else "号" + after
    out = redact(before + written + after)
    assert written not in out and number not in out


@pytest.fixture(scope="module")
def module_log(tmp_path_factory):
    from types import SimpleNamespace

    logs = tmp_path_factory.mktemp("logs")
    log = setup_logging(SimpleNamespace(logs_dir=logs))
    yield logs / LOG_NAME
    for h in list(log.handlers):
        if getattr(h, "_kami_log", False):
            log.removeHandler(h)
            h.close()


@settings(max_examples=150, deadline=None)
@given(personal_number(), st.sampled_from(_PREFIXES))
def test_no_written_form_reaches_the_log_file_through_messages_paths_or_tracebacks(
    module_log, secret, prefix
):
    number, written = secret
    log = logging.getLogger("kami_desktop.core.test")
    start = module_log.stat().st_size if module_log.exists() else 0
    log.warning("备份写入 %s", f"D:\\备份\\{prefix}{written}\\kami.zip")
    try:
        raise ValueError(f"当事人{prefix}{written}的信息有误")
    except ValueError:
        log.exception("导入失败：%s", written)
    for h in log.parent.handlers if log.parent else []:
        h.flush()
    for h in logging.getLogger("kami_desktop").handlers:
        h.flush()
    with open(module_log, encoding="utf-8") as fh:
        fh.seek(start)
        text = fh.read()
    assert "Traceback" in text and written not in text and number not in text
    assert number[3:-2] not in "".join(c for c in text if c.isdigit() or c in "Xx")
