"""The app's data files (question bank, prompt recordings, examples, icons) and its version.

The files are the package `mockinterview.assets` (pyproject maps the repository's assets/ to it),
so they are found through importlib.resources in a wheel install, a zipped install and a
PyInstaller bundle alike, never by walking up from __file__.

One exception, said plainly: a source checkout run in place. setuptools' editable install cannot
map a data package under a regular one (`mockinterview.assets` does not import there), and a
checkout on sys.path (a second worktree, `python -m mockinterview` in a clone) must use its own
files and its own pyproject version, not those of whatever copy is installed. A checkout is
recognised by the pyproject.toml and assets/ beside the package folder, only when the package
is a plain folder on disk.
"""
from __future__ import annotations

import importlib.metadata
import importlib.resources
import tomllib
from importlib.resources.abc import Traversable
from pathlib import Path

DIST = "mockinterview"
UNKNOWN_VERSION = "0+unknown"


def source_checkout() -> Path | None:
    """The root of the source checkout this package runs from, or None when it is installed."""
    package = importlib.resources.files("mockinterview")
    if not isinstance(package, Path):          # a zip or a frozen archive: never a checkout
        return None
    root = package.parent
    if (root / "pyproject.toml").is_file() and (root / "assets" / "__init__.py").is_file():
        return root
    return None


def assets() -> Traversable:
    """The folder of data files: mockinterview.assets, or a checkout's assets/."""
    root = source_checkout()
    if root is not None:
        return root / "assets"
    # the folder inside the package, not the import of mockinterview.assets: a PyInstaller bundle
    # carries the files but not that package's __init__ (its analysis finds no such module in the
    # source tree), and a wheel and a zip hold them at the same place
    return importlib.resources.files("mockinterview") / "assets"


def version() -> str:
    """The one version number: pyproject.toml's, through the installed metadata (or the
    checkout's pyproject.toml when run from source). A bundle without metadata says so."""
    root = source_checkout()
    if root is not None:
        try:
            return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
        except (OSError, ValueError, KeyError):
            pass
    try:
        return importlib.metadata.version(DIST)
    except importlib.metadata.PackageNotFoundError:
        return UNKNOWN_VERSION
