#!/usr/bin/env bash
# Build the self-contained bundle dist/mockinterview/ (PyInstaller, one folder) from this source tree.
# The bundle runs without Python or a venv on the machine, and offline.
# Usage: packaging/build.sh            (PYTHON=/path/to/python3.11 packaging/build.sh to choose the interpreter)
#
# A build venv (build/venv) gets the app's runtime dependencies only, read from pyproject.toml,
# plus PyInstaller: the openai extra (torch) and the test tools never reach the bundle. The venv is
# made again when pyproject.toml changes; later builds need no network.
set -euo pipefail
cd "$(dirname "$0")/.."
# The system's Python by default: its libpython carries no RUNPATH to a build-machine folder (a
# pyenv build does), and it matches the C library of the Debian release the .deb is for.
if [ -z "${PYTHON:-}" ]; then
  PYTHON=python3
  [ -x /usr/bin/python3 ] && PYTHON=/usr/bin/python3
fi
VENV=build/venv
PYINSTALLER_VERSION="pyinstaller>=6.10,<7"
start=$(date +%s)

stamp="$VENV/.requirements"
want="$("$PYTHON" -c "import sys; print(sys.executable, sys.version)"; "$PYTHON" packaging/build_requirements.py; echo "$PYINSTALLER_VERSION")"
if [ ! -x "$VENV/bin/python" ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "build: creating the build venv $VENV (runtime dependencies + PyInstaller)"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -r <("$PYTHON" packaging/build_requirements.py) "$PYINSTALLER_VERSION"
  printf '%s' "$want" > "$stamp"
fi
# torch or openai-whisper in the build venv would be dragged into the bundle; the spec excludes them,
# and this says so early if someone installed them there by hand
if "$VENV/bin/python" -c "import importlib.util as u, sys; sys.exit(0 if u.find_spec('torch') else 1)"; then
  echo "build: warning: torch is installed in $VENV; the spec excludes it from the bundle" >&2
fi

echo "build: running PyInstaller"
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/mockinterview.spec

app=dist/mockinterview
[ -x "$app/mockinterview" ] || { echo "build: $app/mockinterview was not made" >&2; exit 1; }
# the bundle must start: the version, and an analysis (spaCy and the parser model) offline
shown="$("$app/mockinterview" --version)"
echo "$shown"
want_version="$("$PYTHON" -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")"
[ "$shown" = "mockinterview $want_version" ] || { echo "build: the bundle says '$shown', not version $want_version" >&2; exit 1; }
"$app/mockinterview" analyze --json assets/examples/team-answer.txt >/dev/null

end=$(date +%s)
echo "build: done in $((end - start)) s"
echo "build: bundle size $(du -sh "$app" | cut -f1) ($app)"
echo "build: biggest parts:"
du -s "$app"/_internal/* | sort -rn | head -12 | awk '{printf "  %7.1f MB  %s\n", $1/1024, $2}'
