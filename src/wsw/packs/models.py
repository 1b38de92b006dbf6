"""The shape of a content pack, as pydantic models.

A pack is written by trainers and team leads, not programmers, so every model forbids unknown
fields (a misspelt key is reported, not silently ignored) and field names read as plain English.
Cross-references between packs (theme ids, source ids, stage ids, question ids) are checked
when packs are layered into a library, because only then are all the ids known.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = 1

AgeBand = Literal["under-1", "1-5", "6-10", "11-15", "16-17"]
AGE_BANDS: tuple[AgeBand, ...] = ("under-1", "1-5", "6-10", "11-15", "16-17")

NoteSection = Literal[
    "context",
    "what",
    "so-what",
    "then-what",
    "actions",
    "supervision",
    "learning",
    "alternatives",
    "escalation",
    "unknowns",
]
QuestionType = Literal["text", "choice", "multichoice", "yesno", "scale", "date", "actions", "list"]

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9.\-]*$",
        max_length=120,
        description="Lower-case letters, digits, dots and hyphens, e.g. `scr-2017-19.neglect`.",
    ),
]
Text = Annotated[str, Field(min_length=1)]
# Authors write `version: 1.0`; YAML reads that as a number, which is still a fine version.
Version = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int | float) else v)]


def _check_trigger(trigger: str) -> str:
    from wsw.suggest.text import compile_trigger

    compile_trigger(trigger)
    return trigger


Triggers = Annotated[
    list[Annotated[str, AfterValidator(_check_trigger)]],
    Field(
        default_factory=list,
        description=(
            "Words and phrases in case information that make this relevant. Matched on word "
            "stems; `word*` matches any ending, `=word` only that exact word, and `...` allows "
            "up to three words in between."
        ),
    ),
]


class Model(BaseModel):
    """Base for every pack model: strict about unknown keys, tolerant of layout."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, defer_build=True
    )


class Source(Model):
    """A document a pack's content comes from."""

    id: Id = Field(description="How points in this pack refer to the document.")
    title: Text
    short_title: str | None = Field(default=None, description="A short name for citations.")
    publisher: Text
    year: int = Field(ge=1900, le=2100)
    authors: str | None = None
    url: str | None = Field(default=None, description="Public link, where there is one.")


class SourceRef(Model):
    """Where in a document a piece of content comes from."""

    document: Id = Field(description="The id of a source declared in this or another pack.")
    section: Text = Field(description="The section heading as the document gives it.")
    page: int | None = Field(
        default=None, ge=1, description="Page, where the contents list gives one."
    )


class Theme(Model):
    """One entry of the shared taxonomy every pack refers to by id."""

    id: Id
    title: Text
    description: Text
    triggers: Triggers


class ThemeCount(Model):
    """True when at least `count` of the listed themes are chosen."""

    count: int = Field(ge=1)
    of: list[Id] = Field(min_length=1)


class AnswerTest(Model):
    """A test on an earlier answer in the walk."""

    question: Id
    equals: str | int | bool | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    answered: bool | None = None
    at_least: int | None = None
    at_most: int | None = None
    differs_from: Id | None = Field(
        default=None, description="True when this answer differs from the answer to that question."
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Condition(Model):
    """When a question, reminder or check applies. Every test given must hold."""

    themes: list[Id] | None = Field(default=None, description="Any of these themes is chosen.")
    all_themes: list[Id] | None = Field(default=None, description="All of these themes are chosen.")
    themes_count: ThemeCount | None = None
    age_bands: list[AgeBand] | None = Field(
        default=None, description="Any of these age bands applies."
    )
    case_types: list[Id] | None = Field(default=None, description="The case type is one of these.")
    answer: AnswerTest | None = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    @model_validator(mode="after")
    def _has_a_test(self) -> Condition:
        if not self.model_fields_set:
            raise ValueError("a condition needs at least one test (themes, age_bands, answer, ...)")
        return self


class Point(Model):
    """A learning point or practice point: one message from the reviews."""

    id: Id
    themes: list[Id] = Field(
        min_length=1, description="The first theme is the point's primary theme."
    )
    title: Text
    text: Text
    source: SourceRef
    age_bands: list[AgeBand] | None = None
    figures: list[Text] = Field(default_factory=list)
    triggers: Triggers
    stages: list[Id] = Field(
        default_factory=list,
        description="Walk stages at which this point is shown as a reminder.",
    )
    resources: list[Id] = Field(default_factory=list)

    @property
    def primary_theme(self) -> str:
        return self.themes[0]


class Check(Model):
    """An escalation question or a 'Then what?' check, shown when its condition holds."""

    id: Id
    text: Text
    help: str | None = None
    themes: list[Id] = Field(default_factory=list)
    stage: Id | None = None
    when: Condition | None = None
    source: SourceRef | None = None


class Resource(Model):
    """Guidance to signpost: internal to an organisation or public."""

    id: Id
    title: Text
    description: Text
    kind: Literal["internal", "public"] = "public"
    url: str | None = None
    themes: list[Id] = Field(default_factory=list)
    source: SourceRef | None = None


class CaseStudy(Model):
    """A published review summarised in a source document, kept as learning."""

    id: Id
    title: Text
    review: Text = Field(
        description="Which published review this is, e.g. the partnership and year."
    )
    summary: Text
    learning: list[Text] = Field(min_length=1)
    themes: list[Id] = Field(min_length=1)
    source: SourceRef
    points: list[Id] = Field(default_factory=list, description="Related point ids.")


class Choice(Model):
    value: Id
    label: Text
    help: str | None = None


class Question(Model):
    """One prompt of a walk."""

    id: Id
    type: QuestionType
    prompt: Text
    help: str | None = None
    required: bool = True
    multiline: bool = Field(
        default=True, description="For text: allow several lines, ended by an empty line."
    )
    choices: list[Choice] | None = None
    choices_from: Literal["themes", "age-bands"] | None = Field(
        default=None, description="Fill the choices from the library rather than listing them."
    )
    suggest_from: list[Id] = Field(
        default_factory=list,
        description="Pre-select themes suggested by the answers to these questions.",
    )
    when: Condition | None = None
    example: str | None = None
    section: NoteSection | None = Field(
        default=None,
        description="Where the answer goes in the note; by default the section of its stage.",
    )

    @model_validator(mode="after")
    def _choices_fit_type(self) -> Question:
        has_choices = self.choices is not None or self.choices_from is not None
        if self.type in ("choice", "multichoice") and not has_choices:
            raise ValueError(f"a '{self.type}' question needs 'choices' or 'choices_from'")
        if self.type not in ("choice", "multichoice") and has_choices:
            raise ValueError(f"a '{self.type}' question takes no 'choices'")
        if self.choices is not None and self.choices_from is not None:
            raise ValueError("give either 'choices' or 'choices_from', not both")
        if self.choices is not None:
            values = [c.value for c in self.choices]
            dupes = sorted({v for v in values if values.count(v) > 1})
            if dupes:
                raise ValueError(f"choice values repeat: {', '.join(dupes)}")
        return self


class Reminder(Model):
    """A short message shown at a stage when its condition holds."""

    id: Id
    text: Text
    when: Condition | None = None
    source: SourceRef | None = None


class Stage(Model):
    id: Id
    title: Text
    intro: str | None = None
    questions: list[Question] = Field(min_length=1)
    reminders: list[Reminder] = Field(default_factory=list)
    timebox: int | None = Field(default=None, ge=1, description="Suggested minutes (group walks).")


class Walk(Model):
    """A sequence of stages: the individual reflection, or a group discussion."""

    id: Id
    title: Text
    description: str | None = None
    replaces: bool = Field(
        default=False,
        description="Set to true to replace an earlier pack's walk of the same id.",
    )
    title_from: Id | None = Field(
        default=None, description="The question whose answer is the note's title."
    )
    front_matter: dict[str, Id] = Field(
        default_factory=dict,
        description="Note front-matter fields, each filled from the answer to a question.",
    )
    stages: list[Stage] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Walk:
        seen: set[str] = set()
        for stage in self.stages:
            for key in [stage.id, *(q.id for q in stage.questions)]:
                if key in seen:
                    raise ValueError(f"id '{key}' is used twice in walk '{self.id}'")
                seen.add(key)
        questions = {q.id for s in self.stages for q in s.questions}
        named = [self.title_from, *self.front_matter.values()]
        for name in named:
            if name is not None and name not in questions:
                raise ValueError(f"'{name}' is not a question in walk '{self.id}'")
        return self


class Scenario(Model):
    """A fictional piece of case information with example answers, for trainers' demos."""

    id: Id
    title: Text
    fictional: Literal[True] = Field(
        description="Must be true: scenarios are invented, and say so wherever they are shown."
    )
    walk: Id = Field(default="individual", description="The walk the example answers are for.")
    information: Text = Field(description="The new case information, as a practitioner hears it.")
    themes: list[Id] = Field(min_length=1, description="The learning themes it draws on.")
    answers: dict[Id, Any] = Field(description="Example answers, by question id.")
    teaching_notes: dict[Id, Text] = Field(
        default_factory=dict,
        description="Notes for the trainer, by question or stage id, shown at that point.",
    )
    sources: list[SourceRef] = Field(
        default_factory=list, description="The parts of the documents the scenario draws on."
    )


class Content(Model):
    """The content lists a pack may hold. A file inside a folder pack holds only these."""

    sources: list[Source] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    learning_points: list[Point] = Field(default_factory=list)
    practice_points: list[Point] = Field(default_factory=list)
    escalation_questions: list[Check] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    resources: list[Resource] = Field(default_factory=list)
    case_studies: list[CaseStudy] = Field(default_factory=list)
    walks: list[Walk] = Field(default_factory=list)
    scenarios: list[Scenario] = Field(default_factory=list)


class Pack(Content):
    """One content pack: metadata plus any of the content lists."""

    schema_: int = Field(
        alias="schema", description=f"Pack format version; this wsw reads {SCHEMA_VERSION}."
    )
    id: Id
    title: Text
    version: Version
    description: str | None = None
    requires: list[Id] = Field(default_factory=list, description="Packs this pack builds on.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    @field_validator("schema_")
    @classmethod
    def _supported(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ValueError(
                f"this pack uses schema {value}, "
                f"but this version of wsw reads schema {SCHEMA_VERSION}"
            )
        return value
