"""What a dossier build is asked to do, and what it reports back (the result, the preflight report).

Standard library only: the package exports its errors from here without loading the database layer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kami_desktop.core.errors import UserError

DEFAULT_CAUSE = "信息网络买卖合同纠纷"
DEFAULT_ATTACHMENT_CAP_MB = 100.0


class DossierError(UserError, ValueError):
    """The build cannot start or cannot finish (Chinese message for the user)."""


@dataclass(frozen=True)
class Fact:
    """One line of the timeline of facts (事实经过): when, what, and which exhibits show it."""

    when: str
    text: str
    exhibits: tuple[int, ...] = ()  # exhibit numbers in this binder


@dataclass
class DossierOptions:
    out_dir: Path
    exhibit_ids: list[int] | None = None  # binder selection and order; None = every live exhibit, case order
    attachments: bool = True  # embed the original files in the PDF
    attachment_cap_mb: float = DEFAULT_ATTACHMENT_CAP_MB  # total size of embedded originals
    submitted_on: date | None = None  # 提交日期; None = today (China time)
    submitter: str = ""  # e.g. "原告 张三"; blank leaves a line to fill in by hand
    court: str = ""
    cause: str = DEFAULT_CAUSE  # 案由
    case_number: str = ""  # 案号, blank until the court assigns one
    summary: str = ""  # 案情简述; empty = no summary page
    facts: list[Fact] | None = None  # None = the case's recorded facts (if any); [] = no timeline page
    bundle_name: str | None = None  # folder name; default 证据册_<case title>
    make_zip: bool = True
    force: bool = False  # build even when files are missing or altered (they get a page saying so)
    online_pdfs: bool = (
        False  # also write 网上立案/证据NN_名称.pdf (one PDF per exhibit) and the 证据目录 alone
    )
    online_cap_mb: float = 10.0  # warn about online-filing PDFs above this size

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["out_dir"] = str(self.out_dir)
        d["submitted_on"] = self.submitted_on.isoformat() if self.submitted_on else None
        d["facts"] = None if self.facts is None else [asdict(f) for f in self.facts]
        return d


@dataclass(frozen=True)
class ExhibitPages:
    number: int
    exhibit_id: int
    title: str
    first_page: int
    last_page: int
    sha256: str  # the first file's SHA-256 ("" when the exhibit has no file)
    files: tuple[str, ...] = ()  # bundle paths of its originals

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "exhibit_id": self.exhibit_id,
            "title": self.title,
            "first_page": self.first_page,
            "last_page": self.last_page,
            "sha256": self.sha256,
            "files": list(self.files),
        }


@dataclass
class DossierResult:
    pdf: Path
    bundle: Path
    zip: Path | None
    pages: int
    exhibits: list[ExhibitPages]
    pdf_sha256: str
    manifest_sha256: str
    zip_sha256: str | None
    ledger_head: str  # the head recorded in manifest.json (taken before this build's own entry)
    ledger_seq: int | None  # the dossier.build entry this build appended
    problems: list[dict[str, Any]] = field(default_factory=list)  # forced past: missing/altered files
    timings: dict[str, float] = field(default_factory=dict)
    online: list[Path] = field(default_factory=list)  # per-exhibit PDFs for online filing, when asked for
    warnings: list[str] = field(default_factory=list)
    tips: Path | None = None  # 内部提示（不提交法院）.pdf beside the binder

    def to_json(self) -> dict[str, Any]:
        return {
            "pdf": str(self.pdf),
            "tips": str(self.tips) if self.tips else None,
            "bundle": str(self.bundle),
            "zip": str(self.zip) if self.zip else None,
            "pages": self.pages,
            "exhibits": [e.to_json() for e in self.exhibits],
            "pdf_sha256": self.pdf_sha256,
            "manifest_sha256": self.manifest_sha256,
            "zip_sha256": self.zip_sha256,
            "ledger_head": self.ledger_head,
            "ledger_seq": self.ledger_seq,
            "problems": list(self.problems),
            "online": [str(p) for p in self.online],
            "warnings": list(self.warnings),
        }


BLOCKING = ("missing", "altered", "ledger")


@dataclass
class PreflightProblem:
    kind: str  # missing | altered | ledger | damaged | empty | incomplete
    exhibit_id: int
    number: int
    title: str
    detail: str
    file_id: int | None = None
    sha256: str | None = None
    original_name: str | None = None

    @property
    def blocking(self) -> bool:
        return self.kind in BLOCKING

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "blocking": self.blocking}


@dataclass
class PreflightReport:
    checked: int = 0
    problems: list[PreflightProblem] = field(default_factory=list)
    cancelled: bool = False
    advice: list[str] = field(default_factory=list)  # the product's advice per exhibit: shown, never printed

    @property
    def blocking(self) -> list[PreflightProblem]:
        return [p for p in self.problems if p.blocking]

    @property
    def warnings(self) -> list[PreflightProblem]:
        return [p for p in self.problems if not p.blocking]

    @property
    def ok(self) -> bool:
        return not self.blocking and not self.cancelled

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "cancelled": self.cancelled,
            "problems": [p.to_json() for p in self.problems],
            "advice": list(self.advice),
        }

    def describe(self) -> str:
        return "\n".join(f"证据{p.number}《{p.title}》：{p.detail}" for p in self.problems)


class PreflightError(UserError):
    """Raised by the build when files are missing or altered and ``force`` is off."""

    def __init__(self, report: PreflightReport) -> None:
        self.report = report
        lines = [f"有 {len(report.blocking)} 个文件缺失或已被改动，未生成证据册（确认后可强制生成）："]
        lines += [
            f"  证据{p.number}《{p.title}》 {p.original_name or ''}：{p.detail}" for p in report.blocking
        ]
        super().__init__("\n".join(lines))
