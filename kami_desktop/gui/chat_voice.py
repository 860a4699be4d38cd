"""Voice messages in the 聊天记录 tab: a voice message whose audio file the export held says, under its
bubble, which exhibit holds the recording (证据 N《title》); a double-click or 右键“在证据中查看” shows
that exhibit on the 证据 tab, 右键“播放录音” plays its decoded copy in the system's player. A message
whose file was missing or refused says so, naming the file.

Thin over ``core.chats.voice_links``: the links are read with the messages, off the GUI thread."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMenu

from kami_desktop.core.chats.voice_links import VoiceLink, chat_voice_links
from kami_desktop.core.profile import Profile
from kami_desktop.gui.chat_message_model import MessageRole, MessageRow, load_messages
from kami_desktop.gui.formatting import join_list
from kami_desktop.gui.system_open import open_path
from kami_desktop.gui.workers import guarded


def voice_line(link: VoiceLink) -> str:
    """The line under a voice message's bubble."""
    if link.exhibit_id is not None:
        return QCoreApplication.translate("ChatVoice", "录音：证据 {n}《{title}》（双击查看）").format(
            n=link.number or "?", title=link.title
        )
    if link.sha256:
        return QCoreApplication.translate(
            "ChatVoice", "录音文件“{file}”已不在本案的证据中（可能在回收站）"
        ).format(file=link.media)
    if link.problem == "缺失":
        return QCoreApplication.translate(
            "ChatVoice", "录音文件“{file}”不在导出文件夹中，只有文字记录"
        ).format(file=link.media)
    return QCoreApplication.translate("ChatVoice", "录音文件“{file}”未导入：{reason}").format(
        file=link.media, reason=link.problem
    )


def load_with_voices(profile: Profile, chat_id: int) -> tuple[int, list[MessageRow]]:
    """The chat's messages (``load_messages``), each voice message with its recording's line."""
    chat_id, rows = load_messages(profile, chat_id)
    return chat_id, with_voices(profile, chat_id, rows)


def with_voices(profile: Profile, chat_id: int, rows: list[MessageRow]) -> list[MessageRow]:
    with profile.session() as s:
        links = chat_voice_links(s, chat_id)
    if not links:
        return rows
    return [
        dataclasses.replace(
            r,
            voice=voice_line(links[r.seq]),
            voice_exhibit=links[r.seq].exhibit_id or 0,
            voice_sha256=(links[r.seq].sha256 or "") if links[r.seq].exhibit_id else "",
        )
        if r.seq in links
        else r
        for r in rows
    ]


def playable(profile: Profile, sha256: str) -> Path:
    """The decoded WAV copy of the recording (derived, in the cache; the original is only read)."""
    from kami_desktop.core.evidence.voice import playable_wav

    return playable_wav(profile, sha256)


class ChatVoice(QObject):
    """Installed on a ChatView: the double-click and the context-menu entries of voice messages."""

    open_exhibit = Signal(int)  # exhibit id: the workspace shows it on the 证据 tab

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        view.list.doubleClicked.connect(guarded(view, lambda index: self.show_row(index.row())))
        view.loaded.connect(guarded(view, self.refresh))

    def refresh(self) -> None:
        """The chat list came back unchanged (the tab was shown again): a voice exhibit may have been
        trashed, restored or moved on the 证据 tab meanwhile, so the lines under voice bubbles are read
        again (one chat's links: a small query) and the rows replaced only when a line changed."""
        model, chat_id = self.view.model, self.view.current_chat_id()
        if chat_id is None or not any(r.voice for r in model.rows):
            return
        fresh = with_voices(
            self.view.profile, chat_id, [dataclasses.replace(r, voice="") for r in model.rows]
        )
        if [r.voice for r in fresh] != [r.voice for r in model.rows]:
            model.set_rows(fresh)

    def summary(self, voices: dict) -> str:
        """What became of the audio files an imported export's voice messages name ('' when none)."""
        if not voices or not voices.get("referenced"):
            return ""
        text = self.tr(
            "语音文件：找到 {found} 个，新导入 {new} 个，已在本案中 {present} 个，缺失 {missing} 个"
        ).format(
            found=voices["found"],
            new=len(voices["imported"]),
            present=len(voices["present"]),
            missing=len(voices["missing"]),
        )
        named = [*voices["missing"], *(r["media"] for r in voices["refused"])]
        if voices.get("trashed"):
            text += self.tr("，在回收站中 {n} 个（未重新导入）").format(n=len(voices["trashed"]))
        if voices["refused"]:
            text += self.tr("，未导入 {n} 个").format(n=len(voices["refused"]))
        if named:
            text += self.tr("（{files}）").format(
                files=join_list(named[:5]) + ("…" if len(named) > 5 else "")
            )
        return text

    def exhibit_at(self, row: int) -> int:
        m = self.view.model.index(row).data(MessageRole)
        return m.voice_exhibit if m is not None else 0

    def add_actions(self, menu: QMenu, row: int) -> None:
        exhibit_id = self.exhibit_at(row)
        if not exhibit_id:
            return
        menu.addAction(self.tr("播放录音"), lambda: self.play(row))
        menu.addAction(self.tr("在证据中查看"), lambda: self.show_row(row))

    def show_row(self, row: int) -> None:
        exhibit_id = self.exhibit_at(row)
        if exhibit_id:
            self.open_exhibit.emit(exhibit_id)

    def play(self, row: int) -> Path | None:
        m = self.view.model.index(row).data(MessageRole)
        if m is None or not m.voice_sha256:
            return None
        try:
            path = playable(self.view.profile, m.voice_sha256)
        except Exception as exc:  # a recording that does not decode: say so, nothing is changed
            self.view.status.setText(self.tr("无法播放录音：{reason}").format(reason=str(exc)))
            return None
        self.open_url(path)
        return path

    def open_url(self, path: Path) -> bool:  # tests replace this
        return open_path(self.view, path)
