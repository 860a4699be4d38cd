"""`kami exhibit show ID`: a readable Chinese summary; the JSON only with --json."""

from __future__ import annotations

import hashlib
import json

from kami_desktop import cli
from tests.cli.test_bill_cli import run
from tests.helpers import screenshot


def _text(capsys, d, *args: str) -> str:
    capsys.readouterr()
    code = cli.main(["--data-dir", str(d), *args])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def test_show_prints_a_summary_and_json_only_when_asked(tmp_path, capsys):
    d = tmp_path / "p"
    run(capsys, d, "case", "new", "--title", "星辰卡盟扣款", "--platform", "星辰卡盟")
    shot = screenshot(tmp_path / "in" / "Screenshot_20250312_203011.png", 3)
    good = tmp_path / "in" / "扣款记录.png"
    good.write_bytes(screenshot(tmp_path / "x.png", 5).read_bytes()[:400])  # cut short: a damaged image
    ex = run(capsys, d, "import", "--case", "1", str(shot))["imported"][0]["exhibit_id"]
    run(capsys, d, "exhibit", "edit", str(ex), "--title", "充值记录", "--purpose", "证明已付款")
    run(capsys, d, "exhibit", "edit", str(ex), "--category", "资金流水", "--source", "本人手机截图")
    bad = run(capsys, d, "import", "--case", "1", str(good))["imported"][0]["exhibit_id"]

    text = _text(capsys, d, "exhibit", "show", str(ex))
    assert not text.lstrip().startswith("{")
    sha = hashlib.sha256(shot.read_bytes()).hexdigest()
    assert f"证据 {ex}：充值记录" in text
    assert "类别：资金流水" in text
    assert "截图时间（据文件名）：2025-03-12 20:30:11" in text
    assert "证明目的：证明已付款" in text and "来源：本人手机截图" in text
    assert "Screenshot_20250312_203011.png" in text and f"SHA-256：{sha}" in text and "SM3：" in text
    assert "问题：无" in text

    damaged = _text(capsys, d, "exhibit", "show", str(bad))
    assert "扣款记录.png" in damaged and "可能损坏" in damaged.split("问题：", 1)[1]

    data = json.loads(_text(capsys, d, "exhibit", "show", str(ex), "--json"))
    assert data["id"] == ex and data["title"] == "充值记录" and data["files"][0]["sha256"] == sha
    assert data["time_label"] == "截图时间（据文件名）"
