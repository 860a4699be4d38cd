"""Frozen entry point of ``kami-desktop`` (windowed): the same ``main`` as the installed gui-script."""

import multiprocessing
import sys

from kami_desktop.gui.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
