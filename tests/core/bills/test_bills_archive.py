"""The mailed archives: Alipay AES-256 zip, WeChat ZipCrypto zip with a folder, and zip-bomb guards."""

import io
import zipfile

import pytest
from bill_fixtures import (
    EXPECTED_NET,
    PLATFORM,
    alipay_app_csv,
    alipay_zip,
    raw_zip,
    wechat_csv,
    wechat_xlsx,
    wechat_zip,
)

from kami_desktop.core.bills import (
    BillError,
    PasswordRequired,
    archive,
    parse_bill,
    parse_bill_bytes,
    reconcile,
)

ALIPAY_ZIP_NAME = "支付宝交易明细(20260301-20260331).zip"


def test_alipay_aes_zip_with_password(tmp_path):
    path = tmp_path / ALIPAY_ZIP_NAME
    path.write_bytes(alipay_zip(alipay_app_csv(), "381942"))
    bill = parse_bill(path, password="381942")
    assert bill.layout == "alipay-csv-2026"
    assert ALIPAY_ZIP_NAME in bill.file and bill.file.endswith(".csv")
    assert reconcile(bill, [PLATFORM]).net == EXPECTED_NET


def test_alipay_zip_without_password():
    with pytest.raises(PasswordRequired) as exc:
        parse_bill_bytes(alipay_zip(alipay_app_csv(), "381942"), ALIPAY_ZIP_NAME)
    assert exc.value.wrong_password is False
    assert ALIPAY_ZIP_NAME in str(exc.value) and "密码" in str(exc.value)
    assert isinstance(exc.value, BillError)


@pytest.mark.parametrize("wrong", ["000000", "38194", " 381943 "])
def test_alipay_zip_wrong_password(wrong):
    with pytest.raises(PasswordRequired) as exc:
        parse_bill_bytes(alipay_zip(alipay_app_csv(), "381942"), ALIPAY_ZIP_NAME, password=wrong)
    assert exc.value.wrong_password is True and "不正确" in str(exc.value)


def test_password_surrounding_spaces_are_ignored():
    bill = parse_bill_bytes(alipay_zip(alipay_app_csv(), "381942"), ALIPAY_ZIP_NAME, password=" 381942\n")
    assert bill.source == "alipay"


@pytest.mark.parametrize("version", [1, 2])
def test_wechat_zipcrypto_with_folder_and_xlsx(version):
    data = wechat_zip(wechat_xlsx(version=version), "720315")
    assert len(zipfile.ZipFile(io.BytesIO(data)).namelist()) == 2  # folder + file, like the mailed zip
    bill = parse_bill_bytes(data, "微信支付-账单流水文件.zip", password="720315")
    assert bill.layout == f"wechat-xlsx-v{version}"
    assert reconcile(bill, [PLATFORM]).net == EXPECTED_NET


def test_wechat_csv_zip_wrong_and_missing_password():
    data = raw_zip([("微信支付账单(20250301-20250331).csv", wechat_csv())], "123456")
    assert reconcile(parse_bill_bytes(data, "w.zip", "123456"), [PLATFORM]).net == EXPECTED_NET
    with pytest.raises(PasswordRequired) as missing:
        parse_bill_bytes(data, "w.zip")
    assert missing.value.wrong_password is False
    # ZipCrypto checks one byte only: try several wrong passwords, every one must be reported as wrong
    for wrong in ("000000", "111111", "123457", "654321", "999999"):
        with pytest.raises(PasswordRequired) as exc:
            parse_bill_bytes(data, "w.zip", wrong)
        assert exc.value.wrong_password is True


def test_unencrypted_zip_with_gbk_member_name_and_extra_files():
    data = raw_zip(
        [("说明.txt", "无关".encode("gbk")), ("支付宝交易明细(20260301-20260331).csv", alipay_app_csv())],
        utf8_names=False,
    )
    bill = parse_bill_bytes(data, "a.zip")
    assert "支付宝交易明细" in bill.file  # GBK member name decoded for the user
    assert any("多个文件" in w for w in bill.warnings)


def test_zip_without_bill():
    data = raw_zip([("photo.jpg", b"\xff\xd8\xff" + b"0" * 10)])
    with pytest.raises(BillError, match="没有找到账单文件"):
        parse_bill_bytes(data, "x.zip")


def test_zip_bomb_declared_size_is_refused():
    data = raw_zip([("a.csv", b"0" * 1000)], declared_size=archive.MAX_UNCOMPRESSED + 1)
    with pytest.raises(BillError, match="超过上限"):
        parse_bill_bytes(data, "bomb.zip")


def test_zip_bomb_lying_small_size_reads_no_more_than_declared():
    # 50 MB of zeros that claims to be 10 bytes: the reader stops at 10 bytes and the CRC check fails
    data = raw_zip([("a.csv", b"\x00" * (50 * 1024 * 1024))], declared_size=10)
    with pytest.raises(BillError) as exc:
        parse_bill_bytes(data, "bomb.zip")
    assert "bomb.zip" in str(exc.value)


def test_too_many_members():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(archive.MAX_MEMBERS + 1):
            zf.writestr(f"{i}.csv", b"x")
    with pytest.raises(BillError, match="超过上限"):
        parse_bill_bytes(buf.getvalue(), "many.zip")


def test_xlsx_bomb_is_refused():
    data = raw_zip(
        [("[Content_Types].xml", b"<x/>"), ("xl/workbook.xml", b"<x/>")],
        declared_size=archive.MAX_XLSX_UNCOMPRESSED,
    )
    with pytest.raises(BillError, match="超过上限"):
        parse_bill_bytes(data, "big.xlsx")


def test_nested_zip_is_refused():
    inner = raw_zip([("a.csv", alipay_app_csv())])
    with pytest.raises(BillError, match="套着压缩包"):
        parse_bill_bytes(raw_zip([("inner.zip", inner), ("b.csv", inner)]), "outer.zip")


@pytest.mark.parametrize("cut", [10, 100, -30])
def test_truncated_zip(cut):
    data = alipay_zip(alipay_app_csv(), "381942")
    with pytest.raises(BillError):
        parse_bill_bytes(data[:cut], ALIPAY_ZIP_NAME, "381942")


def test_corrupted_member_data():
    data = bytearray(raw_zip([("a.csv", alipay_app_csv())]))
    data[200] ^= 0xFF
    with pytest.raises(BillError) as exc:
        parse_bill_bytes(bytes(data), "a.zip")
    assert "a.zip" in str(exc.value)
