"""What the 案件首页 shows, read from the core in one go (on a worker thread), and which buttons each
missing piece gets.

``load_home`` calls the core functions that own every figure: ``core.case.overview`` (exhibits by
category, bills, chats, days left), ``core.case.readiness`` (the checklist), ``core.case.ladder`` (the next
step and its deadline) and ``core.bills.money`` (the claim). Nothing is counted or summed here.

Buttons are named by action codes; ``gui/case_home_actions.py`` maps each code to the action the main
window already has (its importer, the party dialog, the claim dialog, the documents and binder dialogs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kami_desktop.gui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the core (SQLAlchemy) loads when a case is read, not when the window is built
    from kami_desktop.core.bills.money import CaseMoney
    from kami_desktop.core.case.ladder import Dashboard
    from kami_desktop.core.case.overview import EvidenceCounts
    from kami_desktop.core.case.readiness import Readiness
    from kami_desktop.core.profile import Profile

# action codes (buttons of the home page) → their label
IMPORT_SCREENS = "import_screens"
IMPORT_BILL = "import_bill"
IMPORT_CHAT = "import_chat"
ADD_PARTY = "add_party"
PARTIES = "parties"
ADD_CLAIM = "add_claim"
EDIT_CASE = "edit_case"
DEMAND = "demand"
DOCUMENTS = "documents"
DOSSIER = "dossier"
LADDER = "ladder"
ORGANISE = "organise"  # 按识别结果整理… on the 证据 tab
GUIDE = "guide:"  # + a guide key of gui/help_guides.py

ACTION_LABELS: dict[str, str] = {
    IMPORT_SCREENS: QT_TRANSLATE_NOOP("CaseHome", "导入截图"),
    IMPORT_BILL: QT_TRANSLATE_NOOP("CaseHome", "导入账单"),
    IMPORT_CHAT: QT_TRANSLATE_NOOP("CaseHome", "导入聊天记录"),
    ADD_PARTY: QT_TRANSLATE_NOOP("CaseHome", "填写当事人"),
    PARTIES: QT_TRANSLATE_NOOP("CaseHome", "查看当事人"),
    ADD_CLAIM: QT_TRANSLATE_NOOP("CaseHome", "填写主张项"),
    EDIT_CASE: QT_TRANSLATE_NOOP("CaseHome", "填写案件信息"),
    DEMAND: QT_TRANSLATE_NOOP("CaseHome", "生成催告函"),
    DOCUMENTS: QT_TRANSLATE_NOOP("CaseHome", "生成文书"),
    DOSSIER: QT_TRANSLATE_NOOP("CaseHome", "打印证据册"),
    LADDER: QT_TRANSLATE_NOOP("CaseHome", "记录进展"),
    ORGANISE: QT_TRANSLATE_NOOP("CaseHome", "按识别结果整理…"),
}
# the guide links beside a missing piece: (guide key, link text)
GUIDE_LINKS: dict[str, tuple[str, str]] = {
    "bill": ("alipay_bill", QT_TRANSLATE_NOOP("CaseHome", "不会导出账单？看指南")),
    "chat": ("wechat_chat", QT_TRANSLATE_NOOP("CaseHome", "不会导出聊天记录？看指南")),
    "screenshot": ("screenshot", QT_TRANSLATE_NOOP("CaseHome", "怎样截一张好的证据截图？")),
    "categories": ("categories", QT_TRANSLATE_NOOP("CaseHome", "每类证据是什么意思？")),
}
# readiness item key (core.case.readiness) → (buttons, guide links)
ITEM_ACTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "funds": ((IMPORT_BILL, IMPORT_SCREENS), ("bill",)),
    "interaction": ((IMPORT_CHAT, IMPORT_SCREENS), ("chat", "screenshot")),
    "non_delivery": ((IMPORT_SCREENS,), ("screenshot", "categories")),
    "identity": ((ADD_PARTY, IMPORT_SCREENS), ("categories",)),
    "defendant": ((PARTIES,), ()),
    "rules": ((IMPORT_SCREENS,), ("screenshot",)),
}


def item_actions(key: str, status: str = "missing") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The buttons and guide links of a readiness item (``defendant:<id>`` items share one entry). A weak
    运营主体 already has its party: the button opens the parties to complete it, not a new one."""
    codes, guides = ITEM_ACTIONS.get(key.split(":", 1)[0], ((), ()))
    if key == "identity" and status == "weak":
        codes = tuple(PARTIES if c == ADD_PARTY else c for c in codes)
    return codes, guides


@dataclass
class HomeData:
    case_id: int
    title: str
    stage_label: str
    discovered: bool  # the date the deduction was found is filled in (the deadlines count from it)
    counts: EvidenceCounts
    readiness: Readiness
    dashboard: Dashboard
    money: CaseMoney
    days_left: int | None  # to the next deadline
    suggestible: int = 0  # exhibits whose read text suggests a category, title or 证明目的 not yet filled in

    @property
    def demand_sent(self) -> bool:
        return any(st["done"] and st["kind"] == "demand_sent" for st in self.dashboard.steps)

    @property
    def next_step(self) -> str:
        return self.dashboard.next_steps[0] if self.dashboard.next_steps else ""

    def step_actions(self) -> tuple[str, ...]:
        """The buttons beside the next step of the ladder."""
        if self.dashboard.stage == "closed":
            return (DOSSIER,)
        first = (DEMAND,) if not self.demand_sent else (DOCUMENTS,)
        return (*first, LADDER, DOSSIER)


def load_home(profile: Profile, case_id: int, today: date | None = None) -> HomeData:
    """Everything the home page shows, in one session (run it on a worker)."""
    from kami_desktop.core.bills.money import case_money
    from kami_desktop.core.case.cases import case_summary, get_case
    from kami_desktop.core.case.ladder import case_dashboard
    from kami_desktop.core.case.overview import days_left, evidence_counts
    from kami_desktop.core.case.readiness import readiness
    from kami_desktop.core.triage.suggest import case_suggestions

    with profile.session() as s:
        summary = case_summary(get_case(s, case_id))
        counts = evidence_counts(s, case_id)
        ready = readiness(s, case_id)
        dash = case_dashboard(s, case_id, today)
        money = case_money(s, case_id, profile.blob_path)
        suggestible = sum(1 for sug in case_suggestions(s, case_id) if sug.fields)
    nxt = dash.next_deadline
    return HomeData(
        case_id,
        summary["title"],
        summary["stage_label"],
        summary["discovered_on"] is not None,
        counts,
        ready,
        dash,
        money,
        None if nxt is None else days_left(nxt.due, dash.today),
        suggestible,
    )
