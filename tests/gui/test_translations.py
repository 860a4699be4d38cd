"""The English translation is complete: every .ts message finished, every tr() string of the GUI translated,
and the main window, its extra tabs and the feature dialogs actually show English once it is installed."""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractButton, QHeaderView, QTabWidget, QWidget

from kami_desktop.gui import i18n, i18n_build

GUI = Path(i18n_build.__file__).resolve().parent
TS_FILES = sorted(i18n_build.TS_DIR.glob("*_en.ts"))
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"\{[A-Za-z_]*\}|%[0-9n]")


def messages(ts: Path):
    """(context, source, comment, translations, type) of every message of a .ts file."""
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            forms = (
                [f.text or "" for f in tr.iter("numerusform")]
                if m.get("numerus") == "yes"
                else [tr.text or ""]
            )
            yield name, m.findtext("source"), m.findtext("comment") or "", forms, tr.get("type")


def translated() -> dict[tuple[str, str, str], list[str]]:
    return {(c, s, k): forms for ts in TS_FILES for c, s, k, forms, _t in messages(ts)}


# ---------------------------------------------------------------------------- the sources


def test_every_gui_module_has_exactly_one_translation_source():
    owners: dict[str, list[str]] = {}
    for feature, modules in i18n_build.SOURCES.items():
        for m in modules:
            owners.setdefault(m, []).append(feature)
    modules = {p.stem for p in GUI.glob("*.py") if not p.stem.startswith("_")}
    assert sorted(m for m in modules if m not in owners) == [], "add new modules to i18n_build.SOURCES"
    assert {m: f for m, f in owners.items() if len(f) > 1} == {}
    assert sorted(set(owners) - modules) == []
    assert {ts.name for ts in TS_FILES} == {f"{feature}_en.ts" for feature in i18n_build.SOURCES}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_finished_and_keeps_its_placeholders(ts):
    problems = []
    for ctx, src, _comment, forms, kind in messages(ts):
        if kind is not None:  # unfinished, obsolete or vanished
            problems.append((ctx, src, kind))
        for text in forms:
            if not text.strip():
                problems.append((ctx, src, "empty"))
            elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(src)):
                problems.append((ctx, src, text))
    assert problems == []


def test_lupdate_finds_no_string_without_a_translation(tmp_path):
    """lupdate over all of kami_desktop/gui into a fresh file: each of its messages is in some .ts, translated."""
    fresh = tmp_path / "all_en.ts"
    subprocess.run(
        [
            i18n_build.lupdate(),
            "-silent",
            *sorted(str(p) for p in GUI.glob("*.py")),
            "-ts",
            str(fresh),
            "-target-language",
            "en",
        ],
        check=True,
    )
    have = translated()
    found = [(c, s, k) for c, s, k, _f, _t in messages(fresh)]
    assert len(found) > 500
    assert [key for key in found if key not in have] == []


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def source_strings():
    """(context, source, comment, where) of every tr() / translate() / QT_TRANSLATE_NOOP with literal text,
    found by walking the syntax tree, so calls lupdate cannot see (inside f-strings) are checked too."""
    for path in sorted(GUI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes: list[tuple[ast.ClassDef, set[int]]] = [
            (c, {id(n) for n in ast.walk(c)}) for c in ast.walk(tree) if isinstance(c, ast.ClassDef)
        ]
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = node.args
            where = f"{path.name}:{node.lineno}"
            if name == "tr" and args and _literal(args[0]) is not None:
                owner = [c.name for c, ids in classes if id(node) in ids]
                assert owner, f"tr() outside a class at {where}"
                comment = _literal(args[1]) if len(args) > 1 else ""
                yield owner[-1], args[0].value, comment or "", where
            elif (
                name in ("translate", "QT_TRANSLATE_NOOP")
                and len(args) >= 2
                and _literal(args[1]) is not None
            ):
                comment = _literal(args[2]) if len(args) > 2 else ""
                yield _literal(args[0]), args[1].value, comment or "", where


def test_every_tr_string_in_the_code_has_a_translation():
    have = translated()
    found = list(source_strings())
    assert len(found) > 500
    missing = [
        (where, ctx, src) for ctx, src, comment, where in found if not any(have.get((ctx, src, comment), []))
    ]
    assert missing == []


# ---------------------------------------------------------------------------- English at run time


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("qm")
    built = i18n_build.build(out_dir=out)
    assert {p.name for p in built} == {ts.with_suffix(".qm").name for ts in TS_FILES}
    return out


@pytest.fixture
def english(qapp, qm_dir, monkeypatch):
    """The app switched to English the way app.main() does it, from freshly built .qm files."""
    monkeypatch.setattr(i18n, "qm_path", lambda lang: qm_dir / f"kami_desktop_{lang}.qm")
    locale = QLocale()
    assert i18n.install_translators(qapp, "en")
    yield
    for t in i18n._installed:
        qapp.removeTranslator(t)
    i18n._installed.clear()
    QLocale.setDefault(locale)


def test_every_message_is_looked_up_in_english(english):
    for (ctx, src, comment), forms in translated().items():
        if len(forms) == 1:
            assert QCoreApplication.translate(ctx, src, comment or None) == forms[0], (ctx, src)
        else:
            assert QCoreApplication.translate(ctx, src, comment or None, 1) == forms[0].replace("%n", "1")
            assert QCoreApplication.translate(ctx, src, comment or None, 3) == forms[1].replace("%n", "3")


def own_texts(widget: QWidget) -> list[str]:
    """Texts the GUI writes itself (buttons, tab titles, table headers, window titles), not data or core text."""
    texts = [widget.windowTitle()]
    for b in widget.findChildren(QAbstractButton):
        if b.text():
            texts.append(b.text())
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for header in widget.findChildren(QHeaderView):
        model = header.model()
        if model is not None and header.orientation().name == "Horizontal":
            texts += [
                str(model.headerData(c, header.orientation()) or "") for c in range(model.columnCount())
            ]
    return texts


def chinese(texts: list[str]) -> list[str]:
    return [t for t in texts if CJK.search(t)]


def test_main_window_menus_and_tabs_are_english(qtbot, english, profile, settings, dialogs, case_id):
    from kami_desktop.gui.main_window import MainWindow

    win = MainWindow(profile, settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.windowTitle().endswith("Kami Claim Helper")
    menus = win.menuBar().actions()
    assert [a.text() for a in menus] == ["&File", "E&dit", "&Evidence", "Binder", "&Settings", "&Help"]
    assert chinese([a.text() for m in menus for a in m.menu().actions()]) == []
    ws = win.workspace
    assert [ws.tabText(i) for i in range(ws.count())] == [
        "Case home",
        "Evidence",
        "Bills",
        "Claim items",
        "Chats",
        "Case progress",
    ]
    win.sidebar.refresh(select=case_id)
    assert win.current_case_id() == case_id
    for i in range(ws.count()):
        ws.setCurrentIndex(i)
        qtbot.wait(50)
        assert chinese(own_texts(ws.widget(i))) == [], ws.tabText(i)
    win.close()


def test_feature_dialogs_are_english(qtbot, english, profile, dialogs, tmp_path):
    from datetime import date
    from decimal import Decimal

    from kami_desktop.core.bills.money import CounterpartyList
    from kami_desktop.core.case.claim_drafts import ClaimDraft
    from kami_desktop.gui.backup_dialog import BackupDialog, RestoreDialog
    from kami_desktop.gui.claim_dialog import ClaimDialog
    from kami_desktop.gui.counterparty_dialog import CounterpartyDialog
    from kami_desktop.gui.documents_dialog import DocumentsDialog
    from kami_desktop.gui.dossier_dialog import DossierDialog
    from kami_desktop.gui.fact_dialog import FactDialog
    from kami_desktop.gui.party_dialog import PartyDialog
    from kami_desktop.gui.step_dialog import StepDialog
    from tests.core.dossier.cases import make_case

    case = make_case(profile, tmp_path / "src", keys=["chat_png", "note"])
    dossier = DossierDialog(profile, case.case_id)
    qtbot.addWidget(dossier)
    with qtbot.waitSignal(dossier.checked, timeout=10000):
        pass
    cid = case.case_id
    made = [
        dossier,
        DocumentsDialog(profile, cid),
        BackupDialog(profile),
        RestoreDialog(tmp_path / "restore"),
        PartyDialog(profile, cid),
        StepDialog(profile, cid),
        FactDialog(profile, cid),
        ClaimDialog(ClaimDraft(cid, "deducted", date(2025, 3, 20), "", reason="auto_renewal")),
        CounterpartyDialog(CounterpartyList([], Decimal("0"), Decimal("0"), Decimal("0"))),
    ]
    for dlg in made:
        qtbot.addWidget(dlg)
        texts = own_texts(dlg)
        assert texts[0] and chinese(texts) == [], type(dlg).__name__
    step = made[5]
    kinds = [step.kind.itemText(i) for i in range(step.kind.count())]
    assert "    Sent a written refund demand (demand letter)" in kinds and chinese(kinds) == []
    claim = next(d for d in made if isinstance(d, ClaimDialog))
    kinds = [claim.kind.itemText(i) for i in range(claim.kind.count())]
    assert "Balance deducted" in kinds and chinese(kinds) == []
    for dlg in made:
        dlg.close()
