"""The built-in packs: valid, traceable to their documents, and in their own words."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import DATA
from wsw.packs.schema import json_schema

REQUIRED_THEMES = {
    "child-daily-life", "family-network", "reluctant-engagement", "critical-thinking",
    "changing-risk", "information-sharing", "escalation", "supervision", "domestic-abuse",
    "substance-misuse", "parental-mental-health", "neglect", "male-carers", "diversity-culture",
    "gender-identity", "disability", "behavioural-indicators", "sexual-abuse", "physical-abuse",
    "adolescents-exploitation", "suicide-self-harm", "infants", "hidden-children",
}  # fmt: skip
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def test_the_built_in_packs_load(library) -> None:  # type: ignore[no-untyped-def]
    assert [p.pack.id for p in library.packs] == ["core", "cspr-2020", "scenarios", "scr-2017-19"]


def test_required_themes_are_defined_in_core(library) -> None:  # type: ignore[no-untyped-def]
    core = library.pack("core").pack
    assert {t.id for t in core.themes} >= REQUIRED_THEMES


def test_every_theme_has_points_of_its_own(library) -> None:  # type: ignore[no-untyped-def]
    primary = {ref.point.primary_theme for ref in library.points}
    assert set(library.themes) - primary == set()


def test_every_point_cites_a_declared_document(library) -> None:  # type: ignore[no-untyped-def]
    for ref in library.points:
        assert ref.point.source.document in library.sources, ref.point.id


@pytest.mark.parametrize("table", sorted((DATA / "coverage").glob("*.yaml")), ids=lambda p: p.stem)
def test_coverage_table_traces_every_learning_point(table: Path, library) -> None:  # type: ignore[no-untyped-def]
    """Each learning point (and data table) of the document is carried by pack entries citing
    that section."""
    data = yaml.safe_load(table.read_text(encoding="utf-8"))
    by_id = {ref.point.id: ref.point for ref in library.points}
    by_id.update({c.id: c for c in library.case_studies})
    by_id.update(library.tables)
    assert len(data["entries"]) >= 10
    for entry in data["entries"]:
        assert entry["points"], entry
        for point_id in entry["points"]:
            assert point_id in by_id, f"{table.name}: {point_id} is not in any pack"
            source = by_id[point_id].source
            assert source.document == data["document"], point_id
            assert source.section == entry["section"], point_id


def test_scr_learning_point_sections_are_all_covered() -> None:
    """Every section of the briefing that ends in a 'Learning points' list is in the table."""
    table = yaml.safe_load((DATA / "coverage" / "scr-2017-19.yaml").read_text(encoding="utf-8"))
    sections = {e["section"] for e in table["entries"]}
    for heading in [
        "Normalisation of neglect in areas of high deprivation and poverty",
        "Being alert to behavioural indicators",
        "Lack of action following disclosure of sexual abuse",
        "Achieving best evidence (ABE) interviews",
        "The experiences and behaviour of older children",
        "Information sharing and effective communication",
        "Professional disagreement and escalation of concerns",
    ]:
        assert heading in sections, heading


def test_children_in_case_studies_are_not_named_in_points(library) -> None:  # type: ignore[no-untyped-def]
    names = {"Alice", "Beth", "Annie", "Lily", "Billy", "Sasha", "Jane"}
    for ref in library.points:
        words = set(re.findall(r"[A-Z][a-z]+", f"{ref.point.title} {ref.point.text}"))
        assert not words & names, ref.point.id


def test_json_schema_describes_a_pack() -> None:
    schema = json_schema()
    assert {"schema", "id", "title", "version"} <= set(schema["required"])


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source documents are only on development machines")
def test_figures_and_prose_are_not_copied() -> None:
    tool = SEEDS.parent / "tools" / "check-copying"
    content = Path(__file__).resolve().parents[2] / "content"
    result = subprocess.run(
        [sys.executable, str(tool), str(content)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


# Sentence openings that give advice. A learning point's cited text reports what a document
# found; advice of wsw's own belongs in its `prompt`, shown as wsw's (practice points may
# carry the document's own practice points, which are advice).
ADVICE = re.compile(
    r"(Ask|Check|Consider|Make sure|Find out|Record|Talk to|Speak to|Tell|Use|Include|Keep|"
    r"Treat|Try|Remember|Do not|Don't|Avoid|Explore|Assess|Share|Challenge|Escalate|Seek)\b"
)


def test_learning_points_report_findings_and_leave_advice_to_the_prompt(library) -> None:  # type: ignore[no-untyped-def]
    advice = [
        f"{ref.point.id}: {sentence[:60]}"
        for ref in library.points
        if ref.kind == "learning" and ref.pack != "core"
        for sentence in re.split(r"(?<=[.!?])\s+", ref.point.text)
        if ADVICE.match(sentence)
    ]
    assert advice == []


def test_policy_that_can_change_is_dated(library) -> None:  # type: ignore[no-untyped-def]
    """Statements of Cafcass policy (consent for checks, named guidance) say when they held."""
    undated = [
        ref.point.id
        for ref in library.points
        if ref.point.source.document == "cafcass-kb-cspr-2020"
        and re.search(r"\b(consent|Working Together|Handbook|policy)\b", ref.point.text)
        and not ref.point.as_of
    ]
    assert undated == []


def test_the_briefings_data_tables_are_whole(library) -> None:  # type: ignore[no-untyped-def]
    """The rows and columns reviewers found missing are there, and ages are tagged."""
    tables = library.tables
    labels = {tid: {row.cells[0] for row in t.rows} for tid, t in tables.items()}
    assert {"Overt filicide", "Covert filicide", "Severe persistent cruelty"} <= labels[
        "scr-2017-19.table-1"
    ]
    assert {"Accident", "Other"} <= labels["scr-2017-19.table-2"]
    assert any(label.startswith("Medical") for label in labels["scr-2017-19.table-2"])
    assert any("exploitation" in label.lower() for label in labels["scr-2017-19.table-3"])
    assert any("risk" in label.lower() for label in labels["scr-2017-19.table-3"])
    columns = " ".join(tables["scr-2017-19.table-6"].columns)
    assert "11-15" in columns and "16+" in columns
    tagged = {b for row in tables["scr-2017-19.ages"].rows for b in row.age_bands or []}
    assert tagged == {"under-1", "1-5", "6-10", "11-15", "16-17"}
    cited = {c.table for ref in library.points for c in ref.point.table_cites}
    assert set(tables) <= cited  # each table reaches a note through a point that cites it


# Sentences reviewers found misstating the documents (issue: content a supervisor can
# trust). Each was corrected; none may come back.
CORRECTED = [
    "harm by a third party was not considered",
    "harm by a parent was not explored",
    "before the day is out",
    "Situational supervision is expected wherever",
    "well beyond each one alone",
    "the most vulnerable of all children",
    "appears particularly often",
    "neglect happens in families with money",
    "a parent's learning needs",
]


def test_corrected_misstatements_do_not_return() -> None:
    content = Path(__file__).resolve().parents[2] / "content"
    text = " ".join(
        " ".join(p.read_text(encoding="utf-8").split()) for p in content.rglob("*.yaml")
    ).casefold()
    assert [c for c in CORRECTED if c.casefold() in text] == []


def test_the_group_walk_asks_about_safety_referral_and_passing_on(library) -> None:  # type: ignore[no-untyped-def]
    from wsw.walk.session import Session

    walk = library.walks["group"]
    questions = {q.id for s in walk.stages for q in s.questions}
    assert {"safety-now", "future-risk", "referral", "passed-on"} <= questions
    # A disagreement with the local authority's decision brings in the escalation questions.
    session = Session(walk, library, {"disagreement": True})
    shown = {r.kind for s in walk.stages for r in session.reminders(s.id)}
    assert {"check", "escalation"} <= shown  # checks and escalation questions reach it


def test_every_question_of_the_core_walks_has_real_help(library) -> None:  # type: ignore[no-untyped-def]
    """`:help` at any question says more than the prompt: a sentence of its own at least."""
    core = library.pack("core").pack
    thin = []
    for walk in core.walks:
        for stage in walk.stages:
            for q in stage.questions:
                help_text = (q.help or "").strip()
                words = set(re.findall(r"[a-z']+", help_text.lower()))
                new = words - set(re.findall(r"[a-z']+", q.prompt.lower()))
                if len(help_text) < 40 or len(new) < 5:
                    thin.append(f"{walk.id}/{q.id}")
    assert thin == []
