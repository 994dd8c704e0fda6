"""The explicit download step, against a local HTTP server on 127.0.0.1 (no outside network)."""
import hashlib
import json
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mockinterview.transcribe.download import DownloadError, download
from mockinterview.transcribe.models import ModelResolver

from ..conftest import ROOT

MODEL = bytes(range(256)) * 800            # 200 KB stand-in for model.bin
CONFIG = b'{"alignment_heads": [[1, 0]]}'
REPO = "Systran/faster-whisper-tiny.en"


def _blob_sha1(data):
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class Hub(BaseHTTPRequestHandler):
    files = {"model.bin": MODEL, "config.json": CONFIG}
    ranges: list = []
    corrupt = False

    def log_message(self, *a):
        pass

    def do_GET(self):
        if self.path == f"/api/models/{REPO}/tree/main":
            listing = [{"type": "file", "path": "config.json", "size": len(CONFIG), "oid": _blob_sha1(CONFIG)},
                       {"type": "file", "path": "model.bin", "size": len(MODEL), "oid": "x",
                        "lfs": {"oid": "0" * 64 if self.corrupt else hashlib.sha256(MODEL).hexdigest()}},
                       {"type": "file", "path": "README.md", "size": 3, "oid": "y"}]
            return self._send(200, json.dumps(listing).encode())
        name = self.path.rsplit("/", 1)[-1]
        if self.path.startswith(f"/{REPO}/resolve/main/") and name in self.files:
            data = self.files[name]
            rng = self.headers.get("Range")
            if rng:
                Hub.ranges.append((name, rng))
                start = int(rng.split("=")[1].rstrip("-"))
                return self._send(206, data[start:])
            return self._send(200, data)
        self._send(404, b"not found")

    def _send(self, code, body):
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def hub(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("MOCKINTERVIEW_HUB_URL", f"http://127.0.0.1:{server.server_address[1]}")
    Hub.ranges, Hub.corrupt = [], False
    yield Hub
    server.shutdown()


def test_download_verifies_and_the_resolver_uses_it(hub, tmp_path):
    seen = []
    path = download("tiny.en", tmp_path, lambda n, d, t: seen.append((n, d, t)))
    assert (path / "model.bin").read_bytes() == MODEL
    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["sha256"]["model.bin"] == hashlib.sha256(MODEL).hexdigest()
    assert not (path / "README.md").exists()
    assert seen and seen[-1][1] == seen[-1][2]
    info = ModelResolver(user_dir=tmp_path, bundled_dir=None).resolve("tiny.en")
    assert info.source == "user folder" and info.verified


def test_download_resumes_a_partial_file(hub, tmp_path):
    staging = tmp_path / ".tiny.en.partial"
    staging.mkdir()
    (staging / "model.bin.part").write_bytes(MODEL[:50_000])
    path = download("tiny.en", tmp_path)
    assert ("model.bin", "bytes=50000-") in hub.ranges
    assert (path / "model.bin").read_bytes() == MODEL


def test_checksum_mismatch_is_an_error(hub, tmp_path):
    hub.corrupt = True
    with pytest.raises(DownloadError, match="checksum"):
        download("tiny.en", tmp_path)
    assert not (tmp_path / "tiny.en").exists()


def test_offline_gives_a_clear_message(tmp_path, monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]            # closed once we leave: nothing listens there
    monkeypatch.setenv("MOCKINTERVIEW_HUB_URL", f"http://127.0.0.1:{port}")
    with pytest.raises(DownloadError, match="no network connection"):
        download("tiny.en", tmp_path)
    r = subprocess.run([sys.executable, "-m", "mockinterview", "models", "download", "base.en"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "no network connection" in r.stderr and "Traceback" not in r.stderr


def test_unknown_model_name(tmp_path):
    with pytest.raises(DownloadError, match="unknown model"):
        download("gigantic", tmp_path)


def test_models_lists_the_bundled_model():
    r = subprocess.run([sys.executable, "-m", "mockinterview", "models"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "tiny.en" in r.stdout and "bundled" in r.stdout


def test_manifest_covers_every_file_of_the_folder(hub, tmp_path):
    staging = tmp_path / ".tiny.en.partial"
    staging.mkdir()
    (staging / "tokenizer.json").write_text("{}")      # left by an earlier attempt, no longer listed
    (staging / "vocabulary.txt.part").write_text("a")
    path = download("tiny.en", tmp_path)
    manifest = json.loads((path / "manifest.json").read_text())
    assert set(manifest["sha256"]) == {p.name for p in path.iterdir()} - {"manifest.json"}
    assert ModelResolver(user_dir=tmp_path, bundled_dir=None).resolve("tiny.en").verified
