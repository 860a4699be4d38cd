"""No network: the suite itself cannot open sockets, and the core opens none (not even a DNS lookup)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

PROBE = r"""
import json, sys, tempfile, importlib, pkgutil
from pathlib import Path
events = []
sys.addaudithook(lambda event, args: events.append(event) if event.startswith("socket.") else None)

import kami_desktop.core as core
for m in pkgutil.walk_packages(core.__path__, "kami_desktop.core."):
    importlib.import_module(m.name)

from kami_desktop.core.profile import Profile
from kami_desktop.core.case.cases import create_case
from kami_desktop.core.evidence.importer import import_paths, import_bytes
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.backup import create_backup, verify_backup, restore_backup
from kami_desktop.core.util.logs import setup_logging
from PIL import Image

tmp = Path(tempfile.mkdtemp())
src = tmp / "src"
src.mkdir()
for i in range(3):
    Image.new("RGB", (20, 30), (i * 60, 10, 10)).save(src / f"shot{i}.png")
with Profile.open(tmp / "p") as prof:
    setup_logging(prof).info("probe 13812345678")
    with prof.session() as s:
        cid = create_case(s, "t").id
    assert not import_paths(prof, cid, [src]).errors
    import_bytes(prof, cid, (src / "shot0.png").read_bytes() + b"x", "paste.png")
    assert verify(prof, full=True).ok
    create_backup(prof, tmp / "b.zip")
    from kami_desktop.core.dossier.build import build_dossier
    from kami_desktop.core.dossier.options import DossierOptions

    built = build_dossier(prof, cid, DossierOptions(out_dir=tmp / "out")).pdf.is_file()
assert verify_backup(tmp / "b.zip").ok
assert restore_backup(tmp / "b.zip", tmp / "r").verify_ok
print(json.dumps({"events": sorted(set(events)), "built": built}))
"""


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_a_socket_attempt_fails_inside_the_suite():
    from pytest_socket import SocketBlockedError

    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)


def test_import_verify_backup_restore_and_binder_open_no_socket():
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["events"] == [], f"the core touched the network layer: {result['events']}"
    assert result["built"] is True


def test_the_probe_would_notice_a_socket():
    code = PROBE.split("import kami_desktop.core")[0] + (
        "import socket\ntry:\n    socket.getaddrinfo('localhost', 80)\nexcept OSError:\n    pass\n"
        "print(json.dumps(sorted(set(events))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8", timeout=60)
    assert "socket.getaddrinfo" in json.loads(proc.stdout)
