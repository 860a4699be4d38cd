"""Videos made in the test with PyAV: the smoke test's screen recording (``make_video``: flat colour
'pages' one after the other, a moving bar, a known creation time) and damaged variants of it."""

from __future__ import annotations

from pathlib import Path

from kami_desktop.smoke_samples import make_video

__all__ = ["make_video", "no_keyframes", "audio_only", "truncated"]


def no_keyframes(path: Path) -> Path:
    """An H.264 MP4 whose keyframes were cut out: every packet left refers to a picture that is gone."""
    import av

    src = make_video(path.with_name("with-keys-" + path.name), seconds=3.0)
    with av.open(str(src)) as inp, av.open(str(path), "w") as out:
        stream = out.add_stream_from_template(inp.streams.video[0])
        for packet in inp.demux(inp.streams.video[0]):
            if packet.dts is None or packet.is_keyframe:
                continue
            packet.stream = stream
            out.mux(packet)
    src.unlink()
    return path


def audio_only(path: Path, seconds: float = 1.0) -> Path:
    """An MP4 holding only an AAC sound track (it sniffs as video/mp4)."""
    import av

    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("aac", rate=44100, layout="mono")
        for k in range(int(seconds * 44100 / 1024)):
            frame = av.AudioFrame(format="fltp", layout="mono", samples=1024)
            frame.planes[0].update(bytes(4096))
            frame.sample_rate, frame.pts = 44100, k * 1024
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def truncated(path: Path, keep: float = 0.5, **kw: object) -> Path:
    """The first ``keep`` of a recording's bytes (a copy cut off mid-transfer)."""
    full = make_video(path.with_name("full-" + path.name), **kw)  # type: ignore[arg-type]
    data = full.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    full.unlink()
    return path
