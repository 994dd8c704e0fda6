"""PDF reports: a valid PDF that QtPdf reads back with the answer's words, its pages, and the
highlighted clauses marked by shape (bold, underline) as well as colour."""
from pathlib import Path

from mockinterview.core import report_model
from mockinterview.core.analysis import analyze
from mockinterview.core.store import Store
from mockinterview.export_pdf import answer_html, answer_pdf, group_pdf

from .conftest import ROOT
from .core.test_report_model import _save

OWN = (ROOT / "assets" / "examples" / "individual-answer.txt").read_text()


def _read(path: Path):
    from PySide6.QtPdf import QPdfDocument
    doc = QPdfDocument(None)
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(" ".join(doc.getAllText(i).text().split()) for i in range(doc.pageCount()))
    return doc.pageCount(), text


def test_an_answer_pdf_holds_its_question_verdict_transcript_and_tips(qapp, tmp_path):
    r = report_model.answer_report(analyze(OWN), "Tell me about a <time> & a place")
    answer_pdf(r, tmp_path / "a.pdf")
    data = (tmp_path / "a.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    pages, text = _read(tmp_path / "a.pdf")
    assert pages >= 1
    assert "Tell me about a <time> & a place" in text and r.verdict_text in text
    assert "I tagged every ticket" in text and r.tips[0][:40] in text
    assert "Length" in text and "150–400 words" in text


def test_own_and_team_clauses_are_marked_by_shape_not_only_colour():
    html = answer_html(report_model.answer_report(analyze("We rebuilt the pipeline. I wrote the migration plan."), "Q"))
    assert 'font-weight:bold">I wrote</span>' in html
    assert 'text-decoration:underline">We rebuilt</span>' in html
    assert "your own actions (bold)" in html and "(underlined)" in html


def test_a_session_pdf_has_every_answer(qapp, tmp_path):
    s = Store(tmp_path / "m.db")
    sid = s.new_session("Practice set")
    for i in range(4):
        _save(s, sid, OWN, question=f"Question number {i}")
    group_pdf(report_model.session_report(s, sid), tmp_path / "s.pdf")
    pages, text = _read(tmp_path / "s.pdf")
    assert pages >= 4 and all(f"Question number {i}" in text for i in range(4))
