"""Bad input: every failure is a BillError whose Chinese message names the file (and the line)."""

import io
import re

import pytest
from bill_fixtures import alipay_app_csv, wechat_csv

from kami_desktop.core.bills import BillError, parse_bill, parse_bill_bytes
from kami_desktop.core.bills.detect import INTERNAL_ERROR

NAME = "账单.csv"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _error(data: bytes, name: str = NAME) -> BillError:
    with pytest.raises(BillError) as exc:
        parse_bill_bytes(data, name)
    err = exc.value
    assert name in str(err) and CJK.search(err.reason) and INTERNAL_ERROR not in str(err)
    return err


def _alipay_lines() -> list[str]:
    return alipay_app_csv(eol="\n").decode("gbk").split("\n")


def _gbk(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("gbk")


@pytest.mark.parametrize(
    "data",
    [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"],
    ids=["empty", "blank", "bom", "bom-nl"],
)
def test_empty(data):
    assert "空" in _error(data).reason


def test_wrong_encoding_names_the_line():
    data = "支付宝交易明细\n第二行\n".encode("gbk") + b"\xff\xfe\x80\x80 broken\n"
    err = _error(data)
    assert "编码" in err.reason and err.line == 3


def test_truncated_in_the_middle_of_a_gbk_character():
    data = alipay_app_csv(eol="\n")
    cut = data[: len(data) - 5]
    while True:  # cut right after a GBK lead byte
        try:
            cut.decode("gbk")
        except UnicodeDecodeError as exc:
            if exc.start >= len(cut) - 2:
                break
        cut = cut[:-1]
    err = _error(cut)
    assert "截断" in err.reason and err.line == cut.count(b"\n") + 1


def test_truncated_in_the_middle_of_a_row():
    lines = _alipay_lines()
    last = next(i for i in range(len(lines) - 1, 0, -1) if lines[i])
    lines[last] = lines[last][: len(lines[last]) // 2]
    err = _error(_gbk(lines[: last + 1]))
    assert err.line == last + 1 and "截断" in err.reason


def test_truncated_utf8_wechat():
    data = wechat_csv()
    cut = data[: data.rindex("支付成功".encode()) + 4]  # inside a 3-byte UTF-8 character
    err = _error(cut)
    assert "截断" in err.reason and err.line == cut.count(b"\n") + 1


def test_header_missing_a_required_column():
    lines = _alipay_lines()
    lines[23] = lines[23].replace("金额,", "钱数,")
    err = _error(_gbk(lines))
    assert "找不到" in err.reason or "金额" in err.reason


def test_header_without_status_column():
    lines = _alipay_lines()
    lines[23] = lines[23].replace("交易订单号", "订单")
    err = _error(_gbk(lines))
    assert "交易订单号" in err.reason and err.line == 24


def test_row_missing_a_column():
    lines = _alipay_lines()
    cells = lines[26].split(",")
    del cells[3]
    lines[26] = ",".join(cells)
    err = _error(_gbk(lines))
    assert err.line == 27


def test_row_with_extra_columns():
    lines = _alipay_lines()
    lines[25] = lines[25] + "多余,内容,"
    err = _error(_gbk(lines))
    assert err.line == 26 and "多出" in err.reason


@pytest.mark.parametrize(
    ("old", "new", "word"),
    [
        ("100.00", "一百元", "金额"),
        ("2026-03-01 10:00:00", "昨天下午", "交易时间"),
        ("100.00", "-100.00", "金额"),
    ],
)
def test_bad_cells_name_the_line(old, new, word):
    lines = _alipay_lines()
    i = next(i for i, line in enumerate(lines) if "2026-03-01 10:00:00" in line)
    lines[i] = lines[i].replace(old, new, 1)
    err = _error(_gbk(lines))
    assert err.line == i + 1 and word in err.reason


def test_huge_line():
    lines = _alipay_lines()
    lines.insert(30, "2026-03-01 10:00:00," + "x" * 2_000_000)
    err = _error(_gbk(lines))
    assert err.line == 31 and "过长" in err.reason


def test_huge_line_without_commas_before_header():
    err = _error(b"A" * 3_000_000 + b"\n" + alipay_app_csv())
    assert err.line is None or err.line >= 1


def test_csv_that_is_not_a_bill():
    err = _error("姓名,年龄,城市\n张三,30,北京\n".encode("gbk"))
    assert "不是支付宝或微信支付" in err.reason and "姓名" in err.reason


def test_alipay_cashbook_export_is_rejected_with_guidance():
    data = "记录时间,分类,收支类型,金额,备注,账户,来源,标签,\n2026-01-01 10:00,餐饮,支出,10.00,,余额,,,\n".encode(
        "gbk"
    )
    err = _error(data)
    assert "记账本" in err.reason and "交易流水证明" in err.reason


def test_bank_csv_is_rejected():
    data = (
        "明细查询文件下载\n卡号: 6222****1234\n\n交易日期,摘要,交易详情,交易金额(支出),余额\n"
        "2026-01-01,消费,财付通,10.00,90.00\n"
    ).encode()
    assert "银行" in _error(data).reason


def test_other_bank_excel_file_is_rejected():
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["中国建设银行个人活期账户交易明细"])
    ws.append(["交易日期", "摘要", "交易金额", "账户余额", "对方户名"])
    ws.append(["20260101", "消费", -10.5, 89.5, "某商户"])
    buf = io.BytesIO()
    wb.save(buf)
    err = _error(buf.getvalue(), "流水.xlsx")
    assert "银行" in err.reason


def test_empty_excel_file():
    import openpyxl

    buf = io.BytesIO()
    openpyxl.Workbook().save(buf)
    assert "空" in _error(buf.getvalue(), "e.xlsx").reason


def test_alipay_resaved_as_xlsx_is_rejected_with_guidance():
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        [
            "交易时间",
            "交易分类",
            "交易对方",
            "对方账号",
            "商品说明",
            "收/支",
            "金额",
            "收/付款方式",
            "交易状态",
            "交易订单号",
        ]
    )
    buf = io.BytesIO()
    wb.save(buf)
    assert "原始 CSV" in _error(buf.getvalue(), "a.xlsx").reason


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "xls"),
        (b"%PDF-1.7\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "图片"),
        (b"Rar!\x1a\x07\x00", "RAR"),
    ],
)
def test_other_binary_formats(data, word):
    assert word in _error(data, "x.bin").reason


def test_binary_garbage():
    assert "二进制" in _error(b"\x00\x01\x02abc\x00" * 10, "x.bin").reason


def test_qq_chat_given_as_bill():
    data = "消息记录（此消息记录为文本格式，不支持重新导入）\r\n\r\n".encode("utf-8-sig")
    assert "聊天记录" in _error(data, "全部消息记录.txt").reason


def test_header_only_bill_is_empty_with_warning():
    lines = _alipay_lines()[:24]
    bill = parse_bill_bytes(_gbk(lines), NAME)
    assert bill.transactions == [] and any("没有交易记录" in w for w in bill.warnings)


def test_banner_without_table():
    lines = _alipay_lines()[:23]
    err = _error(_gbk(lines))
    assert "表头" in err.reason


def test_missing_and_directory_paths(tmp_path):
    with pytest.raises(BillError) as exc:
        parse_bill(tmp_path / "不存在.csv")
    assert "不存在.csv" in str(exc.value) and "无法读取" in str(exc.value)
    with pytest.raises(BillError):
        parse_bill(tmp_path)
