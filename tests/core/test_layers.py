"""The layer rule of docs/architecture.md, checked on the source: a module imports only from its own
group or from a lower layer; parsers import only the utilities; the core never imports the faces.
"""

from __future__ import annotations

import ast
from pathlib import Path

import kami_desktop

PACKAGE = Path(kami_desktop.__file__).parent

# group → layer; a module may import its own group and any group on a lower layer
LAYERS = {
    "errors": 0,
    "resources": 0,
    "util": 1,
    "vocab": 1,
    "tasks": 1,
    "legal": 2,
    "bills.parse": 2,
    "chats.parse": 2,
    "ocr.parse": 2,
    "store": 3,
    "profile": 4,
    "evidence": 5,
    "case": 5,
    "bills.store": 6,
    "chats.store": 6,
    "ocr.store": 6,
    "suggestions": 7,
    "documents": 7,
    "dossier": 7,
    "backup": 7,
    "search": 7,
    "triage": 7,
    "redact": 7,
}
# the modules of bills/ and chats/ that work on the case file in the database; the rest are parsers
STORED_SIDE = {
    "bills": {"store", "case_recon", "sheets", "owner", "counterparties", "money"},
    "chats": {"store", "excerpts", "voice_store", "voice_links"},
    "ocr": {"store", "job"},
}
# parsers read bytes and return plain data: nothing but the utilities and the error base
PARSER_ONLY = {"util", "errors"}
FACES = ("kami_desktop.gui", "kami_desktop.cli", "kami_desktop.commands", "kami_desktop.smoke")


def group_of(module: str) -> str | None:
    """The layer group of a dotted module name, or None for modules outside the layered core."""
    parts = module.split(".")
    if parts[:2] == ["kami_desktop", "resources"]:
        return "resources"
    if parts[:2] != ["kami_desktop", "core"] or len(parts) < 3:
        return None
    head = parts[2]
    if parts[2:4] == ["case", "suggestions"]:  # facts proposed from the stored bills and chats
        return "suggestions"
    if head in STORED_SIDE:
        return f"{head}.store" if parts[3:4] and parts[3] in STORED_SIDE[head] else f"{head}.parse"
    return head


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(tree: ast.AST) -> list[str]:
    """Absolute names a module imports (``from a.b import c`` yields ``a.b`` and ``a.b.c``)."""
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                names.append(f"<relative import, level {node.level}>")
            elif node.module:
                names.append(node.module)
                names += [f"{node.module}.{a.name}" for a in node.names]
    return names


def layer_violations(root: Path) -> list[str]:
    """Every import under ``root`` (a kami_desktop package folder) that breaks the layer rule."""
    problems: list[str] = []
    for path in sorted(root.rglob("*.py")):
        source = module_name(path, root)
        mine = group_of(source)
        in_core = source.startswith("kami_desktop.core") or mine == "resources"
        for target in imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
            if target.startswith("<relative"):
                problems.append(f"{source}: {target} (use absolute imports)")
                continue
            if in_core and target.startswith(FACES):
                problems.append(f"{source} → {target}: the core never imports the GUI or the CLI")
                continue
            if source.startswith("kami_desktop.commands") and target == "kami_desktop.cli":
                problems.append(f"{source} → {target}: commands build on commands._base, not on cli")
                continue
            theirs = group_of(target)
            if mine is None or theirs is None or mine == theirs:
                continue
            if mine.endswith(".parse") and theirs not in PARSER_ONLY:
                problems.append(f"{source} → {target}: parsers import only {sorted(PARSER_ONLY)}")
            elif LAYERS[theirs] >= LAYERS[mine]:
                problems.append(f"{source} ({mine}) → {target} ({theirs}): not a lower layer")
    return problems


def test_every_core_group_has_a_layer():
    groups = {group_of(module_name(p, PACKAGE)) for p in (PACKAGE / "core").rglob("*.py")}
    groups.discard(None)
    assert groups - set(LAYERS) == set()


def test_the_package_keeps_the_layer_rule():
    assert layer_violations(PACKAGE) == []


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "kami_desktop"
    for rel, text in files.items():
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")
    return root


def test_the_rule_catches_an_upward_import(tmp_path):
    root = _tree(
        tmp_path, {"core/store/ledger.py": "from kami_desktop.core.dossier.build import build_dossier\n"}
    )
    assert layer_violations(root) == [
        "kami_desktop.core.store.ledger (store) → kami_desktop.core.dossier.build (dossier): not a lower layer",
        "kami_desktop.core.store.ledger (store) → kami_desktop.core.dossier.build.build_dossier (dossier): "
        "not a lower layer",
    ]


def test_the_rule_catches_siblings_a_parser_reaching_up_and_the_core_importing_a_face(tmp_path):
    root = _tree(
        tmp_path,
        {
            "core/chats/store.py": "def f():\n    from kami_desktop.core.bills import store\n",
            "core/bills/alipay.py": "import kami_desktop.core.store.model\n",
            "core/case/cases.py": "from kami_desktop.gui import messages\n",
            "core/evidence/verify.py": "from . import sniff\n",
            "commands/case.py": "from kami_desktop.cli import Outcome\n",
        },
    )
    found = "\n".join(layer_violations(root))
    assert (
        "kami_desktop.core.chats.store (chats.store) → kami_desktop.core.bills.store (bills.store)" in found
    )
    assert "kami_desktop.core.bills.alipay → kami_desktop.core.store.model: parsers import only" in found
    assert "kami_desktop.core.case.cases → kami_desktop.gui: the core never imports the GUI" in found
    assert "kami_desktop.core.evidence.verify: <relative import, level 1>" in found
    assert "kami_desktop.commands.case → kami_desktop.cli: commands build on commands._base" in found


def test_allowed_imports_pass(tmp_path):
    root = _tree(
        tmp_path,
        {
            "core/dossier/build.py": "from kami_desktop.core.store import ledger\nfrom kami_desktop.core.dossier import layout\n",
            "core/bills/alipay.py": "from kami_desktop.core.util.money import to_money\n",
            "gui/x.py": "from kami_desktop.core.store.model import Exhibit\n",
        },
    )
    assert layer_violations(root) == []
