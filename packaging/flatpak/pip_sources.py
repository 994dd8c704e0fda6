"""Write the Flatpak module that installs mockinterview's Python dependencies as pinned wheels:
packaging/flatpak/python3-requirements.json.

    python packaging/flatpak/pip_sources.py

A Flatpak build has no network, so every wheel is a `file` source with its URL and SHA-256. pip
resolves the dependencies of pyproject.toml for the runtime's Python (org.kde.Platform 6.10 is
built on freedesktop-sdk 25.08, which ships CPython 3.13) on x86_64 Linux, without installing
anything (`pip install --dry-run --report`); the hashes are the ones PyPI publishes, which pip
checks on every download. Run it again when pyproject.toml's dependencies or the runtime change.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "python3-requirements.json"
PYTHON_VERSION = "3.13"  # the CPython of freedesktop-sdk 25.08, under org.kde.Platform 6.10
ABI = "cp313"
# The runtime's glibc is newer than every manylinux tag here; pip only takes the tags it is given.
PLATFORMS = ([f"manylinux_2_{minor}_x86_64" for minor in range(39, 4, -1)]
             + ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"])
INDEX = "https://pypi.org/simple"


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def resolve(reqs: list[str]) -> list[dict]:
    """pip's installation report for reqs on the Flatpak's Python and platform."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        # --isolated: a pip.conf's extra or local indexes would put file:// URLs in the manifest.
        cmd = [sys.executable, "-m", "pip", "install", "--isolated", "--index-url", INDEX,
               "--dry-run", "--ignore-installed", "--quiet", "--report", str(report),
               "--only-binary=:all:", "--python-version", PYTHON_VERSION,
               "--implementation", "cp", "--abi", ABI]
        if os.environ.get("PIP_CERT"):  # --isolated ignores the environment, so pass it on
            cmd += ["--cert", os.environ["PIP_CERT"]]
        for platform in PLATFORMS:
            cmd += ["--platform", platform]
        subprocess.run(cmd + reqs, check=True)
        return json.loads(report.read_text(encoding="utf-8"))["install"]


def source(item: dict) -> dict:
    info = item["download_info"]
    url = info["url"]
    sha256 = info.get("archive_info", {}).get("hashes", {}).get("sha256")
    if not url.startswith("https://") or not sha256:
        raise SystemExit(f"pip_sources: {item['metadata']['name']} has no https URL with a "
                         f"SHA-256 ({url}); a Flatpak source must be pinned")
    entry = {"type": "file", "url": url, "sha256": sha256}
    if not url.endswith("-none-any.whl"):
        # A wheel built for x86_64: an aarch64 build leaves it out and pip then fails loudly.
        entry["only-arches"] = ["x86_64"]
    return entry


def module(items: list[dict]) -> dict:
    items = sorted(items, key=lambda i: i["metadata"]["name"].lower())
    pins = " ".join(f'"{i["metadata"]["name"]}=={i["metadata"]["version"]}"' for i in items)
    return {
        "name": "python3-requirements",
        "buildsystem": "simple",
        "build-commands": [
            # Offline, from the wheels above only; every pin must be satisfied or the build fails.
            'pip3 install --no-index --find-links="file://${PWD}" --prefix=${FLATPAK_DEST} '
            "--no-build-isolation " + pins
        ],
        "sources": [source(i) for i in items],
        # The libraries' own commands (spacy, hf, pyside6-*…); a module's cleanup removes only
        # what that module installed, so the app's /app/bin/mockinterview stays.
        "cleanup": ["/bin"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    items = resolve(requirements())
    OUT.write_text(json.dumps(module(items), indent=2) + "\n", encoding="utf-8")
    print(f"pip_sources: {len(items)} wheels pinned in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
