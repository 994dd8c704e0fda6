"""Convert a CTranslate2 Whisper model (model.bin + config.json) into an openai-whisper checkpoint.

The weights map one to one: CTranslate2 fuses self-attention q,k,v into `linear_0` (with a zero
bias slot for k, which openai-whisper has no bias for) and cross-attention k,v into `linear_1`.
The alignment heads (for word timestamps) come from config.json and are stored in the checkpoint.
torch is imported only here and in the openai engine.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np

from .ct2_reader import read_ct2

_LAYER = re.compile(r"^(?:encoder|decoder)/layer_(\d+)/")


def _ln(sd: dict, dst: str, v: dict, src: str) -> None:
    sd[f"{dst}.weight"] = v[f"{src}/gamma"]
    sd[f"{dst}.bias"] = v[f"{src}/beta"]


def _lin(sd: dict, dst: str, v: dict, src: str, bias: bool = True) -> None:
    sd[f"{dst}.weight"] = v[f"{src}/weight"]
    if bias:
        sd[f"{dst}.bias"] = v[f"{src}/bias"]


def _fused(sd: dict, dsts: list[str | None], v: dict, src: str, bias_for: set[str]) -> None:
    w, b = v[f"{src}/weight"], v[f"{src}/bias"]
    n = w.shape[0] // len(dsts)
    for i, dst in enumerate(dsts):
        sd[f"{dst}.weight"] = w[i * n:(i + 1) * n]
        if dst in bias_for:
            sd[f"{dst}.bias"] = b[i * n:(i + 1) * n]


def ct2_to_state_dict(model_dir: Path) -> tuple[dict, dict, list[list[int]]]:
    """Return (dims, state dict of numpy arrays, alignment heads)."""
    v = read_ct2(model_dir / "model.bin")
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    n_enc = len({m.group(1) for k in v if (m := _LAYER.match(k)) and k.startswith("encoder/")})
    n_dec = len({m.group(1) for k in v if (m := _LAYER.match(k)) and k.startswith("decoder/")})
    state = int(v["encoder/conv1/weight"].shape[0])
    dims = {
        "n_mels": int(v["encoder/conv1/weight"].shape[1]),
        "n_audio_ctx": int(v["encoder/position_encodings/encodings"].shape[0]),
        "n_audio_state": state,
        "n_audio_head": int(v["encoder/num_heads"]),
        "n_audio_layer": n_enc,
        "n_vocab": int(v["decoder/embeddings/weight"].shape[0]),
        "n_text_ctx": int(v["decoder/position_encodings/encodings"].shape[0]),
        "n_text_state": int(v["decoder/embeddings/weight"].shape[1]),
        "n_text_head": int(v["decoder/num_heads"]),
        "n_text_layer": n_dec,
    }
    sd: dict[str, np.ndarray] = {}
    for name in ("conv1", "conv2"):
        sd[f"encoder.{name}.weight"] = v[f"encoder/{name}/weight"]
        sd[f"encoder.{name}.bias"] = v[f"encoder/{name}/bias"]
    sd["encoder.positional_embedding"] = v["encoder/position_encodings/encodings"]
    for side, n in (("encoder", n_enc), ("decoder", n_dec)):
        for i in range(n):
            src, dst = f"{side}/layer_{i}", f"{side}.blocks.{i}"
            q, k, val = (f"{dst}.attn.{x}" for x in ("query", "key", "value"))
            _fused(sd, [q, k, val], v, f"{src}/self_attention/linear_0", {q, val})
            _lin(sd, f"{dst}.attn.out", v, f"{src}/self_attention/linear_1")
            _ln(sd, f"{dst}.attn_ln", v, f"{src}/self_attention/layer_norm")
            if side == "decoder":
                _lin(sd, f"{dst}.cross_attn.query", v, f"{src}/attention/linear_0")
                ck, cv = f"{dst}.cross_attn.key", f"{dst}.cross_attn.value"
                _fused(sd, [ck, cv], v, f"{src}/attention/linear_1", {cv})
                _lin(sd, f"{dst}.cross_attn.out", v, f"{src}/attention/linear_2")
                _ln(sd, f"{dst}.cross_attn_ln", v, f"{src}/attention/layer_norm")
            _lin(sd, f"{dst}.mlp.0", v, f"{src}/ffn/linear_0")
            _lin(sd, f"{dst}.mlp.2", v, f"{src}/ffn/linear_1")
            _ln(sd, f"{dst}.mlp_ln", v, f"{src}/ffn/layer_norm")
    _ln(sd, "encoder.ln_post", v, "encoder/layer_norm")
    _ln(sd, "decoder.ln", v, "decoder/layer_norm")
    sd["decoder.token_embedding.weight"] = v["decoder/embeddings/weight"]
    sd["decoder.positional_embedding"] = v["decoder/position_encodings/encodings"]
    heads = [list(map(int, h)) for h in config.get("alignment_heads", [])]
    return dims, sd, heads


def convert_to_openai(model_dir: Path, out_file: Path) -> Path:
    """Write an openai-whisper checkpoint; atomic (a crash never leaves half a file)."""
    import torch

    dims, sd, heads = ct2_to_state_dict(model_dir)
    checkpoint = {
        "dims": dims,
        "model_state_dict": {k: torch.from_numpy(np.array(a, dtype=np.float16)) for k, a in sd.items()},
        "alignment_heads": heads,
        "converted_from": str(model_dir),
    }
    out_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_file.with_suffix(".part")
    torch.save(checkpoint, tmp)
    os.replace(tmp, out_file)
    return out_file
