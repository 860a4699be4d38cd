"""Values a user can mistype on the command line get a Chinese message and exit code 2, never a traceback:
an ID number where a date belongs, an amount too large for any claim, a day count past the calendar."""

from __future__ import annotations

import pytest

from tests.fixtures.cli import run


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ("case", "edit", "1", "--discovered", "110101199003077777"),
            ("日期格式不正确", "110101199003077777"),
        ),
        (("case", "edit", "1", "--discovered", "2026-02-30"), ("日期格式不正确",)),
        (("case", "edit", "1", "--amount", "1e400"), ("金额过大",)),
        (
            ("legal", "interest", "--principal", "1e30", "--from", "2026-01-01", "--to", "2026-02-01"),
            ("金额过大",),
        ),
        (("legal", "workdays", "--from", "2026-01-01", "--days", "99999999"), ("过大",)),
        (("legal", "workdays", "--from", "9999-12-30", "--days", "5"), ("超出了日历范围",)),
    ],
)
def test_a_mistyped_value_is_refused_in_words(tmp_path, args, words):
    assert run("case", "new", "--title", "测试案件", data_dir=tmp_path)[0] == 0
    code, out, err = run(*args, data_dir=tmp_path)
    assert code == 2 and "Traceback" not in err
    assert all(w in err for w in words), err
    code, out, _ = run("case", "show", "1", "--json", data_dir=tmp_path)
    assert code == 0 and '"discovered_on": null' in out  # nothing half-saved


def test_a_huge_working_day_count_is_refused_before_counting(tmp_path):
    """Counting 99,999,999 working days day by day took over a minute before it was refused."""
    code, _out, err = run("legal", "workdays", "--from", "2026-01-01", "--days", "2000000", data_dir=tmp_path)
    assert code == 2 and "最多 25000 个工作日" in err and "Traceback" not in err


def test_the_core_refuses_more_working_days_than_calendar_days_without_looking_at_one():
    from datetime import date

    from kami_desktop.core.legal.calendar import WorkCalendar
    from kami_desktop.core.legal.periods import add_workdays

    class Counting(WorkCalendar):
        looked = 0

        def is_workday(self, d):
            Counting.looked += 1
            return super().is_workday(d)

    with pytest.raises(OverflowError):
        add_workdays(date(2026, 1, 1), 99_999_999, cal=Counting())
    assert Counting.looked == 0
    assert add_workdays(date(2026, 1, 1), 5, cal=Counting()) == add_workdays(date(2026, 1, 1), 5)
    assert Counting.looked > 0
