"""Benchmark: parse a 10,000-row Alipay CSV (GBK) and reconcile it.

Prints the time of parse_bill + reconcile (target: at most 1 s) and the ratio against a baseline
measured in the same run: reading, decoding and csv.reader over the same file. Asserts nothing.

    .venv/bin/python bench/bills.py
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kami_desktop.core.bills import parse_bill, reconcile  # noqa: E402

ROWS = 10_000
REPEAT = 5
PLATFORM = "星辰卡盟"


def make_csv(rows: int = ROWS) -> bytes:
    lines = [
        "-" * 84,
        "导出信息：",
        "姓名：张三",
        "支付宝账户：zhang***@163.com",
        "起始时间：[2025-01-01 00:00:00]    终止时间：[2025-12-31 23:59:59]",
        "导出交易类型：[全部]",
        "导出时间：[2026-01-01 09:00:00]",
        f"共{rows}笔记录",
        "收入：0笔 0.00元",
        "支出：0笔 0.00元",
        "不计收支：0笔 0.00元",
        "",
        "特别提示：",
        *[f"{i}.提示内容；" for i in range(1, 8)],
        "8.本明细仅供个人对账使用。",
        "",
        "------------------------支付宝支付科技有限公司  电子客户回单------------------------",
        "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,",
    ]
    start = datetime(2025, 1, 1, 8, 0, 0)
    last_platform = ""
    for i in range(rows):
        when = (start + timedelta(minutes=50 * i)).strftime("%Y-%m-%d %H:%M:%S")
        order = f"2025{i:024d}"
        kind = i % 5
        if kind == 0:  # payment to the platform
            last_platform = order
            line = f"{when},充值缴费,{PLATFORM},star***@163.com,点卡充值{i},支出,{i % 300 + 1}.00,账户余额,交易成功"
            line += f",{order}\t,T{i}\t,,"
        elif kind == 1 and i % 10 == 1:  # partial refund of the previous platform payment
            line = f"{when},退款,{PLATFORM},star***@163.com,退款-点卡充值,不计收支,1.00,账户余额,退款成功"
            line += f",{last_platform}_{i}\t,T{i - 1}\t,,"
        else:
            line = f"{when},餐饮美食,老王面馆,157******21,牛肉面，加蛋,支出,{i % 50}.50,花呗&红包,交易成功,{order}\t,\t,,"
        lines.append(line)
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


def best_of(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "支付宝交易明细(20250101-20251231).csv"
        path.write_bytes(make_csv())

        def baseline() -> None:
            text = path.read_bytes().decode("gb18030")
            list(csv.reader(io.StringIO(text, newline="")))

        results = []

        def ours() -> None:
            results.append(reconcile(parse_bill(path), [PLATFORM]))

        base = best_of(baseline)
        took = best_of(ours)
        rec = results[-1]
    print(
        f"rows: {ROWS}, platform rows: {len(rec.rows)}, paid {rec.paid}, refunded {rec.refunded}, net {rec.net}"
    )
    print(f"baseline (read + decode + csv.reader): {base * 1000:.1f} ms")
    print(f"parse_bill + reconcile:               {took * 1000:.1f} ms (target <= 1000 ms)")
    print(f"ratio: {took / base:.1f}x baseline")


if __name__ == "__main__":
    main()
