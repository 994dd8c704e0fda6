"""The Flatpak manifest (issue 12). It cannot be built here (its runtimes come from Flathub), so
this checks what can be checked: it parses, its permissions are the ones the app needs and no
more, every downloaded source is pinned by SHA-256, the pinned wheels are the project's
dependencies for the runtime's Python, and it installs the desktop files under the app's id."""
import json
import re
import subprocess
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from .tools import require

ROOT = Path(__file__).resolve().parents[2]
FLATPAK = ROOT / "packaging" / "flatpak"
RUNTIME_PYTHON = (3, 13)  # freedesktop-sdk 25.08's, under org.kde.Platform 6.10


def app_id() -> str:
    (desktop,) = (ROOT / "packaging" / "linux").glob("*.desktop")
    return desktop.stem


def manifest_path() -> Path:
    return FLATPAK / f"{app_id()}.yml"


def manifest() -> dict:
    return yaml.safe_load(manifest_path().read_text(encoding="utf-8"))


def modules(entries: list, base: Path) -> list[dict]:
    """Every module, with included module files (a path instead of a mapping) read in."""
    found = []
    for entry in entries:
        if isinstance(entry, str):
            path = base / entry
            entry = (json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json"
                     else yaml.safe_load(path.read_text(encoding="utf-8")))
        found.append(entry)
        found += modules(entry.get("modules", []), base)
    return found


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_manifest_is_for_the_app_with_the_kde_runtime():
    m = manifest()
    assert m["id"] == app_id()
    assert m["runtime"] == "org.kde.Platform" and m["sdk"] == "org.kde.Sdk"
    assert re.fullmatch(r"6\.\d+", m["runtime-version"])
    assert m["command"] in pyproject()["scripts"]


def test_permissions_sound_and_display_yes_network_and_home_no():
    args = manifest()["finish-args"]
    for needed in ("--socket=pulseaudio", "--socket=wayland", "--socket=fallback-x11",
                   "--share=ipc", "--device=dri"):
        assert needed in args
    assert "--share=network" not in args
    # The data folder is the sandbox's own XDG data folder: no access to the home folder.
    assert not [a for a in args if re.match(r"--filesystem=(home|host|~)", a)], args
    assert not [a for a in args if a.startswith(("--device=all", "--talk-name=org.freedesktop.Flatpak"))]


def test_every_downloaded_source_is_pinned_by_sha256():
    sources = [s for mod in modules(manifest()["modules"], FLATPAK) for s in mod.get("sources", [])]
    assert len(sources) > 10
    for source in sources:
        kind = source["type"]
        if kind in ("file", "archive"):
            assert source["url"].startswith("https://"), source
            assert re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")), source
        elif kind == "git":
            assert re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")), source
        else:
            # Only the app itself comes from the working tree.
            assert kind == "dir" and (FLATPAK / source["path"]).resolve() == ROOT, source


def _requirements_module() -> dict:
    (mod,) = [m for m in modules(manifest()["modules"], FLATPAK) if m["name"] == "python3-requirements"]
    return mod


def test_the_pinned_wheels_are_the_projects_dependencies_for_the_runtimes_python():
    """Catches a dependency added to pyproject.toml without re-running pip_sources.py."""
    mod = _requirements_module()
    wheels = {}
    for source in mod["sources"]:
        name, version, _build, tags = parse_wheel_filename(source["url"].rsplit("/", 1)[1])
        wheels[canonicalize_name(name)] = version
        py = f"{RUNTIME_PYTHON[0]}{RUNTIME_PYTHON[1]}"
        # Built for the runtime's CPython, for any CPython 3 (abi3), or pure Python.
        assert any(t.interpreter in (f"cp{py}", "py3") or t.abi == "abi3" for t in tags), source["url"]
        assert all(t.platform == "any" or t.platform.endswith("x86_64") for t in tags), source["url"]
    for line in pyproject()["dependencies"]:
        req = Requirement(line)
        name = canonicalize_name(req.name)
        assert name in wheels, f"{req.name} has no pinned wheel: run packaging/flatpak/pip_sources.py"
        assert req.specifier.contains(wheels[name], prereleases=True), (req, wheels[name])
    # The install command pins exactly the wheels that are there.
    pins = re.findall(r'"([^"=]+)==([^"]+)"', " ".join(mod["build-commands"]))
    assert {canonicalize_name(n): str(v) for n, v in pins} == {n: str(v) for n, v in wheels.items()}


def test_it_installs_the_desktop_files_that_exist_under_the_apps_id():
    (app,) = [m for m in manifest()["modules"] if isinstance(m, dict) and m["name"] == "mockinterview"]
    commands = " ; ".join(app["build-commands"]).replace("${FLATPAK_ID}", app_id())
    for relative in (f"packaging/linux/{app_id()}.desktop", f"packaging/linux/{app_id()}.metainfo.xml",
                     f"assets/icons/{app_id()}.svg", "assets/icons/hicolor"):
        assert relative in commands and (ROOT / relative).exists(), relative
    assert "share/applications" in commands and "share/metainfo" in commands


def test_flatpak_builder_reads_the_manifest_without_complaint(tmp_path):
    builder = require("flatpak-builder", "flatpak-builder")
    # Run elsewhere: flatpak-builder leaves its .flatpak-builder state folder in the current one.
    result = subprocess.run([builder, "--show-manifest", str(manifest_path())], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "Unknown property" not in result.stderr, result.stderr
    shown = json.loads(result.stdout)
    assert shown["id"] == app_id()
    assert [m["name"] for m in shown["modules"]] == ["portaudio", "python3-requirements", "mockinterview"]
