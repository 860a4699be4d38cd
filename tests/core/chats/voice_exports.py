"""Chat exports whose voice messages name audio files beside them, written by the test: a MemoTrace HTML
export (``聊天记录/<备注>/<备注>.html`` with ``voice/``) and a PyWxDump CSV (``src`` column), with real
MP3 (PyAV's libmp3lame), AMR-NB and SILK v3 files of a 440 Hz tone."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.core.media.voice_samples import amr_file, silk_file, tone

CN = timezone(timedelta(hours=8))
T0 = datetime(2025, 3, 12, 20, 30, 5, tzinfo=CN)
SHOP = "客服小王"
ME = "小明"
SAID = "余额不退，你找谁都没用"


def mp3_file(path: Path, seconds: float = 1.5) -> Path:
    import av

    rate = 16000
    pcm = tone(seconds, rate)
    buf = io.BytesIO()
    with av.open(buf, "w", format="mp3") as out:
        stream = out.add_stream("libmp3lame", rate=rate, layout="mono")
        n = 1152
        for k in range(0, len(pcm) // (2 * n)):
            frame = av.AudioFrame(format="s16", layout="mono", samples=n)
            frame.planes[0].update(pcm[k * 2 * n : (k + 1) * 2 * n])
            frame.sample_rate, frame.pts = rate, k * n
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())
    return path


def _js(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def memotrace_html(root: Path, voices: list[tuple[str, str, bool]], contact: str = SHOP) -> Path:
    """``<root>/聊天记录/<contact>/<contact>.html``; ``voices``: (text as written, voice_to_text, is_send)
    for each voice message, after one text message from each side."""
    folder = root / "聊天记录" / contact
    folder.mkdir(parents=True, exist_ok=True)
    items = [
        f"{{ type:1, text:'我充值的余额能退吗', is_send:1, avatar_path:'./avatar/me.png', "
        f"timestamp:{int(T0.timestamp()) - 60}, is_chatroom:0, displayname:'{ME}'}}",
    ]
    for i, (text, said, mine) in enumerate(voices):
        items.append(
            f"{{ type:34, text:{_js(text)}, is_send:{int(mine)}, avatar_path:'./avatar/x.png', "
            f"voice_to_text:{_js(said)}, timestamp:{int(T0.timestamp()) + 60 * i}, is_chatroom:0, "
            f"displayname:{_js(ME if mine else contact)}}}"
        )
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
        + contact
        + "</title></head><body><div id='chat'></div><script>\nconst chatMessages = [\n"
        + ",\n".join(items)
        + "\n];\n</script></body></html>"
    )
    path = folder / f"{contact}.html"
    path.write_text(page, encoding="utf-8")
    return path


def standard_html(root: Path) -> Path:
    """Three voice messages from the shop: an MP3 with WeChat's speech-to-text, a SILK without, an AMR."""
    page = memotrace_html(
        root,
        [
            ("./voice/1001.mp3", SAID, False),
            ("./voice/1002.silk", "", False),
            ("./voice/1003.amr", "", True),
        ],
    )
    mp3_file(page.parent / "voice" / "1001.mp3")
    silk_file(page.parent / "voice" / "1002.silk", 1.0)
    amr_file(page.parent / "voice" / "1003.amr", 1.0)
    return page


def pywxdump_csv(root: Path, rows: list[tuple[str, str, str]]) -> Path:
    """``rows``: (type_name, msg, src); times one minute apart from T0, all from the shop."""
    root.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        ["id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg", "src", "CreateTime"]
    )
    for i, (type_name, msg, src) in enumerate(rows, start=1):
        when = int(T0.timestamp()) + 60 * i
        w.writerow([i, 9000 + i, type_name, 0, SHOP, "wxid_shop", msg, src, when])
    path = root / "pywxdump.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def as_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
