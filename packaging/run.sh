#!/usr/bin/env bash
# Set up (if needed) and run mockinterview with the given arguments.
# Usage: packaging/run.sh analyze assets/examples/*.txt
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/packaging/setup.sh" >&2
exec "$here/.venv/bin/mockinterview" "$@"
