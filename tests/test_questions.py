from pathlib import Path

from mockinterview.core.questions import load_bank

GOOD = '''competency = "grit"
description = "x"

[[question]]
id = "grit-01"
text = "Tell me about a long effort."
follow_ups = ["What was your specific role?"]
strong_answer = "Own steps."
'''


def test_bundled_bank_is_large_and_valid():
    bank = load_bank()
    assert not bank.problems, bank.problems
    assert len(bank.questions) >= 80
    assert len(bank.competencies()) >= 8
    ids = [q.id for q in bank.questions]
    assert len(ids) == len(set(ids))
    for q in bank.questions:
        assert q.text.endswith(("?", ".")) and 1 <= len(q.follow_ups) <= 2 and q.strong_answer
    assert {"leadership", "conflict", "failure", "initiative", "teamwork", "influence", "ambiguity",
            "customer focus"} <= set(bank.competencies())


def test_filter_and_search():
    bank = load_bank()
    lead = bank.by_competency("leadership")
    assert lead and all(q.competency == "leadership" for q in lead)
    assert bank.by_competency("Customer-Focus") == bank.by_competency("customer focus")
    assert bank.get(lead[0].id) == lead[0]
    assert all("customer" in q.text.lower() or q.competency == "customer focus" for q in bank.search("customer"))


def test_malformed_file_reported_with_line_and_rest_loads(tmp_path: Path):
    (tmp_path / "a-good.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-broken.toml").write_text('competency = "x"\n\n[[question]]\nid = "x-01\n', encoding="utf-8")
    (tmp_path / "c-partial.toml").write_text(
        GOOD.replace("grit", "calm") + '\n[[question]]\nid = "calm-02"\ntext = "No probes."\nstrong_answer = "s"\n'
        + '\n[[question]]\nid = "grit-01"\ntext = "Dup"\nfollow_ups = ["a"]\nstrong_answer = "s"\n',
        encoding="utf-8")
    bank = load_bank(tmp_path)
    assert [q.id for q in bank.questions] == ["grit-01", "calm-01"]
    msgs = [str(p) for p in bank.problems]
    assert any(m.startswith(str(tmp_path / "b-broken.toml") + ":4:") and "TOML" in m for m in msgs), msgs
    assert any(m.startswith(str(tmp_path / "c-partial.toml") + ":10:") and "follow_ups" in m for m in msgs), msgs
    assert any(m.startswith(str(tmp_path / "c-partial.toml") + ":15:") and "duplicate" in m for m in msgs), msgs


def test_non_utf8_bank_file(tmp_path: Path):
    (tmp_path / "bad.toml").write_bytes(b"competency = \"\xff\"\n")
    bank = load_bank(tmp_path)
    assert bank.problems and not bank.questions

