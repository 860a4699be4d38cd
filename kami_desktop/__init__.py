"""kami_desktop — 卡盟充值扣款维权助手 (offline evidence case file)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kami-desktop")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
