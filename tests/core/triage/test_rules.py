"""The category rules (a data table): each rule positive and negative, the reason naming the words."""

from __future__ import annotations

import pytest

from kami_desktop.core.triage.rules import RULES, classify, heading_of, status_of
from kami_desktop.core.vocab import CATEGORIES


def test_every_rule_names_a_category_of_the_vocabulary():
    assert {r.category for r in RULES} <= set(CATEGORIES) - {"other"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("充值成功\n¥500.00", "funds"),
        ("支付成功\n收款方 某某卡盟", "funds"),
        ("账单详情\n交易成功\n-1,798.00", "funds"),
        ("在线客服\n您好，请问有什么可以帮您", "interaction"),
        ("与客服的对话\n我的充值未到账", "interaction"),  # a conversation about a non-delivery
        ("订单详情\n订单状态 未到账\n联系客服", "non_delivery"),  # a 联系客服 button is no conversation
        ("充值失败\n请稍后重试", "non_delivery"),
        ("订单详情\n支付成功\n充值处理中", "non_delivery"),  # paid, but not delivered
        ("订单异常", "non_delivery"),
        ("营业执照\n统一社会信用代码 91440300MA5F123452", "identity"),
        ("粤ICP备12345678号-1", "identity"),
        ("用户协议\n第三条 充值规则\n粤ICP备12345678号-1", "rules"),  # the footer's ICP number
        ("服务条款", "rules"),
    ],
)
def test_rule_positive(text, category):
    match = classify(text)
    assert match is not None and match.category == category


def test_success_and_failure_are_told_apart():
    ok, failed = classify("充值成功"), classify("充值失败")
    assert ok is not None and ok.category == "funds" and ok.words == ("充值成功",)
    assert failed is not None and failed.category == "non_delivery" and failed.words == ("充值失败",)
    assert failed.reason == "文字中有“充值失败”"


@pytest.mark.parametrize("text", ["", "今天天气不错", "联系客服", "20:31", "设置\n通用\n关于本机"])
def test_rule_negative(text):
    assert classify(text) is None


def test_status_and_heading():
    assert status_of("支付成功\n订单状态 未到账") == "未到账"
    assert status_of("今天") == ""
    assert heading_of("返回\n订单详情\n支付成功") == "订单详情"
