"""Video benchmark: the binder's keyframe contact sheet for a 10-minute 1080p screen recording against a
plain PyAV decode of the same keyframes (target ≤ 1.5×), and the peak RSS of making the sheet.

The recording is generated once with PyAV (H.264, 10 fps, a keyframe every 5 s, low bitrate, a new
"screen" every 15 s) and cached under /tmp (it takes a few minutes to encode on a small machine).
Each side runs in its own child process, so each peak RSS is its own; a 10-second clip shows that memory
does not follow the length, and ``--big`` adds a 10-minute file of 1.5 GB (a noisy patch in every frame, as a
camera makes) and a 20-minute file of 3 GB (the same recording twice over, copied without re-encoding).

The sheet reads with two readers at once where the machine has two cores (FFmpeg decodes outside Python's
lock); the plain decode is FFmpeg's own single decoder. Both wall time and the process's CPU time are
printed, so the ratio of the work done is there beside the ratio of the wait. Asserts nothing about time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.dossier import peak_rss_mb  # noqa: E402

VIDEO = Path("/tmp/kami-bench/screen-1080p-10min.mp4")  # flat pages: 2.3 MB, the decoder's easiest case
TEXT = Path("/tmp/kami-bench/text-screen-1080p-10min.mp4")  # pages of text and a picture, scrolled
BIG = Path("/tmp/kami-bench/camera-1080p-10min-big.mp4")  # a noisy patch: hundreds of MB, same length
HUGE = Path("/tmp/kami-bench/camera-1080p-20min-3gb.mp4")  # BIG twice over: 3 GB
SHORT = Path("/tmp/kami-bench/screen-1080p-10s.mp4")
SECONDS, FPS, W, H = 600, 10, 1920, 1080
REPEAT = 9  # best of: the machine may be busy with other work


def make_video(path: Path = VIDEO, seconds: int = SECONDS, noise: int = 0) -> Path:
    """The screen recording (``noise``: a square of that many pixels of fresh noise in every frame, which
    no encoder can compress: a file of hundreds of megabytes, as a phone's camera makes)."""
    if path.is_file():
        return path
    import av
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part.mp4")
    rng = np.random.default_rng(7)
    with av.open(str(tmp), "w") as c:
        c.metadata["creation_time"] = "2025-03-12T12:30:45.000000Z"
        s = c.add_stream("libx264", rate=FPS, options={"preset": "ultrafast", "crf": "32"})
        s.width, s.height, s.pix_fmt = W, H, "yuv420p"
        s.codec_context.gop_size = 5 * FPS
        screen = None
        for i in range(seconds * FPS):
            if i % (15 * FPS) == 0:  # a new page of the app: background, header, rows of "text"
                screen = np.empty((H, W, 3), np.uint8)
                screen[:] = rng.integers(180, 255, 3, dtype=np.uint8)
                screen[:120] = rng.integers(0, 120, 3, dtype=np.uint8)
                for row in range(180, H - 80, 70):
                    screen[row : row + 30, 100 : int(rng.integers(400, W - 100))] = 40
            img = screen.copy()  # type: ignore[union-attr]
            y = (i * 7) % (H - 60)
            img[y : y + 60, W - 200 : W - 40] = (230, 60, 60)  # a moving element (a scroll, a cursor)
            if noise:
                img[200 : 200 + noise, 200 : 200 + noise] = rng.integers(
                    0, 256, (noise, noise, 3), dtype=np.uint8
                )
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts = i
            for p in s.encode(frame):
                c.mux(p)
        for p in s.encode():
            c.mux(p)
    tmp.replace(path)
    return path


def make_text_recording(path: Path = TEXT, seconds: int = SECONDS) -> Path:
    """A screen recording as an app page looks: lines of glyph-like marks (text), a picture, a header,
    each page scrolled for a few seconds after it opens, then still; a keyframe every 2 s and x264's
    default quality (CRF 23), as a phone's recorder keeps detail. Generated once (a few minutes)."""
    if path.is_file():
        return path
    import av
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part.mp4")
    rng = np.random.default_rng(11)

    def page() -> np.ndarray:
        tall = np.full((H + 400, W, 3), 250, np.uint8)
        tall[:110] = rng.integers(20, 120, 3, dtype=np.uint8)
        for top in range(150, H + 360, 34):  # a line of text: glyphs 14×20 with gaps between words
            x = 80
            while x < W - 700:
                word = int(rng.integers(2, 9))
                marks = rng.random((20, 14 * word)) > 0.62
                tall[top : top + 20, x : x + 14 * word][marks] = 35
                x += 14 * word + 12
        shade = np.linspace(60, 200, 420, dtype=np.float32)[:, None] + rng.normal(0, 18, (420, 520))
        tall[200:620, W - 620 : W - 100] = np.clip(shade, 0, 255).astype(np.uint8)[..., None]
        return tall

    with av.open(str(tmp), "w") as c:
        c.metadata["creation_time"] = "2025-03-12T12:30:45.000000Z"
        s = c.add_stream("libx264", rate=FPS, options={"preset": "ultrafast", "crf": "23"})
        s.width, s.height, s.pix_fmt = W, H, "yuv420p"
        s.codec_context.gop_size = 2 * FPS
        tall = page()
        for i in range(seconds * FPS):
            k = i % (15 * FPS)
            if k == 0 and i:
                tall = page()
            y = min(k, 4 * FPS) * 10  # scrolled 10 px a frame for 4 s, then still
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(tall[y : y + H]), format="rgb24")
            frame.pts = i
            for p in s.encode(frame):
                c.mux(p)
        for p in s.encode():
            c.mux(p)
    tmp.replace(path)
    return path


def make_twice(src: Path, path: Path) -> Path:
    """``src`` played twice, copied packet for packet (no re-encoding): twice the length and the size."""
    if path.is_file():
        return path
    import av

    tmp = path.with_suffix(".part.mp4")
    with av.open(str(src)) as c, av.open(str(tmp), "w") as out:
        v = c.streams.video[0]
        o = out.add_stream_from_template(v)
        one_frame = max(1, round(1 / (FPS * float(v.time_base))))
        length = int(v.duration or 0) + one_frame  # the second copy starts a frame after the first ends
        for copy in range(2):
            c.seek(0, stream=v)
            for p in c.demux(v):
                if p.dts is None:
                    continue
                p.pts, p.dts = p.pts + copy * length, p.dts + copy * length
                p.stream = o
                out.mux(p)
    tmp.replace(path)
    return path


def plain_decode(path: Path, pictures: bool = False) -> int:
    """PyAV alone: seek to the same targets as the sheet, decode the keyframe there, nothing else
    (``pictures``: and turn each into an RGB picture, as a keyframe export does before writing it)."""
    import av

    from kami_desktop.core.evidence.video_sheet import MAX_SEEKS

    with av.open(str(path)) as c:
        v = c.streams.video[0]
        keys = sum(1 for e in v.index_entries if e.is_keyframe)
        seeks = min(MAX_SEEKS, 2 * keys)
        duration = float(v.duration * v.time_base)
        v.codec_context.skip_frame = "NONKEY"
        seen: set[int] = set()
        decoded = 0
        for i in range(-1, seeks):
            at = duration * (i + 0.5) / seeks if i >= 0 else 0.0
            c.seek(int(at / float(v.time_base)), stream=v, backward=True)
            for packet in c.demux(v):
                if not packet.is_keyframe:
                    continue
                if packet.pts not in seen:
                    seen.add(packet.pts)
                    frames = packet.decode() or v.codec_context.decode(None)
                    decoded += len(frames[:1])
                    if pictures and frames:
                        frames[0].to_image()
                break
    return decoded


def contact_sheet(path: Path) -> int:
    from kami_desktop.core.evidence.video_sheet import sheet

    return len(sheet(path, path.name).frames)


def child(which: str, path: str) -> None:
    """``ratio``: the three sides taken in turn, REPEAT rounds, the best of each (a busy machine slows
    all three alike); else one side alone, for its own peak RSS."""
    sides = {"plain": plain_decode, "pictures": lambda p: plain_decode(p, True), "sheet": contact_sheet}
    names = list(sides) if which == "ratio" else [which]
    for name in names:
        sides[name](Path(path))  # warm: FFmpeg loaded, the file in the page cache
    best: dict[str, tuple[float, float, int]] = {}
    for _ in range(REPEAT):
        for name in names:
            took = _timed(sides[name], Path(path))
            best[name] = min(best.get(name, took), took)
    out = {name: {"seconds": t, "cpu": cpu, "count": n} for name, (t, cpu, n) in best.items()}
    print(json.dumps({**out, "rss_mb": peak_rss_mb()}))


def _timed(fn, path: Path) -> tuple[float, float, int]:
    t, cpu = time.perf_counter(), time.process_time()
    n = fn(path)
    return time.perf_counter() - t, time.process_time() - cpu, n


def run_child(which: str, path: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", which, str(path)],
        capture_output=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def compare(path: Path) -> None:
    times = run_child("ratio", path)
    plain, pictures, ours = times["plain"], times["pictures"], times["sheet"]
    rss = {which: run_child(which, path)["rss_mb"] for which in ("plain", "sheet")}
    size_mb = path.stat().st_size / 1e6
    minutes = round(_seconds(path) / 60)
    print(f"video: {path.name}, {minutes} min {W}×{H} @ {FPS} fps, {size_mb:.1f} MB")
    print(f"  plain PyAV decode of the keyframes: {plain['seconds']:.3f} s ({plain['count']} keyframes)")
    print(f"  the same, each made an RGB picture:  {pictures['seconds']:.3f} s")
    print(f"  contact sheet (seek, compare, pick, JPEG): {ours['seconds']:.3f} s ({ours['count']} frames)")
    print(
        f"  ratio sheet/plain decode: {ours['seconds'] / plain['seconds']:.2f}x, "
        f"sheet/decode+picture: {ours['seconds'] / pictures['seconds']:.2f}x  (target <= 1.5x)"
    )
    print(
        f"  CPU time (both cores): sheet {ours['cpu']:.3f} s, plain {plain['cpu']:.3f} s, "
        f"ratio {ours['cpu'] / plain['cpu']:.2f}x"
    )
    print(f"  peak RSS: sheet {rss['sheet']:.0f} MB, plain decode {rss['plain']:.0f} MB")


def _seconds(path: Path) -> float:
    import av

    with av.open(str(path)) as c:
        v = c.streams.video[0]
        return float((v.duration or 0) * v.time_base)


def main() -> None:
    t = time.perf_counter()
    fresh = not TEXT.is_file()
    path = make_text_recording()
    if fresh:
        print(f"generated {path} in {time.perf_counter() - t:.0f} s")
    compare(path)
    t = time.perf_counter()
    fresh = not VIDEO.is_file()
    path = make_video()
    if fresh:
        print(f"generated {path} in {time.perf_counter() - t:.0f} s")
    print("the same length of flat pages (every keyframe decodes in well under a millisecond: the worst case")
    print("for the sheet's own work, choosing and making its pictures, against the decoding):")
    compare(path)
    short = run_child("sheet", make_video(SHORT, seconds=10))
    print(
        f"peak RSS of the sheet of a 10-second clip of the same size: {short['rss_mb']:.0f} MB (memory follows"
    )
    print("  the frame size and the fixed number of seeks, not the length)")
    if "--big" in sys.argv:
        t = time.perf_counter()
        fresh = not BIG.is_file()
        big = make_video(BIG, noise=720)
        if fresh:
            print(f"generated {big} in {time.perf_counter() - t:.0f} s")
        compare(big)
        t = time.perf_counter()
        fresh = not HUGE.is_file()
        huge = make_twice(big, HUGE)
        if fresh:
            print(f"generated {huge} in {time.perf_counter() - t:.0f} s")
        compare(huge)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()  # --big: also files of 1.5 GB and 3 GB (generated once, takes a while)
