"""`kami redact suggest | apply | export`: JSON shapes, the copy on disk, the folder for a site, and bad
input (boxes outside the image, a non-image, no OCR yet, a trashed exhibit, bad style or box)."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from kami_desktop import cli
from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.ocr.store import save_page
from kami_desktop.core.profile import Profile
from kami_desktop.core.util.hashing import sha256_file
from tests.core.redact.shots import PHONE, page, shot
from tests.helpers import kami


@pytest.fixture
def d(tmp_path):
    return tmp_path / "p"


@pytest.fixture
def made(d, tmp_path):
    from kami_desktop.core.case.cases import create_case

    path, lines = shot(tmp_path / "src" / "截图.png")
    note = tmp_path / "src" / "说明.txt"
    note.write_text("说明", encoding="utf-8")
    bare, _ = shot(tmp_path / "src" / "未识别.png", ("手机 13912345678",))
    with Profile.open(d) as prof:
        with prof.session() as s:
            case_id = create_case(s, "星辰卡盟充值扣款纠纷", platform_name="星辰卡盟").id
        items = [import_paths(prof, case_id, [p]).imported[0] for p in (path, note, bare)]
        with prof.session() as s:
            save_page(s, page(items[0].sha256, lines))
    return case_id, items


def run(capsys, d, *args: str, expect: int = 0):
    capsys.readouterr()
    code = cli.main(["--data-dir", str(d), *args, "--json"])
    out = capsys.readouterr()
    assert code == expect, (code, out.err)
    return json.loads(out.out) if code == 0 else out.err


def test_suggest_apply_export(capsys, d, made, tmp_path):
    case_id, (shot_item, note, bare) = made
    eid = str(shot_item.exhibit_id)
    [sg] = run(capsys, d, "redact", "suggest", eid)["suggestions"]
    assert sg["ocr"] == "ok" and sg["width"] == 720 and sg["sha256"] == shot_item.sha256
    assert [b["kind"] for b in sg["boxes"]] == ["phone", "id_number", "card", "email"]
    assert sg["boxes"][0]["text"] == PHONE and any("本人" in n for n in sg["notes"])
    made_copy = run(
        capsys, d, "redact", "apply", eid, "--suggested", "--box", "700,500,100,100", "--style", "mosaic"
    )
    assert made_copy["style"] == "mosaic" and len(made_copy["boxes"]) == 5
    assert made_copy["boxes"][-1] == {
        "x": 700,
        "y": 500,
        "w": 20,
        "h": 20,
        "kind": "manual",
        "reason": "手动添加",
    }
    assert any("已裁剪到图片范围内" in n for n in made_copy["notes"])
    assert sha256_file(made_copy["path"])[0] == made_copy["copy_sha256"]
    with Image.open(made_copy["path"]) as im:
        assert im.size == (720, 520) and im.format == "PNG"
    out = tmp_path / "黑猫"
    exported = run(
        capsys, d, "redact", "export", "--case", str(case_id), "--for", "heimao", "--out", str(out)
    )
    assert [f["file_name"] for f in exported["files"]] == ["证据1_打码.png"]
    assert [(k["number"], k["reason"]) for k in exported["skipped"]] == [
        (2, "不是图片，未导出"),
        (3, "尚未制作打码副本"),
    ]
    assert (out / "文件清单.txt").is_file()
    # the human text of the real entry point
    proc = kami("redact", "suggest", eid, data_dir=d, check=True)
    assert "手机号" in proc.stdout and "身份证号" in proc.stdout


def test_bad_input_gets_clear_messages(capsys, d, made, tmp_path):
    case_id, (shot_item, note, bare) = made
    eid = str(shot_item.exhibit_id)
    err = run(capsys, d, "redact", "apply", eid, "--box", "900,900,10,10", expect=2)
    assert "没有落在图片内的遮盖框（图片为 720×520 像素）" in err
    assert "不是图片" in run(capsys, d, "redact", "apply", str(note.exhibit_id), "--box", "0,0,5,5", expect=2)
    assert "x,y,宽,高" in run(capsys, d, "redact", "apply", eid, "--box", "1,2,3", expect=2)
    assert "遮盖方式" in run(
        capsys, d, "redact", "apply", eid, "--box", "1,2,3,4", "--style", "blur", expect=2
    )
    assert "没有遮盖框" in run(capsys, d, "redact", "apply", eid, expect=2)
    assert "--file 应为 1 到 1" in run(
        capsys, d, "redact", "apply", eid, "--box", "1,2,3,4", "--file", "2", expect=2
    )
    err = run(capsys, d, "redact", "apply", str(bare.exhibit_id), "--suggested", expect=2)
    assert "还没有识别文字" in err and "--box" in err
    [sg] = run(capsys, d, "redact", "suggest", str(bare.exhibit_id))["suggestions"]
    assert sg["ocr"] == "none" and sg["boxes"] == []
    with Profile.open(d) as prof, prof.session() as s:
        exhibits.trash(s, shot_item.exhibit_id)
    assert "回收站" in run(capsys, d, "redact", "apply", eid, "--box", "1,2,3,4", expect=2)
    assert "可选：heimao" in run(
        capsys,
        d,
        "redact",
        "export",
        "--case",
        str(case_id),
        "--for",
        "微博",
        "--out",
        str(tmp_path / "x"),
        expect=2,
    )
