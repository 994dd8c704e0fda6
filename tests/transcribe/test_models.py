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
