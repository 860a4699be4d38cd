"""用系统程序打开 when no program is set up for the file type: the user is told which file, why and where
it is, and its folder opens on request. Every "open" of the GUI goes through one helper."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl

from kami_desktop.gui import i18n_build
from kami_desktop.gui.system_open import open_path
from tests.gui.conftest import import_and_wait

GUI = Path(i18n_build.__file__).resolve().parent


def _no_program(monkeypatch, folder_opens: bool = True) -> list[str]:
    """openUrl as on a PC with no program for the file's type: False for files; folders open."""
    tried: list[str] = []

    def open_url(url: QUrl) -> bool:
        path = Path(url.toLocalFile())
        tried.append(str(path))
        return folder_opens and path.is_dir()

    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", open_url)
    return tried


def test_open_with_system_program_says_no_program_and_opens_the_folder(
    qtbot, case_window, tmp_path, monkeypatch, dialogs
):
    src = tmp_path / "客服工单.xyz"
    src.write_bytes(b"\x00\x01 ticket 20250312")
    report = import_and_wait(qtbot, case_window, [src])
    case_window.evidence.select_ids([report.imported[0].exhibit_id])
    qtbot.waitUntil(lambda: case_window.evidence.detail.preview._current is not None, timeout=5000)
    tried = _no_program(monkeypatch)
    copy = case_window.evidence.detail.preview.open_external()
    assert copy is not None
    assert [d[:2] for d in dialogs] == [("ask", "无法打开文件")]
    text = dialogs[0][2]
    assert "“客服工单.xyz”" in text and "没有设置用来打开“.xyz”文件的程序" in text
    assert str(copy) in text and "打开所在文件夹" in text
    assert tried == [str(copy), str(copy.parent)]  # the file, then (the user said yes) its folder


def test_a_folder_that_does_not_open_either_is_named(qtbot, tmp_path, monkeypatch, dialogs):
    f = tmp_path / "证据册" / "证据册.pdf"
    f.parent.mkdir()
    f.write_bytes(b"%PDF-1.7\n")
    tried = _no_program(monkeypatch, folder_opens=False)
    assert open_path(None, f) is False
    assert [d[0] for d in dialogs] == ["ask", "warn"]
    assert "证据册.pdf" in dialogs[0][2] and str(f.parent) in dialogs[1][2]
    assert tried == [str(f), str(f.parent)]
    dialogs.clear()
    assert open_path(None, f.parent) is False
    assert [d[:2] for d in dialogs] == [("warn", "无法打开文件夹")] and str(f.parent) in dialogs[0][2]


def test_an_opened_file_says_nothing(tmp_path, monkeypatch, dialogs):
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: True)
    f = tmp_path / "a.pdf"
    f.write_bytes(b"%PDF-1.7\n")
    assert open_path(None, f) is True and dialogs == []


def test_every_open_of_the_gui_goes_through_the_helper():
    callers = sorted(
        p.name for p in GUI.glob("*.py") if re.search(r"\bopenUrl\(", p.read_text(encoding="utf-8"))
    )
    assert callers == ["system_open.py"]
