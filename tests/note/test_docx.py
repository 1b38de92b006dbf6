"""Word output: headings, the actions table and lists survive, read back with python-docx."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import Runner, case_answers, notes_in

docx = pytest.importorskip("docx")


def headings(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def test_a_note_as_docx_keeps_headings_and_the_actions_table(tmp_path: Path, wsw: Runner) -> None:
    answers = case_answers(tmp_path, "a.yaml", "Child A")
    target = tmp_path / "note.docx"
    result = wsw("render", str(answers), "--format", "docx", "-o", str(target))
    assert result.code == 0, result.err
    found = headings(target)
    assert found[0] == "Child A - mother's new partner"
    for section in ("Summary", "What?", "So what?", "Then what?", "Learning for practice"):
        assert section in found
    document = docx.Document(str(target))
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Action", "Owner", "Due"]
    assert ["Refer to children's services", "FCA", "25 November 2026"] in rows
    assert document.tables[0].rows[0].cells[0].paragraphs[0].runs[0].bold
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Does he look after Child A on his own?" in bullets
    assert document.core_properties.title == "Child A - mother's new partner"
    assert (target.stat().st_mode & 0o777) == 0o600


def test_a_cpd_record_as_docx(tmp_path: Path, wsw_home: Path, wsw: Runner) -> None:
    assert wsw("render", str(case_answers(tmp_path, "a.yaml", "Child A"))).code == 0
    (note,) = notes_in(wsw_home)
    target = tmp_path / "cpd.docx"
    assert wsw("cpd", str(note), "--format", "docx", "-o", str(target)).code == 0
    found = headings(target)
    assert "What I learnt" in found and "Type of CPD" in found


def test_without_python_docx_the_message_says_how_to_install_it(
    tmp_path: Path, wsw: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)  # as if it were not installed
    answers = case_answers(tmp_path, "a.yaml", "Child A")
    result = wsw("render", str(answers), "--format", "docx", "-o", str(tmp_path / "n.docx"))
    assert result.code == 2 and 'pip install "wsw[docx]"' in result.err
    assert "Traceback" not in result.err and not (tmp_path / "n.docx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it(tmp_path: Path, wsw: Runner) -> None:  # pragma: no cover
    answers = case_answers(tmp_path, "a.yaml", "Child A")
    target = tmp_path / "note.docx"
    assert wsw("render", str(answers), "--format", "docx", "-o", str(target)).code == 0
    subprocess.run(["soffice", "--headless", "--convert-to", "txt", "--outdir", str(tmp_path),
                    str(target)], check=True, timeout=120, capture_output=True)  # fmt: skip
    assert "Then what?" in (tmp_path / "note.txt").read_text(encoding="utf-8")
