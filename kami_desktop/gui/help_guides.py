"""The 帮助 guides: short Chinese how-tos, each step with a picture the app draws itself (gui/help_drawings.py).

The export paths are the ones docs/formats.md records (支付宝: 我的 → 账单 → ··· → 开具交易流水证明 → 用于个人对账;
微信支付: 我 → 服务 → 钱包 → 账单 → 常见问题 → 下载账单 → 用作个人对账; QQ: 消息管理器 → ▼ → 导出消息记录 → 文本文件;
微信聊天: the MemoTrace (留痕) tool). Where the notes say no more, the steps stay general and say where to look.

Every text is a source string for the translator (context ``HelpGuides``); pictures name a drawing and
its (translatable) words."""

from __future__ import annotations

from kami_desktop.gui.help_guide_model import Guide, Picture, Step
from kami_desktop.gui.help_guides_bills import BILL_GUIDES
from kami_desktop.gui.i18n import QT_TRANSLATE_NOOP

GUIDES: tuple[Guide, ...] = (
    *BILL_GUIDES,
    Guide(
        "qq_chat",
        QT_TRANSLATE_NOOP("HelpGuides", "如何导出QQ聊天记录"),
        QT_TRANSLATE_NOOP(
            "HelpGuides",
            "和客服的聊天记录能证明你要求过退款、平台怎么答复。电脑版 QQ（旧版）可以把聊天记录导出成 txt 文件。",
        ),
        (
            Step(
                QT_TRANSLATE_NOOP("HelpGuides", "在电脑上登录 QQ，打开“消息管理器”。"),
                (
                    "desktop",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "消息管理器"),
                        (
                            QT_TRANSLATE_NOOP("HelpGuides", "我的好友"),
                            QT_TRANSLATE_NOOP("HelpGuides", "平台客服"),
                            QT_TRANSLATE_NOOP("HelpGuides", "我的群聊"),
                        ),
                        1,
                        QT_TRANSLATE_NOOP("HelpGuides", "▼"),
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides",
                    "在左侧选中和平台客服的对话（或群），点消息管理器里的“▼”按钮，选“导出消息记录”。",
                ),
                (
                    "desktop",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "消息管理器"),
                        (
                            QT_TRANSLATE_NOOP("HelpGuides", "我的好友"),
                            QT_TRANSLATE_NOOP("HelpGuides", "平台客服"),
                            QT_TRANSLATE_NOOP("HelpGuides", "我的群聊"),
                        ),
                        1,
                        QT_TRANSLATE_NOOP("HelpGuides", "▼"),
                        (
                            QT_TRANSLATE_NOOP("HelpGuides", "导出消息记录"),
                            QT_TRANSLATE_NOOP("HelpGuides", "导入消息记录"),
                        ),
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP("HelpGuides", "保存类型选“文本文件(*.txt)”，保存到电脑。"),
                (
                    "path",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "导出消息记录"),
                        QT_TRANSLATE_NOOP("HelpGuides", "文本文件(*.txt)"),
                        QT_TRANSLATE_NOOP("HelpGuides", "保存"),
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides",
                    "在本软件点“导入聊天记录”选这个 txt 文件（或拖进窗口），再勾选哪个名字是你自己。",
                ),
                (
                    "path",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "txt 文件"),
                        QT_TRANSLATE_NOOP("HelpGuides", "导入聊天记录"),
                        QT_TRANSLATE_NOOP("HelpGuides", "勾选“我”"),
                    ),
                ),
            ),
        ),
        QT_TRANSLATE_NOOP(
            "HelpGuides",
            "新版 QQ（9.9 及以后）没有导出 txt 的功能。这时请在手机上逐屏截下和客服的完整对话（连同客服的账号页面），"
            "作为截图导入。",
        ),
    ),
    Guide(
        "wechat_chat",
        QT_TRANSLATE_NOOP("HelpGuides", "如何导出微信聊天记录"),
        QT_TRANSLATE_NOOP(
            "HelpGuides",
            "微信自己不能把聊天记录导出成文件。常用的办法是在电脑上用一个叫“留痕”（英文名 MemoTrace）的免费软件："
            "它读取电脑版微信保存在这台电脑上的聊天记录，把你选的对话另存成文件。本软件能读它导出的 CSV、TXT 和 HTML 文件。",
        ),
        (
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides", "在电脑上登录微信，确认和平台客服的聊天记录在电脑版微信里能看到。"
                ),
                (
                    "desktop",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "微信（电脑版）"),
                        (
                            QT_TRANSLATE_NOOP("HelpGuides", "平台客服"),
                            QT_TRANSLATE_NOOP("HelpGuides", "文件传输助手"),
                        ),
                        0,
                        "",
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides",
                    "打开留痕，在联系人里找到平台客服，选择导出格式 CSV（HTML 或 TXT 也可以），导出。",
                ),
                (
                    "path",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "留痕"),
                        QT_TRANSLATE_NOOP("HelpGuides", "平台客服"),
                        QT_TRANSLATE_NOOP("HelpGuides", "导出 CSV"),
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP("HelpGuides", "导出的文件在留痕的 data\\聊天记录\\对方备注名 文件夹里。"),
                (
                    "path",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "data"),
                        QT_TRANSLATE_NOOP("HelpGuides", "聊天记录"),
                        QT_TRANSLATE_NOOP("HelpGuides", "对方备注名"),
                        QT_TRANSLATE_NOOP("HelpGuides", "….csv"),
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides", "在本软件点“导入聊天记录”选这个文件（或拖进窗口），再勾选哪个名字是你自己。"
                ),
                (
                    "path",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "CSV / HTML / TXT"),
                        QT_TRANSLATE_NOOP("HelpGuides", "导入聊天记录"),
                        QT_TRANSLATE_NOOP("HelpGuides", "勾选“我”"),
                    ),
                ),
            ),
        ),
        QT_TRANSLATE_NOOP(
            "HelpGuides",
            "留痕是别人开发的软件，只从可信的来源获取，只导出需要的对话。不方便用它时，在手机上逐屏截下完整对话"
            "（能看到时间和客服账号），作为截图导入。",
        ),
    ),
    Guide(
        "screenshot",
        QT_TRANSLATE_NOOP("HelpGuides", "如何截一张好的证据截图"),
        QT_TRANSLATE_NOOP(
            "HelpGuides", "截图要让法官一眼看出：这是哪个平台、什么时间、哪一笔订单、发生了什么。"
        ),
        (
            Step(
                QT_TRANSLATE_NOOP("HelpGuides", "截整个屏幕，不要裁剪：手机顶部显示时间的状态栏要留在图里。"),
                (
                    "good_bad",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "整屏，时间可见"),
                        QT_TRANSLATE_NOOP("HelpGuides", "裁剪过"),
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides", "让关键信息都在画面里：订单号、金额、时间、平台名称或网址、客服账号。"
                ),
                (
                    "phone",
                    (
                        QT_TRANSLATE_NOOP("HelpGuides", "订单详情"),
                        (
                            QT_TRANSLATE_NOOP("HelpGuides", "订单号 2026…"),
                            QT_TRANSLATE_NOOP("HelpGuides", "金额 ¥300.00"),
                            QT_TRANSLATE_NOOP("HelpGuides", "状态 充值失败"),
                        ),
                        0,
                        QT_TRANSLATE_NOOP("HelpGuides", "要看得清"),
                    ),
                ),
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides",
                    "不要编辑：不涂抹、不标注、不加滤镜、不用修图软件处理。需要遮盖隐私时，另存一份副本再处理。",
                )
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides",
                    "保留原图：不要删除手机里的原图，也不要只留聊天软件里转发过的压缩图；开庭时可能要出示手机里的原始文件。",
                )
            ),
            Step(
                QT_TRANSLATE_NOOP(
                    "HelpGuides", "长对话分几张连续截，相邻两张重叠一两条消息，能看出前后相连。"
                )
            ),
            Step(QT_TRANSLATE_NOOP("HelpGuides", "导入后，在“证据”页为每张截图选好类别、写上证明目的。")),
        ),
    ),
    Guide(
        "categories",
        QT_TRANSLATE_NOOP("HelpGuides", "每类证据是什么意思"),
        QT_TRANSLATE_NOOP(
            "HelpGuides",
            "每件证据放进一个类别，类别说明它用来证明哪一方面的事实。拿不准时先选“其他”，以后再改。",
        ),
        (Step(QT_TRANSLATE_NOOP("HelpGuides", "六个类别："), ("categories", ())),),
    ),
)

CATEGORY_HELP: dict[str, str] = {
    "funds": QT_TRANSLATE_NOOP(
        "HelpGuides",
        "你付钱给平台的记录：支付宝或微信支付账单、付款详情截图、银行流水。证明你付了多少钱、付给了谁。",
    ),
    "interaction": QT_TRANSLATE_NOOP(
        "HelpGuides",
        "你和平台的往来：客服聊天记录、投诉工单、你要求退款的消息。证明你要求过退款而平台没有妥善处理。",
    ),
    "non_delivery": QT_TRANSLATE_NOOP(
        "HelpGuides", "没有拿到商品或服务的证明：充值失败提示、订单未完成状态、没有收到卡密的页面。"
    ),
    "identity": QT_TRANSLATE_NOOP(
        "HelpGuides",
        "平台背后是谁：网站底部的公司名称和ICP备案号、营业执照、国家企业信用信息公示系统的查询结果。",
    ),
    "rules": QT_TRANSLATE_NOOP(
        "HelpGuides",
        "平台自己的规定：用户协议、余额使用和退款规则，特别是“余额有效期”“虚拟商品概不退款”这类条款。",
    ),
    "other": QT_TRANSLATE_NOOP("HelpGuides", "不属于以上几类的材料。"),
}


__all__ = ["CATEGORY_HELP", "GUIDES", "Guide", "Picture", "Step", "guide"]


def guide(key: str) -> Guide:
    for g in GUIDES:
        if g.key == key:
            return g
    raise KeyError(key)
