"""Frozen entry point of ``kami`` (console): the same ``main`` as the installed console script."""

import multiprocessing
import sys

from kami_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
