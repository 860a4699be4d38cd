"""`kami import` says what became of a file already known: left alone when the case holds it, added as a
new exhibit (and how to bring the old one back) when its only exhibit in the case is in the trash."""

from __future__ import annotations

from kami_desktop import cli
from tests.helpers import screenshot


def run(capsys, d, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["--data-dir", str(d), *args])
    return code, capsys.readouterr().out


def test_a_file_whose_exhibit_is_in_the_trash_is_said_to_be_added_again(capsys, tmp_path):
    d = tmp_path / "p"
    shot = screenshot(tmp_path / "充值记录.png", 5)
    assert run(capsys, d, "case", "new", "--title", "卡盟扣款")[0] == 0
    code, out = run(capsys, d, "import", "--case", "1", str(shot))
    assert code == 0 and "导入 1 个新文件" in out
    code, out = run(capsys, d, "import", "--case", "1", str(shot))
    assert code == 0 and "证据 1" in out and "本案已有，未重复添加" in out
    assert run(capsys, d, "exhibit", "trash", "1")[0] == 0
    code, out = run(capsys, d, "import", "--case", "1", str(shot))
    assert code == 0
    assert "证据 2" in out and "回收站的证据 1" in out and "kami exhibit restore 1" in out
    code, out = run(capsys, d, "exhibit", "restore", "1")
    assert code == 0
