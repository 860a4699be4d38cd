"""Plain pictures of exhibits for display (``core.evidence.detail``): complete, and usable after the
session that read them has closed."""

from __future__ import annotations

import hashlib

import pytest

from kami_desktop.core.evidence.detail import exhibit_detail, exhibit_titles
from kami_desktop.core.evidence.exhibits import ExhibitError, edit_exhibit, trash
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.util.hashing import sm3_file
from tests.helpers import screenshot


@pytest.fixture
def two_files(profile, case_id, tmp_path):
    first = screenshot(tmp_path / "聊天_1.png", 1, size=(120, 260))
    second = screenshot(tmp_path / "聊天_2.jpg", 2, size=(90, 200), fmt="JPEG")
    eid = import_paths(profile, case_id, [first]).imported[0].exhibit_id
    import_paths(profile, case_id, [second], exhibit_id=eid)
    with profile.session() as s:
        edit_exhibit(
            s,
            eid,
            title="客服聊天",
            purpose="证明客服拒绝退款",
            captured_at="2025-03-12 20:30",
            tags="客服, 拒绝",
        )
    return eid, [first, second]


def test_detail_holds_every_field_and_file_fact_after_the_session_closed(profile, case_id, two_files):
    eid, sources = two_files
    with profile.session() as s:
        d = exhibit_detail(s, eid)
    assert (d.id, d.case_id, d.title, d.purpose) == (eid, case_id, "客服聊天", "证明客服拒绝退款")
    assert d.tags == ("客服", "拒绝")
    assert d.captured_at is not None and d.captured_at.utcoffset() is not None
    assert d.captured_at.strftime("%Y-%m-%d %H:%M") == "2025-03-12 20:30"
    assert [f.original_name for f in d.files] == ["聊天_1.png", "聊天_2.jpg"]
    assert [f.position for f in d.files] == sorted(f.position for f in d.files)
    for f, src in zip(d.files, sources, strict=True):
        data = src.read_bytes()
        assert (f.sha256, f.size) == (hashlib.sha256(data).hexdigest(), len(data))
        assert f.sm3 == sm3_file(src)
        assert profile.blob_path(f.sha256).read_bytes() == data
    assert [f.media_type for f in d.files] == ["image/png", "image/jpeg"]
    assert [(f.width, f.height) for f in d.files] == [(120, 260), (90, 200)]
    assert all(f.imported_at.utcoffset() is not None and f.problem == "" for f in d.files)


def test_titles_include_trashed_exhibits_and_skip_unknown_ids(profile, case_id, two_files, tmp_path):
    eid, _ = two_files
    other = import_paths(profile, case_id, [screenshot(tmp_path / "余额.png", 3)]).imported[0].exhibit_id
    with profile.session() as s:
        trash(s, other)
    with profile.session() as s:
        assert exhibit_titles(s, [eid, other, 9999]) == {eid: "客服聊天", other: "余额"}
        assert exhibit_titles(s, []) == {}


def test_detail_of_an_unknown_exhibit_is_an_exhibit_error(profile):
    with profile.session() as s, pytest.raises(ExhibitError, match="9999"):
        exhibit_detail(s, 9999)
