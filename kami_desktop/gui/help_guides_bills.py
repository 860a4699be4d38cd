"""The 帮助 guides for exporting a bill: Alipay (我的 → 账单 → ··· → 开具交易流水证明 → 用于个人对账) and WeChat Pay
(我 → 服务 → 钱包 → 账单 → 常见问题 → 下载账单 → 用作个人对账), the paths docs/formats.md records."""

from __future__ import annotations

from kami_desktop.gui.help_guide_model import Guide, Step
from kami_desktop.gui.i18n import QT_TRANSLATE_NOOP

NO_EXCEL = QT_TRANSLATE_NOOP(
    "HelpGuides", "不要先用 Excel 或 WPS 打开再保存：那样会改掉交易时间和订单号，账单就不能用了。"
)
# the last step of both bill guides: the e-mailed zip, kept as it is, imported with its password
SAVE_THE_ZIP = Step(
    QT_TRANSLATE_NOOP(
        "HelpGuides", "把压缩包原样保存到电脑，在本软件点“导入账单”或把它拖进窗口，输入解压密码。"
    ),
    (
        "path",
        (
            QT_TRANSLATE_NOOP("HelpGuides", "邮件附件"),
            QT_TRANSLATE_NOOP("HelpGuides", "保存到电脑"),
            QT_TRANSLATE_NOOP("HelpGuides", "导入账单"),
            QT_TRANSLATE_NOOP("HelpGuides", "输入密码"),
        ),
    ),
    NO_EXCEL,
)


BILL_GUIDES: tuple[Guide, ...] = (
    Guide(
        "alipay_bill",
        QT_TRANSLATE_NOOP("HelpGuides", "如何从支付宝导出账单"),
        QT_TRANSLATE_NOOP(
            "HelpGuides", "账单是付款最有力的证据：它由支付宝出具，逐笔列出付款时间、金额和收款方。"
        ),
        (
            Step(
                QT_TRANSLATE_NOOP("HelpGuides", "打开支付宝 App，点右下角“我的”，再点“账单”。"),
                (
                    "phone",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "我的"),
                        (
                            QT_TRANSLATE_NOOP("HelpGuides", "账单"),
                            QT_TRANSLATE_NOOP("HelpGuides", "总资产"),
                            QT_TRANSLATE_NOOP("HelpGuides", "余额"),
                            QT_TRANSLATE_NOOP("HelpGuides", "设置"),
                        ),
                        0,
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP("HelpGuides", "在账单页点右上角“···”，选择“开具交易流水证明”。"),
                (
                    "phone",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "账单　　　···"),
                        (
                            QT_TRANSLATE_NOOP("HelpGuides", "开具交易流水证明"),
                            QT_TRANSLATE_NOOP("HelpGuides", "其他选项"),
                        ),
                        0,
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides",
                    "选“用于个人对账”，选好时间范围（一次最多一年，要包含你给平台充值的日子），"
                    "打开“展示交易对手信息”和“展示商品说明信息”，填写接收账单的邮箱。",
                ),
                (
                    "phone",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "开具交易流水证明"),
                        (
                            QT_TRANSLATE_NOOP("HelpGuides", "用于个人对账"),
                            QT_TRANSLATE_NOOP("HelpGuides", "时间范围"),
                            QT_TRANSLATE_NOOP("HelpGuides", "展示交易对手信息 ●"),
                            QT_TRANSLATE_NOOP("HelpGuides", "展示商品说明信息 ●"),
                        ),
                        0,
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides",
                    "支付宝把账单压缩包（名为“支付宝交易明细(起止日期).zip”）发到你的邮箱。"
                    "解压密码在支付宝 App 的消息里。",
                ),
                (
                    "mail",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "支付宝交易明细.zip"),
                        QT_TRANSLATE_NOOP("HelpGuides", "解压密码：看支付宝消息"),
                    ),
                ),
            ),
            SAVE_THE_ZIP,
        ),
        QT_TRANSLATE_NOOP(
            "HelpGuides",
            "也可以在电脑上登录支付宝网页版，在交易记录页用“下载查询结果”下载 CSV 文件，同样可以导入。"
            "这样导出的账单注明“仅供个人对账使用”；金额较大时，可向支付宝客服询问如何申请用作证明的交易流水证明。",
        ),
    ),
    Guide(
        "wechat_bill",
        QT_TRANSLATE_NOOP("HelpGuides", "如何从微信支付导出账单"),
        QT_TRANSLATE_NOOP(
            "HelpGuides", "微信支付的账单由微信出具，逐笔列出付款时间、金额和交易对方，是付款的有力证据。"
        ),
        (
            Step(
                QT_TRANSLATE_NOOP("HelpGuides", "打开微信，点“我”→“服务”→“钱包”→“账单”。"),
                (
                    "path",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "我"),
                        QT_TRANSLATE_NOOP("HelpGuides", "服务"),
                        QT_TRANSLATE_NOOP("HelpGuides", "钱包"),
                        QT_TRANSLATE_NOOP("HelpGuides", "账单"),
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP("HelpGuides", "在账单页找到“常见问题”，点“下载账单”，选择“用作个人对账”。"),
                (
                    "phone",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "常见问题"),
                        (
                            QT_TRANSLATE_NOOP("HelpGuides", "下载账单"),
                            QT_TRANSLATE_NOOP("HelpGuides", "其他问题"),
                        ),
                        0,
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides",
                    "选择时间范围（要包含你给平台充值的日子；一次不能选太长时，分几次导出），填写接收账单的邮箱。",
                ),
                (
                    "phone",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "下载账单"),
                        (
                            QT_TRANSLATE_NOOP("HelpGuides", "用作个人对账"),
                            QT_TRANSLATE_NOOP("HelpGuides", "时间范围"),
                            QT_TRANSLATE_NOOP("HelpGuides", "接收邮箱"),
                        ),
                        0,
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides", "微信把账单压缩包发到你的邮箱；解压密码由“微信支付”公众号发消息告诉你。"
                ),
                (
                    "mail",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "微信支付账单.zip"),
                        QT_TRANSLATE_NOOP("HelpGuides", "解压密码：看“微信支付”公众号"),
                    ),
                ),
            ),
            SAVE_THE_ZIP,
        ),
        QT_TRANSLATE_NOOP(
            "HelpGuides", "压缩包里可能是 CSV 文件（较早的账单）或 XLSX 表格（2025 年起），本软件都能读。"
        ),
    ),
)
