"""Issue 10: answers saved as UTF-16 or UTF-8 with a BOM are read; text with no words is refused."""
import codecs

import pytest

from mockinterview.core.textinput import InputError, decode_answer, has_words, read_answer_file

ANSWER = "I rebuilt the café's rota in 2023 and cut overtime by 30%. 😀\r\nThe team kept it.\n"


@pytest.mark.parametrize("encoding,bom", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-8", codecs.BOM_UTF8), ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
])
def test_text_with_a_byte_order_mark_is_read(tmp_path, encoding, bom):
    data = bom + ANSWER.encode(encoding)
    assert decode_answer(data, "a.txt") == ANSWER
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    assert read_answer_file(p) == ANSWER


def test_what_windows_writes_is_read(tmp_path):
    p = tmp_path / "notepad.txt"
    p.write_text(ANSWER, encoding="utf-16")                   # Python writes the BOM, as Notepad does
    assert read_answer_file(p) == ANSWER


@pytest.mark.parametrize("data", [
    b"\x7fELF\x02\x01\x01\x00\x00\x00",                       # an executable
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",                   # an image
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00",                    # a zip (a .docx)
    codecs.BOM_UTF16_LE + "I fixed it".encode("utf-16-le") + b"\x00\x00\x00\x00",   # UTF-16 holding NULs
    codecs.BOM_UTF8 + b"I fixed\x00it",
])
def test_real_binary_still_gets_the_one_line_message(data):
    with pytest.raises(InputError, match="looks like a binary file, not text") as e:
        decode_answer(data, "x.txt")
    assert "\n" not in str(e.value)


def test_broken_utf16_is_a_one_line_error():
    with pytest.raises(InputError, match="not UTF-16 text") as e:
        decode_answer(codecs.BOM_UTF16_LE + "I fixed it".encode("utf-16-le") + b"\x00\xd8", "x.txt")   # lone surrogate
    assert "\n" not in str(e.value)
    with pytest.raises(InputError, match="not UTF-8 text"):
        decode_answer("caf\xe9".encode("latin-1"), "x.txt")


@pytest.mark.parametrize("text", [
    "\u200b", "\u200b\u200c\u200d\ufeff\u2060", " \u200b \n\t\u00ad ", "😀🎉 👍", "👩‍💻 🇬🇧 ❤️",
    "★ ✓ → … !!! ?", "1️⃣2️⃣#️⃣", "\u202e\u202c", "—–-_*", "\u200b😀.",
])
def test_text_without_words_is_refused_like_empty_text(text):
    assert not has_words(text)
    for data in (text.encode("utf-8"), codecs.BOM_UTF16_LE + text.encode("utf-16-le")):
        with pytest.raises(InputError, match=r"^a\.txt: nothing to analyse") as e:
            decode_answer(data, "a.txt")
        assert "\n" not in str(e.value)


@pytest.mark.parametrize("text", ["I did it.", "ok", "42", "😀 I fixed it 😀", "\u200bYes", "東京", "été",
                                  "Ich habe es repariert.", "٣"])
def test_text_with_a_letter_or_digit_is_an_answer(text):
    assert has_words(text)
    assert decode_answer(text.encode("utf-8"), "a.txt") == text


def test_names_in_messages_cannot_drive_the_terminal(tmp_path):
    with pytest.raises(InputError) as e:
        read_answer_file(tmp_path / "x\x1b]0;pwned\x07\u202e.txt")
    msg = str(e.value)
    assert "\x1b" not in msg and "\x07" not in msg and "\u202e" not in msg and "no such file" in msg
