"""Which importer a file goes to, by its content: bills, chat exports, everything else as evidence files."""

import zipfile

from kami_desktop.core.evidence.kinds import BILL, CHAT, FILE, import_kind, sort_paths
from tests.core.bills import bill_fixtures as bf
from tests.core.chats import chat_fixtures as cf
from tests.helpers import screenshot


def _write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_bills_are_recognised_by_content_whatever_their_name(tmp_path):
    assert import_kind(_write(tmp_path, "a.csv", bf.alipay_app_csv())) == BILL
    assert import_kind(_write(tmp_path, "下载.dat", bf.alipay_2021_csv())) == BILL  # name says nothing
    assert import_kind(_write(tmp_path, "wx.csv", bf.wechat_csv())) == BILL
    assert import_kind(_write(tmp_path, "wx.xlsx", bf.wechat_xlsx())) == BILL
    assert import_kind(_write(tmp_path, "mail.zip", bf.alipay_zip(bf.alipay_app_csv(), "8642"))) == BILL
    assert import_kind(_write(tmp_path, "wxmail.zip", bf.wechat_zip(bf.wechat_xlsx(), "135790"))) == BILL


def test_chat_exports_are_recognised_by_content(tmp_path):
    assert import_kind(_write(tmp_path, "qq.txt", cf.qq_txt())) == CHAT
    assert import_kind(_write(tmp_path, "x.csv", cf.memotrace_csv())) == CHAT
    assert import_kind(_write(tmp_path, "x.txt", cf.memotrace_txt())) == CHAT
    assert import_kind(_write(tmp_path, "x.html", cf.memotrace_html())) == CHAT


def test_everything_else_is_an_evidence_file(tmp_path):
    assert import_kind(screenshot(tmp_path / "截图.png", 1)) == FILE
    assert import_kind(_write(tmp_path, "notes.txt", "客服电话：400-000-0000\n明天再打\n".encode())) == FILE
    assert import_kind(_write(tmp_path, "支付宝交易明细.csv", "日期,金额\n2025-03-01,10\n".encode())) == FILE
    plain = tmp_path / "photos.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("IMG_0001.jpg", b"\xff\xd8\xff" + b"0" * 100)
    assert import_kind(plain) == FILE
    assert import_kind(_write(tmp_path, "empty.csv", b"")) == FILE
    assert import_kind(tmp_path / "missing.csv") == FILE
    assert import_kind(tmp_path) == FILE  # a folder: the file importer walks it


def test_sort_paths_keeps_the_given_order_in_each_kind(tmp_path):
    a = str(_write(tmp_path, "a.csv", bf.alipay_app_csv()))
    q = str(_write(tmp_path, "q.txt", cf.qq_txt()))
    s = str(screenshot(tmp_path / "s.png", 2))
    w = str(_write(tmp_path, "w.xlsx", bf.wechat_xlsx()))
    got = sort_paths([s, a, q, w])
    assert (got.bills, got.chats, got.files) == ([a, w], [q], [s])
