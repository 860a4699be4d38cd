"""Voice messages (AMR, WeChat SILK): decoded to a playable WAV in the cache, a waveform page in the
binder with the user's transcript, damaged files named and kept."""

from __future__ import annotations

import hashlib
import io
import re
import wave

import pymupdf
import pytest
from sqlalchemy import select

from kami_desktop.core.chats.voice import VoiceError, decode_voice, waveform_png
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.evidence.voice import playable_wav, wav_cache_path
from kami_desktop.core.store.model import ExhibitFile, LedgerEntry
from tests.core.dossier.cases import options

from .voice_samples import amr_file, silk_file


@pytest.mark.parametrize(
    ("make", "seconds", "rate", "codec"),
    [(amr_file, 2.0, 8000, "AMR-NB"), (silk_file, 3.0, 24000, "SILK v3")],
)
def test_voice_files_decode_to_their_length(tmp_path, make, seconds, rate, codec):
    src = make(tmp_path / "语音", seconds)
    voice = decode_voice(src)
    assert voice.rate == rate and voice.codec.startswith(codec)
    assert abs(voice.duration - seconds) < 0.15
    from PIL import Image

    with Image.open(io.BytesIO(waveform_png(voice))) as im:
        assert im.size == (1600, 320)
        # the tone fades in: the waveform is taller at the end than at the start
        col = lambda x: sum(1 for y in range(0, 276) if im.getpixel((x, y))[2] > 100 > im.getpixel((x, y))[0])  # noqa: E731
        assert col(1500) > col(100) + 40


def test_silk_with_the_wechat_byte_and_without_both_decode(tmp_path):
    src = silk_file(tmp_path / "msg.silk", 1.0)
    data = src.read_bytes()
    assert data[:10] == b"\x02#!SILK_V3"
    plain = tmp_path / "plain.slk"
    plain.write_bytes(data[1:])
    assert abs(decode_voice(plain).duration - decode_voice(src).duration) < 0.01


@pytest.mark.parametrize("make", [amr_file, silk_file])
def test_truncated_or_garbage_voice_is_a_clear_error_naming_the_file(tmp_path, make):
    src = make(tmp_path / "原始.bin", 2.0)
    data = src.read_bytes()
    cut = tmp_path / "截断的语音.amr"
    cut.write_bytes(data[: len(data) // 2 + 3])
    garbage = tmp_path / "乱码语音.silk"
    garbage.write_bytes(data[:12] + bytes(range(256)) * 3)
    for bad in (cut, garbage):
        with pytest.raises(VoiceError) as err:
            decode_voice(bad)
        assert bad.name in str(err.value) and "原文件已原样保存" in str(err.value)


def test_import_plays_from_the_cache_never_the_vault(profile, case_id, tmp_path):
    src = silk_file(tmp_path / "微信语音.silk", 2.0)
    report = import_paths(profile, case_id, [src])
    assert report.errors == []
    sha = report.imported[0].sha256
    with profile.session() as s:
        f = s.scalars(select(ExhibitFile)).one()
        assert f.blob.media_type == "audio/silk" and not f.problem
    wav = playable_wav(profile, sha, src.name)
    assert wav == wav_cache_path(profile.cache_dir, sha) and profile.cache_dir in wav.parents
    with wave.open(str(wav)) as w:
        assert w.getframerate() == 24000 and abs(w.getnframes() / 24000 - 2.0) < 0.15
    assert profile.vault.path_for(sha).read_bytes() == src.read_bytes()
    assert sorted(p.name for p in profile.vault.root.rglob("*") if p.is_file() and ".wav" in p.name) == []
    assert verify(profile).ok


def test_a_damaged_voice_file_is_stored_with_a_note(profile, case_id, tmp_path):
    good = amr_file(tmp_path / "a.amr", 2.0).read_bytes()
    bad = tmp_path / "坏的录音.amr"
    bad.write_bytes(good[: len(good) // 2 + 3])
    report = import_paths(profile, case_id, [bad])
    assert report.errors == [] and len(report.imported) == 1
    with profile.session() as s:
        f = s.scalars(select(ExhibitFile)).one()
        assert "坏的录音.amr" in f.problem and "无法解码" in f.problem
        assert profile.vault.path_for(f.blob_sha256).read_bytes() == bad.read_bytes()
    with pytest.raises(VoiceError):
        playable_wav(profile, report.imported[0].sha256, bad.name)


def test_transcript_is_an_exhibit_field_in_the_ledger(profile, case_id, tmp_path):
    src = amr_file(tmp_path / "客服来电.amr")
    ex_id = import_paths(profile, case_id, [src]).imported[0].exhibit_id
    with profile.session() as s:
        exhibits.edit_exhibit(s, ex_id, transcript="  客服：您的余额七个工作日内退回。  ")
    with profile.session() as s:
        ex = exhibits.get_exhibit(s, ex_id)
        assert ex.transcript == "客服：您的余额七个工作日内退回。"
        entry = s.scalars(select(LedgerEntry).where(LedgerEntry.action == "exhibit.edit")).one()
        assert '"transcript"' in entry.payload
        exhibits.edit_exhibit(s, ex_id, transcript="")
    with profile.session() as s:
        assert exhibits.get_exhibit(s, ex_id).transcript is None
    assert verify(profile).ok


def _voice_page_text(result, title):
    doc = pymupdf.open(result.pdf)
    x = next(e for e in result.exhibits if e.title == title)
    pages = [doc[p - 1] for p in range(x.first_page, x.last_page + 1)]
    return doc, pages, "".join(p.get_text() for p in pages)


def test_binder_prints_waveform_duration_codec_hashes_and_transcript(profile, case_id, tmp_path):
    src = silk_file(tmp_path / "客服语音.silk", 3.0)
    ex_id = import_paths(profile, case_id, [src]).imported[0].exhibit_id
    with profile.session() as s:
        exhibits.edit_exhibit(s, ex_id, transcript="我：我的余额为什么被扣了？\n客服：三天内给您退回。")
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc, pages, text = _voice_page_text(result, "客服语音")
    imgs = [(p, img) for p in pages for img in p.get_images(full=True)]
    assert len(imgs) == 1
    page, img = imgs[0]
    (rect,) = page.get_image_rects(img[0])
    assert abs(rect.width / rect.height - 5.0) < 0.05
    assert "00:03" in text and "SILK v3" in text
    assert hashlib.sha256(src.read_bytes()).hexdigest() in text and "SM3" in text
    assert "随附存储介质" in text
    assert "三天内给您退回" in text and "录音文字记录" in text
    assert "未能生成波形" not in text


def test_binder_prints_a_damaged_voice_file_without_waveform_saying_why(profile, case_id, tmp_path):
    bad = tmp_path / "截断.silk"
    data = silk_file(tmp_path / "s.silk", 2.0).read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    assert not import_paths(profile, case_id, [bad]).errors
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, pages, text = _voice_page_text(result, "截断")
    assert not [img for p in pages for img in p.get_images(full=True)]
    assert "未能生成波形" in text and "截断.silk" in text and "无法解码" in text
    assert hashlib.sha256(bad.read_bytes()).hexdigest() in text


def test_a_long_wav_recording_is_decoded_at_8_khz_for_its_waveform(profile, case_id, tmp_path):
    src = tmp_path / "电话录音.wav"
    pcm = b"".join(bytes(4) if i % 50 else b"\xff\x3f\xff\x3f" for i in range(44100 * 3))
    with wave.open(str(src), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(pcm)
    voice = decode_voice(src, rate=8000)
    assert (voice.rate, voice.source_rate) == (8000, 44100) and abs(voice.duration - 3.0) < 0.05
    assert len(voice.pcm) < 8000 * 2 * 3.1
    assert not import_paths(profile, case_id, [src]).errors
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, pages, text = _voice_page_text(result, "电话录音")
    assert len([img for p in pages for img in p.get_images(full=True)]) == 1
    assert "44100 Hz" in text and "PCM_S16LE" in text and "00:03" in text


def test_the_advice_to_write_a_transcript_goes_once_one_is_written(profile, case_id, tmp_path):
    from kami_desktop.core.evidence.advice import AUDIO_TRANSCRIPT, advice_by_exhibit, exhibit_advice

    ex_id = import_paths(profile, case_id, [amr_file(tmp_path / "客服来电.amr", 1.0)]).imported[0].exhibit_id
    with profile.session() as s:
        assert exhibit_advice(s, ex_id) == [AUDIO_TRANSCRIPT]
        exhibits.edit_exhibit(s, ex_id, transcript="客服：七个工作日内退款。")
    with profile.session() as s:
        assert exhibit_advice(s, ex_id) == [] and ex_id not in advice_by_exhibit(s, case_id)
        exhibits.edit_exhibit(s, ex_id, transcript="")  # removed again: the advice is back
    with profile.session() as s:
        assert exhibit_advice(s, ex_id) == [AUDIO_TRANSCRIPT]


def test_a_transcript_is_refused_for_an_exhibit_without_sound(profile, case_id, tmp_path):
    from tests.core.media.heic import heic_photo

    from .video_samples import make_video

    photo, video, voice = (
        r.exhibit_id
        for r in import_paths(
            profile,
            case_id,
            [
                heic_photo(tmp_path / "IMG_1.HEIC"),
                make_video(tmp_path / "录屏.mp4"),
                amr_file(tmp_path / "v.amr"),
            ],
        ).imported
    )
    with profile.session() as s, pytest.raises(exhibits.ExhibitError, match="没有录音、语音或视频文件"):
        exhibits.edit_exhibit(s, photo, transcript="照片上的字")  # it would never be printed
    with profile.session() as s, pytest.raises(exhibits.ExhibitError, match="没有保存"):
        exhibits.edit_exhibits(s, [voice, photo], transcript="客服：退款。")
    with profile.session() as s:
        assert exhibits.get_exhibit(s, photo).transcript is None
        assert exhibits.get_exhibit(s, voice).transcript is None  # the bulk edit saved nothing
        exhibits.edit_exhibit(s, video, transcript="客服：退款。")  # a video's sound: printed on its page
        exhibits.edit_exhibit(s, voice, transcript="客服：退款。")
        exhibits.edit_exhibit(s, photo, transcript="", title="照片")  # clearing is always allowed
    assert verify(profile).ok


def test_why_a_voice_file_does_not_decode_is_said_in_chinese(tmp_path):
    # FFmpeg's and the SILK decoder's own words are English developer text; they reach the binder page
    bad_amr = tmp_path / "bad.amr"
    bad_amr.write_bytes(b"#!AMR\n" + bytes(range(256)) * 3)
    bad_silk = tmp_path / "bad.silk"
    bad_silk.write_bytes(b"\x02#!SILK_V3" + bytes(range(200)) * 3)
    for bad in (bad_amr, bad_silk):
        with pytest.raises(VoiceError) as err:
            decode_voice(bad)
        text = str(err.value)
        assert bad.name in text and "无法解码" in text
        words = re.findall(r"[A-Za-z_]{4,}", text.replace(bad.name, "").replace("SILK", ""))
        assert words == [], text


def test_ffmpeg_reasons_are_plain_chinese():
    import av

    from kami_desktop.core.util.av_errors import av_reason

    assert av_reason(av.error.InvalidDataError(1094995529, "Invalid data found")) == "数据无效，无法解析"
    assert av_reason(PermissionError(13, "拒绝访问。")) == "拒绝访问。"
    assert av_reason(RuntimeError("boom")) == "解码出错（RuntimeError）"
