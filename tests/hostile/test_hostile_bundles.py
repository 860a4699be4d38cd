"""``bundle verify`` accepts every bundle the product makes, however well its originals compress (a BMP
screenshot, a recording of silence), and still refuses real zip bombs: by the absolute size they expand to
and by the sizes the bundle's own manifest.json records, not by compression ratio alone."""

from __future__ import annotations

import io
import struct
import wave
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.dossier.bundle_verify import UnsafeBundle, verify_bundle
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.profile import Profile
from tests.core.dossier.cases import options
from tests.hostile.bounded import run_bounded


def bmp_screenshot(path: Path) -> Path:
    """A 1170×2226 chat screenshot saved as BMP by a screenshot tool: 7.8 MB that deflates ~400:1."""
    img = Image.new("RGB", (1170, 2226), (237, 237, 237))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 1170, 130), fill=(247, 247, 247))
    for i in range(8):
        y = 200 + i * 240
        left = i % 2 == 0
        draw.rounded_rectangle(
            (40 if left else 430, y, 740 if left else 1130, y + 150),
            18,
            fill=(255, 255, 255) if left else (149, 236, 105),
        )
    img.save(path, format="BMP")
    return path


def silent_wav(path: Path, seconds: int = 45) -> Path:
    """A phone-call recording that is all silence: 44.1 kHz 16-bit stereo zeros (~7.9 MB)."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(b"\x00" * (44100 * 4 * seconds))
    return path


@pytest.fixture(scope="module")
def compressible(tmp_path_factory):
    root = tmp_path_factory.mktemp("compressible")
    src = root / "src"
    src.mkdir()
    bmp = bmp_screenshot(src / "聊天截图.bmp")
    wav = silent_wav(src / "客服来电录音.wav")
    with Profile.open(root / "profile") as prof:
        with prof.session() as s:
            case_id = create_case(s, "星辰卡盟充值扣款纠纷", platform_name="星辰卡盟").id
        report = import_paths(prof, case_id, [bmp, wav], source="原告手机")
        assert not report.errors, report.errors
        result = build_dossier(prof, case_id, options(root / "out"))
    return root, result, bmp, wav


def test_the_products_own_bundle_with_highly_compressible_originals_verifies(compressible):
    _, result, bmp, wav = compressible
    with zipfile.ZipFile(result.zip) as zf:
        ratios = {
            Path(i.filename).suffix: i.file_size / max(1, i.compress_size)
            for i in zf.infolist()
            if i.filename.endswith((".bmp", ".wav"))
        }
    assert ratios[".bmp"] > 200 and ratios[".wav"] > 200, ratios  # what the ratio rule called a bomb
    assert bmp.stat().st_size > 7_000_000
    for target in (result.zip, result.bundle):
        report = verify_bundle(target)
        assert report.ok, (target, report.problems)
        listed = (result.bundle / "manifest-sha256.txt").read_text(encoding="utf-8").splitlines()
        assert report.checked == len(listed)


def _rezip(src: Path, out: Path, change) -> Path:
    """Copy ``src`` member by member through ``change(name, data) -> data``; the layout stays the product's."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zi = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            zout.writestr(zi, change(info.filename, data))
    return out


def test_an_original_that_expands_past_its_recorded_size_is_refused_unread(compressible, tmp_path):
    _, result, _, _ = compressible
    zeros = b"\x00" * (100 << 20)  # 100 MB where manifest.json records 7.9 MB

    def swap(name: str, data: bytes) -> bytes:
        return zeros if name.endswith(".wav") else data

    bomb = _rezip(result.zip, tmp_path / "bomb.zip", swap)
    assert bomb.stat().st_size < 2 << 20
    out = run_bounded(
        """
from kami_desktop.core.dossier.bundle_verify import UnsafeBundle, verify_bundle
try:
    r = verify_bundle(args[0])
    out["ok"] = r.ok
    out["problems"] = [[p.kind, p.path, p.detail] for p in r.problems]
except UnsafeBundle as exc:
    out["unsafe"] = str(exc)
""",
        bomb,
        limit=1 << 30,
    )
    assert "unsafe" in out and "压缩炸弹" in out["unsafe"] and ".wav" in out["unsafe"], out


def test_absolute_size_and_overlapping_members_are_still_refused(compressible, tmp_path):
    _, result, _, _ = compressible
    with pytest.raises(UnsafeBundle, match="上限"):
        verify_bundle(result.zip, max_total=1 << 20)
    # the classic non-recursive bomb: many central-directory entries sharing one compressed stream
    one = zipfile.ZipFile(result.zip).infolist()
    raw = bytearray(result.zip.read_bytes())
    target = next(i for i in one if i.filename.endswith(".wav"))
    pos = 0
    while (pos := raw.find(b"PK\x01\x02", pos)) != -1:
        n = struct.unpack("<H", raw[pos + 28 : pos + 30])[0]
        name = bytes(raw[pos + 46 : pos + 46 + n]).decode()
        if name.endswith(".bmp"):
            raw[pos + 42 : pos + 46] = struct.pack("<I", target.header_offset)
        pos += 4
    overlap = tmp_path / "overlap.zip"
    overlap.write_bytes(bytes(raw))
    with pytest.raises(UnsafeBundle, match="重叠"):
        verify_bundle(overlap)


def test_an_unrecorded_member_that_compresses_like_a_bomb_is_refused(tmp_path):
    z = tmp_path / "bomb.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("b/manifest-sha256.txt", "")
        zf.writestr("b/zeros.bin", b"\0" * (20 << 20))  # recorded nowhere: ratio ~1000:1
    with pytest.raises(UnsafeBundle, match="压缩炸弹"):
        verify_bundle(z)


def test_a_lying_header_cannot_expand_past_its_claim(compressible, tmp_path):
    _, result, _, _ = compressible
    buf = io.BytesIO()
    with zipfile.ZipFile(result.zip) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
    raw = bytearray(buf.getvalue())
    # shrink the .bmp's claimed size (local header and central directory) to 1000 bytes
    name = next(n for n in zipfile.ZipFile(io.BytesIO(raw)).namelist() if n.endswith(".bmp")).encode()
    for sig, size_at, name_at, len_at in ((b"PK\x03\x04", 22, 30, 26), (b"PK\x01\x02", 24, 46, 28)):
        pos = 0
        while (pos := raw.find(sig, pos)) != -1:
            n = struct.unpack("<H", raw[pos + len_at : pos + len_at + 2])[0]
            if bytes(raw[pos + name_at : pos + name_at + n]) == name:
                raw[pos + size_at : pos + size_at + 4] = struct.pack("<I", 1000)
            pos += 4
    liar = tmp_path / "liar.zip"
    liar.write_bytes(bytes(raw))
    try:
        report = verify_bundle(liar)
    except UnsafeBundle as exc:
        assert "压缩炸弹" in str(exc) or "不符" in str(exc)
    else:
        assert not report.ok and any(p.path.endswith(".bmp") for p in report.problems)
