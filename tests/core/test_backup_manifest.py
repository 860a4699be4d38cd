"""Property tests for the backup manifest parser: it accepts what we write and nothing harmful."""

from __future__ import annotations

import json
import posixpath
from datetime import timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kami_desktop.core.backup.manifest import (
    FORMAT_VERSION,
    PROBLEM_KINDS,
    BackupError,
    FileEntry,
    Manifest,
    SourceProblem,
    blob_name,
    is_known_member,
    parse_manifest,
    render_manifest,
    render_sha_list,
    unsafe_reason,
    vault_member,
)

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
hex64 = st.binary(min_size=32, max_size=32).map(bytes.hex)
offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
sizes = st.integers(min_value=0, max_value=1 << 40)
texts = st.text(max_size=80)


@st.composite
def manifests(draw) -> Manifest:
    blobs = draw(st.lists(hex64, unique=True, max_size=8))
    files = [FileEntry("kami.sqlite3", draw(hex64), draw(sizes))]
    files += [FileEntry(vault_member(b), b, draw(sizes)) for b in blobs]
    problems = [
        SourceProblem(
            draw(st.sampled_from(PROBLEM_KINDS)),
            draw(st.none() | st.sampled_from(blobs or [None])),
            draw(texts),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    created = draw(st.datetimes(timezones=offsets)).replace(microsecond=0)
    return Manifest(
        created_at=created.isoformat(),
        app_version=draw(st.text(max_size=20)),
        schema_revision=draw(st.from_regex(r"[A-Za-z0-9_.-]{1,64}", fullmatch=True)),
        ledger_entries=draw(st.integers(0, 1 << 40)),
        ledger_head=draw(hex64),
        counts=draw(st.dictionaries(st.text(max_size=20), st.integers(0, 1 << 40), max_size=6)),
        files=draw(st.permutations(files)),
        problems=problems,
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(manifests())
def test_what_we_write_parses_back_to_the_same_manifest(m):
    assert parse_manifest(render_manifest(m)) == m


@SETTINGS
@given(manifests())
def test_sha_list_lines_are_sha256sum_format_and_match_the_manifest(m):
    lines = render_sha_list(m).decode("utf-8").splitlines()
    assert [tuple(line.split("  ", 1)) for line in lines] == [(f.sha256, f.path) for f in m.files]


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_a_manifest_or_a_backup_error(data):
    try:
        parse_manifest(data)
    except BackupError as exc:
        assert str(exc)


@SETTINGS
@given(json_values)
def test_arbitrary_json_gives_a_manifest_or_a_backup_error(value):
    try:
        parse_manifest(json.dumps(value).encode())
    except BackupError:
        pass


@SETTINGS
@given(
    manifests(),
    st.sampled_from(
        [
            "format",
            "format_version",
            "created_at",
            "schema_revision",
            "ledger",
            "counts",
            "files",
            "problems",
            "app_version",
        ]
    ),
    json_values,
)
def test_any_field_replaced_by_any_json_is_valid_or_a_clear_error(m, key, value):
    doc = json.loads(render_manifest(m))
    doc[key] = value
    try:
        parsed = parse_manifest(json.dumps(doc).encode())
    except BackupError as exc:
        assert "清单" in str(exc) or "版本" in str(exc) or "路径" in str(exc)
    else:
        assert {f.path for f in parsed.files} == {f.path for f in m.files} or key == "files"


@SETTINGS
@given(manifests(), st.integers(min_value=0), json_values)
def test_a_file_entry_replaced_by_any_json_is_valid_or_a_clear_error(m, index, value):
    doc = json.loads(render_manifest(m))
    doc["files"][index % len(doc["files"])] = value
    try:
        parse_manifest(json.dumps(doc).encode())
    except BackupError:
        pass


evil_parts = st.sampled_from(
    ["..", ".", "/", "\\", "C:", "c:\\", "\x00", "../", "..\\", "/etc/passwd", "vault/../.."]
)


@SETTINGS
@given(
    manifests(),
    st.lists(st.text(alphabet="abcdef0123456789/._", max_size=12) | evil_parts, min_size=1, max_size=5),
)
def test_paths_outside_the_allowed_names_are_refused(m, parts):
    path = "".join(parts)
    doc = json.loads(render_manifest(m))
    doc["files"].append({"path": path, "sha256": "0" * 64, "size": 1})
    try:
        parsed = parse_manifest(json.dumps(doc).encode())
    except BackupError:
        return
    assert path in {f.path for f in parsed.files} and is_known_member(path) and unsafe_reason(path) is None


@SETTINGS
@given(st.text(max_size=120))
def test_a_name_judged_safe_never_leaves_the_target_folder(name):
    if unsafe_reason(name) is None:
        joined = posixpath.normpath(posixpath.join("/target", name))
        assert joined.startswith("/target/") or joined == "/target"
        assert "\\" not in name and ":" not in name[:2]


@SETTINGS
@given(hex64)
def test_vault_member_names_round_trip(sha):
    assert blob_name(vault_member(sha)) == sha
    assert blob_name(vault_member(sha).replace(sha[:2], "00", 1) if sha[:2] != "00" else "vault/x") is None


def test_a_newer_format_version_asks_for_an_upgrade():
    doc = {"format": "kami-backup", "format_version": FORMAT_VERSION + 1}
    try:
        parse_manifest(json.dumps(doc).encode())
    except BackupError as exc:
        assert "升级" in str(exc)
    else:
        raise AssertionError("accepted a newer format")


def test_deeply_nested_json_is_a_clear_error_not_a_crash():
    try:
        parse_manifest(b"[" * 100_000 + b"]" * 100_000)
    except BackupError:
        pass
