"""Bad chat input: always a ChatError whose Chinese message names the file (and the line)."""

import re

import pytest
from chat_fixtures import memotrace_csv, memotrace_html, qq_txt

from kami_desktop.core.chats import ChatError, parse_chat, parse_chat_bytes
from kami_desktop.core.chats.detect import INTERNAL_ERROR

CJK = re.compile(r"[\u4e00-\u9fff]")


def _error(data: bytes, name: str = "聊天.txt") -> ChatError:
    with pytest.raises(ChatError) as exc:
        parse_chat_bytes(data, name)
    assert name in str(exc.value) and CJK.search(exc.value.reason) and INTERNAL_ERROR not in str(exc.value)
    return exc.value


@pytest.mark.parametrize("data", [b"", b"\r\n \r\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty(data):
    assert "空" in _error(data).reason


def test_truncated_utf8_character_names_the_last_line():
    data = qq_txt()
    cut = data[: data.rindex("同样没到账".encode()) + 2]
    err = _error(cut)
    assert "截断" in err.reason and err.line == cut.count(b"\n") + 1


def test_wrong_encoding_names_the_line():
    data = "第一行\n第二行\n".encode() + b"\xff\xff\x80\x81\x82 bad\nmore\n"
    err = _error(data)
    assert "编码" in err.reason and err.line == 3


def test_not_a_chat():
    err = _error("这是一份普通的说明文档。\n第二段。\n".encode())
    assert "不是可识别的聊天记录" in err.reason and "普通的说明" in err.reason


def test_bill_given_as_chat():
    assert "账单" in _error("微信支付账单明细,,,,\n".encode(), "w.csv").reason


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"PK\x03\x04rest", "压缩包"),
        (b"%PDF-1.4", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "图片"),
        (b"SQLite format 3\x00", "数据库"),
    ],
)
def test_binary_formats(data, word):
    assert word in _error(data, "x.bin").reason


def test_binary_garbage():
    assert "二进制" in _error(b"abc\x00\x00\x01\x02" * 3 + b"abc", "x.bin").reason


def test_huge_line():
    data = qq_txt()[:-2] + b"x" * 1_500_000 + b"\r\n"
    err = _error(data)
    assert "过长" in err.reason and err.line == qq_txt().count(b"\n")


def test_huge_csv_field():
    data = memotrace_csv().replace("稍等".encode(), "稍".encode() * 200_000)
    err = _error(data, "a_utf8.csv")
    assert err.line is not None


def test_csv_extra_columns():
    text = memotrace_csv().decode("utf-8-sig").split("\r\n")
    text[2] = text[2] + ",多,余"
    err = _error("\r\n".join(text).encode("utf-8-sig"), "a_utf8.csv")
    assert err.line == 3 and "多" in err.reason


def test_csv_bad_time():
    text = memotrace_csv().decode("utf-8-sig").split("\r\n")
    cells = text[3].split(",")
    cells[5] = "abc"
    cells[8] = "昨天"
    text[3] = ",".join(cells)
    err = _error("\r\n".join(text).encode("utf-8-sig"), "a_utf8.csv")
    assert err.line == 4 and "时间" in err.reason


def test_html_without_chat_data_is_not_recognised():
    err = _error(b"<html><body><p>hello</p></body></html>", "x.html")
    assert "不是可识别的聊天记录" in err.reason


def test_html_bad_timestamp():
    data = memotrace_html().replace(b"timestamp:", b"timestamp:'x',old:", 1)
    err = _error(data, "x.html")
    assert err.line == 9 and "时间戳" in err.reason


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ChatError, match="无法读取"):
        parse_chat(tmp_path / "没有.txt")
    with pytest.raises(ChatError):
        parse_chat(tmp_path)
