"""``kami-desktop --smoke-test`` from the source tree: the same check ``make package`` runs on the frozen app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kami_desktop.smoke import build_parser, default_log_path, log_path_from_argv, parse_smoke_args

RUN_GUI = "import sys; from kami_desktop.gui.app import main; sys.exit(main(sys.argv[1:]))"


def test_log_path_from_the_command_line_or_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("KAMI_SMOKE_LOG", raising=False)
    assert log_path_from_argv(["--smoke-test"]) is None
    assert log_path_from_argv(["--smoke-test", "--smoke-log", "a.log"]) == Path("a.log")
    assert log_path_from_argv(["--smoke-log=b.log", "--smoke-test"]) == Path("b.log")
    monkeypatch.setenv("KAMI_SMOKE_LOG", str(tmp_path / "c.log"))
    assert log_path_from_argv(["--smoke-test"]) == tmp_path / "c.log"
    assert default_log_path().name == "kami-desktop-smoke.log"


def test_the_smoke_options_the_windows_workflow_passes_are_known():
    args = parse_smoke_args(["--smoke-test", "--platform", "windows", "--smoke-log", "s.log", "-style", "x"])
    assert args.smoke_test and args.platform == "windows" and args.smoke_log == Path("s.log")
    assert not args.minimal and parse_smoke_args(["--minimal"]).minimal
    flags = {opt for action in build_parser()._actions for opt in action.option_strings}
    assert {"--smoke-test", "--smoke-log", "--platform", "--minimal"} <= flags


def _run_smoke(tmp_path: Path, *args: str, platform_env: str = "offscreen") -> tuple[int, list[str], str]:
    log = tmp_path / "日志" / "smoke.log"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=platform_env,
        TMPDIR=str(tmp_path),
        TEMP=str(tmp_path),
        TMP=str(tmp_path),
        KAMI_DATA_DIR=str(tmp_path / "user-data"),
        KAMI_SMOKE_TIMEOUT="120",
    )
    proc = subprocess.run(
        [sys.executable, "-c", RUN_GUI, "--smoke-test", "--smoke-log", str(log), *args],
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=300,
    )
    text = log.read_text(encoding="utf-8") if log.exists() else "(no log)"
    return proc.returncode, text.splitlines(), text + proc.stderr


def test_platform_option_overrides_the_environment_and_minimal_run_opens_the_window(tmp_path):
    """The workflow's real-desktop run: ``--platform`` wins over QT_QPA_PLATFORM, and the minimal run
    checks SM3, Qt's Chinese translation and an exposed main window, without the heavy steps."""
    code, lines, text = _run_smoke(tmp_path, "--platform", "offscreen", "--minimal", platform_env="minimal")
    assert code == 0, text
    assert lines[-1].endswith("SMOKE OK")
    assert any("Qt platform 'offscreen': minimal run" in line for line in lines)
    for step in ("SM3", "translations", "main window", "close"):
        assert any(f"ok   {step}" in line for line in lines), step
    assert any("qtbase_zh_CN.qm loaded ('Cancel' → '取消')" in line for line in lines)
    assert any("exposed on 'offscreen'" in line for line in lines)
    assert not any("ok   binder" in line for line in lines)


def test_plugin_options_after_a_colon_are_passed_on_and_the_name_is_checked(tmp_path):
    # fontengine= is an option of the offscreen plugin where Qt has FreeType (Linux); elsewhere a plain name
    name = "offscreen:fontengine=freetype" if sys.platform.startswith("linux") else "offscreen"
    code, lines, text = _run_smoke(tmp_path, "--platform", name, "--minimal")
    assert code == 0, text
    assert any("on 'offscreen'" in line and "ok   Qt application" in line for line in lines)


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
        encoding="utf-8",
        timeout=300,
    )
    text = log.read_text(encoding="utf-8") if log.exists() else "(no log)"
    assert proc.returncode == 0, text + proc.stderr
    lines = text.splitlines()
    assert lines[-1].endswith("SMOKE OK")
    assert not any(" FAIL " in line for line in lines)
    assert any("ok   SM3" in line for line in lines)
    assert any("qtbase_zh_CN.qm loaded" in line for line in lines)
    for step in (
        "temporary profile",
        "main window",
        "import generated screenshots",
        "import generated Alipay bill",
        "binder",
        "HEIC photo and voice messages",
        "OCR of a generated screenshot",
        "video contact sheet",
        "verify",
    ):
        assert any(f"ok   {step}" in line for line in lines), step
    assert not user_data.exists()  # the user's data folder is never touched
    assert not list(tmp_path.glob("kami-smoke-*"))  # the temporary profile is removed
