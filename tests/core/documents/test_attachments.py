"""12315 attachments: JPGs within the size limit, long screenshots split with overlap, originals untouched."""

from __future__ import annotations

import hashlib
import json

import pytest
from PIL import Image

from kami_desktop.core.documents import export_12315_attachments
from kami_desktop.core.documents.attachments import LIST_NAME, AttachmentError, encode_jpeg, split_points
from kami_desktop.core.legal.data import load_limits
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import ExhibitFile

MB2 = 2 * 1024 * 1024


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_splits_long_screenshots_and_keeps_originals(profile, made, tmp_path):
    with profile.session() as s:
        blobs = [profile.blob_path(f.blob_sha256) for f in s.query(ExhibitFile)]
    before = {p: (_sha(p), p.stat().st_mode) for p in blobs}
    source_before = _sha(made.long_shot)

    out = tmp_path / "att"
    results = export_12315_attachments(profile, made.case_id, out)
    assert [r.number for r in results] == [1, 2, 3, 4, 4]
    long_parts = [r for r in results if r.number == 4]
    assert [(r.part, r.parts) for r in long_parts] == [(1, 2), (2, 2)]
    assert [(r.width, r.height) for r in long_parts] == [
        (1170, 4000),
        (1170, 2200),
    ]  # 4000 + 2200 - 200 overlap
    for r in results:
        assert r.path.exists() and r.path.suffix == ".jpg" and r.path.stat().st_size == r.size <= MB2
        assert _sha(r.path) == r.sha256
        with Image.open(r.path) as im:
            assert im.format == "JPEG" and im.size == (r.width, r.height)
            assert not im.getexif()  # no EXIF copied out
    # the overlap: the second part starts 200 px above the end of the first
    with Image.open(made.long_shot) as im:
        top_of_second = im.crop((0, 3800, 1170, 3810)).convert("L").tobytes()
    with Image.open(long_parts[1].path) as im:
        got = im.crop((0, 0, 1170, 10)).convert("L").tobytes()
    assert sum(abs(a - b) for a, b in zip(top_of_second, got, strict=True)) / len(got) < 8  # JPEG noise only

    listing = (out / LIST_NAME).read_text(encoding="utf-8")
    assert all(r.name in listing for r in results) and "原始证据文件未作任何修改" in listing
    assert sorted(p.name for p in out.iterdir()) == sorted([r.name for r in results] + [LIST_NAME])

    assert {p: (_sha(p), p.stat().st_mode) for p in blobs} == before
    assert _sha(made.long_shot) == source_before
    with profile.session() as s:
        last = list(ledger.entries(s, made.case_id))[-1]
    payload = json.loads(last.payload)
    assert last.action == "document.generate" and payload["kind"] == "attachments-12315"
    assert [f["sha256"] for f in payload["files"]] == [r.sha256 for r in results]


def test_user_limits_force_quality_steps_and_downscaling(profile, made, tmp_path):
    doc = json.loads(load_limits().path.read_text(encoding="utf-8"))
    doc["channels"]["12315"]["attachments"]["max_bytes_each"] = 60_000
    doc["channels"]["12315"]["attachments"]["max_height_px"] = 2500
    doc["image_split"]["overlap_px"] = 100
    path = tmp_path / "limits.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    results = export_12315_attachments(profile, made.case_id, tmp_path / "att", path)
    long_parts = [r for r in results if r.number == 4]
    assert len(long_parts) == len(split_points(6000, 2500, 100)) == 3
    assert all(r.size <= 60_000 for r in results)
    assert any(r.quality < 90 or r.scale < 1 for r in long_parts)


def test_encode_jpeg_steps_quality_then_scale():
    noise = Image.effect_noise((800, 800), 80).convert("RGB")
    data, quality, scale = encode_jpeg(noise, 40_000)
    assert len(data) <= 40_000 and (quality < 90 or scale < 1)
    with pytest.raises(AttachmentError):
        encode_jpeg(noise, 200)


def test_split_points():
    assert split_points(3000, 4000, 200) == [(0, 3000)]
    assert split_points(6000, 4000, 200) == [(0, 4000), (3800, 6000)]
    assert split_points(4000, 4000, 200) == [(0, 4000)]
    assert split_points(9000, None, 200) == [(0, 9000)]
    parts = split_points(20000, 4000, 200)
    assert parts[-1][1] == 20000 and all(b - a <= 4000 for a, b in parts)
    assert all(parts[i + 1][0] == parts[i][1] - 200 for i in range(len(parts) - 1))
