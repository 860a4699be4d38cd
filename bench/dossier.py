"""Binder benchmark: 300 screenshot exhibits (150 PNG + 150 JPEG, 1170×2532) against img2pdf on the same files.

Prints: binder time vs img2pdf time (target ≤ 1.5×), binder size vs img2pdf size on the JPEG half
(target ≤ 1.2×), and peak RSS of the build (target ≤ 500 MB, measured in a child process).
Asserts nothing about time.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._corpus import CACHE, screenshots  # noqa: E402


def child(profile_dir: str, case_id: str, out: str, opts: str) -> None:
    """Run one build in this process and report its timings and peak RSS as JSON on stdout."""
    from kami_desktop.core.dossier.build import build_dossier
    from kami_desktop.core.dossier.options import DossierOptions
    from kami_desktop.core.profile import Profile

    kw = json.loads(opts)
    with Profile.open(profile_dir) as prof:
        t = time.perf_counter()
        res = build_dossier(prof, int(case_id), DossierOptions(out_dir=Path(out), **kw))
        wall = time.perf_counter() - t
    print(
        json.dumps(
            {
                "wall": wall,
                "timings": res.timings,
                "pages": res.pages,
                "pdf_size": res.pdf.stat().st_size,
                "rss_mb": peak_rss_mb(),
            }
        )
    )


def peak_rss_mb() -> float:
    """This process's own high-water mark. (ru_maxrss survives exec on Linux: it would report the parent's.)"""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(profile_dir: Path, case_id: int, out: Path, **opts) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(profile_dir), str(case_id), str(out), json.dumps(opts)],
        capture_output=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def img2pdf_time(files: list[Path], out: Path) -> tuple[float, int]:
    import img2pdf

    t = time.perf_counter()
    with open(out, "wb") as fh:
        fh.write(img2pdf.convert([str(f) for f in files]))
    return time.perf_counter() - t, out.stat().st_size


def main() -> None:
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.evidence.importer import import_paths
    from kami_desktop.core.profile import Profile

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    t0 = time.perf_counter()
    pngs, jpgs = screenshots(n // 2, "png"), screenshots(n - n // 2, "jpg")
    files = [f for pair in zip(pngs, jpgs, strict=True) for f in pair]
    corpus_s = time.perf_counter() - t0
    for f in files:  # warm the page cache for both sides
        f.read_bytes()
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        work = Path(tmp)
        with Profile.open(work / "profile") as prof:
            with prof.session() as s:
                cid = create_case(s, "基准测试：三百张截图").id
            report = import_paths(prof, cid, files)
            assert not report.errors, report.errors[:3]
            ids = [i.exhibit_id for i in report.imported]
            jpeg_ids = [i.exhibit_id for i in report.imported if i.media_type == "image/jpeg"]
        base_all, base_all_size = img2pdf_time(files, work / "img2pdf_all.pdf")
        base_jpg, base_jpg_size = img2pdf_time(jpgs, work / "img2pdf_jpg.pdf")
        plain = run_child(
            work / "profile",
            cid,
            work / "out_plain",
            attachments=False,
            make_zip=False,
            exhibit_ids=ids,
            bundle_name="plain",
        )
        default = run_child(
            work / "profile", cid, work / "out_default", exhibit_ids=ids, bundle_name="default"
        )
        jpeg = run_child(
            work / "profile",
            cid,
            work / "out_jpeg",
            attachments=False,
            make_zip=False,
            exhibit_ids=jpeg_ids,
            bundle_name="jpeg",
        )
    mb = 1024 * 1024
    print(f"corpus: {len(pngs)} PNG + {len(jpgs)} JPEG, 1170×2532 (ready in {corpus_s:.1f} s)")
    print(f"img2pdf, all {len(files)} images: {base_all:.2f} s, {base_all_size / mb:.1f} MB")
    print(
        f"binder PDF, no attachments: {plain['timings']['binder']:.2f} s, {plain['pdf_size'] / mb:.1f} MB, "
        f"{plain['pages']} pages, peak RSS {plain['rss_mb']:.0f} MB"
    )
    print(
        f"binder PDF, default (originals attached up to 100 MB): {default['timings']['binder']:.2f} s, "
        f"{default['pdf_size'] / mb:.1f} MB; whole build incl. copy + manifests + zip {default['wall']:.2f} s, "
        f"peak RSS {default['rss_mb']:.0f} MB"
    )
    print(
        f"time ratio binder/img2pdf: {plain['timings']['binder'] / base_all:.2f}x without attachments, "
        f"{default['timings']['binder'] / base_all:.2f}x default  (target <= 1.5x)"
    )
    print(
        f"size ratio on the JPEG half: {jpeg['pdf_size'] / base_jpg_size:.3f}x "
        f"({jpeg['pdf_size'] / mb:.1f} MB vs img2pdf {base_jpg_size / mb:.1f} MB, {base_jpg:.2f} s)  (target <= 1.2x)"
    )
    print(f"peak RSS: {max(plain['rss_mb'], default['rss_mb']):.0f} MB  (target <= 500 MB)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:6])
    else:
        main()
