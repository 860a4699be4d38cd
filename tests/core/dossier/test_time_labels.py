"""Court copies name an exhibit's time by where it came from: a photo's EXIF time is 拍摄时间, a time in a
screenshot's file name is 截图时间, a file's modification time is only 文件修改时间 (often the moment it was
copied to this PC), and only a time the user set is 取证时间."""

from __future__ import annotations

import re

import pymupdf

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.documents.api import generate
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.times import EXIF, FILE_MTIME, FILE_NAME, GIVEN
from tests.core.documents.conftest import docx_text
from tests.core.dossier.cases import options
from tests.helpers import jpeg_with_exif, screenshot


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_each_time_is_named_by_its_source_in_the_binder_and_the_evidence_list(profile, tmp_path):
    with profile.session() as s:
        case_id = create_case(s, "某某卡盟充值扣款纠纷", platform_name="某某卡盟").id
    src = tmp_path / "src"
    paths = [
        jpeg_with_exif(src / "IMG_0001.jpg", "2025:03:12 20:30:11"),
        screenshot(src / "Screenshot_20250313_101500.png", 1),
        screenshot(src / "付款页面.png", 2),
        screenshot(src / "订单页面.png", 3),
    ]
    ids = [i.exhibit_id for i in import_paths(profile, case_id, paths).imported]
    with profile.session() as s:
        exhibits.edit_exhibit(s, ids[3], captured_at="2025-03-14T09:00:00+08:00")  # the user says when
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    by_id = {x.exhibit_id: x for x in result.exhibits}

    def header(exhibit_id: int) -> str:
        return flat(doc[by_id[exhibit_id].first_page - 1].get_text())

    assert f"{EXIF}：2025-03-1220:30" in header(ids[0])
    assert f"{FILE_NAME}：2025-03-1310:15" in header(ids[1])
    assert FILE_MTIME in header(ids[2]) and GIVEN not in header(ids[2])
    assert f"{GIVEN}：2025-03-1409:00" in header(ids[3])
    listing = generate(profile, case_id, "evidence-list", tmp_path / "docs", "docx", {"date": "2025-05-06"})
    text = flat(docx_text(listing.paths[0]))
    assert EXIF in text and FILE_NAME in text and FILE_MTIME in text
    assert text.count(GIVEN) == 1  # only the time the user set
