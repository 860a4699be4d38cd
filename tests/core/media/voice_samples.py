"""Voice messages made in the test: a 440 Hz tone encoded as AMR-NB (PyAV's libopencore_amrnb encoder,
which the `av` wheels carry) and as WeChat SILK v3 (pysilk's encoder, with the 0x02 header byte)."""

from __future__ import annotations

import io
import math
import struct
from pathlib import Path


def tone(seconds: float, rate: int) -> bytes:
    """A 440 Hz tone that fades in over its first half: s16le mono."""
    n = int(seconds * rate)
    return b"".join(
        struct.pack("<h", int(12000 * min(1.0, 2 * i / n) * math.sin(2 * math.pi * 440 * i / rate)))
        for i in range(n)
    )


def amr_file(path: Path, seconds: float = 2.0) -> Path:
    import av

    rate = 8000
    pcm = tone(seconds, rate)
    buf = io.BytesIO()
    with av.open(buf, "w", format="amr") as out:
        stream = out.add_stream("libopencore_amrnb", rate=rate, layout="mono")
        stream.bit_rate = 12200
        for k in range(0, len(pcm) // 320):
            frame = av.AudioFrame(format="s16", layout="mono", samples=160)
            frame.planes[0].update(pcm[k * 320 : (k + 1) * 320])
            frame.sample_rate, frame.pts = rate, k * 160
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())
    return path


def silk_file(path: Path, seconds: float = 3.0) -> Path:
    import pysilk

    out = io.BytesIO()
    pysilk.encode(io.BytesIO(tone(seconds, 24000)), out, 24000, 24000, tencent=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
    return path
