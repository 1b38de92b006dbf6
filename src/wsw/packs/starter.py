"""The starter pack `wsw packs new` writes: every part a pack needs, each with a comment.

It validates as written and its example passes `wsw packs test`, so an author starts from
something that works and changes one thing at a time. The finding and its source are
placeholders that say so: a pack must never carry an invented finding as if it were real.
"""

from __future__ import annotations

import re

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")
SCHEMA_FILE = "wsw-pack.schema.json"

_TEMPLATE = """\
# yaml-language-server: $schema=./{schema_file}
# A wsw content pack. Check it with `wsw packs validate {pack_id}.yaml`, try its examples with
# `wsw packs test {pack_id}.yaml`, and look for weak spots with `wsw packs lint {pack_id}.yaml`.
# Everything below is a placeholder: replace it with your own source and what it says.

schema: 1                    # the pack format this wsw reads
id: {pack_id}
title: Our team's learning   # shown in `wsw packs list` and in notes
version: 0.1                 # your own version: raise it when you change the pack
requires: [core]             # the built-in pack whose themes this pack uses

# The documents the learning comes from. A point cites one of them by id.
sources:
  - id: {pack_id}.review
    title: "Local review (replace with the document's title)"
    publisher: Our Partnership
    year: 2025
    # What the document's figures count, and of what population (shown beside any figure):
    about_figures: "Replace: e.g. counts from one local review of 12 families, not rates."

learning_points:
  - id: {pack_id}.lunch
    # Themes from the core pack (`wsw packs show core` lists them); the first is the main one.
    themes: [neglect, child-daily-life]
    title: Ask what the child ate today
    # The finding: what the source says, and only that, in your own words. It is cited.
    text: >-
      Replace this with what your source found, with its hedges ("in some of the cases").
    # Where in the source it says so: the section heading as printed, and the page.
    source: {{document: {pack_id}.review, section: "Findings", page: 4}}
    # Your team's own advice, kept apart from the finding and shown as yours, not the source's.
    prompt: >-
      Ask the school what the child eats at lunch, and who gives them breakfast.
    # Words in case information that make the point relevant. Matched on stems ("hungry"
    # also matches "hunger"); `word*` any ending, `=word` only that word, `a ... b` a gap.
    # A phrase, or a word marked strong (`word!`), brings the point up by itself; `~word` is
    # only a hint, for a word that needs its theme in the text too.
    triggers: ["packed lunch", "~hungry", "no breakfast", "missed ... meals"]

# Fictional information and what it should bring up: `wsw packs test` checks each one.
examples:
  - id: {pack_id}.lunch-example
    fictional: true
    information: >-
      The school rang: the boy has come in without a packed lunch all week, says he had
      no breakfast and is hungry, and has missed several meals.
    themes: [neglect]
    points: [{pack_id}.lunch]
"""


def starter_pack(pack_id: str) -> str:
    """The starter pack's YAML for a pack called `pack_id` (a valid pack id)."""
    return _TEMPLATE.format(pack_id=pack_id, schema_file=SCHEMA_FILE)
