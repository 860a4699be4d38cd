"""Zip handling: the mailed bill archives (Alipay AES-256, WeChat ZipCrypto) and xlsx containers.

Every archive is checked before anything is decompressed: member count and the declared
uncompressed size are capped (zip-bomb guard). Then the bytes that really come out are counted while
reading: a bill member is read up to the cap and no further, and every member of an xlsx is decompressed
once, counted, before the spreadsheet reader sees it.
"""

from __future__ import annotations

import io
import posixpath
import struct
import warnings
import zipfile
import zlib
from collections.abc import Iterator

import pyzipper

from kami_desktop.core.bills.common import MAX_COLUMNS, MAX_ROWS, Buffer, too_many_rows
from kami_desktop.core.bills.model import BillError, PasswordRequired

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # bytes, all members together
MAX_MEMBERS = 1000
MAX_XLSX_UNCOMPRESSED = 100 * 1024 * 1024
_CHUNK = 1 << 20

_ZIP_ERRORS = (
    zipfile.BadZipFile,
    pyzipper.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    NotImplementedError,
    KeyError,
    IndexError,
    OverflowError,
)
BILL_NAME_HINTS = ("支付宝交易明细", "微信支付账单", "alipay_record")
BILL_EXTENSIONS = (".csv", ".xlsx", ".txt")


def is_zip(data: Buffer) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def member_name(info: zipfile.ZipInfo) -> str:
    """Member name as the user sees it: zips from Chinese Windows store GBK names without the UTF-8 flag."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _open(data: Buffer, name: str) -> pyzipper.AESZipFile:
    try:
        return pyzipper.AESZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise BillError(name, "压缩包已损坏或不完整，无法打开；请重新下载邮件附件。") from None


def check_limits(infos: list[zipfile.ZipInfo], name: str, cap: int = MAX_UNCOMPRESSED) -> None:
    if len(infos) > MAX_MEMBERS:
        raise BillError(
            name, f"压缩包里有 {len(infos)} 个文件，超过上限 {MAX_MEMBERS}，不像账单压缩包，已拒绝。"
        )
    total = sum(max(i.file_size, 0) for i in infos)
    if total > cap:
        raise BillError(
            name,
            f"压缩包解压后约 {total // (1024 * 1024)} MB，超过上限 {cap // (1024 * 1024)} MB，疑似异常压缩包，已拒绝。",
        )


def zip_names(data: Buffer, name: str) -> list[str]:
    with _open(data, name) as zf:
        return zf.namelist()


def _rank(display: str) -> int:
    base = posixpath.basename(display)
    if any(h in base for h in BILL_NAME_HINTS):
        return 0
    return 1


def extract_bill(data: Buffer, name: str, password: str | None) -> tuple[bytearray, str, list[str]]:
    """Return (member bytes, display name 'zip 中的 member', warnings) for the bill inside an archive."""
    with _open(data, name) as zf:
        try:
            infos = zf.infolist()
        except _ZIP_ERRORS:
            raise BillError(name, "压缩包目录已损坏。") from None
        check_limits(infos, name)
        candidates = []
        for info in infos:
            display = member_name(info)
            base = posixpath.basename(display.rstrip("/"))
            if info.is_dir() or "__MACOSX" in display or base.startswith("."):
                continue
            if base.lower().endswith(BILL_EXTENSIONS):
                candidates.append((_rank(display), display, info))
        if not candidates:
            raise BillError(name, "压缩包里没有找到账单文件（.csv 或 .xlsx）。")
        candidates.sort(key=lambda c: (c[0], c[1]))
        _, display, info = candidates[0]
        warns = []
        if len(candidates) > 1:
            others = "、".join(c[1] for c in candidates[1:4])
            warns.append(f"压缩包里有多个文件，只读取了“{display}”（另有：{others}）。")
        full_name = f"{name} 中的 {posixpath.basename(display)}"
        return _read_member(zf, info, full_name, name, password), full_name, warns


def _read_member(
    zf: pyzipper.AESZipFile, info: zipfile.ZipInfo, full_name: str, name: str, password: str | None
) -> bytearray:
    encrypted = bool(info.flag_bits & 0x1)
    pwd = None
    if encrypted:
        if not password or not password.strip():
            raise PasswordRequired(name)
        pwd = password.strip().encode("utf-8")
    try:
        with zf.open(info, pwd=pwd) as fh:
            content = bytearray()  # grows in place: no second copy of a large member
            while chunk := fh.read(_CHUNK):
                content += chunk
                if len(content) > MAX_UNCOMPRESSED:
                    raise BillError(full_name, "解压后的文件过大，已拒绝。")
    except BillError:
        raise
    except RuntimeError as exc:
        if encrypted and "password" in str(exc).lower():
            raise PasswordRequired(name, wrong_password=True) from None
        raise BillError(full_name, f"无法解压（{exc}）。") from None
    except NotImplementedError:
        raise BillError(
            full_name, "压缩方式不受支持；请先用解压软件解压，再导入里面的 CSV/XLSX 文件。"
        ) from None
    except _ZIP_ERRORS:
        if encrypted:  # ZipCrypto checks only one byte of the password: a wrong one shows up as bad data
            raise PasswordRequired(name, wrong_password=True) from None
        raise BillError(full_name, "压缩包内的文件已损坏（校验失败），请重新下载。") from None
    return content


def is_xlsx(data: Buffer, name: str) -> bool:
    names = set(zip_names(data, name))
    return "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names)


def _check_real_sizes(zf: pyzipper.AESZipFile, name: str, cap: int) -> None:
    """Decompress every member once, counting the bytes that really come out (not the headers' claims)."""
    total = 0
    for info in zf.infolist():
        if info.is_dir():
            continue
        try:
            with zf.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    total += len(chunk)
                    if total > cap:
                        raise BillError(
                            name,
                            f"Excel 文件解压后超过上限 {cap // (1024 * 1024)} MB，不像个人账单，疑似异常文件，已拒绝。",
                        )
        except BillError:
            raise
        except RuntimeError:  # encrypted member: an xlsx never has one
            raise BillError(
                name, "Excel 文件内部被加密，无法读取；请用 Excel 另存为普通 xlsx 后再导入。"
            ) from None
        except _ZIP_ERRORS:
            raise BillError(name, "Excel 文件已损坏或不完整（压缩数据校验失败），请重新下载。") from None


def iter_xlsx_rows(data: Buffer, name: str) -> Iterator[list[object]]:
    """Cell values of the first (active) worksheet, row by row as they stream (the first is row 1).

    The sheet's own ``dimension`` claim is ignored: rows and columns are counted from the real cells, and
    more than ``MAX_ROWS`` rows (empty ones included) or ``MAX_COLUMNS`` cells in a row is refused.
    """
    with _open(data, name) as zf:
        check_limits(zf.infolist(), name, MAX_XLSX_UNCOMPRESSED)
        _check_real_sizes(zf, name, MAX_XLSX_UNCOMPRESSED)
    import openpyxl  # imported lazily: only xlsx bills need it

    wb = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            ws = wb.active if wb.active is not None and hasattr(wb.active, "iter_rows") else wb.worksheets[0]
            ws.reset_dimensions()  # never pad rows to (or stop at) what <dimension> claims
            for count, values in enumerate(ws.iter_rows(values_only=True), start=1):
                if count > MAX_ROWS:
                    raise too_many_rows(name)
                if len(values) > MAX_COLUMNS:
                    raise BillError(
                        name,
                        f"这一行有 {len(values)} 列，超过上限 {MAX_COLUMNS} 列，不像支付宝或微信导出的账单，已拒绝。",
                        count,
                    )
                yield list(values)
    except BillError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types on damaged files
        raise BillError(name, f"无法读取 Excel 文件，文件可能已损坏（{type(exc).__name__}）。") from None
    finally:
        if wb is not None:
            try:
                wb.close()
            except Exception:  # noqa: BLE001
                pass
