"""Frames of video exhibits: derived pictures cached in the profile, and the frames the user picked.

``cache/video/ab/<sha256>/`` (keyed by the original's hash, never in the vault) holds the contact sheet
(``sheet.json`` with the facts and frame times, ``sheet-NN.jpg``) and single frames decoded on request
(``at-<ms>.jpg``, named by the time asked for and the time of the frame shown). A missing or damaged
cache is simply made again from the original; ``drop_media_cache`` removes it (and the voice WAV) when
the original leaves the vault.

The frames the user picked (the balance page of a recording) are the exhibit's ``key_frames``: time
offsets like ``00:01:23``, changed through ``edit_exhibit`` so each change is one ``exhibit.edit``
ledger entry that verify replays.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kami_desktop.core.evidence.exhibits import ExhibitError, edit_exhibit, get_exhibit
from kami_desktop.core.evidence.video import (
    VideoError,
    VideoFacts,
    is_video,
    offset_text,
    parse_offset,
    probe,
)
from kami_desktop.core.evidence.video_sheet import Frame, Sheet, frame_at, sheet
from kami_desktop.core.evidence.voice import wav_cache_path
from kami_desktop.core.profile import Profile
from kami_desktop.core.tasks import CancelToken
from kami_desktop.core.util.fsutil import atomic_write_bytes

CACHE_VERSION = 1


def frames_dir(cache_dir: Path, sha256: str) -> Path:
    return cache_dir / "video" / sha256[:2] / sha256


def cached_sheet(
    cache_dir: Path, source: Path, sha256: str, label: str, cancel: CancelToken | None = None
) -> Sheet:
    """The contact sheet of the original ``source`` (with that hash), from the cache or made now."""
    folder = frames_dir(cache_dir, sha256)
    hit = _read_sheet(folder)
    if hit is not None:
        return hit
    made = sheet(source, label, cancel)
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i, f in enumerate(made.frames):
        name = f"sheet-{i:02d}.jpg"
        atomic_write_bytes(folder / name, f.jpeg)
        names.append({"ms": f.ms, "key": f.key, "file": name})
    meta = {"version": CACHE_VERSION, "facts": made.facts.as_json(), "note": made.note, "frames": names}
    atomic_write_bytes(folder / "sheet.json", json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    return made


def _read_sheet(folder: Path) -> Sheet | None:
    try:
        meta = json.loads((folder / "sheet.json").read_text("utf-8"))
        if meta.get("version") != CACHE_VERSION:
            return None
        frames = [
            Frame(int(x["ms"]), (folder / x["file"]).read_bytes(), bool(x["key"])) for x in meta["frames"]
        ]
        return Sheet(VideoFacts.from_json(meta["facts"]), frames, str(meta.get("note") or ""))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # not made yet, or damaged: made again


def cached_frame(cache_dir: Path, source: Path, sha256: str, label: str, ms: int) -> Frame:
    """The frame shown at ``ms`` (large), from the cache or decoded now."""
    folder = frames_dir(cache_dir, sha256)
    for hit in sorted(folder.glob(f"at-{ms:09d}-*.jpg")):
        try:
            shown, key = hit.stem.split("-")[2:4]
            return Frame(int(shown), hit.read_bytes(), key == "k")
        except (OSError, ValueError):
            continue
    f = frame_at(source, label, ms)
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(folder / f"at-{ms:09d}-{f.ms:09d}-{'k' if f.key else 'p'}.jpg", f.jpeg)
    return f


def drop_media_cache(cache_dir: Path, sha256: str) -> None:
    """Remove what was derived from the original with this hash (frames, the voice WAV)."""
    shutil.rmtree(frames_dir(cache_dir, sha256), ignore_errors=True)
    wav_cache_path(cache_dir, sha256).unlink(missing_ok=True)


# ---------------------------------------------------------------------------- an exhibit's video
@dataclass(frozen=True)
class VideoFile:
    exhibit_id: int
    file_id: int
    sha256: str
    name: str
    picked: tuple[str, ...]  # the exhibit's key frames, 00:01:23


def video_file(s: Session, exhibit_id: int) -> VideoFile:
    """The exhibit's (first) video file; ExhibitError when it holds none."""
    ex = get_exhibit(s, exhibit_id)
    for f in ex.files:
        if is_video(f.blob.media_type):
            return VideoFile(ex.id, f.id, f.blob_sha256, f.original_name, tuple(ex.key_frames))
    raise ExhibitError(f"证据 {exhibit_id}（{ex.title}）中没有视频文件")


def exhibit_sheet(profile: Profile, v: VideoFile, cancel: CancelToken | None = None) -> Sheet:
    return cached_sheet(profile.cache_dir, profile.vault.path_for(v.sha256), v.sha256, v.name, cancel)


def exhibit_frame(profile: Profile, v: VideoFile, ms: int) -> Frame:
    return cached_frame(profile.cache_dir, profile.vault.path_for(v.sha256), v.sha256, v.name, ms)


def pick_frames(
    profile: Profile,
    s: Session,
    exhibit_id: int,
    pick: list[str] | None = None,
    unpick: list[str] | None = None,
) -> list[str]:
    """Add and remove picked frames (time offsets); one ledger entry when anything changed.

    A picked time must lie within the video; ``unpick`` of a whole second (00:01:23) also removes a pick
    inside that second (00:01:23.400). Returns the exhibit's key frames as they now are."""
    v = video_file(s, exhibit_id)
    current = {parse_offset(t) for t in v.picked}
    add = [_offset(t) for t in pick or []]
    if add:
        try:
            facts = probe(profile.vault.path_for(v.sha256), v.name)
        except VideoError as exc:
            raise ExhibitError(str(exc)) from exc
        for ms in add:
            if facts.duration and ms > facts.duration * 1000:
                raise ExhibitError(
                    f"时间点 {offset_text(ms, precise=True)} 超出了视频长度（{offset_text(round(facts.duration * 1000))}）"
                )
    for text in unpick or []:
        ms = _offset(text)
        whole = "." not in str(text)
        gone = {m for m in current if m == ms or (whole and m // 1000 == ms // 1000)}
        if not gone:
            raise ExhibitError(f"没有选过时间点 {text} 的画面")
        current -= gone
    current |= set(add)
    ex = edit_exhibit(s, exhibit_id, key_frames=[offset_text(m, precise=True) for m in current])
    return list(ex.key_frames)


def _offset(text: Any) -> int:
    try:
        return parse_offset(str(text))
    except VideoError as exc:
        raise ExhibitError(str(exc)) from exc
