"""The smoke test's media steps: PyMuPDF's CJK text and a QPrinter, the native decoders (HEIC, SILK, AMR,
H.264) and the OCR models a frozen build must carry. ``kami_desktop.smoke`` runs them as steps of its
``_Smoke``; each takes the run's working folder (and, for OCR, its temporary profile and case) and returns
the line it logs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from kami_desktop.smoke_samples import make_ocr_screenshot, make_screenshot, make_video


class SmokeFailure(AssertionError):
    pass


def check(condition: object, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def pdf_and_print(workdir: Path) -> str:
    """PyMuPDF with CJK text and font subsetting, and a QPrinter: the parts a frozen build tends to lose."""
    import pymupdf
    from PySide6.QtPrintSupport import QPrinter

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_htmlbox(pymupdf.Rect(50, 50, 545, 300), "<h1>证据目录</h1><p>支付记录 ￥300.00</p>")
    doc.subset_fonts()
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    with pymupdf.open(stream=data, filetype="pdf") as back:
        check("证据目录" in back[0].get_text(), "CJK text did not survive a PDF round trip")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(workdir / "print.pdf"))
    return f"PyMuPDF {pymupdf.VersionBind}, {len(data)} byte PDF; QPrinter {printer.resolution()} dpi"


def media(workdir: Path) -> str:
    """An iPhone photo (HEIC, pillow_heif) and voice messages (SILK through pysilk, AMR through PyAV's
    FFmpeg): the native decoders a frozen build must carry."""
    import io
    import math
    import struct

    import av
    import pillow_heif
    import pysilk
    from PIL import Image

    from kami_desktop.core.chats.voice import decode_voice
    from kami_desktop.core.evidence.sniff import image_facts

    heic = workdir / "IMG_0001.HEIC"
    exif = Image.Exif()
    exif[274] = 6
    exif.get_ifd(0x8769)[36867] = "2026:03:01 10:00:00"
    pillow_heif.from_pillow(Image.open(make_screenshot(workdir / "heic-src.png"))).save(
        heic, quality=80, exif=exif.tobytes()
    )
    facts = image_facts(heic, "image/heic")
    check(not facts.problem, f"HEIC: {facts.problem}")
    check((facts.width, facts.height) == (844, 390), f"HEIC decoded as {facts.width}×{facts.height}")
    check(facts.exif_time is not None, "HEIC EXIF capture time not read")
    pcm = b"".join(struct.pack("<h", int(9000 * math.sin(i / 3))) for i in range(24000))
    silk = io.BytesIO()
    pysilk.encode(io.BytesIO(pcm), silk, 24000, 24000, tencent=True)
    (workdir / "voice.silk").write_bytes(silk.getvalue())
    voice = decode_voice(workdir / "voice.silk")
    check(abs(voice.duration - 1.0) < 0.1, f"SILK decoded to {voice.duration:.2f} s")
    amr = io.BytesIO()
    with av.open(amr, "w", format="amr") as out:
        stream = out.add_stream("libopencore_amrnb", rate=8000, layout="mono")
        for k in range(50):
            frame = av.AudioFrame(format="s16", layout="mono", samples=160)
            frame.planes[0].update(pcm[k * 320 : (k + 1) * 320])
            frame.sample_rate, frame.pts = 8000, k * 160
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    (workdir / "voice.amr").write_bytes(amr.getvalue())
    amr_voice = decode_voice(workdir / "voice.amr")
    check(abs(amr_voice.duration - 1.0) < 0.1, f"AMR decoded to {amr_voice.duration:.2f} s")
    return (
        f"pillow_heif {pillow_heif.__version__}: HEIC {facts.width}×{facts.height}; "
        f"pysilk {pysilk.__version__}: SILK {voice.duration:.2f} s; "
        f"PyAV {av.__version__}: AMR {amr_voice.duration:.2f} s"
    )


def ocr(profile: Any, case_id: int, workdir: Path) -> str:
    """The OCR job on a generated order page: RapidOCR's models, onnxruntime and OpenCV from the bundle.
    A frozen build reads it as the app does, in the reading process (``kami ocr-reader`` beside it)."""
    from kami_desktop.core.evidence.importer import import_paths
    from kami_desktop.core.ocr.engine import engine_name, model_paths
    from kami_desktop.core.ocr.job import exhibit_text, read_case
    from kami_desktop.core.ocr.reader_process import ReaderProcess

    shot = make_ocr_screenshot(workdir / "订单详情.png")
    item = import_paths(profile, case_id, [shot]).imported[0]
    reader = ReaderProcess() if getattr(sys, "frozen", False) else None
    try:
        summary = read_case(profile, case_id, reader=reader)
    finally:
        if reader is not None:
            reader.close()
    check(not summary.failed, f"OCR failures: {summary.problems}")
    with profile.session() as s:
        files = exhibit_text(s, item.exhibit_id)
    pages = files[0].pages if files else ()
    text = pages[0].text.replace(" ", "") if pages else ""
    for needle in ("KM2026052821140311", "1798.00", "未到账"):
        check(needle in text, f"OCR did not read {needle!r}: {text!r}")
    how = f"in {' '.join(reader.command)}" if reader is not None else "in this process"
    return f"{engine_name()}: {len(pages[0].lines)} lines read {how}; models in {model_paths()['Rec'].parent}"


def video(workdir: Path) -> str:
    """A screen recording (H.264 in MP4, made with PyAV here): its facts and a keyframe contact sheet
    through PyAV's FFmpeg, the decoder a frozen build must carry for video evidence."""
    from kami_desktop.core.evidence.video_sheet import frame_at, sheet

    src = make_video(workdir / "录屏.mp4", seconds=3.0)
    made = sheet(src, src.name)
    check(abs(made.facts.duration - 3.0) < 0.2, f"video lasts {made.facts.duration:.2f} s")
    check((made.facts.width, made.facts.height) == (320, 240), "video size not read")
    check(made.facts.created is not None, "video creation time not read")
    check(len(made.frames) >= 6, f"contact sheet has {len(made.frames)} frame(s)")
    check(frame_at(src, src.name, 2000).jpeg[:2] == b"\xff\xd8", "frame at 00:00:02 not a JPEG")
    return f"{made.facts.codec} {made.facts.duration:.1f} s: {len(made.frames)} frames"


def search(profile: Any, case_id: int) -> str:
    """The case's search index brought up to date by the warm-up process the app uses (``kami
    search-warmer`` beside a frozen build), then a word OCR read found through it."""
    from kami_desktop.core.search.query import search as find
    from kami_desktop.core.search.warm_process import WarmProcess

    warmer = WarmProcess()
    try:
        done = warmer.warm(profile.data_dir, case_id)
    finally:
        warmer.close()
    check(done is not None, "the search warm-up was cancelled")
    hits = find(profile, case_id, "未到账")
    check(any(h.kind == "ocr" for h in hits), f"search did not find the OCR'd word: {hits}")
    return f"index warmed in {' '.join(warmer.command)} ({done}); '未到账' found in 证据 {hits[0].exhibit_number}"
