"""One window per profile: a lock file in the data folder plus a local socket keyed by its path.

The first process holds ``<data_dir>/kami-desktop.lock`` and listens on a QLocalServer; a second
launch on the same data folder cannot take the lock, asks the first to come forward through the
local socket (no TCP) and exits, so two processes never write one vault.

Windows lets only the process the user just started take the foreground: the first window's
``activateWindow()`` alone merely flashes its taskbar button. So, before it asks, the second launch
hands its foreground right on with ``AllowSetForegroundWindow`` (user32).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "kami-desktop.lock"
MESSAGE = b"activate\n"


ASFW_ANY = 0xFFFFFFFF  # (DWORD)-1: any process may take the foreground


def _user32():
    """user32.dll through ctypes on Windows, else None."""
    if sys.platform != "win32":
        return None
    import ctypes

    return ctypes.WinDLL("user32", use_last_error=True)


def allow_set_foreground(pid: int = ASFW_ANY) -> bool:
    """Let ``pid`` (default: any process) bring its window to the front; Windows only, else False."""
    user32 = _user32()
    if user32 is None:
        return False
    import ctypes

    user32.AllowSetForegroundWindow.argtypes = [ctypes.c_ulong]
    user32.AllowSetForegroundWindow.restype = ctypes.c_int
    return bool(user32.AllowSetForegroundWindow(pid))


def server_name(data_dir: Path) -> str:
    key = str(Path(data_dir).expanduser().resolve()).encode("utf-8")
    return "kami-desktop-" + hashlib.sha256(key).hexdigest()[:20]


class SingleInstance(QObject):
    activated = Signal()

    def __init__(self, data_dir: Path, parent=None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.name = server_name(self.data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(self.data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # only a dead owner makes it stale, not age
        self.server: QLocalServer | None = None
        self._sockets: list[QLocalSocket] = []

    def acquire(self) -> bool:
        """True if this process is now the only GUI on the profile."""
        if not self.lock.tryLock(300):
            return False
        QLocalServer.removeServer(self.name)  # a crashed owner may have left its socket file
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connection)
        self.server.listen(self.name)
        return True

    def notify_running(self, timeout_ms: int = 1500) -> bool:
        """Ask the running instance to bring its window forward; True if it answered."""
        sock = QLocalSocket()
        sock.connectToServer(self.name)
        if not sock.waitForConnected(timeout_ms):
            return False
        allow_set_foreground()  # before the first window calls activateWindow()
        sock.write(MESSAGE)
        ok = sock.waitForBytesWritten(timeout_ms)
        sock.disconnectFromServer()
        return ok

    def _connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            self._sockets.append(sock)
            sock.readyRead.connect(self._read)

    def _read(self) -> None:
        for sock in list(self._sockets):
            if sock.bytesAvailable() and MESSAGE.strip() in bytes(sock.readAll().data()):
                self._sockets.remove(sock)
                sock.abort()
                self.activated.emit()

    def release_lock(self) -> None:
        """Give up only the lock file (a restore is about to move the data folder); keep listening."""
        if self.lock.isLocked():
            self.lock.unlock()

    def acquire_lock(self) -> bool:
        """Take the lock file again in the (possibly replaced) data folder."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(self.data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)
        return self.lock.tryLock(300)

    def release(self) -> None:
        for sock in self._sockets:
            sock.abort()
        self._sockets.clear()
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()
