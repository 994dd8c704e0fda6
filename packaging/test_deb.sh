#!/usr/bin/env bash
# Install test of the Debian package (packaging/build_deb.sh) on this machine, as root:
# install it with its dependencies, check every file landed and the bundle finds all its system
# libraries, start it from the .desktop file's Exec line on a virtual screen and see its window,
# close it, purge the package and check nothing of it is left.
# Usage: sudo packaging/test_deb.sh [dist/mockinterview_VERSION_amd64.deb]
# Needs: apt-get, xvfb, xdotool. Changes the system (installs, then purges mockinterview).
set -euo pipefail
cd "$(dirname "$0")/.."
APP_ID=io.github.mockinterview.MockInterview
deb="${1:-$(ls -t dist/mockinterview_*_amd64.deb 2>/dev/null | head -1)}"
[ -f "$deb" ] || { echo "test_deb: no package; run packaging/build_deb.sh first" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "test_deb: run as root (it installs and removes a package)" >&2; exit 2; }
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "test_deb: $tool is missing (apt install xvfb xdotool)" >&2; exit 2; }
done
fail() { echo "FAIL $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

tmp=$(mktemp -d)
xvfb_pid=""; app_pid=""
purged=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  # a failed run leaves the machine as it found it, too
  [ -z "$purged" ] && DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -q mockinterview >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# -- install (apt resolves the Depends) ---------------------------------------------------------------
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" > "$tmp/apt-install.log" 2>&1 \
  || { tail -20 "$tmp/apt-install.log" >&2; fail "apt-get install ./$deb"; }
dpkg-query -W -f='${Status}' mockinterview | grep -q "install ok installed" || fail "dpkg does not list mockinterview"
ok "installed $(dpkg-query -W -f='${Package} ${Version}' mockinterview)"

files=(/opt/mockinterview/mockinterview /usr/bin/mockinterview "/usr/share/applications/$APP_ID.desktop"
       "/usr/share/metainfo/$APP_ID.metainfo.xml" "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
       /usr/share/doc/mockinterview/copyright)
for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
  files+=("/usr/share/icons/hicolor/$size/apps/$APP_ID.png")
done
for f in "${files[@]}"; do [ -e "$f" ] || fail "$f is not installed"; done
ok "${#files[@]} files in place (bundle, launcher, .desktop, metainfo, 8 PNG icons + SVG, copyright)"

# every library the bundle links is found: in the bundle or from a declared dependency
missing=$(find /opt/mockinterview -name '*.so*' -type f -print0 | xargs -0 ldd 2>/dev/null | grep "not found" | sort -u || true)
[ -z "$missing" ] || fail "libraries not found: $missing"
ok "ldd finds every library of the installed bundle"

out=$(env -i PATH=/usr/bin:/bin HOME="$tmp" mockinterview --version) || fail "mockinterview --version"
ok "launcher on PATH: $out"

# -- start it as a desktop would, from the .desktop file's Exec line ---------------------------------
exec_line=$(sed -n 's/^Exec=//p' "/usr/share/applications/$APP_ID.desktop" | head -1)
exec_line=${exec_line//%[fFuUick]/}          # field codes a launcher would expand; none carry a file here
[ -n "$exec_line" ] || fail "the .desktop file has no Exec line"
display=""
for n in $(seq 90 199); do [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }; done
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
mkdir -p "$tmp/data" && chmod 700 "$tmp/data"
echo '{"welcome_shown": true}' > "$tmp/data/settings.json"
# a desktop session's environment, not this shell's (no venv, no PYTHONPATH)
env -i PATH=/usr/bin:/bin HOME="$tmp" DISPLAY="$display" LANG=C.UTF-8 MOCKINTERVIEW_DATA_DIR="$tmp/data" \
  sh -c "exec $exec_line" > "$tmp/app.log" 2>&1 &
app_pid=$!
win=""
for _ in $(seq 600); do
  win=$(DISPLAY=$display xdotool search --onlyvisible --name '^mockinterview$' 2>/dev/null | head -1) && [ -n "$win" ] && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$tmp/app.log" >&2; fail "the app exited before showing a window"; }
  sleep 0.1
done
[ -n "$win" ] || { cat "$tmp/app.log" >&2; fail "no window titled mockinterview within 60 s"; }
ok "Exec=$exec_line opened the window '$(DISPLAY=$display xdotool getwindowname "$win")'"
# Quit at once, while the speech model may still be loading: that once aborted the app ("QThread:
# Destroyed while thread is still running", exit 134); it must now close cleanly (exit 0, below).
DISPLAY=$display xdotool windowfocus --sync "$win" key --window "$win" ctrl+q 2>/dev/null || true
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then
  fail "the app did not close on Ctrl+Q"
fi
wait "$app_pid" && code=0 || code=$?
app_pid=""
[ "$code" -eq 0 ] || { cat "$tmp/app.log" >&2; fail "the app exited with $code"; }
ok "closed with Ctrl+Q (exit 0)"

# -- remove it, and check it left nothing ----------------------------------------------------------
DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -q mockinterview > "$tmp/apt-remove.log" 2>&1 \
  || { tail -20 "$tmp/apt-remove.log" >&2; fail "apt-get remove --purge mockinterview"; }
purged=1
dpkg-query -W mockinterview >/dev/null 2>&1 && fail "dpkg still knows mockinterview after purge"
left=()
for f in /opt/mockinterview "${files[@]}" /usr/share/doc/mockinterview /usr/share/lintian/overrides/mockinterview; do
  [ -e "$f" ] || [ -L "$f" ] && left+=("$f")
done
[ ${#left[@]} -eq 0 ] || fail "left after purge: ${left[*]}"
ok "purged: nothing left under /opt/mockinterview, /usr/bin, /usr/share/{applications,metainfo,icons,doc}"
echo "test_deb: PASS"
