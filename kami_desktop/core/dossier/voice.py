"""Voice messages and recordings on binder pages: a waveform with the duration, the codec, both hashes,
where the original is, and the user's own transcript under it.

The waveform is drawn from the decoded sound (``chats/voice.py``), in memory; the original goes into
the bundle untouched. A file that does not decode still gets its page: the facts, the reason, and the
transcript if there is one.
"""

from __future__ import annotations

import pymupdf

from kami_desktop.core.chats.voice import Voice, VoiceError, decode_voice, duration_text, waveform_png
from kami_desktop.core.dossier.layout import CONTENT, GREY, RED, esc
from kami_desktop.core.dossier.render_base import FileContext
from kami_desktop.core.dossier.snapshot import FileSnap

WAVE_ASPECT = 0.2  # height / width of the waveform picture (1600×320)
WAVE_RATE = 8000  # enough for a waveform; an hour of sound is then 58 MB of samples at most


def accepts(f: FileSnap) -> bool:
    return f.media_type.startswith("audio/")


STORED = (
    "原始录音已收入随附存储介质（光盘／U 盘），可当庭播放核对；本页波形由原件解码生成，原件未作任何改动。"
)
NOT_DECODED = "原始文件已收入随附存储介质（光盘／U 盘），可当庭出示核对；原件未作任何改动。"


def render_voice(ctx: FileContext, lead: str = "") -> None:
    """The waveform page; ``lead``: a line said under its heading (a video file holding only sound)."""
    flow, f = ctx.flow, ctx.file
    voice: Voice | None = None
    reason = ""
    try:
        voice = decode_voice(ctx.path, f.original_name, rate=WAVE_RATE)
    except VoiceError as exc:
        reason = str(exc)
    h = CONTENT.width * WAVE_ASPECT
    flow.ensure(h + 120 if voice else 120)
    flow.skip(4)
    flow.text("语音／录音证据（声音不能印在纸上：下图为波形，内容以原始录音为准）", size=11)
    if lead:
        flow.text(lead, size=9, width=CONTENT.width)
    flow.skip(4)
    if voice is not None:
        rect = pymupdf.Rect(CONTENT.x0, flow.y, CONTENT.x1, flow.y + h)
        flow.page().insert_image(rect, stream=waveform_png(voice))
        flow.box(rect, color=GREY, width=0.5)
        flow.y += h + 2
        flow.text("波形图：横轴为时间（分:秒），竖线高度为该时刻的音量", size=7, color=GREY)
        flow.skip(4)
        facts = [
            f"时长：{duration_text(voice.duration)}",
            f"编码：{voice.codec}，采样率 {voice.source_rate or voice.rate} Hz（已解码核对，可完整播放）",
        ]
    else:
        flow.text(f"未能生成波形：{reason}", size=9, color=RED, width=CONTENT.width)
        flow.skip(2)
        facts = [f"文件类型：{f.media_type}"]
        ctx.notes.append("语音无法解码，未印波形")
    print_original(ctx, facts, STORED if voice is not None else NOT_DECODED)  # no waveform: none claimed
    print_transcript(ctx, "原始录音")


def print_original(ctx: FileContext, facts: list[str], stored: str) -> None:
    """A recording's facts, then its original (bundle path, name, size, both hashes) and ``stored``: the
    line saying where the original is and what this page shows of it."""
    f = ctx.file
    lines = [
        *facts,
        f"原始文件：{f.bundle_path}（原文件名 {f.original_name}，{f.size:,} 字节）",
        f"SHA-256：{f.sha256}",
        f"SM3：{f.sm3}",
        stored,
    ]
    for line in lines:
        ctx.flow.text(line, size=9, width=CONTENT.width)
    ctx.flow.skip(6)


def print_transcript(ctx: FileContext, basis: str) -> None:
    """The user's own transcript of the sound, said to be theirs; ``basis``: what prevails over it."""
    transcript = ctx.exhibit.transcript.strip()
    if transcript:
        ctx.flow.html(
            f"<p><b>录音文字记录（当事人自行整理，供阅读参考，以{basis}为准）：</b></p>"
            + "".join(f"<p>{esc(line) or '&nbsp;'}</p>" for line in transcript.splitlines()),
            min_first=60,
        )
    # no transcript: nothing is said here — the advice to write one is the app's, never the court's
    ctx.flow.skip(6)
