#!/usr/bin/env bash
# Build dist/mockinterview_<version>_amd64.deb from the bundle dist/mockinterview/ (packaging/build.sh).
# Usage: packaging/build_deb.sh        (DEB_MAINTAINER="Name <mail>" to name the maintainer)
#
# Layout of the package:
#   /opt/mockinterview/                          the self-contained bundle, as built
#   /usr/bin/mockinterview                       a launcher (runs the bundle; window or CLI)
#   /usr/share/applications/APP_ID.desktop       the menu entry (Exec=mockinterview)
#   /usr/share/metainfo/APP_ID.metainfo.xml      AppStream data for software centres
#   /usr/share/icons/hicolor/SIZE/apps/APP_ID.png, scalable/apps/APP_ID.svg
#   /usr/share/doc/mockinterview/copyright, changelog.gz
# The bundle carries Python, Qt, the speech model and the parser; the system provides what PyInstaller
# leaves out on purpose (C library, X11/OpenGL drivers, fonts) and the sound stack.
set -euo pipefail
cd "$(dirname "$0")/.."
APP_ID=io.github.mockinterview.MockInterview
# BUNDLE, OUT_DIR, WORK_DIR and LINTIAN=0 let the fast tests build a package from a stand-in bundle
BUNDLE="${BUNDLE:-dist/mockinterview}"
OUT_DIR="${OUT_DIR:-dist}"
WORK_DIR="${WORK_DIR:-build/deb}"
MAINTAINER="${DEB_MAINTAINER:-The mockinterview developers <mockinterview@users.noreply.github.com>}"
ICON_SIZES=(16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512)

# What the bundle needs from the system (checked with ldd on the bundle's Qt plugins and libraries;
# packaging/test_deb.sh checks that nothing is missing once installed):
#   libc6 >= 2.36          the newest glibc symbol version any bundled library asks for (Debian 12)
#   libportaudio2          PortAudio, which sounddevice loads at run time to reach the microphone
#   libasound2-plugins     routes ALSA (PortAudio's backend) to PulseAudio/PipeWire
#   pulseaudio | pipewire-pulse   the sound server
#   libegl1 … libxcb-*     what Qt's xcb platform plugin loads from the system
DEPENDS="libc6 (>= 2.36), libportaudio2, libasound2-plugins, pulseaudio | pipewire-pulse, \
libegl1, libgl1, libfontconfig1, libfreetype6, libglib2.0-0, libdbus-1-3, libx11-6, libx11-xcb1, \
libxkbcommon0, libxkbcommon-x11-0, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, \
libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xkb1"
# The system voice that speaks the user's own questions (built-in questions have recordings).
RECOMMENDS="speech-dispatcher, speech-dispatcher-espeak-ng"

[ -x "$BUNDLE/mockinterview" ] || { echo "build_deb: $BUNDLE is missing; run packaging/build.sh first" >&2; exit 1; }
version="$("$BUNDLE/mockinterview" --version | awk '{print $2}')"
[ -n "$version" ] || { echo "build_deb: the bundle did not say its version" >&2; exit 1; }
out="$OUT_DIR/mockinterview_${version}_amd64.deb"
start=$(date +%s)

root="$WORK_DIR/root"
rm -rf "$WORK_DIR"
install -d "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
  "$root/usr/share/doc/mockinterview" "$root/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$root/opt/mockinterview"
# no world-writable or group-writable files in a system folder, whatever the build machine's umask
chmod -R u+rwX,go+rX,go-w "$root/opt/mockinterview"
# shared libraries are mapped, not run: no execute bit (as Debian ships them)
find "$root/opt/mockinterview" -type f -name '*.so*' -exec chmod 0644 {} +

cat > "$root/usr/bin/mockinterview" <<'EOF'
#!/bin/sh
# mockinterview: the window with no arguments, the command line with them (mockinterview --help)
exec /opt/mockinterview/mockinterview "$@"
EOF
chmod 0755 "$root/usr/bin/mockinterview"

install -m 0644 "packaging/linux/$APP_ID.desktop" "$root/usr/share/applications/$APP_ID.desktop"
install -m 0644 "packaging/linux/$APP_ID.metainfo.xml" "$root/usr/share/metainfo/$APP_ID.metainfo.xml"
for size in "${ICON_SIZES[@]}"; do
  install -D -m 0644 "assets/icons/hicolor/$size/apps/$APP_ID.png" "$root/usr/share/icons/hicolor/$size/apps/$APP_ID.png"
done
install -m 0644 "assets/icons/$APP_ID.svg" "$root/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"

cat > "$root/usr/share/doc/mockinterview/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: mockinterview
Comment: /opt/mockinterview bundles Python and the libraries mockinterview runs on (Qt for Python,
 CTranslate2, faster-whisper with the Whisper tiny.en model, spaCy with en_core_web_sm 3.8.0,
 NumPy and others); each keeps its own licence, found in its *.dist-info folder there.

Files: *
Copyright: $(date +%Y) The mockinterview developers
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
 associated documentation files (the "Software"), to deal in the Software without restriction,
 including without limitation the rights to use, copy, modify, merge, publish, distribute,
 sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
 furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in all copies or
 substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
 NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
 OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
EOF
chmod 0644 "$root/usr/share/doc/mockinterview/copyright"
printf 'mockinterview (%s) unstable; urgency=medium\n\n  * Self-contained build of mockinterview %s.\n\n -- %s  %s\n' \
  "$version" "$version" "$MAINTAINER" "$(date -R)" | gzip -9n > "$root/usr/share/doc/mockinterview/changelog.gz"
chmod 0644 "$root/usr/share/doc/mockinterview/changelog.gz"

# What lintian says of any self-contained third-party bundle, and why it stays so here (build_deb
# prints lintian's findings; these are the tags the bundle cannot avoid):
install -d "$root/usr/share/lintian/overrides"
cat > "$root/usr/share/lintian/overrides/mockinterview" <<'EOF'
# A third-party, self-contained build lives in /opt (the Filesystem Hierarchy Standard's place for add-on software).
mockinterview: dir-or-file-in-opt [opt/*]
# Libraries come as their wheels ship them; stripping Qt's and CTranslate2's can break them.
mockinterview: unstripped-binary-or-object [opt/mockinterview/*]
mockinterview: shared-library-lacks-prerequisites [opt/mockinterview/*]
mockinterview: library-not-linked-against-libc [opt/mockinterview/*]
# Wheels find their own libraries by RUNPATH $ORIGIN: that is how the bundle stays relocatable.
mockinterview: custom-library-search-path * [opt/mockinterview/*]
# The bundle carries its own copies so that it runs the same on any Debian 12 system.
mockinterview: embedded-library * [opt/mockinterview/*]
# A string inside bundled util-linux libraries; mockinterview never runs a pager.
mockinterview: missing-depends-on-sensible-utils sensible-pager [opt/mockinterview/*]
# PyInstaller's bootloader, as shipped with PyInstaller.
mockinterview: hardening-no-pie [opt/mockinterview/mockinterview]
EOF
chmod 0644 "$root/usr/share/lintian/overrides/mockinterview"

# Menus and icon themes pick the new entry up at once where their caches exist; guarded, since a
# minimal system has neither tool (dpkg triggers of those packages cover the rest).
for script in postinst postrm; do
  cat > "$root/DEBIAN/$script" <<'EOF'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q /usr/share/applications || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f /usr/share/icons/hicolor/index.theme ]; then
  gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
EOF
  chmod 0755 "$root/DEBIAN/$script"
done

installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: mockinterview
Version: $version
Architecture: amd64
Maintainer: $MAINTAINER
Installed-Size: $installed_kb
Depends: $DEPENDS
Recommends: $RECOMMENDS
Section: education
Priority: optional
Homepage: https://github.com/mockinterview/mockinterview
Description: rehearse job-interview answers aloud
 mockinterview asks an interview question, records the spoken answer,
 transcribes it on this computer (Whisper tiny.en, offline) and shows
 sentence by sentence whether the answer says what the speaker did or
 only what the team did, with the STAR structure, fillers, pace and
 next steps. History keeps every answer; Progress shows each measure.
 .
 This package is a self-contained build: Python, Qt and the speech and
 language models are bundled in /opt/mockinterview. Nothing is sent
 over the network.
EOF

mkdir -p "$OUT_DIR"
# xz at level 1: a little larger than the default level 6 and several times faster to build on a
# package this size (zstd is faster still, but Debian 12's lintian cannot read it)
dpkg-deb --root-owner-group -Zxz -z1 --build "$root" "$out" >/dev/null
end=$(date +%s)
echo "build_deb: $out ($(du -h "$out" | cut -f1), installs $((installed_kb / 1024)) MB) in $((end - start)) s"
if [ "${LINTIAN:-1}" != 0 ] && command -v lintian >/dev/null 2>&1; then
  echo "build_deb: lintian:"
  lintian --tag-display-limit 0 "$out" || true
fi
