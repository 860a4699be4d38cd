"""USCC (GB 32100-2015), 15-digit 注册号 (ISO 7064 MOD 11,10) and ICP number checks."""

from __future__ import annotations

import pytest

from kami_desktop.core.legal.identifiers import (
    check_company_code,
    check_icp,
    check_reg15,
    check_uscc,
    find_icp_numbers,
    org_code_check_char,
    reg15_check_digit,
    uscc_check_char,
)

# Independent re-implementation straight from legal.md §6.1, to cross-check the module.
LEGAL_MD_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
LEGAL_MD_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def legal_md_check(code17: str) -> str:
    total = sum(LEGAL_MD_ALPHABET.index(c) * w for c, w in zip(code17, LEGAL_MD_WEIGHTS, strict=True))
    c18 = 31 - total % 31
    return LEGAL_MD_ALPHABET[0 if c18 == 31 else c18]


def legal_md_mod11_10(first14: str) -> str:
    p = 10
    for ch in first14:
        s = (p + int(ch)) % 10
        if s == 0:
            s = 10
        p = (2 * s) % 11
    return str((11 - p) % 10)


KNOWN_GOOD = [
    "91330100716105852F",  # 阿里巴巴（中国）网络技术有限公司 (legal.md worked example)
    "91440300708461136T",  # 腾讯科技（深圳）有限公司
    "914403001922038216",  # 华为技术有限公司
    "91110000600037341L",  # python-stdnum doctest
]


@pytest.mark.parametrize("code", KNOWN_GOOD)
def test_known_good_uscc_valid_and_matches_independent_computation(code):
    result = check_uscc(code)
    assert result.valid, result.reason
    assert result.kind == "uscc"
    assert result.reason == ""
    assert result.expected_check == code[-1] == legal_md_check(code[:17]) == uscc_check_char(code[:17])
    assert result.warnings == ()  # these also pass the inner GB 11714 check and the table sanity checks


def test_worked_example_sum_is_884():
    code = "91330100716105852F"
    total = sum(LEGAL_MD_ALPHABET.index(c) * w for c, w in zip(code[:17], LEGAL_MD_WEIGHTS, strict=True))
    assert total == 884 and total % 31 == 16


def test_weights_are_powers_of_three_mod_31():
    assert [pow(3, i, 31) for i in range(17)] == LEGAL_MD_WEIGHTS


def test_wrong_check_digit_reports_expected():
    result = check_uscc("914403001922038217")
    assert not result.valid
    assert result.expected_check == "6"
    assert "校验位" in result.reason and "6" in result.reason
    assert result.to_json()["valid"] is False
    assert set(result.to_json()) >= {"valid", "expected_check", "reason", "kind"}


def test_bad_format_is_invalid():
    assert not check_uscc("A1110000600037341L").valid


def test_known_exception_code_fails_check_but_explains_override():
    # legal.md: a public validator hard-codes this code as an exception: a failure is only a warning.
    result = check_uscc("91350203M0001QAY9B")
    assert not result.valid
    assert "可忽略" in result.reason


@pytest.mark.parametrize(
    "code, fragment",
    [
        ("", "未填写"),
        ("9133010071610585", "18位"),
        ("91330100716105852FF", "18位"),
        ("91330100716IO5852F", "字符集"),
        ("91AB0100716105852F", "第3–8位"),
    ],
)
def test_malformed_uscc(code, fragment):
    result = check_uscc(code)
    assert not result.valid
    assert fragment in result.reason


def test_letter_o_hint():
    result = check_uscc("9133010O716105852F")
    assert not result.valid and "“0”" in result.reason


def test_normalises_spaces_dashes_fullwidth_and_case():
    result = check_uscc(" ９１３３0100-7161 0585 2f ")
    assert result.valid
    assert result.normalized == "91330100716105852F"


def test_sanity_warnings_do_not_invalidate():
    # Authority 9 with entity type 8 (not in the table) and province prefix 99, with a correct check char.
    body = "989900007161058" + "52"
    code = body + uscc_check_char(body)
    result = check_uscc(code)
    assert result.valid
    assert any("机构类别" in w for w in result.warnings)
    assert any("省级" in w for w in result.warnings)


def test_unknown_authority_code_warns():
    body = "B1330100716105852"
    result = check_uscc(body + uscc_check_char(body))
    assert result.valid and any("登记管理部门" in w for w in result.warnings)


def test_inner_org_code_check():
    # 71610585-2 is the organisation code inside the Alibaba USCC.
    assert org_code_check_char("71610585") == "2"
    body = "91330100716105853"  # inner check char changed from 2 to 3
    result = check_uscc(body + uscc_check_char(body))
    assert result.valid
    assert any("GB 11714" in w for w in result.warnings)


def test_reg15_known_good():
    code = "330100400015575"  # legal.md §6.2
    result = check_reg15(code)
    assert result.valid and result.kind == "reg15"
    assert result.expected_check == legal_md_mod11_10(code[:14]) == reg15_check_digit(code[:14]) == "5"


@pytest.mark.parametrize(
    "code, fragment",
    [("330100400015576", "校验位"), ("33010040001557", "15位"), ("33010040001557A", "数字"), ("", "未填写")],
)
def test_reg15_invalid(code, fragment):
    result = check_reg15(code)
    assert not result.valid and fragment in result.reason


@pytest.mark.parametrize(
    "text, form",
    [
        ("京ICP备12345678号", "icp_filing"),
        ("京ICP备12345678号-1", "icp_filing"),
        ("陕ICP备16000646号", "icp_filing"),
        ("黔ICP备2026001073号-1", "icp_filing"),
        ("京ICP证123456号", "icp_licence"),
        ("粤B2-20090059", "telecom_licence"),
        ("京公网安备 11010502030143号", "police_filing"),
        (" 浙icp备12345678号－2 ", "icp_filing"),
    ],
)
def test_icp_valid_forms(text, form):
    result = check_icp(text)
    assert result.valid, result.reason
    assert result.kind == "icp" and result.form == form
    assert result.expected_check is None


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("无ICP备12345678号", "简称"),
        ("京ICP备123号", "6–10位"),
        ("京ICP备12345678901号", "6–10位"),
        ("京ICP证12345号", "6位"),
        ("京ICP备12345678", "格式不符"),
        ("ICP备12345678号", "格式不符"),
        ("京公网安备 1101050203014号", "14位"),
        ("", "未填写"),
    ],
)
def test_icp_invalid(text, fragment):
    result = check_icp(text)
    assert not result.valid
    assert fragment in result.reason


@pytest.mark.parametrize(
    "code, kind, valid",
    [
        ("91330100716105852F", "uscc", True),
        ("914403001922038217", "uscc", False),
        ("330100400015575", "reg15", True),
        (330100400015575, "reg15", True),
        ("京ICP备12345678号-1", "icp", True),
        ("粤B2-20090059", "icp", True),
        ("71610585-2", "unknown", False),
        ("12345", "unknown", False),
        (None, "unknown", False),
    ],
)
def test_dispatch(code, kind, valid):
    result = check_company_code(code)
    assert (result.kind, result.valid) == (kind, valid)
    assert (result.reason == "") == valid


def test_icp_extracted_from_a_pasted_footer():
    footer = "Copyright © 2024 某某网络 备案号：京ICP备12345678号-1 京公网安备 11010502030143号"
    result = check_icp(footer)
    assert result.valid and result.normalized == "京ICP备12345678号-1"
    assert "提取" in result.warnings[0] and "京公网安备11010502030143号" in result.warnings[0]
    assert find_icp_numbers(footer) == ["京ICP备12345678号-1", "京公网安备11010502030143号"]
    assert check_company_code(footer).kind == "icp"


def test_icp_extraction_keeps_format_errors():
    result = check_icp("网站备案：京ICP证12345号")
    assert not result.valid and "6位" in result.reason
