"""民事起诉状 (classic and 要素式): parties, claims with LPR interest, court notes, copies."""

from __future__ import annotations

from datetime import date, timedelta

from kami_desktop.core.documents import generate
from kami_desktop.core.legal.interest import compute_interest
from kami_desktop.core.legal.periods import add_workdays
from kami_desktop.core.util.money import to_money
from tests.core.documents.conftest import docx_tables, docx_text, pdf_flat, pdffonts
from tests.core.documents.factory import DEMAND_SENT, OPERATOR_USCC, PAYEE_USCC, SELF_ID, SELF_PHONE

FILED = date(2025, 11, 20)
FIRST_TOPUP = date(2025, 3, 1)  # contract formation: the LPR then was 3.10% (from 2024-10-21)


def expected_interest(start: date, end: date = FILED):
    return compute_interest(to_money("1798.00"), start, end, lpr_date=FIRST_TOPUP)


def test_classic_complaint(profile, made, tmp_path):
    doc = generate(
        profile,
        made.case_id,
        "lawsuit",
        tmp_path,
        "both",
        {"date": FILED.isoformat(), "court": "杭州市西湖区人民法院"},
    )
    assert doc.missing == []
    text = docx_text(doc.paths[0])
    assert (
        "原告：张三，男，1990年5月12日出生，汉族，职业：职员，住浙江省杭州市西湖区文三路100号，"
        f"公民身份号码：{SELF_ID}，联系电话：{SELF_PHONE}。"
    ) in text
    assert (
        f"被告一：深圳市星辰网络科技有限公司，住所地：广东省深圳市南山区科技园路1号，统一社会信用代码：{OPERATOR_USCC}。"
        in text
    )
    assert "法定代表人：李四，职务：执行董事。" in text
    assert (
        f"被告二：广州云汇信息技术有限公司，住所地：广州市天河区天河路2号，统一社会信用代码：{PAYEE_USCC}。"
        in text
    )
    assert "支付宝（中国）网络技术有限公司" not in text.split("诉讼请求")[0]  # the channel is not a defendant

    # sent by EMS on 09-26, no delivery recorded: arrival estimated 09-29, 7 working days → 10-15
    due = add_workdays(DEMAND_SENT + timedelta(days=3), 7).due
    assert due == date(2025, 10, 15)
    start = due + timedelta(days=1)
    interest = expected_interest(start)
    # 1798 × 3.10% × 35 / 365 = 5.344…
    assert interest.interest == to_money("5.34") and interest.days == 35
    assert "一、判令二被告共同向原告返还预付款人民币1,798.00元（大写：壹仟柒佰玖拾捌元整）；" in text
    assert (
        "以1,798.00元为基数，自2025年10月16日起至实际清偿之日止，按合同成立时（2025年3月1日）全国银行间同业拆借中心"
        "公布的一年期贷款市场报价利率（LPR，年利率3.10%）计算，暂计至2025年11月20日为5.34元"
        "（1,798.00元×3.10%×35天÷365＝5.34元）"
    ) in text
    assert "三、本案诉讼费用由二被告负担。" in text
    assert "以上金额暂计人民币1,803.34元（大写：壹仟捌佰零叁元叁角肆分）。" in text
    assert "此致\n杭州市西湖区人民法院" in text
    assert "具状人（签名）：" + "\u3000" * 8 in text and "2025年11月20日" in text  # room to sign by hand
    assert "附：1. 本状副本2份（按被告人数提交）；" in text and "一式3份" in text  # copies = 1 + defendants
    notes = "\n".join(doc.notes)
    assert "起诉状共需3份" in notes and "第二十条" in notes and "广州互联网法院" in notes
    assert "案件受理费" in notes and "25.00元" in notes and "小额诉讼" in notes
    assert "消费者权益保护法》第五十三条" in notes and "第十六条、第十七条" in notes
    assert "提交前请阅读" not in text and "不提交法院" not in text  # the notes are a file of their own
    assert [p.name for p in doc.advice_paths] == [
        f"民事起诉状_内部提示（不提交法院）_案件{made.case_id}.docx",
        f"民事起诉状_内部提示（不提交法院）_案件{made.case_id}.pdf",
    ]
    tips = pdf_flat(doc.advice_paths[1])
    assert "不提交法院" in tips and "起诉状共需3份" in tips

    flat = pdf_flat(doc.paths[1])
    for needle in ("民事起诉状", "张三", OPERATOR_USCC, "1,803.34", "3.10%", "杭州市西湖区人民法院"):
        assert needle in flat, needle
    assert all(f["emb"] == "yes" for f in pdffonts(doc.paths[1]))


def test_interest_start_option_and_missing_court(profile, made, tmp_path):
    doc = generate(
        profile,
        made.case_id,
        "lawsuit",
        tmp_path,
        options={"interest_from": "2025-09-20", "date": FILED.isoformat()},
    )
    text = docx_text(doc.paths[0])
    expected = expected_interest(date(2025, 9, 20))
    assert "自2025年9月20日起至实际清偿之日止" in text
    assert f"暂计至2025年11月20日为{expected.interest:,.2f}元" in text
    assert doc.missing == ["受诉人民法院（一般为原告住所地基层人民法院）"]
    assert "【待填写：受诉人民法院（一般为原告住所地基层人民法院）】" in text


def test_without_a_date_the_interest_is_stated_but_not_summed(profile, made, tmp_path):
    doc = generate(profile, made.case_id, "lawsuit", tmp_path, options={"court": "某法院"})
    text = docx_text(doc.paths[0])
    assert "自2025年10月16日起至实际清偿之日止" in text and "暂计至" not in text
    assert (
        "\u3000\u3000\u3000\u3000年\u3000\u3000\u3000月\u3000\u3000\u3000日" in text
    )  # room to write the date
    assert doc.missing == []


def test_elements_complaint(profile, made, tmp_path):
    doc = generate(
        profile,
        made.case_id,
        "lawsuit-elements",
        tmp_path,
        "both",
        {"date": FILED.isoformat(), "court": "杭州市西湖区人民法院"},
    )
    assert doc.missing == []
    tables = docx_tables(doc.paths[0])
    rows = {r[1]: r[2] for t in tables for r in t[1:] if len(r) == 3}
    plaintiff = next(t for t in tables if t[1][0] == "原告")
    assert [r[1] for r in plaintiff[1:]][:4] == ["姓名", "性别", "出生日期", "民族"]
    assert plaintiff[1][2] == "张三" and f"居民身份证  {SELF_ID}" in [r[2] for r in plaintiff]
    d1 = next(t for t in tables if t[1][0] == "被告一")
    d1_rows = {r[1]: r[2] for r in d1[1:]}
    assert d1_rows["名称"] == "深圳市星辰网络科技有限公司" and d1_rows["统一社会信用代码"] == OPERATOR_USCC
    assert d1_rows["法定代表人/主要负责人"] == "李四" and d1_rows["职务"] == "执行董事"
    assert any(t[1][0] == "被告二" for t in tables)
    assert "暂计至2025年11月20日为5.34元（1,798.00元×3.10%×35天÷365＝5.34元）" in rows["2. 利息"]
    assert rows["5. 标的总额"] == "暂计人民币1,803.34元（本金及暂计利息）"
    assert rows["10. 是否催促过履行"].startswith("是。2025年9月26日向二被告发出退款催告函")  # two defendants
    assert d1_rows["被诉依据"] == "平台运营者（经营者）"
    assert "ORDER" not in rows["1. 合同的签订情况（名称、编号、签订时间、地点等）"]
    assert "首次充值时间：2025年3月1日" in rows["1. 合同的签订情况（名称、编号、签订时间、地点等）"]
    assert "1,798.00" in rows["8. 价款支付情况"]
    assert "共4项" in rows["12. 证据清单（可另附页）"]
    assert "□有" in rows["1. 有无仲裁、法院管辖约定"]  # unknown to the case file: a tick box, not invented
    text = docx_text(doc.paths[0])
    assert "（信息网络买卖合同纠纷）" in text and "请逐项核对" not in text  # instructions: 内部提示 only
    assert any("法〔2024〕46号" in n and "请逐项核对" in n for n in doc.notes)
    flat = pdf_flat(doc.paths[1])
    assert "统一社会信用代码" in flat and OPERATOR_USCC in flat and "1,803.34" in flat
