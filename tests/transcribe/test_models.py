import json
import shutil

import pytest

from mockinterview.transcribe import models as models_mod
from mockinterview.transcribe.models import BUNDLED_NAME, ModelError, ModelResolver, sha256_file


def test_bundled_model_is_found_and_verified(tmp_path):
    r = ModelResolver(user_dir=tmp_path)
    info = r.resolve()
    assert info.name == BUNDLED_NAME and info.source == "bundled" and info.verified
    assert (info.path / "model.bin").exists()
    assert [m.name for m in r.available()] == [BUNDLED_NAME]


def test_verification_is_remembered(tmp_path, monkeypatch):
    r = ModelResolver(user_dir=tmp_path)
    r.resolve()
    assert (tmp_path / "verified.json").exists()
    monkeypatch.setattr(models_mod, "sha256_file", lambda p: pytest.fail("re-hashed a verified file"))
    assert r.resolve().verified


def test_damaged_model_is_refused(tmp_path):
    src = ModelResolver(user_dir=tmp_path).resolve().path
    copy = tmp_path / "copy"
    shutil.copytree(src, copy)
    data = bytearray((copy / "model.bin").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / "model.bin").write_bytes(bytes(data))
    r = ModelResolver(user_dir=tmp_path / "user", bundled_dir=copy)
    with pytest.raises(ModelError, match="damaged"):
        r.resolve()


def test_user_folder_first_and_manifest_checked(tmp_path):
    bundled = ModelResolver(user_dir=tmp_path).resolve().path
    user = tmp_path / "user"
    mine = user / "tiny.en"
    shutil.copytree(bundled, mine)
    sums = {"model.bin": sha256_file(mine / "model.bin")}
    (mine / "manifest.json").write_text(json.dumps({"sha256": sums}))
    info = ModelResolver(user_dir=user).resolve("tiny.en")
    assert info.source == "user folder" and info.verified
    (mine / "manifest.json").write_text(json.dumps({"sha256": {"model.bin": "0" * 64}}))
    with pytest.raises(ModelError, match="damaged"):
        ModelResolver(user_dir=tmp_path / "other").resolve(str(mine))


def test_given_path_and_missing_models(tmp_path):
    bundled = ModelResolver(user_dir=tmp_path).resolve().path
    info = ModelResolver(user_dir=tmp_path).resolve(str(bundled))
    assert info.source == "given path"
    with pytest.raises(ModelError, match="models download base.en"):
        ModelResolver(user_dir=tmp_path).resolve("base.en")
    with pytest.raises(ModelError, match="does not exist"):
        ModelResolver(user_dir=tmp_path).resolve(str(tmp_path / "nowhere"))
    incomplete = tmp_path / "half"
    incomplete.mkdir()
    (incomplete / "model.bin").write_bytes(b"x")
    with pytest.raises(ModelError, match="incomplete"):
        ModelResolver(user_dir=tmp_path).resolve(str(incomplete))
    assert ModelResolver(user_dir=tmp_path / "empty", bundled_dir=None).available() == []


def test_conversion_maps_every_weight(tmp_path):
    from mockinterview.transcribe.convert import ct2_to_state_dict

    path = ModelResolver(user_dir=tmp_path).resolve().path
    dims, sd, heads = ct2_to_state_dict(path)
    assert dims == {"n_mels": 80, "n_audio_ctx": 1500, "n_audio_state": 384, "n_audio_head": 6,
                    "n_audio_layer": 4, "n_vocab": 51864, "n_text_ctx": 448, "n_text_state": 384,
                    "n_text_head": 6, "n_text_layer": 4}
    assert heads and all(len(h) == 2 for h in heads)
    from whisper.model import ModelDimensions, Whisper
    expected = {k for k in Whisper(ModelDimensions(**dims)).state_dict()}
    assert expected == set(sd)
    for k, v in Whisper(ModelDimensions(**dims)).state_dict().items():
        assert tuple(v.shape) == sd[k].shape, k


# -- issue 10: model integrity gaps -----------------------------------------------------------
import os  # noqa: E402

from mockinterview.transcribe.download import KNOWN  # noqa: E402
from mockinterview.transcribe.models import BUNDLED_SHA256  # noqa: E402


def _bundled():
    return ModelResolver(user_dir=None, bundled_dir=True)._bundled


def _flip(path, at=None):
    """Flip one byte in place (same inode) and put the times back, as a stealthy edit would."""
    st = os.stat(path)
    with open(path, "r+b") as fh:
        fh.seek(st.st_size // 2 if at is None else at)
        b = fh.read(1)
        fh.seek(-1, 1)
        fh.write(bytes([b[0] ^ 0xFF]))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(path).st_size == st.st_size and os.stat(path).st_mtime_ns == st.st_mtime_ns


def test_bundled_sums_cover_every_bundled_file():
    names = {p.name for p in _bundled().iterdir() if p.is_file()}
    assert {"tokenizer.json", "vocabulary.txt"} <= names
    assert set(BUNDLED_SHA256) == names
    assert all(sha256_file(_bundled() / n) == BUNDLED_SHA256[n] for n in names)


@pytest.mark.parametrize("victim", ["model.bin", "tokenizer.json", "vocabulary.txt"])
def test_flipped_byte_with_restored_mtime_is_caught(tmp_path, victim):
    copy = tmp_path / "bundled"
    shutil.copytree(_bundled(), copy)
    r = ModelResolver(user_dir=tmp_path / "user", bundled_dir=copy)
    assert r.resolve().verified                       # checked once and remembered
    _flip(copy / victim)
    with pytest.raises(ModelError, match=f"{victim} is damaged"):
        ModelResolver(user_dir=tmp_path / "user", bundled_dir=copy).resolve()


def test_unknown_folder_is_remembered_and_a_change_refused(tmp_path):
    user = tmp_path / "user"
    shutil.copytree(_bundled(), user / "custom")
    info = ModelResolver(user_dir=user).resolve("custom")
    assert info.source == "user folder" and not info.verified
    ledger = json.loads((user / "verified.json").read_text())
    rec = ledger["folders"][str((user / "custom").resolve())]
    assert rec["files"]["model.bin"]["sha256"] == BUNDLED_SHA256["model.bin"]
    assert set(rec["files"]) == set(BUNDLED_SHA256)
    _flip(user / "custom" / "model.bin")
    with pytest.raises(ModelError, match="model.bin changed since it was first used") as exc:
        ModelResolver(user_dir=user).resolve("custom")
    assert "models download" not in str(exc.value)   # 'custom' is no name download.py knows


def test_unknown_folder_check_is_cached_but_not_by_size_and_mtime_alone(tmp_path, monkeypatch):
    user = tmp_path / "user"
    shutil.copytree(_bundled(), user / "custom")
    monkeypatch.setattr(models_mod, "RACY_NS", 0)    # the copy is fresh; stamp it at once
    ModelResolver(user_dir=user).resolve("custom")
    real = models_mod.sha256_file
    monkeypatch.setattr(models_mod, "sha256_file", lambda p: pytest.fail(f"re-hashed {p}"))
    ModelResolver(user_dir=user).resolve("custom")  # untouched: no hashing
    _flip(user / "custom" / "config.json", at=5)
    hashed = []
    monkeypatch.setattr(models_mod, "sha256_file", lambda p: hashed.append(p.name) or real(p))
    with pytest.raises(ModelError, match="config.json changed"):
        ModelResolver(user_dir=user).resolve("custom")
    assert hashed == ["config.json"]                 # the change time gave the edit away


def test_unknown_folder_file_removed_or_added_is_a_change(tmp_path):
    user = tmp_path / "user"
    shutil.copytree(_bundled(), user / "custom")
    ModelResolver(user_dir=user).resolve("custom")
    (user / "custom" / "tokenizer.json").unlink()
    with pytest.raises(ModelError, match="tokenizer.json was removed"):
        ModelResolver(user_dir=user).resolve("custom")
    shutil.copytree(_bundled(), user / "second")
    ModelResolver(user_dir=user).resolve("second")
    (user / "second" / "vocabulary.json").write_text('["a", "b"]')
    (user / "second" / ".DS_Store").write_bytes(b"\0")    # hidden files are no model files
    with pytest.raises(ModelError, match=r"changed since it was first used \(vocabulary.json was added\)"):
        ModelResolver(user_dir=user).resolve("second")


def test_shadowing_tiny_en_folder_is_refused(tmp_path):
    user = tmp_path / "user"
    mine = user / BUNDLED_NAME
    shutil.copytree(_bundled(), mine)                 # no manifest: it claims to be the bundled model
    info = ModelResolver(user_dir=user).resolve()
    assert info.source == "user folder" and info.verified and info.path == mine
    _flip(mine / "model.bin")
    with pytest.raises(ModelError) as exc:
        ModelResolver(user_dir=tmp_path / "user").resolve()
    msg = str(exc.value)
    assert str(mine) in msg and str(_bundled()) in msg and "damaged" in msg and "rename" in msg


def test_damaged_tokenizer_is_a_model_error(tmp_path):
    user = tmp_path / "user"
    shutil.copytree(_bundled(), user / "custom")
    tok = user / "custom" / "tokenizer.json"
    tok.write_text(tok.read_text()[:5000])            # cut short: not JSON any more
    with pytest.raises(ModelError, match="tokenizer.json is damaged"):
        ModelResolver(user_dir=user).resolve("custom")
    shutil.copytree(_bundled(), user / "other")
    (user / "other" / "vocabulary.txt").write_bytes(b"\xff\xfe\x00broken")
    with pytest.raises(ModelError, match="vocabulary.txt is damaged"):
        ModelResolver(user_dir=user).resolve("other")


def test_unreadable_tokenizer_is_a_model_error(tmp_path):
    user = tmp_path / "user"
    shutil.copytree(_bundled(), user / "custom")
    (user / "custom" / "tokenizer.json").unlink()
    (user / "custom" / "tokenizer.json").symlink_to(tmp_path / "nowhere.json")   # a broken link
    with pytest.raises(ModelError, match="tokenizer.json is not a readable file"):
        ModelResolver(user_dir=user).resolve("custom")


def test_download_is_suggested_only_for_known_names(tmp_path):
    assert "base.en" in KNOWN and "gigantic" not in KNOWN
    with pytest.raises(ModelError) as exc:
        ModelResolver(user_dir=tmp_path).resolve("gigantic")
    msg = str(exc.value)
    assert "models download gigantic" not in msg
    assert "available: tiny.en" in msg and str(tmp_path / "gigantic") in msg and "base.en" in msg
    with pytest.raises(ModelError, match="Get it with: mockinterview models download base.en"):
        ModelResolver(user_dir=tmp_path).resolve("base.en")


def test_manifest_listing_a_missing_file_is_incomplete(tmp_path):
    user = tmp_path / "user"
    shutil.copytree(_bundled(), user / "base.en")
    (user / "base.en" / "manifest.json").write_text(json.dumps({"sha256": BUNDLED_SHA256}))
    assert ModelResolver(user_dir=user).resolve("base.en").verified
    (user / "base.en" / "vocabulary.txt").unlink()
    with pytest.raises(ModelError, match="no vocabulary.txt.*models download base.en"):
        ModelResolver(user_dir=user).resolve("base.en")
