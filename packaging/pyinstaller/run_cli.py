"""Frozen entry point of ``kami`` (console): the same ``run`` as the installed console script."""

import multiprocessing
import sys

from kami_desktop.cli import run

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(run())
