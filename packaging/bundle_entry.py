"""Entry point of the self-contained bundle (PyInstaller needs a script, not `-m`).

The same executable opens the window (no arguments) and runs every CLI subcommand.
"""
import multiprocessing
import sys

from mockinterview.cli import main

if __name__ == "__main__":
    # a frozen app re-executes itself for any child process; this makes such a child do its job
    # instead of opening a second window
    multiprocessing.freeze_support()
    sys.exit(main())
