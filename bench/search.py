"""Benchmark: full-text search over a big case.

A case with 10,000 exhibits whose screenshots were read by OCR (generated Chinese lines, ~15 a page),
a chat of 100,000 messages and a bill of 10,000 rows, written with bulk SQL. Prints:

- the index build (the first search of the case), its size;
- the incremental update after one edit and after one new OCR page (the next search, update included);
- query time (median) for 3+-character queries (FTS5 trigram) and 2-character queries (LIKE over the
  index), each against a plain ``LIKE`` scan of the same text in the case file (ocr_texts.text,
  chat_messages.sender/text, bill_rows) in the same run, with the ratio. Asserts nothing.

    .venv/bin/python bench/search.py [--exhibits 10000] [--messages 100000] [--rows 10000]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text  # noqa: E402

from kami_desktop.core.case.cases import create_case  # noqa: E402
from kami_desktop.core.evidence.exhibits import edit_exhibit  # noqa: E402
from kami_desktop.core.ocr.model import OK, OcrLine, OcrPage, lines_to_json  # noqa: E402
from kami_desktop.core.ocr.store import save_page  # noqa: E402
from kami_desktop.core.profile import Profile  # noqa: E402
from kami_desktop.core.search import index as search_index  # noqa: E402
from kami_desktop.core.search import search  # noqa: E402
from kami_desktop.core.store.model import (  # noqa: E402
    Bill,
    BillRow,
    Blob,
    Chat,
    ChatMessage,
    Exhibit,
    ExhibitFile,
    OcrText,
)
from kami_desktop.core.util.timeutil import now  # noqa: E402

PHRASES = [
    "订单详情",
    "支付成功",
    "充值失败",
    "订单异常",
    "款项未到账",
    "处理中，请耐心等待",
    "联系客服",
    "申请退款",
    "退款申请已提交",
    "交易关闭",
    "点卡充值",
    "星辰卡盟",
    "商品名称：游戏点卡100元",
    "付款方式：支付宝",
    "收款方：某某网络科技有限公司",
    "系统维护中，暂时无法提现",
    "账户余额不足",
    "会员自动续费",
    "服务费扣除",
    "请在24小时内完成支付",
]
SENDERS = ["小明", "星辰客服", "客服小美", "管理员阿强"]
QUERIES_LONG = ["款项未到账", "KM20260528", "系统维护中", "某某网络科技", "¥1798.00"]
QUERIES_SHORT = ["退款", "扣除", "到账", "¥1"]


def order_no(rng: random.Random) -> str:
    return f"KM2026{rng.randrange(10**9, 10**10)}"


def page_lines(rng: random.Random, i: int) -> list[str]:
    lines = [rng.choice(PHRASES) for _ in range(12)]
    lines.insert(2, f"订单号 {order_no(rng)}")
    lines.insert(4, f"实付款 ￥{rng.randrange(1, 5000)}.{rng.randrange(100):02d}")
    lines.insert(6, f"2026-05-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:11")
    if i == 4321 or i == 432:
        lines.insert(3, "订单号 KM2026052821140311 ¥1798.00")
    return lines


def build(profile: Profile, exhibits: int, messages: int, rows: int) -> int:
    rng = random.Random(16)
    stamp = now()
    with profile.session() as s:
        case_id = create_case(s, "星辰卡盟 充值未到账").id
    blobs, exs, files, ocr = [], [], [], []
    for i in range(exhibits + 2):
        sha = hashlib.sha256(f"bench-search-{i}".encode()).hexdigest()
        media = "image/png" if i < exhibits else "text/plain"
        blobs.append({"sha256": sha, "sm3": sha, "size": 1000 + i, "media_type": media, "first_seen": stamp})
        exs.append(
            {
                "id": i + 1,
                "case_id": case_id,
                "title": f"截图 {i:05d}",
                "category": "other",
                "purpose": "证明平台扣款后未到账" if i % 7 == 0 else "",
                "source": "手机截图",
                "position": i + 1,
                "notes": "",
                "tags": ["订单"] if i % 3 == 0 else [],
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        files.append(
            {
                "exhibit_id": i + 1,
                "blob_sha256": sha,
                "position": 1,
                "original_name": f"Screenshot_{i:05d}.png",
                "original_path": "",
                "imported_at": stamp,
                "problem": "",
            }
        )
        if i < exhibits:
            lines = page_lines(rng, i)
            boxed = [
                OcrLine(t, ((20, 40 * n), (700, 40 * n), (700, 40 * n + 30), (20, 40 * n + 30)), 0.98)
                for n, t in enumerate(lines)
            ]
            ocr.append(
                {
                    "blob_sha256": sha,
                    "page": 0,
                    "status": OK,
                    "engine": "bench",
                    "width": 1170,
                    "height": 2532,
                    "text": "\n".join(lines),
                    "lines": lines_to_json(boxed),
                    "problem": "",
                    "read_at": stamp,
                }
            )
    chat_sha, bill_sha = blobs[exhibits]["sha256"], blobs[exhibits + 1]["sha256"]
    msgs = [
        {
            "chat_id": 1,
            "seq": k + 1,
            "line": k + 1,
            "time": stamp - timedelta(seconds=messages - k),
            "sender": SENDERS[k % len(SENDERS)],
            "is_me": k % 4 == 0,
            "kind": "text",
            "text": rng.choice(PHRASES)
            + "，"
            + rng.choice(PHRASES)
            + (f" {order_no(rng)}" if k % 50 == 0 else ""),
        }
        for k in range(messages)
    ]
    bill_rows = [
        {
            "bill_id": 1,
            "row": k + 25,
            "time": stamp - timedelta(minutes=k),
            "counterparty": "星辰卡盟" if k % 3 else "某某网络科技有限公司",
            "description": rng.choice(PHRASES),
            "direction": "支出",
            "amount": Decimal(rng.randrange(100, 500000)) / 100,
            "order_id": f"20260301220011557114{k:08d}",
            "merchant_order_id": order_no(rng),
            "status": "交易成功",
        }
        for k in range(rows)
    ]
    with profile.session() as s:
        s.execute(insert(Blob), blobs)
        s.execute(insert(Exhibit), exs)
        s.execute(insert(ExhibitFile), files)
        s.execute(insert(OcrText), ocr)
        s.execute(
            insert(Chat),
            [
                {
                    "id": 1,
                    "exhibit_id": exhibits + 1,
                    "blob_sha256": chat_sha,
                    "format": "qq_txt",
                    "imported_at": stamp,
                }
            ],
        )
        s.execute(insert(ChatMessage), msgs)
        s.execute(
            insert(Bill),
            [
                {
                    "id": 1,
                    "exhibit_id": exhibits + 2,
                    "blob_sha256": bill_sha,
                    "source": "alipay",
                    "layout": "bench",
                    "imported_at": stamp,
                }
            ],
        )
        s.execute(insert(BillRow), bill_rows)
    return case_id


LIKE_SQL = """
SELECT count(*) FROM (
  SELECT o.id FROM ocr_texts o JOIN exhibit_files f ON f.blob_sha256 = o.blob_sha256
    JOIN exhibits e ON e.id = f.exhibit_id WHERE e.case_id = :c AND e.trashed_at IS NULL AND o.text LIKE :q
  UNION ALL SELECT m.id FROM chat_messages m JOIN chats c ON c.id = m.chat_id JOIN exhibits e ON e.id = c.exhibit_id
    WHERE e.case_id = :c AND e.trashed_at IS NULL AND (m.sender || '：' || m.text) LIKE :q
  UNION ALL SELECT r.id FROM bill_rows r JOIN bills b ON b.id = r.bill_id JOIN exhibits e ON e.id = b.exhibit_id
    WHERE e.case_id = :c AND e.trashed_at IS NULL
      AND (r.counterparty || r.description || r.order_id || r.merchant_order_id || r.amount) LIKE :q
  UNION ALL SELECT e.id FROM exhibits e WHERE e.case_id = :c AND e.trashed_at IS NULL
    AND (e.title || e.purpose || e.source || e.notes || e.tags) LIKE :q)
"""


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--exhibits", type=int, default=10_000)
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=7)
    a = ap.parse_args()
    print(f"sqlite {__import__('sqlite3').sqlite_version}; trigram: {search_index.trigram_available()}")
    with tempfile.TemporaryDirectory() as tmp, Profile.open(Path(tmp) / "p") as profile:
        t = time.perf_counter()
        case_id = build(profile, a.exhibits, a.messages, a.rows)
        print(
            f"case written: {a.exhibits} OCR'd exhibits, {a.messages} messages, {a.rows} bill rows "
            f"in {time.perf_counter() - t:.1f} s"
        )

        t = time.perf_counter()
        hits = search(profile, case_id, "KM2026052821140311")
        build_s = time.perf_counter() - t
        size = sum(p.stat().st_size for p in profile.cache_dir.glob("search.sqlite3*")) / 2**20
        with search_index.opened(profile) as (con, mode):
            docs = con.execute("SELECT count(*) FROM docs").fetchone()[0]
        print(
            f"index build (first search): {build_s:.2f} s, {docs} documents, {size:.0f} MB, mode {mode}; "
            f"found {[(h.kind, h.exhibit_number) for h in hits]}"
        )

        unchanged = timed(lambda: search(profile, case_id, "款项未到账", 20), a.repeat)
        print(f"search with nothing changed (stamp check + query): {unchanged * 1000:.1f} ms")

        def after_edit() -> None:
            with profile.session() as s:
                edit_exhibit(s, 500, notes=f"补充 {time.perf_counter()}")
            t0 = time.perf_counter()
            search(profile, case_id, "款项未到账", 20)
            inc.append(time.perf_counter() - t0)

        def after_ocr(page: int | None) -> float:
            """A page read for the first time (``page``: a new one) or read again (None: page 0)."""
            with profile.session() as s:
                sha = s.execute(
                    text("SELECT blob_sha256 FROM exhibit_files WHERE exhibit_id = 77")
                ).scalar_one()
                line = OcrLine(f"新的一行 {time.perf_counter()}", ((0, 0), (9, 0), (9, 9), (0, 9)), 0.9)
                save_page(s, OcrPage(sha, page or 0, OK, "bench", 1170, 2532, (line,)))
            t0 = time.perf_counter()
            search(profile, case_id, "新的一行", 20)
            return time.perf_counter() - t0

        inc: list[float] = []
        new_page = []
        again = []
        for k in range(a.repeat):
            after_edit()
            new_page.append(after_ocr(k + 1))
            again.append(after_ocr(None))
        print(
            f"next search after one edit (incremental update + query): {statistics.median(inc) * 1000:.1f} ms"
        )
        print(f"next search after one newly read OCR page: {statistics.median(new_page) * 1000:.1f} ms")
        print(
            f"next search after a page read again (every exhibit compared): {statistics.median(again) * 1000:.1f} ms"
        )

        def like(q: str) -> None:
            with profile.session() as s:
                s.execute(text(LIKE_SQL), {"c": case_id, "q": f"%{q}%"}).scalar_one()

        print(f"{'query':<14}{'search':>10}{'LIKE scan':>12}{'ratio':>8}  hits")
        for group, queries in (("3+ chars (FTS5)", QUERIES_LONG), ("1-2 chars (LIKE)", QUERIES_SHORT)):
            fast, slow = [], []
            for q in queries:
                ms = timed(lambda q=q: search(profile, case_id, q, 50), a.repeat) * 1000
                base = timed(lambda q=q: like(q), max(3, a.repeat // 2)) * 1000
                n = len(search(profile, case_id, q, 50))
                fast.append(ms)
                slow.append(base)
                print(f"{q:<14}{ms:>8.1f}ms{base:>10.1f}ms{ms / base:>8.2f}  {n}")
            print(
                f"  {group}: median {statistics.median(fast):.1f} ms vs LIKE scan "
                f"{statistics.median(slow):.1f} ms (ratio {statistics.median(fast) / statistics.median(slow):.2f})"
            )


if __name__ == "__main__":
    main()
