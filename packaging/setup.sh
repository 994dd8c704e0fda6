#!/usr/bin/env bash
# Set up mockinterview in ./.venv: system packages (Debian/Ubuntu, when root or with sudo),
# a virtual environment and the project with the given extras. Safe to run again.
# Usage: packaging/setup.sh [EXTRAS]     e.g. packaging/setup.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

# System packages this project needs on Debian 12:
#   libportaudio2        PortAudio, which sounddevice uses to reach the microphone
#   libasound2-plugins   routes ALSA (PortAudio's backend here) to PulseAudio/PipeWire
#   pulseaudio, pulseaudio-utils   the sound server, and paplay (tests play answers into a virtual microphone)
#   libegl1 … libxcb-*   what Qt (PySide6) needs to draw, offscreen and on an X11/Wayland desktop
#   speech-dispatcher, speech-dispatcher-espeak-ng   the system voice that speaks the user's own
#                        questions (through QtTextToSpeech); built-in questions have recordings
APT_PACKAGES=(python3-venv libportaudio2 libasound2-plugins speech-dispatcher speech-dispatcher-espeak-ng
              libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0
              libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
              libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1)
# tests: the virtual microphone, and the validators of the desktop files and the Flatpak manifest
#   desktop-file-utils (desktop-file-validate), appstream (appstreamcli), flatpak-builder (--show-manifest)
[[ ",$extras," == *",test,"* ]] && APT_PACKAGES+=(pulseaudio pulseaudio-utils desktop-file-utils appstream
                                                  flatpak-builder)

need=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
  done
fi
# python3-venv only matters when the interpreter cannot make a venv by itself.
if python3 -m venv --help >/dev/null 2>&1 && python3 -c "import ensurepip" 2>/dev/null; then
  need=("${need[@]/python3-venv/}")
fi
need=(${need[@]+"${need[@]}"})
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing system packages: ${need[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
fi
spec="."
[ -n "$extras" ] && spec=".[$extras]"
# Reinstall only when the project's metadata changed since the last successful install.
stamp=".venv/.mockinterview-installed"
want="$(cat pyproject.toml; echo "extras=$extras")"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! .venv/bin/python -c "import mockinterview" 2>/dev/null; then
  echo "setup: installing mockinterview${extras:+ with [$extras]}"
  .venv/bin/python -m pip install -q --upgrade pip
  if [[ ",$extras," == *",openai,"* ]]; then
    # openai-whisper needs torch; on this machine kind torch==2.13.0 is a local CPU build,
    # while an unpinned torch would pull a CUDA build of several GB.
    .venv/bin/python -m pip install -q "torch==2.13.0"
  fi
  .venv/bin/python -m pip install -q -e "$spec"
  printf '%s' "$want" > "$stamp"
fi
