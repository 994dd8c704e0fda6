"""Rules of the house: the core imports no Qt, audio or engines; importing has no side effects."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CORE = Path(__file__).resolve().parents[1] / "mockinterview" / "core"
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "sounddevice", "whisper", "faster_whisper", "torch",
             "mockinterview.ui", "mockinterview.audio", "mockinterview.transcribe")


def test_core_source_imports_nothing_forbidden():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.ImportFrom) and node.level >= 3:
                names = [f"mockinterview.{node.module or ''}"]
            offenders += [f"{path.name}: {n}" for n in names if n.startswith(FORBIDDEN)]
    assert not offenders


def test_importing_core_and_cli_loads_no_qt():
    code = ("import sys, mockinterview.cli, mockinterview.core.analysis, mockinterview.core.questions; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'sounddevice', 'torch')]; "
            "print(bad); raise SystemExit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_every_package_is_listed_for_installation():
    """pyproject lists packages explicitly (assets/ is mapped in): a new one must not be left out."""
    import tomllib
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "mockinterview").rglob("__init__.py")}
    assert found <= listed, f"add to pyproject.toml: {sorted(found - listed)}"
