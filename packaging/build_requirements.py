"""Print the app's runtime dependencies from pyproject.toml, one per line, for the bundle's build venv.

The bundle is built from the source tree (PyInstaller follows the imports of mockinterview/), so the
build venv gets only what the app needs at run time: no extras (openai-whisper would bring torch),
no test tools.
"""
import sys
import tomllib
from pathlib import Path

root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]
with open(root / "pyproject.toml", "rb") as fh:
    print("\n".join(tomllib.load(fh)["project"]["dependencies"]))
