"""Company identifiers: 统一社会信用代码 (GB 32100-2015), the old 15-digit 注册号, ICP numbers.

A failed check is advice, not a block (legal.md §6.1: a few codes in circulation fail the check
digit), so every result carries a Chinese ``reason`` the UI can show next to an "ignore" button.
Soft findings that do not make a code invalid (unknown registration-authority or entity-type code,
an unexpected province prefix, a failed inner GB 11714 check) go to ``warnings``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# ---------------------------------------------------------------- 统一社会信用代码

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters, no I O S V Z
USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, ...
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organisation code
USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")

# GB 32100-2015 table 1/2: registration authority -> (name, {entity-type code: name}).
# Later amendments have added type codes, so an unknown type is only a warning.
REGISTRATION_AUTHORITIES: dict[str, tuple[str, dict[str, str]]] = {
    "1": ("机构编制", {"1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他"}),
    "2": ("外交", {"1": "外国常驻新闻机构", "9": "其他"}),
    "3": (
        "司法行政",
        {
            "1": "律师执业机构",
            "2": "公证处",
            "3": "基层法律服务所",
            "4": "司法鉴定机构",
            "5": "仲裁委员会",
            "6": "商事调解组织",
            "9": "其他",
        },
    ),
    "4": ("文化", {"1": "外国在华文化中心", "9": "其他"}),
    "5": (
        "民政",
        {
            "1": "社会团体",
            "2": "民办非企业单位",
            "3": "基金会",
            "4": "村民委员会",
            "5": "居民委员会",
            "9": "其他",
        },
    ),
    "6": (
        "旅游",
        {"1": "外国旅游部门常驻代表机构", "2": "港澳台地区旅游部门常驻内地（大陆）代表机构", "9": "其他"},
    ),
    "7": ("宗教", {"1": "宗教活动场所", "2": "宗教院校", "9": "其他"}),
    "8": ("工会", {"1": "基层工会", "9": "其他"}),
    "9": ("工商（市场监管）", {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"}),
    "A": ("中央军委改革和编制办公室", {"1": "军队事业单位", "9": "其他"}),
    "N": ("农业", {"1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织", "9": "其他"}),
    "Y": ("其他", {"1": ""}),
}

# First two digits of a GB/T 2260 division code; "10" is used for national-level registrations.
PROVINCE_PREFIXES = frozenset(
    "10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 "
    "71 81 82".split()
)

_LOOKALIKES = {"I": "1", "O": "0", "S": "5", "Z": "2"}


class CodeCheck(NamedTuple):  # a NamedTuple: `kami legal uscc` starts without the dataclasses module
    valid: bool
    kind: str  # 'uscc' | 'reg15' | 'icp' | 'unknown'
    expected_check: str | None
    reason: str  # Chinese; '' when valid
    warnings: tuple[str, ...] = ()
    normalized: str = ""  # the code as checked (upper-case, separators removed)
    form: str = ""  # ICP only: 'icp_filing' | 'icp_licence' | 'telecom_licence' | 'police_filing'

    def to_json(self) -> dict:
        return {
            "valid": self.valid,
            "expected_check": self.expected_check,
            "reason": self.reason,
            "kind": self.kind,
            "warnings": list(self.warnings),
            "normalized": self.normalized,
            "form": self.form,
        }


def _clean(code: object) -> str:
    """NFKC (full-width to ASCII), upper-case, drop whitespace and dash-like separators."""
    text = unicodedata.normalize("NFKC", "" if code is None else str(code)).upper()
    return re.sub(r"[\s\-‐‑‒–—―－_]", "", text)


def uscc_check_char(first17: str) -> str:
    """Check character for the first 17 characters of a USCC (legal.md §6.1)."""
    if len(first17) != 17 or any(c not in USCC_ALPHABET for c in first17):
        raise ValueError(f"需要17位统一社会信用代码字符：{first17!r}")
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(first8: str) -> str:
    """GB 11714 check character for an 8-character organisation code body (0-9 A-Z)."""
    if len(first8) != 8 or not all(c.isdigit() or "A" <= c <= "Z" for c in first8):
        raise ValueError(f"需要8位组织机构代码本体：{first8!r}")
    total = sum(int(c, 36) * w for c, w in zip(first8, ORG_WEIGHTS, strict=True))
    c9 = 11 - total % 11
    return {10: "X", 11: "0"}.get(c9, str(c9))


def _invalid(kind: str, reason: str, normalized: str, expected: str | None = None) -> CodeCheck:
    return CodeCheck(valid=False, kind=kind, expected_check=expected, reason=reason, normalized=normalized)


def check_uscc(code: str) -> CodeCheck:
    """Validate an 18-character 统一社会信用代码."""
    s = _clean(code)
    if not s:
        return _invalid("uscc", "未填写统一社会信用代码", s)
    if len(s) != 18:
        return _invalid("uscc", f"统一社会信用代码应为18位，实际为{len(s)}位", s)
    for i, ch in enumerate(s, start=1):
        if ch not in USCC_ALPHABET:
            hint = f"（是否为“{_LOOKALIKES[ch]}”？）" if ch in _LOOKALIKES else ""
            return _invalid(
                "uscc", f"第{i}位字符“{ch}”不在统一社会信用代码字符集中，代码不使用I、O、S、V、Z{hint}", s
            )
    if not s[2:8].isdigit():
        return _invalid("uscc", "第3–8位（登记管理机关行政区划码）应全部为数字", s)
    expected = uscc_check_char(s[:17])
    if s[17] != expected:
        return _invalid(
            "uscc",
            f"校验位不符：按前17位计算应为“{expected}”，实际为“{s[17]}”。请核对是否抄错；"
            "极少数在用代码不符合校验规则，如已在国家企业信用信息公示系统核实，可忽略此提示",
            s,
            expected,
        )
    warnings: list[str] = []
    authority = REGISTRATION_AUTHORITIES.get(s[0])
    if authority is None:
        warnings.append(f"第1位登记管理部门代码“{s[0]}”不在GB 32100-2015的代码表中")
    elif s[1] not in authority[1]:
        warnings.append(f"第2位机构类别代码“{s[1]}”不在登记管理部门“{authority[0]}”的类别表中")
    if s[2:4] not in PROVINCE_PREFIXES:
        warnings.append(f"第3–4位“{s[2:4]}”不是省级行政区划代码")
    body = s[8:16]
    if all(c.isdigit() or "A" <= c <= "Z" for c in body) and org_code_check_char(body) != s[16]:
        warnings.append("第9–17位（组织机构代码）未通过GB 11714校验；个体工商户等主体常见，仅供参考")
    return CodeCheck(True, "uscc", expected, "", tuple(warnings), s)


# ---------------------------------------------------------------- 15-digit 注册号


def reg15_check_digit(first14: str) -> str:
    """ISO 7064 MOD 11,10 check digit (GB/T 17710) over the first 14 digits."""
    if len(first14) != 14 or not first14.isdigit():
        raise ValueError(f"需要14位数字：{first14!r}")
    p = 10
    for ch in first14:
        s = (p + int(ch)) % 10 or 10
        p = (2 * s) % 11
    return str((11 - p) % 10)


def check_reg15(code: str) -> CodeCheck:
    """Validate an old 15-digit 工商注册号 (6-digit authority area + 8-digit sequence + check)."""
    s = _clean(code)
    if not s:
        return _invalid("reg15", "未填写注册号", s)
    if len(s) != 15:
        return _invalid("reg15", f"注册号应为15位数字，实际为{len(s)}位", s)
    if not s.isdigit():
        return _invalid("reg15", "注册号应全部为数字", s)
    expected = reg15_check_digit(s[:14])
    if s[14] != expected:
        return _invalid(
            "reg15", f"校验位不符：按前14位计算应为“{expected}”，实际为“{s[14]}”。请核对是否抄错", s, expected
        )
    warnings = () if s[:2] in PROVINCE_PREFIXES else (f"前两位“{s[:2]}”不是省级行政区划代码",)
    return CodeCheck(True, "reg15", expected, "", warnings, s)


# ---------------------------------------------------------------- ICP numbers

ICP_PROVINCES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新"

_ICP_FORMS = (
    (
        "icp_filing",
        re.compile(r"^(?P<p>.)ICP备(?P<n>\d+)号(?:-(?P<site>\d{1,4}))?$"),
        range(6, 11),
        "ICP备案号",
    ),
    ("icp_licence", re.compile(r"^(?P<p>.)ICP证(?P<n>\d+)号$"), range(6, 7), "ICP经营许可证号"),
    ("telecom_licence", re.compile(r"^(?P<p>.)B[12]-(?P<n>\d+)$"), range(8, 9), "增值电信业务经营许可证号"),
    ("police_filing", re.compile(r"^(?P<p>.)公网安备(?P<n>\d+)号$"), range(14, 15), "公安联网备案号"),
)


def _clean_icp(text: object) -> str:
    s = unicodedata.normalize("NFKC", "" if text is None else str(text)).upper()
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"[‐‑‒–—―－_]", "-", s)
    return s


_ICP_SEARCH = re.compile(rf"[{ICP_PROVINCES}](?:ICP[备证]\d+号(?:-\d{{1,4}})?|公网安备\d+号|B[12]-\d+)")


def find_icp_numbers(text: str) -> list[str]:
    """ICP-like numbers inside free text such as a pasted site footer, in order of appearance."""
    return _ICP_SEARCH.findall(_clean_icp(text))


def _check_icp_exact(s: str) -> CodeCheck | None:
    for form, pattern, lengths, label in _ICP_FORMS:
        m = pattern.match(s)
        if not m:
            continue
        if m.group("p") not in ICP_PROVINCES:
            reason = f"{label}开头的“{m.group('p')}”不是省级行政区简称"
            return CodeCheck(False, "icp", None, reason, normalized=s, form=form)
        n = len(m.group("n"))
        if n not in lengths:
            want = f"{lengths.start}" if len(lengths) == 1 else f"{lengths.start}–{lengths.stop - 1}"
            reason = f"{label}的编号应为{want}位数字，实际为{n}位"
            return CodeCheck(False, "icp", None, reason, normalized=s, form=form)
        return CodeCheck(True, "icp", None, "", normalized=s, form=form)
    return None


def check_icp(text: str) -> CodeCheck:
    """Format check of an ICP number as shown in a site footer; there is no check digit.

    Accepts 备案号 (京ICP备12345678号, 京ICP备12345678号-1, year-prefixed 10-digit numbers),
    经营许可证 (京ICP证123456号), 增值电信业务经营许可证 (粤B2-20090059) and 公安备案号
    (京公网安备 11010502030143号). When the text holds more than the number (a pasted footer), the
    first number found is checked and a warning says so. Look the operator up on beian.miit.gov.cn.
    """
    s = _clean_icp(text)
    if not s:
        return CodeCheck(False, "icp", None, "未填写ICP备案号", normalized=s)
    exact = _check_icp_exact(s)
    if exact is not None:
        return exact
    found = find_icp_numbers(s)
    if found:
        inner = _check_icp_exact(found[0])
        if inner is not None:
            note = f"已从输入文本中提取“{found[0]}”"
            if len(found) > 1:
                note += "；文本中另有：" + "、".join(found[1:])
            return CodeCheck(inner.valid, "icp", None, inner.reason, (note,), inner.normalized, inner.form)
    if "ICP" in s:
        reason = "格式不符：应形如“京ICP备12345678号”“京ICP备12345678号-1”或“京ICP证123456号”"
        return CodeCheck(False, "icp", None, reason, normalized=s)
    return CodeCheck(False, "icp", None, "不是ICP备案号或许可证号的格式", normalized=s)


# ---------------------------------------------------------------- dispatch


def check_company_code(code: object) -> CodeCheck:
    """Check whatever the user typed: a USCC, a 15-digit 注册号 or an ICP number."""
    raw = "" if code is None else str(code)
    icp_like = _clean_icp(raw)
    if "ICP" in icp_like or "公网安备" in icp_like or re.match(r"^.B[12]-", icp_like):
        return check_icp(raw)
    s = _clean(raw)
    if not s:
        return CodeCheck(False, "unknown", None, "未填写代码", normalized=s)
    if len(s) == 18:
        return check_uscc(s)
    if len(s) == 15 and s.isdigit():
        return check_reg15(s)
    if len(s) == 9:
        return CodeCheck(
            False,
            "unknown",
            None,
            "这像是9位组织机构代码（已停用），请改填18位统一社会信用代码（其第9–17位即组织机构代码）",
            normalized=s,
        )
    return CodeCheck(
        False,
        "unknown",
        None,
        f"无法识别：统一社会信用代码为18位，旧注册号为15位数字，实际为{len(s)}位",
        normalized=s,
    )


__all__ = [
    "CodeCheck",
    "check_company_code",
    "check_icp",
    "check_reg15",
    "check_uscc",
    "find_icp_numbers",
    "org_code_check_char",
    "reg15_check_digit",
    "uscc_check_char",
]
