"""Playable copies of voice messages: derived WAV files in the profile's cache, never in the vault.

``playable_wav`` decodes an original (AMR, SILK, …) once and keeps ``cache/voice/ab/<sha256>.wav``,
keyed by the original's hash, so the same message is decoded once whatever exhibit holds it. The
original in the vault is only read. ``exhibit_wav`` exports the copy of an exhibit's voice file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy.orm import Session

from kami_desktop.core.chats.voice import VOICE_TYPES, VoiceError, decode_voice, wav_bytes
from kami_desktop.core.evidence.exhibits import get_exhibit
from kami_desktop.core.profile import Profile
from kami_desktop.core.util.fsutil import atomic_write_bytes


def is_voice(media_type: str) -> bool:
    return media_type in VOICE_TYPES or media_type.startswith("audio/")


def wav_cache_path(cache_dir: Path, sha256: str) -> Path:
    return cache_dir / "voice" / sha256[:2] / f"{sha256}.wav"


def playable_wav(profile: Profile, sha256: str, name: str = "") -> Path:
    """The cached WAV of the original with this hash (made now if missing); VoiceError if it won't decode."""
    return cached_wav(profile.vault.path_for(sha256), profile.cache_dir, sha256, name)


def cached_wav(source: Path, cache_dir: Path, sha256: str, name: str = "") -> Path:
    """``cache_dir/voice/ab/<sha256>.wav`` decoded from ``source`` (the original with that hash) if missing."""
    target = wav_cache_path(cache_dir, sha256)
    if target.is_file():
        return target
    voice = decode_voice(source, name or sha256[:12])
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, wav_bytes(voice))
    return target


def exhibit_wav(profile: Profile, s: Session, exhibit_id: int, out: Path) -> Path:
    """Write the playable WAV of the exhibit's (first) voice file — or, when it holds none, of its video's
    sound (a call recorded on screen, an MP4 holding only sound) — to ``out`` (into it, named after the
    file, when ``out`` is a folder); returns the path written."""
    ex = get_exhibit(s, exhibit_id)
    sounding = [f for f in ex.files if is_voice(f.blob.media_type)] or [
        f for f in ex.files if f.blob.media_type.startswith("video/")
    ]
    if not sounding:
        raise VoiceError(f"证据 {exhibit_id}（{ex.title}）中没有语音、录音或视频文件")
    f = sounding[0]
    wav = playable_wav(profile, f.blob_sha256, f.original_name)
    if out.is_dir():
        out = out / f"{Path(f.original_name).stem or f.blob_sha256[:12]}.wav"
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(wav, out)
    return out
