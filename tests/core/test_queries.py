from datetime import datetime

from kami_desktop.core.evidence import exhibits as X
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.store.rows import exhibit_rows
from tests.helpers import screenshot


def test_rows_match_the_orm_in_binder_order(profile, case_id, tmp_path):
    paths = [screenshot(tmp_path / f"Screenshot_2025031{i}_203011.png", 40 + i) for i in range(4)]
    ids = [i.exhibit_id for i in import_paths(profile, case_id, paths).imported]
    with profile.session() as s:
        X.merge(s, ids[0], [ids[1]])
        X.move_exhibit(s, ids[3], 0)
        X.edit_exhibit(s, ids[2], tags="客服, 退款", category="资金流水")
        X.trash(s, ids[2])
    with profile.session() as s:
        rows = exhibit_rows(s, case_id)
        orm = X.list_exhibits(s, case_id)
        trashed = exhibit_rows(s, case_id, trashed=True)
    assert [r.id for r in rows] == [e.id for e in orm] == [ids[3], ids[0]]
    assert [r.number for r in rows] == [1, 2]
    merged = rows[1]
    assert merged.file_count == 2 and merged.first_name == "Screenshot_20250310_203011.png"
    assert merged.first_sha256 == orm[1].files[0].blob_sha256
    assert merged.total_size == sum(f.blob.size for f in orm[1].files)
    assert merged.first_media_type == "image/png" and merged.width == 360 and merged.height == 780
    assert merged.captured_at == datetime.fromisoformat("2025-03-10T20:30:11+08:00")
    assert merged.imported_at is not None and merged.imported_at.tzinfo is not None
    assert [r.id for r in trashed] == [ids[2]]
    assert trashed[0].tags == ("客服", "退款") and trashed[0].category == "funds"
    assert trashed[0].trashed_at is not None
    assert "客服" in trashed[0].search_text()


def test_rows_by_id_keep_their_binder_number(profile, case_id, tmp_path):
    paths = [screenshot(tmp_path / f"s{i}.png", i) for i in range(3)]
    ids = [i.exhibit_id for i in import_paths(profile, case_id, paths).imported]
    with profile.session() as s:
        rows = exhibit_rows(s, case_id, ids=[ids[2]])
        other = exhibit_rows(s, case_id + 99)
    assert [(r.id, r.number) for r in rows] == [(ids[2], 3)]
    assert other == []


def test_advice_of_one_exhibit_takes_a_few_queries_whatever_the_size_of_the_case(profile, case_id):
    from sqlalchemy import event, select, update

    from kami_desktop.core.evidence.advice import AUDIO_TRANSCRIPT, advice_by_exhibit, exhibit_advice
    from kami_desktop.core.store.model import Blob, Exhibit, ExhibitFile
    from tests.gui.bulk import bulk_exhibits

    bulk_exhibits(profile, case_id, 500)
    with profile.session() as s:
        ids = list(s.scalars(select(Exhibit.id).where(Exhibit.case_id == case_id).order_by(Exhibit.position)))
        audio = set(ids[7::100])  # five recordings among 500 screenshots
        shas = select(ExhibitFile.blob_sha256).where(ExhibitFile.exhibit_id.in_(audio))
        s.execute(update(Blob).where(Blob.sha256.in_(shas)).values(media_type="audio/mpeg"))
    statements = []
    with profile.session() as s:
        event.listen(s.get_bind(), "before_cursor_execute", lambda *a: statements.append(a[2]))
        assert exhibit_advice(s, ids[107]) == [AUDIO_TRANSCRIPT]
        assert exhibit_advice(s, ids[108]) == []
        assert len(statements) <= 10  # not one query per exhibit of the case
        whole = advice_by_exhibit(s, case_id)
    assert set(whole) == audio and all(v == [AUDIO_TRANSCRIPT] for v in whole.values())
