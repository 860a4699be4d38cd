"""``kami-desktop --smoke-test`` from the source tree: the same check ``make package`` runs on the frozen app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kami_desktop.smoke import default_log_path, log_path_from_argv


def test_log_path_from_the_command_line_or_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("KAMI_SMOKE_LOG", raising=False)
    assert log_path_from_argv(["--smoke-test"]) is None
    assert log_path_from_argv(["--smoke-test", "--smoke-log", "a.log"]) == Path("a.log")
    assert log_path_from_argv(["--smoke-log=b.log", "--smoke-test"]) == Path("b.log")
    monkeypatch.setenv("KAMI_SMOKE_LOG", str(tmp_path / "c.log"))
    assert log_path_from_argv(["--smoke-test"]) == tmp_path / "c.log"
    assert default_log_path().name == "kami-desktop-smoke.log"


def test_gui_entry_point_runs_the_smoke_test_with_a_temporary_profile(tmp_path):
    log = tmp_path / "日志" / "smoke.log"
    user_data = tmp_path / "user-data"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(tmp_path),
        TEMP=str(tmp_path),
        TMP=str(tmp_path),
        KAMI_DATA_DIR=str(user_data),
        KAMI_SMOKE_TIMEOUT="120",
    )
    code = "import sys; from kami_desktop.gui.app import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run(
        [sys.executable, "-c", code, "--smoke-test", "--smoke-log", str(log)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    text = log.read_text(encoding="utf-8") if log.exists() else "(no log)"
    assert proc.returncode == 0, text + proc.stderr
    lines = text.splitlines()
    assert lines[-1].endswith("SMOKE OK")
    assert not any(" FAIL " in line for line in lines)
    for step in (
        "temporary profile",
        "main window",
        "import generated screenshots",
        "import generated Alipay bill",
        "binder",
        "HEIC photo and voice messages",
        "verify",
    ):
        assert any(f"ok   {step}" in line for line in lines), step
    assert not user_data.exists()  # the user's data folder is never touched
    assert not list(tmp_path.glob("kami-smoke-*"))  # the temporary profile is removed
