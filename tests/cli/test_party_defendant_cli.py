"""A party given a 被诉依据 is a defendant: on the binder cover and in the 起诉状, read back from the real PDFs
the CLI writes (``kami party add --basis`` without ``--defendant``)."""

from __future__ import annotations

from pathlib import Path

from kami_desktop.core.case.party_advice import party_advice
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import Party
from tests.helpers import kami, kami_json, run_tool, screenshot

COMPANY = "杭州某某网络科技有限公司"


def _pdf_text(path: Path, *more: str) -> str:
    return run_tool(["pdftotext", *more, "-layout", path, "-"]).stdout


def _case(d: Path, tmp_path: Path) -> int:
    case = kami_json(
        "case", "new", "--title", "测试案件", "--platform", "某卡盟", "--amount", "100", data_dir=d
    )
    kami_json("import", "--case", str(case["id"]), str(screenshot(tmp_path / "a.png")), data_dir=d)
    kami_json("party", "add", "--case", str(case["id"]), "--role", "本人", "--name", "张三", data_dir=d)
    return case["id"]


def test_a_basis_alone_puts_the_party_on_the_cover_and_in_the_lawsuit(tmp_path):
    d = tmp_path / "p"
    cid = _case(d, tmp_path)
    add = ["party", "add", "--case", str(cid), "--role", "收款主体", "--name", COMPANY]
    proc = kami(*add, "--basis", "收款方且为实际经营者", data_dir=d, check=True)
    assert "被告（收款方且为实际经营者）" in proc.stdout
    assert "填写了被诉依据，已列为被告" in proc.stdout  # the CLI says what it did
    listed = kami_json("party", "list", "--case", str(cid), data_dir=d)["parties"]
    payee = next(p for p in listed if p["name"] == COMPANY)
    assert payee["is_defendant"] is True and payee["basis"] == "payee_operator"

    built = kami_json("dossier", "build", "--case", str(cid), "--out", str(tmp_path / "o"), data_dir=d)
    cover = _pdf_text(Path(built["pdf"]), "-l", "1")
    line = next(t for t in cover.splitlines() if "对方当事人" in t)
    assert f"被告 {COMPANY}" in line and "某卡盟" not in line  # not the platform's name instead

    doc = kami_json(
        "doc", "generate", "--case", str(cid), "--kind", "lawsuit", "--format", "pdf",
        "--out", str(tmp_path / "d"), data_dir=d,
    )  # fmt: skip
    lawsuit = _pdf_text(Path(doc["files"][0])).replace(" ", "")
    assert f"被告：{COMPANY}" in lawsuit or f"被告:{COMPANY}" in lawsuit
    assert kami_json("verify", data_dir=d)["ok"] is True


def test_taking_a_party_off_the_defendants_clears_its_basis_and_both_at_once_is_refused(tmp_path):
    d = tmp_path / "p"
    cid = _case(d, tmp_path)
    add = ["party", "add", "--case", str(cid), "--role", "收款主体", "--name", COMPANY]
    party = kami_json(*add, "--basis", "joint", data_dir=d)
    off = kami_json("party", "edit", str(party["id"]), "--no-defendant", data_dir=d)
    assert off["is_defendant"] is False and off["basis"] == ""
    again = kami_json("party", "edit", str(party["id"]), "--basis", "operator", data_dir=d)
    assert again["is_defendant"] is True and again["basis"] == "operator"
    proc = kami("party", "edit", str(party["id"]), "--no-defendant", "--basis", "joint", data_dir=d)
    assert proc.returncode == 2 and "只适用于被告" in proc.stderr
    proc = kami(*add[:5], "本人", "--name", "李四", "--basis", "joint", data_dir=d)
    assert proc.returncode == 2 and "本人不能被列为被告" in proc.stderr
    built = kami_json("dossier", "build", "--case", str(cid), "--out", str(tmp_path / "o"), data_dir=d)
    assert f"被告 {COMPANY}" in _pdf_text(Path(built["pdf"]), "-l", "1")


def test_a_basis_without_the_mark_saved_by_an_older_release_is_pointed_out(tmp_path):
    d = tmp_path / "p"
    cid = _case(d, tmp_path)
    with Profile.open(d) as prof, prof.session() as s:
        s.add(Party(case_id=cid, role="payee", name=COMPANY, basis="payee_operator", is_defendant=False))
        s.flush()
        advice = {a.code: a.text for a in party_advice(s, cid)}
    assert "没有列为被告" in advice["basis_not_defendant"]
