"""备份 / 从备份恢复: thin dialogs over ``core.backup``, the work done on a QThreadPool worker.

``BackupDialog(profile, parent)`` writes one zip (database snapshot + every original + the masked copies +
hash manifest).

``RestoreDialog(data_dir, parent, release_profile=None)`` checks a chosen backup, asks before it
replaces a profile that holds data (the old data is moved aside, never deleted), calls
``release_profile()`` right before the work starts so the main window can close its database, and
then emits ``restored(RestoreReport)`` on success (after the masked copies an older backup did not carry
are made again where they come out byte for byte as recorded) or ``abandoned()`` when nothing was replaced —
either way the main window reopens the profile at ``data_dir``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from kami_desktop.core.backup import (
    BackupCheck,
    BackupError,
    BackupReport,
    RestoreReport,
    create_backup,
    inspect_backup,
    profile_state,
    restore_backup,
)
from kami_desktop.core.backup.manifest import MASKED_SINCE
from kami_desktop.core.errors import UserError
from kami_desktop.core.profile import Profile
from kami_desktop.core.redact.remake import remake_in
from kami_desktop.core.tasks import Cancelled
from kami_desktop.core.util.timeutil import now
from kami_desktop.gui import messages
from kami_desktop.gui.workers import TaskFailure, TaskWorker, guarded, start_task


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def restore_and_remake(path, data_dir, **kwargs) -> RestoreReport:
    """Restore, then put back the masked copies an older backup did not carry (same bytes only)."""
    report = restore_backup(path, data_dir, **kwargs)
    try:
        made = remake_in(report.data_dir)
    except (UserError, OSError):  # the restore is done; verify keeps saying the copies can be remade
        return report
    report.masked_remade = sum(1 for r in made.remade if r.identical)
    report.notices = made.notices
    return report


class _JobDialog(QDialog):
    """Status line, progress bar, start / cancel / close buttons; one background job at a time."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.resize(620, 240)
        self.worker: TaskWorker | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton(self.tr("选择…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.start_button = QPushButton()
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.start_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(path_row)
        lay.addWidget(self.status)
        lay.addWidget(self.bar)
        lay.addStretch(1)
        lay.addLayout(buttons)
        self.cancel_button.clicked.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self.worker is not None

    def _run(self, fn, *args, **kwargs) -> None:
        self.start_button.setEnabled(False)
        self.browse_button.setEnabled(False)
        self.path_edit.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.worker = start_task(
            fn,
            *args,
            on_progress=guarded(self, self._progress),
            on_result=guarded(self, self._result),
            on_error=guarded(self, self._error),
            **kwargs,
        )

    def _progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _finish(self) -> None:
        self.worker = None
        self.cancel_button.setEnabled(False)
        self.browse_button.setEnabled(True)
        self.path_edit.setEnabled(True)
        self.start_button.setEnabled(True)

    def _result(self, value) -> None:  # pragma: no cover - overridden
        self._finish()

    def _error(self, failure: TaskFailure) -> None:
        self._finish()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        if isinstance(failure.exception, Cancelled):
            self.status.setText(self.tr("已取消，没有留下不完整的文件。"))
        else:
            self.status.setText(self.tr("未能完成：") + str(failure.exception))
            messages.show_error(self, failure.exception, failure.traceback)
        self._after_failure()

    def _after_failure(self) -> None:
        pass

    def cancel(self) -> None:
        if self.worker is not None:
            self.status.setText(self.tr("正在取消…"))
            self.worker.cancel()

    def reject(self) -> None:
        if self.worker is not None:  # the core job cleans up after itself when cancelled
            self.worker.cancel()
        super().reject()


class BackupDialog(_JobDialog):
    backed_up = Signal(object)  # BackupReport (not ``done``: that is QDialog.done(int))

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("备份"))
        self.start_button.setText(self.tr("开始备份"))
        self.profile = profile
        self.report: BackupReport | None = None
        self.intro.setText(
            self.tr(
                "备份会把全部案件、证据原件、打码副本、存证日志和一份哈希清单保存到一个 zip 文件。"
                "请保存到 U 盘或另一块硬盘；换电脑时用“从备份恢复”。"
            )
        )
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )
        self.path_edit.setText(str(Path(docs) / f"kami-备份-{now():%Y%m%d-%H%M}.zip"))
        self.browse_button.clicked.connect(self.browse)
        self.start_button.clicked.connect(lambda: self.start())

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("备份保存到"), self.path_edit.text(), self.tr("备份文件 (*.zip)")
        )
        if path:
            self.path_edit.setText(path if path.lower().endswith(".zip") else path + ".zip")

    def start(self, path: Path | str | None = None) -> bool:
        """Start the backup; returns False when nothing was started (no path, or overwrite declined)."""
        target = Path(path) if path is not None else Path(self.path_edit.text().strip())
        if not str(target).strip() or target.name == "":
            self.status.setText(self.tr("请先选择备份文件保存的位置。"))
            return False
        self.path_edit.setText(str(target))
        overwrite = False
        if target.exists():
            if not messages.ask(
                self,
                self.tr("备份"),
                self.tr("{name} 已存在，要用新的备份覆盖它吗？").format(name=target.name),
            ):
                return False
            overwrite = True
        self.report = None
        self.status.setText(self.tr("正在备份…"))
        self._run(create_backup, self.profile, target, overwrite=overwrite)
        return True

    def _result(self, report: BackupReport) -> None:
        self._finish()
        self.report = report
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        c = report.counts
        text = self.tr(
            "备份完成：{path}（{size}）。案件 {cases} 个，证据 {exhibits} 件，原始文件 {blobs} 个，"
            "哈希已逐一记录。"
        ).format(
            path=report.path,
            size=_mb(report.size),
            cases=c.get("cases", 0),
            exhibits=c.get("exhibits", 0),
            blobs=c.get("blobs", 0),
        )
        if report.masked:
            text += self.tr("打码副本 {n} 个也已备份。").format(n=report.masked)
        if report.problems:
            text += "\n" + self.tr(
                "注意：备份时发现 {n} 个问题（已按现状备份），请运行“校验完整性”查看。"
            ).format(n=len(report.problems))
            messages.warn(self, self.tr("备份"), text)
        self.status.setText(text)
        self.backed_up.emit(report)


class RestoreDialog(_JobDialog):
    restored = Signal(object)  # RestoreReport
    abandoned = Signal()  # released the profile, then nothing was replaced

    def __init__(
        self, data_dir: Path | str, parent=None, release_profile: Callable[[], None] | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从备份恢复"))
        self.start_button.setText(self.tr("开始恢复"))
        self.data_dir = Path(data_dir)
        self.release_profile = release_profile
        self.released = False
        self.check: BackupCheck | None = None
        self.report: RestoreReport | None = None
        self.intro.setText(
            self.tr(
                "选择一个备份文件。恢复前会逐一核对每个文件的哈希；"
                "当前数据不会被删除，而是整体移到旁边的文件夹保留。"
            )
        )
        self.path_edit.setPlaceholderText(self.tr("备份文件（.zip）"))
        self.path_edit.editingFinished.connect(lambda: self.load(self.path_edit.text()))
        self.browse_button.clicked.connect(self.browse)
        self.start_button.clicked.connect(lambda: self.start())
        self.start_button.setEnabled(False)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择备份文件"), self.path_edit.text(), self.tr("备份文件 (*.zip)")
        )
        if path:
            self.load(path)

    def load(self, path: Path | str) -> bool:
        """Read the chosen backup's manifest (no hashing yet) and show what it holds."""
        self.check = None
        self.start_button.setEnabled(False)
        if not str(path).strip():
            return False
        self.path_edit.setText(str(path))
        try:
            self.check = inspect_backup(path)
        except BackupError as exc:
            self.status.setText(str(exc))
            messages.warn(self, self.tr("从备份恢复"), str(exc))
            return False
        c = self.check.counts
        self.status.setText(
            self.tr(
                "备份时间 {when}：案件 {cases} 个，证据 {exhibits} 件，原始文件 {blobs} 个，共 {size}。"
            ).format(
                when=self.check.created_at,
                cases=c.get("cases", 0),
                exhibits=c.get("exhibits", 0),
                blobs=c.get("blobs", 0),
                size=_mb(self.check.bytes),
            )
        )
        if self.check.masked:
            self.status.setText(
                self.status.text() + self.tr("其中打码副本 {n} 个。").format(n=self.check.masked)
            )
        elif self.check.format_version < MASKED_SINCE:
            self.status.setText(
                self.status.text()
                + self.tr("这份备份由旧版本制作，不含打码副本；恢复后会按存证日志登记的遮盖框重新制作。")
            )
        self.start_button.setEnabled(True)
        return True

    def start(self) -> bool:
        if self.check is None and not self.load(self.path_edit.text()):
            return False
        force = False
        if profile_state(self.data_dir) == "data":
            question = self.tr(
                "数据目录 {dir} 中已有证据。恢复会把现有数据整体移到“{name}.old-时间”文件夹保留"
                "（不会删除），再放入备份中的数据。确定继续吗？"
            ).format(dir=self.data_dir, name=self.data_dir.name)
            if not messages.ask(self, self.tr("从备份恢复"), question):
                return False
            force = True
        if self.release_profile is not None and not self.released:
            self.release_profile()
            self.released = True
        self.status.setText(self.tr("正在核对哈希并恢复…"))
        self._run(restore_and_remake, self.path_edit.text(), self.data_dir, force=force)
        return True

    def _result(self, report: RestoreReport) -> None:
        self._finish()
        self.start_button.setEnabled(False)
        self.report = report
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        text = self.tr("恢复完成，全部哈希核对无误。")
        if report.moved_aside:
            text += self.tr("原来的数据已移到 {path}（未删除）。").format(path=report.moved_aside)
        if report.masked_restored:
            text += self.tr("打码副本 {n} 个已恢复。").format(n=report.masked_restored)
        if report.masked_remade:
            text += self.tr("按存证日志登记的遮盖框重新制作了 {n} 个打码副本（与原副本逐字节相同）。").format(
                n=report.masked_remade
            )
        for notice in report.notices:
            text += "\n" + self.tr("提示：") + notice
        if report.masked_left_out:
            text += "\n" + self.tr(
                "注意：{n} 个打码副本与清单或存证日志不符，未恢复（其余数据全部恢复，原件不受影响）："
            ).format(n=len(report.masked_left_out))
            text += "".join(f"\n  {b['name']}：{b['detail']}" for b in report.masked_left_out)
            if report.verify_ok:
                messages.warn(self, self.tr("从备份恢复"), text)
        if not report.verify_ok:
            text += "\n" + self.tr(
                "注意：恢复后的校验发现 {n} 个问题（备份中就是这样），请运行“校验完整性”查看。"
            ).format(n=len(report.problems))
            messages.warn(self, self.tr("从备份恢复"), text)
        self.status.setText(text)
        self.restored.emit(report)

    def _after_failure(self) -> None:
        if self.released:
            self.released = False
            self.abandoned.emit()
