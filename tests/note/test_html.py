"""The note and handouts as printable HTML: title first, readable details, A4 pages."""

from __future__ import annotations

import re

from wsw.note.html import to_html

NOTE = """---
title: Child A - new partner
date: '2026-11-24'
packs:
  core: 1.0.0
supervision_date: '2026-12-01'
disagreement: false
situational_supervision: true
escalation_stage: null
decision: >-
  Refer to the local authority today and tell the court in the safeguarding letter,
  because of the conviction.
actions:
- {action: Refer, owner: FCA, due: '2026-11-25'}
---

# Child A - new partner

## Summary

| Action | Owner | Due |
| --- | --- | --- |
| Refer | FCA | 25 November 2026 |
"""


def test_the_title_comes_first_then_the_details_as_a_readable_table() -> None:
    page = to_html(NOTE)
    body = page.split("<body", 1)[1]
    assert body.index("<h1>Child A - new partner</h1>") < body.index('<table class="meta">')
    assert "<title>Child A - new partner</title>" in page
    meta = page.split('<table class="meta">', 1)[1].split("</table>", 1)[0]
    assert "<th>Disagreement</th><td>No</td>" in meta
    assert "<th>Situational supervision</th><td>Yes</td>" in meta
    assert "<th>Supervision date</th><td>1 December 2026</td>" in meta
    assert "True" not in meta and "False" not in meta and "None" not in meta
    assert "Escalation stage" not in meta  # nothing to say, no row


def test_it_prints_on_a4_without_splitting_rows() -> None:
    page = to_html(NOTE)
    assert re.search(r"@page\s*\{\s*size:\s*A4", page)
    assert "thead { display: table-header-group; }" in page  # the head on every page
    assert "break-inside: avoid" in page and "@media print" in page
    assert "<thead>" in page


def test_a_handout_has_no_empty_details_table_and_its_own_title() -> None:
    page = to_html("# Handout: prompts\n\n## Context\n\n## What?\n", "cards")
    assert "<title>Handout: prompts</title>" in page
    assert 'class="meta"' not in page
    assert "break-before: page" in page and '<body class="cards">' in page


def test_long_answers_and_records_stay_in_the_body_not_the_details() -> None:
    meta = to_html(NOTE).split('<table class="meta">', 1)[1].split("</table>", 1)[0]
    assert "Decision" not in meta and "Actions" not in meta and "owner" not in meta
