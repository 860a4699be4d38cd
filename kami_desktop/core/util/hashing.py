"""SHA-256 and SM3 (GB/T 32905-2016) in one streaming pass.

SM3 comes from OpenSSL through hashlib when available; otherwise a pure-Python implementation
(slow, but correct) is used so the app works on any Python build.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Callable, Iterable
from typing import Protocol

StrPath = str | os.PathLike[str]

CHUNK = 1 << 20  # 1 MiB


def _rotl(x: int, n: int) -> int:
    n %= 32
    return ((x << n) | (x >> (32 - n))) & 0xFFFFFFFF


_IV = (0x7380166F, 0x4914B2B9, 0x172442D7, 0xDA8A0600, 0xA96F30BC, 0x163138AA, 0xE38DEE4D, 0xB0FB0E4E)
_T = [0x79CC4519] * 16 + [0x7A879D8A] * 48


class PureSM3:
    """Minimal hashlib-compatible SM3, used only when OpenSSL lacks it."""

    name = "sm3"
    digest_size = 32
    block_size = 64

    def __init__(self, data: bytes = b"") -> None:
        self._v = list(_IV)
        self._buf = b""
        self._len = 0
        if data:
            self.update(data)

    def update(self, data: bytes | bytearray | memoryview, /) -> None:
        data = bytes(data)
        self._len += len(data)
        buf = self._buf + data
        full = len(buf) - len(buf) % 64
        for i in range(0, full, 64):
            self._compress(buf[i : i + 64])
        self._buf = buf[full:]

    def _compress(self, block: bytes) -> None:
        w = list(struct.unpack(">16I", block))
        for j in range(16, 68):
            x = w[j - 16] ^ w[j - 9] ^ _rotl(w[j - 3], 15)
            p1 = x ^ _rotl(x, 15) ^ _rotl(x, 23)
            w.append(p1 ^ _rotl(w[j - 13], 7) ^ w[j - 6])
        w1 = [w[j] ^ w[j + 4] for j in range(64)]
        a, b, c, d, e, f, g, h = self._v
        for j in range(64):
            ss1 = _rotl((_rotl(a, 12) + e + _rotl(_T[j], j)) & 0xFFFFFFFF, 7)
            ss2 = ss1 ^ _rotl(a, 12)
            if j < 16:
                ff, gg = a ^ b ^ c, e ^ f ^ g
            else:
                ff = (a & b) | (a & c) | (b & c)
                gg = (e & f) | (~e & g)
            tt1 = (ff + d + ss2 + w1[j]) & 0xFFFFFFFF
            tt2 = (gg + h + ss1 + w[j]) & 0xFFFFFFFF
            d, c, b, a = c, _rotl(b, 9), a, tt1
            h, g, f = g, _rotl(f, 19), e
            e = tt2 ^ _rotl(tt2, 9) ^ _rotl(tt2, 17)
        self._v = [x ^ y for x, y in zip(self._v, (a, b, c, d, e, f, g, h), strict=True)]

    def copy(self) -> PureSM3:
        other = PureSM3()
        other._v, other._buf, other._len = list(self._v), self._buf, self._len
        return other

    def digest(self) -> bytes:
        clone = self.copy()
        bitlen = clone._len * 8
        pad = b"\x80" + b"\x00" * ((55 - clone._len) % 64) + struct.pack(">Q", bitlen)
        clone.update(pad)
        return struct.pack(">8I", *clone._v)

    def hexdigest(self) -> str:
        return self.digest().hex()


def _openssl_sm3_available() -> bool:
    try:
        hashlib.new("sm3", b"abc")
    except (ValueError, TypeError):
        return False
    return True


SM3_NATIVE = _openssl_sm3_available()


class Hasher(Protocol):
    """What hashlib's objects and PureSM3 have in common."""

    def update(self, data: bytes | bytearray | memoryview, /) -> None: ...
    def digest(self) -> bytes: ...
    def hexdigest(self) -> str: ...


def new_sm3(data: bytes = b"") -> Hasher:
    return hashlib.new("sm3", data) if SM3_NATIVE else PureSM3(data)


def digests_of_chunks(chunks: Iterable[bytes]) -> tuple[str, str, int]:
    sha, sm3, size = hashlib.sha256(), new_sm3(), 0
    for chunk in chunks:
        sha.update(chunk)
        sm3.update(chunk)
        size += len(chunk)
    return sha.hexdigest(), sm3.hexdigest(), size


def sha256_file(path: StrPath, cancel: Callable[[], bool] | None = None) -> tuple[str, int]:
    """SHA-256 of a file and its size, streamed in 1 MiB chunks (GIL released inside hashlib)."""
    h = hashlib.sha256()
    size = 0
    buf = bytearray(CHUNK)
    view = memoryview(buf)
    with open(path, "rb") as fh:
        while True:
            n = fh.readinto(buf)
            if not n:
                break
            h.update(view[:n])
            size += n
            if cancel is not None and cancel():
                break
    return h.hexdigest(), size


def sm3_file(path: StrPath) -> str:
    h = new_sm3()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()
