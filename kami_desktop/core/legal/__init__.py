"""Qt-free legal rules engine: identifiers, working days, legal periods, deadlines, interest, fees,
evidence copies.

Pure functions over dates and Decimals plus the editable data tables in
``kami_desktop/resources/data`` (LPR, small-claims thresholds, portal limits, fallback holidays).
No database, no network, no Qt.
"""

from kami_desktop.core.legal.calendar import (
    DueDate,
    WorkCalendar,
    default_calendar,
    is_workday,
    next_workday,
    workdays_between,
)
from kami_desktop.core.legal.copies import EvidenceCopies, evidence_copies
from kami_desktop.core.legal.data import (
    HolidayTable,
    LegalDataError,
    Limits,
    LprEntry,
    LprTable,
    ProvinceThreshold,
    SmallClaimsTable,
    data_file,
    load_holidays,
    load_limits,
    load_lpr,
    load_small_claims,
)
from kami_desktop.core.legal.deadlines import (
    DEMAND_DEFAULT_WORKDAYS,
    EVENT_KINDS,
    Deadline,
    Event,
    complaint_12315_deadlines,
    complaint_filing_window,
    court_fee_deadline,
    deadline_status,
    deadlines_from_events,
    demand_answer_period,
    demand_deadline,
    limitation_deadline,
)
from kami_desktop.core.legal.fees import court_fee, court_fee_breakdown
from kami_desktop.core.legal.identifiers import (
    CodeCheck,
    check_company_code,
    check_icp,
    check_reg15,
    check_uscc,
    find_icp_numbers,
    org_code_check_char,
    reg15_check_digit,
    uscc_check_char,
)
from kami_desktop.core.legal.interest import (
    LPR_RULES,
    InterestResult,
    InterestSegment,
    compute_interest,
    interest_formula,
)
from kami_desktop.core.legal.notice import AnswerPeriod, DeliveryRules, answer_period, load_delivery
from kami_desktop.core.legal.periods import add_months, add_workdays, period_end
from kami_desktop.core.legal.small_claims import (
    SmallClaimsThreshold,
    is_small_claim,
    normalize_province,
    small_claims_threshold,
)

__all__ = [
    "DEMAND_DEFAULT_WORKDAYS",
    "LPR_RULES",
    "AnswerPeriod",
    "DeliveryRules",
    "answer_period",
    "demand_answer_period",
    "interest_formula",
    "load_delivery",
    "EVENT_KINDS",
    "CodeCheck",
    "Deadline",
    "DueDate",
    "Event",
    "EvidenceCopies",
    "HolidayTable",
    "InterestResult",
    "InterestSegment",
    "LegalDataError",
    "Limits",
    "LprEntry",
    "LprTable",
    "ProvinceThreshold",
    "SmallClaimsTable",
    "SmallClaimsThreshold",
    "WorkCalendar",
    "add_months",
    "add_workdays",
    "check_company_code",
    "check_icp",
    "check_reg15",
    "check_uscc",
    "complaint_12315_deadlines",
    "complaint_filing_window",
    "compute_interest",
    "court_fee",
    "court_fee_breakdown",
    "court_fee_deadline",
    "data_file",
    "deadline_status",
    "deadlines_from_events",
    "evidence_copies",
    "find_icp_numbers",
    "default_calendar",
    "demand_deadline",
    "is_small_claim",
    "is_workday",
    "limitation_deadline",
    "load_holidays",
    "load_limits",
    "load_lpr",
    "load_small_claims",
    "next_workday",
    "normalize_province",
    "org_code_check_char",
    "period_end",
    "reg15_check_digit",
    "small_claims_threshold",
    "uscc_check_char",
    "workdays_between",
]
