"""Issue 12 item 1 (the fast part): the wheel carries everything the app reads at run time and
nothing else, with pyproject's version, and works imported straight from the zip (as a zipped or
frozen install would: assets found through importlib.resources, not beside a source tree).

The wheel is built from a clean copy of the tree with the venv's setuptools (no network, ~3 s):
setuptools reuses a build/ folder, which could carry files a fresh build would not.
The slow part, a fresh venv installing the wheel and its dependencies from PyPI, is
packaging/test_wheel_install.sh (see the README)."""
import shutil
import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "tmp",
                                    ".pytest_cache", ".hypothesis", ".fixture-tools")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    shutil.copytree(ROOT, src, ignore=NOT_SOURCE, symlinks=True)
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                        "-q", "-w", str(work / "out"), str(src)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    (built,) = (work / "out").glob("mockinterview-*.whl")
    return built


@pytest.fixture(scope="module")
def names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        return set(z.namelist())


def _expected(pattern: str) -> set[str]:
    found = {f"mockinterview/assets/{p.relative_to(ASSETS).as_posix()}" for p in ASSETS.glob(pattern)}
    assert found, f"nothing in assets/ matches {pattern}"
    return found


@pytest.mark.parametrize("pattern", ["__init__.py", "questions/*.toml", "questions/README.md", "prompts/*.ogg",
                                     "examples/*.txt", "icons/*.svg", "icons/hicolor/*/apps/*.png"])
def test_the_wheel_carries_every_asset_the_app_reads(names, pattern):
    missing = _expected(pattern) - names
    assert not missing, sorted(missing)


def test_the_wheel_carries_every_module(names):
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "mockinterview").rglob("*.py")}
    assert modules - names == set()


def test_the_wheel_carries_nothing_else(names):
    """No tests, benchmarks, packaging scripts or virtual environment; no screenshots either (they
    are the README's and the metainfo's pictures, fetched from the repository, ~1.4 MB)."""
    allowed_top = {"mockinterview", f"mockinterview-{PYPROJECT['project']['version']}.dist-info"}
    assert {n.split("/")[0] for n in names} == allowed_top
    assert not [n for n in names if "/screenshots/" in n or "__pycache__" in n or n.endswith(".pyc")]


def test_the_wheel_metadata_has_pyprojects_version_entry_point_and_no_torch(wheel, names):
    version = PYPROJECT["project"]["version"]
    with zipfile.ZipFile(wheel) as z:
        meta = Parser().parsestr(z.read(f"mockinterview-{version}.dist-info/METADATA").decode())
        entry_points = z.read(f"mockinterview-{version}.dist-info/entry_points.txt").decode()
    assert meta["Name"] == "mockinterview" and meta["Version"] == version
    assert "mockinterview = mockinterview.cli:main" in entry_points
    # torch (GBs, CUDA by default from PyPI) only comes with the openai extra, never by default
    default = [r for r in meta.get_all("Requires-Dist") if "extra ==" not in r]
    assert not [r for r in default if r.lower().startswith(("torch", "openai-whisper"))], default


def test_the_app_reads_its_files_from_the_zipped_wheel(wheel, tmp_path):
    """Imported from the .whl itself (zipimport): no file of the source tree can stand in."""
    code = f"""
import sys
sys.path.insert(0, {str(wheel)!r})
import mockinterview
from mockinterview.core import resources
from mockinterview.core.questions import load_bank, prompt_audio
from mockinterview.audio.player import Player
assert mockinterview.__file__.startswith({str(wheel)!r}), mockinterview.__file__
assert resources.source_checkout() is None
bank = load_bank()
assert not bank.problems, bank.problems
assert len(bank.questions) == {len(_bank_ids())}, len(bank.questions)
assert all(prompt_audio(q) is not None for q in bank.questions)
assert Player.from_file(prompt_audio(bank.questions[0])).duration > 1.0
assert (resources.assets() / "examples" / "team-answer.txt").read_text(encoding="utf-8").strip()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from mockinterview.ui.app_icon import packaged_icon
assert len(packaged_icon().availableSizes()) == 8
print(mockinterview.__version__)
"""
    r = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120,
                       env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().splitlines()[-1] == PYPROJECT["project"]["version"]


def _bank_ids() -> set[str]:
    ids = set()
    for path in (ASSETS / "questions").glob("*.toml"):
        ids |= {q["id"] for q in tomllib.loads(path.read_text(encoding="utf-8"))["question"]}
    return ids
