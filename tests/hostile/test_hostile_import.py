"""Broken, hostile and awkwardly named files: each gets a clear message or is kept with its problem
noted; nothing already stored is lost; the CLI answers with exit 0/1/2 and never a traceback."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import select

from kami_desktop.core.backup import create_backup, restore_backup
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.store.model import ExhibitFile
from tests.fixtures.evidence import populate, profile_state
from tests.helpers import kami, screenshot
from tests.hostile.corpus import KEEP, NOTED, REFUSED, awkward_names, bad_files


def _kept(before, after):
    from collections import Counter

    for table, rows in before[0].items():
        assert not Counter(rows) - Counter(after[0][table]), f"{table}: something stored was lost"
    assert all(after[1].get(k) == v for k, v in before[1].items())


def test_broken_and_hostile_files_are_kept_or_refused_and_nothing_is_lost(profile, case_id, tmp_path):
    populate(profile, tmp_path / "src")
    before = profile_state(profile.data_dir)
    corpus = bad_files(tmp_path / "bad")
    report = import_paths(profile, case_id, [p for p, _ in corpus.values()])
    refused = {Path(e.path).name: e.reason for e in report.errors}
    imported = {i.original_name: i for i in report.imported}
    assert set(refused) | set(imported) == set(corpus) and not set(refused) & set(imported)
    with profile.session() as s:
        rows = {
            f.original_name: f
            for f in s.scalars(
                select(ExhibitFile).where(ExhibitFile.id.in_([i.file_id for i in report.imported]))
            )
        }
        for name, (path, expect) in corpus.items():
            if expect == REFUSED:
                assert name in refused and refused[name], name
                continue
            assert name in imported, (name, refused.get(name))
            item = imported[name]
            assert profile.vault.path_for(item.sha256).read_bytes() == path.read_bytes(), name
            if expect == NOTED:
                assert rows[name].problem, f"{name}: its damage should be noted"
            assert expect in (KEEP, NOTED)
    assert any("0 字节" in r for r in refused.values())
    _kept(before, profile_state(profile.data_dir))
    assert verify(profile, full=True).ok


def test_the_cli_survives_the_whole_corpus(tmp_path):
    d = tmp_path / "p"
    kami("case", "new", "--title", "t", data_dir=d, check=True)
    corpus = bad_files(tmp_path / "bad")
    proc = kami("import", "--case", "1", *[str(p) for p, _ in corpus.values()], "--json", data_dir=d)
    assert proc.returncode in (0, 1, 2) and "Traceback" not in proc.stderr
    out = json.loads(proc.stdout)
    assert len(out["imported"]) + len(out["errors"]) == len(corpus)
    again = kami("verify", "--json", data_dir=d)
    assert again.returncode == 0 and json.loads(again.stdout)["ok"] is True


def _make_named(folder: Path, names: list[str]) -> list[Path]:
    paths = []
    for i, name in enumerate(names):
        p = folder / f"{i:02d}" / name  # one folder each: NFC/NFD twins must not collide
        screenshot(p, 3000 + i, size=(30, 40), fmt="PNG")
        paths.append(p)
    return paths


def test_awkward_file_names_import_verbatim_and_survive_a_backup(profile, case_id, tmp_path):
    names = awkward_names()
    assert max(len(n.encode()) for n in names) >= 250
    paths = _make_named(tmp_path / "in", names)
    report = import_paths(profile, case_id, [tmp_path / "in"])
    assert report.errors == []
    stored = sorted(i.original_name for i in report.imported)
    assert stored == sorted(names)
    with profile.session() as s:
        assert sorted(f.original_name for f in s.scalars(select(ExhibitFile))) == sorted(names)
        assert all(
            f.original_path == str(p)
            for f, p in zip(s.scalars(select(ExhibitFile).order_by(ExhibitFile.id)), paths, strict=True)
        )
    create_backup(profile, tmp_path / "名字 备份.zip")
    restore_backup(tmp_path / "名字 备份.zip", tmp_path / "restored")
    assert profile_state(tmp_path / "restored") == profile_state(profile.data_dir)
    assert unicodedata.normalize("NFC", "e\u0301-nfd.png") in [
        unicodedata.normalize("NFC", n) for n in stored
    ]


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names are bytes")
def test_names_that_are_not_text_are_imported_with_the_problem_noted(profile, case_id, tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    raw = os.fsdecode(b"\xe5\xbe\xae\xff\xfe-not-utf8.png")
    screenshot(folder / raw, 71)
    screenshot(folder / "lone\udc80surrogate.png", 72)
    report = import_paths(profile, case_id, [folder])
    assert report.errors == [] and len(report.imported) == 2
    for item in report.imported:
        assert "\ufffd" in item.original_name and "无法识别的字符" in item.problem
    assert verify(profile).ok
    proc = kami("exhibit", "list", "--case", str(case_id), "--json", data_dir=profile.data_dir)
    assert proc.returncode == 0 and len(json.loads(proc.stdout)["exhibits"]) == 2


def test_the_cli_imports_awkward_names_without_a_traceback(tmp_path):
    d = tmp_path / "p"
    kami("case", "new", "--title", "t", data_dir=d, check=True)
    names = awkward_names()
    paths = _make_named(tmp_path / "in", names)
    proc = kami("import", "--case", "1", *[str(p) for p in paths], "--json", data_dir=d)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert sorted(i["original_name"] for i in json.loads(proc.stdout)["imported"]) == sorted(names)
    text = kami("exhibit", "list", "--case", "1", data_dir=d)
    assert text.returncode == 0 and "Traceback" not in text.stderr
