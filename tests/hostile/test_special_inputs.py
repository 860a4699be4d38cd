"""Named pipes, devices and folders given where a bill or a chat export is expected: refused at once,
naming the file, never opened for a blocking read (a pipe with no writer would hang the command)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kami_desktop.core.bills import BillError
from kami_desktop.core.util.fsutil import read_capped

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")

RUN = "import sys; from kami_desktop.cli import main; sys.exit(main())"


def kami(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", RUN, *args, "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@pytest.mark.parametrize("command", [("bill", "parse"), ("chat", "parse")])
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path, command):
    fifo = tmp_path / "账单导出.csv"
    os.mkfifo(fifo)
    proc = kami(*command, str(fifo))  # a blocking open would wait for a writer until the timeout
    assert proc.returncode == 2, proc.stderr
    error = json.loads(proc.stdout)["error"]
    assert "账单导出.csv" in error and "不是普通文件" in error


def test_a_folder_and_a_device_are_refused_by_name(tmp_path):
    folder = tmp_path / "导出文件夹"
    folder.mkdir()
    with pytest.raises(BillError, match="导出文件夹.*文件夹"):
        read_capped(folder, 1024, BillError)
    with pytest.raises(BillError, match="不是普通文件"):
        read_capped(Path("/dev/zero"), 1024, BillError)  # endless: only the type check stops it


def test_a_file_that_grows_past_the_cap_while_read_is_cut_off(tmp_path):
    """The size is checked on the open file and the read itself is capped at limit + 1 bytes."""
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(BillError, match="big.csv.*过大"):
        read_capped(big, 1024, BillError)
    assert read_capped(big, 2048, BillError) == b"x" * 2048
