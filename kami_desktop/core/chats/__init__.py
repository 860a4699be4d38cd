"""Chat-log exports (QQ message manager txt; MemoTrace CSV/TXT/HTML; PyWxDump CSV) and voice durations.

Pure functions, no Qt, no database.
"""

from kami_desktop.core.chats.audio import VOICE_EXTENSIONS, audio_duration
from kami_desktop.core.chats.detect import parse_chat, parse_chat_bytes
from kami_desktop.core.chats.model import ChatError, Message, ParsedChat

FORMATS = ("qq-txt", "memotrace-csv", "memotrace-txt", "memotrace-html", "pywxdump-csv")

__all__ = [
    "FORMATS",
    "VOICE_EXTENSIONS",
    "ChatError",
    "Message",
    "ParsedChat",
    "audio_duration",
    "parse_chat",
    "parse_chat_bytes",
]
