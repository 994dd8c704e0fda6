#!/usr/bin/env bash
# Slow check of the Python distribution (issue 12 item 1): a fresh venv in a temporary folder
# installs the wheel with its dependencies from PyPI, then runs `mockinterview --version` and
# `mockinterview analyze` on the example answer the wheel carries (found through
# importlib.resources, so nothing of this checkout is used). Prints the times and sizes.
# Usage: packaging/test_wheel_install.sh [WHEEL]   (default: dist/mockinterview-<version>-py3-none-any.whl,
#        made by packaging/build_dist.sh; PYTHON=… picks the interpreter for the venv, default python3)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
py="${PYTHON:-python3}"
version="$("$py" -c "import tomllib; print(tomllib.load(open('$here/pyproject.toml', 'rb'))['project']['version'])")"
wheel="$(realpath "${1:-$here/dist/mockinterview-$version-py3-none-any.whl}")"
[ -f "$wheel" ] || { echo "test_wheel_install: no $wheel; run packaging/build_dist.sh first" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export MOCKINTERVIEW_DATA_DIR="$tmp/data"       # the user's data folder is never touched
cd "$tmp"                                       # no checkout on sys.path
start=$SECONDS
"$py" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel"
installed=$((SECONDS - start))

bin="$tmp/venv/bin"
# faster-whisper runs on CTranslate2; torch (GBs, CUDA by default) is only for the openai extra
if "$bin/python" -m pip show -q torch >/dev/null 2>&1; then
  echo "test_wheel_install: FAIL: torch was installed by the default dependencies" >&2
  exit 1
fi
got="$("$bin/mockinterview" --version)"
[ "$got" = "mockinterview $version" ] || { echo "test_wheel_install: FAIL: --version said '$got'" >&2; exit 1; }
"$bin/mockinterview" --version --verbose
example="$("$bin/python" -c "from mockinterview.core.resources import assets, source_checkout
assert source_checkout() is None
print(assets() / 'examples' / 'team-answer.txt')")"
case "$example" in "$tmp/venv/"*) ;; *) echo "test_wheel_install: FAIL: example read from $example" >&2; exit 1;; esac
t0=$SECONDS
"$bin/mockinterview" analyze --json "$example" > "$tmp/analysis.json"
analysed=$((SECONDS - t0))
"$bin/python" -c "import json, sys; d = json.load(open('$tmp/analysis.json')); o = d['ownership']; print('example judged:', o['verdict'], o['score'])"
"$bin/mockinterview" questions --check

echo "wheel:            $(du -h "$wheel" | cut -f1)  $wheel"
echo "venv installed:   $(du -sh "$tmp/venv" | cut -f1) in ${installed} s (pip, dependencies from PyPI)"
echo "largest installed: $(du -sh "$tmp"/venv/lib/python*/site-packages/* | sort -h | tail -5 | awk '{n = split($2, p, "/"); printf "%s %s  ", p[n], $1}')"
echo "analyze example:  ${analysed} s (first run: loads the parser)"
echo "test_wheel_install: OK"
