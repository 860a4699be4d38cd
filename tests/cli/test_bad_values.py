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
