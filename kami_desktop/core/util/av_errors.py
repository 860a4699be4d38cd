"""Why FFmpeg (through PyAV) refused a file, in words a user and a court clerk read: FFmpeg's own
messages are English developer text ("Not yet implemented in FFmpeg, patches welcome")."""

from __future__ import annotations

REASONS = {
    "InvalidDataError": "数据无效，无法解析",
    "PatchWelcomeError": "含有无法识别的编码数据",
    "EOFError": "数据提前结束",
    "DecoderNotFoundError": "没有这种编码的解码器",
    "DemuxerNotFoundError": "无法识别的文件格式",
    "BugError": "解码器内部错误",
    "UndefinedError": "解码出错",
    "UnknownError": "解码出错",
    "ExternalError": "解码出错",
}


def av_reason(exc: BaseException) -> str:
    """A short Chinese reason for a PyAV/FFmpeg failure; an OS error keeps its own text."""
    name = type(exc).__name__
    if name in REASONS:
        return REASONS[name]
    text = str(getattr(exc, "strerror", None) or "")
    if text and not text.isascii():
        return text  # already in the user's language (an OS error on a Chinese Windows)
    if isinstance(exc, OSError) and text:
        return text
    return f"解码出错（{name}）"
