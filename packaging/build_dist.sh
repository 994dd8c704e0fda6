#!/usr/bin/env bash
# Build the sdist and the wheel into dist/ with `python -m build` (an isolated build: its own
# setuptools, fetched from PyPI), then check both with `twine check`. build and twine come from
# the `dist` extra and are installed into the venv when missing.
# Usage: packaging/build_dist.sh             (PYTHON=… picks another interpreter than .venv's)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
py="${PYTHON:-$here/.venv/bin/python}"
if [ ! -x "$py" ]; then
  echo "build_dist: no $py; run packaging/setup.sh first, or set PYTHON" >&2
  exit 2
fi
if ! "$py" -c "import build, twine" 2>/dev/null; then
  # the dist extra's requirements, read from pyproject.toml so they are written once
  mapfile -t tools < <("$py" -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['dist'], sep='\n')")
  echo "build_dist: installing ${tools[*]}" >&2
  "$py" -m pip install -q "${tools[@]}"
fi
version="$("$py" -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")"
rm -f "dist/mockinterview-$version.tar.gz" "dist/mockinterview-$version-py3-none-any.whl"
"$py" -m build --sdist --wheel --outdir dist .
"$py" -m twine check --strict "dist/mockinterview-$version.tar.gz" "dist/mockinterview-$version-py3-none-any.whl"
ls -l "dist/mockinterview-$version.tar.gz" "dist/mockinterview-$version-py3-none-any.whl"
