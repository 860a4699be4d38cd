"""Command groups of the ``kami`` CLI; each module exposes ``register(subparsers, common)``.

``COMMAND_TABLE`` names every top-level command word, the module that registers it and its help, in
help order. The CLI reads it to list all commands without importing the modules: only the module of
the command being run is imported (``kami --help`` imports them all).
"""

from __future__ import annotations

COMMAND_TABLE: dict[str, tuple[str, str]] = {
    "case": ("case", "案件：新建、列表、查看、修改、归档"),
    "import": ("evidence", "导入文件或文件夹为证据"),
    "exhibit": (
        "evidence",
        "证据：列表、查看、修改、调整顺序、移入回收站、恢复、导出声音、视频画面、整理建议",
    ),
    "trash": ("evidence", "回收站：清空（恢复一件证据用 kami exhibit restore）"),
    "verify": ("evidence", "校验完整性：重算哈希并检查存证日志"),
    "ledger": ("evidence", "存证日志"),
    "search": ("search", "全文搜索：截图文字、证据名称与证明目的、聊天记录、账单"),
    "bill": ("bill", "支付宝/微信支付账单：解析、导入、对账、交易对方、主张金额、与截图对应"),
    "claim": ("claim", "主张项（要求退还的每一笔款项及其证据）：添加、修改、删除、列表、设为主张本金"),
    "chat": ("chat", "聊天记录（QQ、留痕/MemoTrace 导出）与语音：解析、导入、发送者、列表、查看、摘录"),
    "ocr": ("ocr", "识别截图和扫描件中的文字、查看识别结果（仅供搜索和整理，不是证据）"),
    "dossier": ("dossier", "证据册：生成 PDF 证据册与随附证据包、生成前检查"),
    "bundle": ("dossier", "证据包：校验"),
    "legal": ("legal", "法律计算：代码校验、工作日、利息、期限、证据准备"),
    "doc": ("doc", "文书：催告函、12315投诉（及附件）、黑猫投诉、起诉状、证据目录"),
    "backup": ("backup", "备份与恢复（换电脑时使用）"),
    "party": ("party", "当事人（运营主体、收款主体、支付渠道、本人）：添加、列表、修改、删除、关联证据"),
    "fact": (
        "fact",
        "事实与时间线（充值、扣款、申请退款、平台答复…）：记录、修改、删除、从账单和聊天记录中建议",
    ),
    "step": ("fact", "维权进展（催告、投诉、起诉…，自动推进维权阶段）：记录、列表、删除、可用类型"),
    "redact": ("redact", "打码副本：为黑猫投诉、聚投诉、12315 遮盖图片中的个人信息（原件不变）"),
}


def group_commands(module: str) -> dict[str, str]:
    """The command words ``module`` registers, with their help."""
    return {word: help_text for word, (owner, help_text) in COMMAND_TABLE.items() if owner == module}


def command_modules() -> list[str]:
    """The command modules, in help order."""
    return list(dict.fromkeys(owner for owner, _help in COMMAND_TABLE.values()))
