"""``kami --help`` names, for every command, only actions that exist."""

import pytest

from kami_desktop.cli import main


def _help_lines(capsys, monkeypatch, *argv: str) -> dict[str, str]:
    monkeypatch.setenv("COLUMNS", "400")  # one line per command
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    lines: dict[str, str] = {}
    for line in capsys.readouterr().out.splitlines():
        word, _, text = line.strip().partition(" ")
        if word and text.strip():
            lines[word] = text.strip()
    return lines


def test_exhibit_summary_names_trash_not_delete(capsys, monkeypatch):
    top = _help_lines(capsys, monkeypatch)
    exhibit = top["exhibit"]
    assert "删除" not in exhibit  # there is no delete action: a file goes to the trash, which keeps it
    assert "移入回收站" in exhibit and "恢复" in exhibit
    actions = _help_lines(capsys, monkeypatch, "exhibit")
    assert actions["trash"] == "移入回收站" and "delete" not in actions
    assert "清空" in top["trash"]  # the trash command's one action
    assert "purge" in _help_lines(capsys, monkeypatch, "trash")


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("case", ["新建", "列表", "查看", "修改", "归档"]),
        ("exhibit", ["列表", "查看", "修改", "调整顺序", "移入回收站", "恢复", "导出声音", "视频画面"]),
        ("bill", ["解析", "导入", "对账", "交易对方", "主张金额"]),
        ("claim", ["添加", "修改", "删除", "列表"]),
        ("chat", ["解析", "导入", "发送者", "列表", "查看", "摘录"]),
        ("dossier", ["生成", "检查"]),
        ("party", ["添加", "列表", "修改", "删除", "关联证据"]),
        ("fact", ["记录", "修改", "删除", "建议"]),
        ("step", ["记录", "列表", "删除", "类型"]),
    ],
)
def test_summaries_name_the_real_actions(capsys, monkeypatch, command, words):
    summary = _help_lines(capsys, monkeypatch)[command]
    assert [w for w in words if w not in summary] == []
