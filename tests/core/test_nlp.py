"""The parser model is found in one place and checked before it is used."""
from __future__ import annotations

import shutil

import pytest

from mockinterview.core.analysis import nlp


def test_the_installed_model_passes_its_checksums():
    nlp.verify(nlp.model_folder())


def test_a_flipped_byte_is_refused_with_a_message(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(nlp.model_folder(), copy)
    f = copy / "parser" / "model"
    data = bytearray(f.read_bytes())
    data[len(data) // 2] ^= 0x01
    f.write_bytes(bytes(data))
    with pytest.raises(nlp.ParserMissing, match="parser/model is damaged"):
        nlp.verify(copy)


def test_a_missing_file_is_refused_with_a_message(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(nlp.model_folder(), copy)
    (copy / "vocab" / "strings.json").unlink()
    with pytest.raises(nlp.ParserMissing, match="incomplete"):
        nlp.verify(copy)


def test_a_missing_package_says_how_to_fix_it(monkeypatch):
    monkeypatch.setattr(nlp, "PACKAGE", "no_such_model_package_here")
    with pytest.raises(nlp.ParserMissing, match="reinstall"):
        nlp.model_folder()
