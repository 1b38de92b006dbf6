"""The shape of a content pack: plain frozen dataclasses, checked by pydantic when read.

A pack is written by trainers and team leads, not programmers, so every record forbids unknown
fields (a misspelt key is reported, not silently ignored) and field names read as plain English.
Cross-references between packs (theme ids, source ids, stage ids, question ids) are checked
when packs are layered into a library, because only then are all the ids known.

Why dataclasses and not pydantic models: the records are only *validated* when a pack is read,
which a cached library skips, and importing pydantic costs more than everything else `wsw
render` does. So the annotations are strings that name pydantic constraints (`Id`, `Text`,
`Field(...)`); `wsw.packs.schema` supplies those names and validates, and nothing here imports
pydantic. `__pydantic_config__` is how pydantic reads a dataclass's settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from wsw.walk_ids import DEFAULT_WALK

if TYPE_CHECKING:
    from pydantic import Field

    from wsw.packs.schema import Id, SchemaNumber, Text, Triggers, Version

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
    "for-practice",
]
QuestionType = Literal[
    "text", "choice", "multichoice", "yesno", "scale", "date", "actions", "list", "case"
]


@dataclass(frozen=True, kw_only=True, slots=True)
class Model:
    """Base for every pack record: strict about unknown keys, tolerant of layout.

    A field whose name ends in `_` (`in_`, `not_`, `schema_`) is written without it in YAML.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "str_strip_whitespace": True,
        "populate_by_name": True,
    }


@dataclass(frozen=True, kw_only=True, slots=True)
class Source(Model):
    """A document a pack's content comes from."""

    id: Annotated[Id, Field(description="How points in this pack refer to the document.")]
    title: Text
    short_title: Annotated[str | None, Field(description="A short name for citations.")] = None
    publisher: Text
    year: Annotated[int, Field(ge=1900, le=2100)]
    authors: str | None = None
    url: Annotated[str | None, Field(description="Public link, where there is one.")] = None
    about_figures: Annotated[
        Text | None,
        Field(
            description="What the document's figures are and are not (what was counted, of "
            "what population, what they cannot show): shown wherever one of its figures is."
        ),
    ] = None
    about_figures_brief: Annotated[
        Text | None,
        Field(
            description="The same in a sentence, for notes a supervisor reads in one screen: "
            "what the figures count and that they are not rates. Default: about_figures."
        ),
    ] = None


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceRef(Model):
    """Where in a document a piece of content comes from."""

    document: Annotated[
        Id, Field(description="The id of a source declared in this or another pack.")
    ]
    section: Annotated[Text, Field(description="The section heading as the document gives it.")]
    page: Annotated[
        int | None, Field(ge=1, description="Page, where the contents list gives one.")
    ] = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Theme(Model):
    """One entry of the shared taxonomy every pack refers to by id."""

    id: Id
    title: Text
    description: Text
    triggers: Triggers = ()
    age_boost: Annotated[
        dict[AgeBand, Annotated[float, Field(gt=0, le=5)]],
        Field(
            description="Extra weight for this theme when a child in the case is in the age band "
            "(e.g. infants for under-1s)."
        ),
    ] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True, slots=True)
class ThemeCount(Model):
    """True when at least `count` of the listed themes are chosen."""

    count: Annotated[int, Field(ge=1)]
    of: Annotated[list[Id], Field(min_length=1)]


@dataclass(frozen=True, kw_only=True, slots=True)
class AnswerTest(Model):
    """A test on an earlier answer in the walk."""

    question: Id
    equals: str | int | bool | None = None
    in_: Annotated[list[str] | None, Field(alias="in")] = None
    answered: bool | None = None
    at_least: int | None = None
    at_most: int | None = None
    differs_from: Annotated[
        Id | None,
        Field(description="True when this answer differs from the answer to that question."),
    ] = None
    mentions: Annotated[
        Triggers | None,
        Field(
            description=(
                "True when the answer's text matches any of these phrases, in the points' "
                "trigger syntax and read as the suggestion engine reads text."
            )
        ),
    ] = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Condition(Model):
    """When a question, reminder or check applies. Every test given must hold."""

    themes: Annotated[list[Id] | None, Field(description="Any of these themes is chosen.")] = None
    all_themes: Annotated[list[Id] | None, Field(description="All of these themes are chosen.")] = (
        None
    )
    themes_count: ThemeCount | None = None
    age_bands: Annotated[
        list[AgeBand] | None, Field(description="Any of these age bands applies.")
    ] = None
    case_types: Annotated[list[Id] | None, Field(description="The case type is one of these.")] = (
        None
    )
    answer: AnswerTest | None = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Annotated[Condition | None, Field(alias="not")] = None

    def __post_init__(self) -> None:
        if all(getattr(self, f.name) is None for f in fields(self)):
            raise ValueError("a condition needs at least one test (themes, age_bands, answer, ...)")


@dataclass(frozen=True, kw_only=True, slots=True)
class TableCite(Model):
    """Rows of a data table that a point's figures come from, named by their first cell."""

    table: Id
    rows: Annotated[
        list[Text], Field(description="The rows' first cells, as in the table; none: every row.")
    ] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, slots=True)
class Point(Model):
    """A learning point or practice point: one message from the reviews."""

    id: Id
    themes: Annotated[
        tuple[Id, ...],
        Field(min_length=1, description="The first theme is the point's primary theme."),
    ]
    title: Text
    text: Annotated[
        Text,
        Field(description="What the source says, and only that, in our own words: it is cited."),
    ]
    source: SourceRef
    prompt: Annotated[
        Text | None,
        Field(
            description="wsw's own suggestion of what to do with the finding, shown apart from "
            "the cited text and marked as wsw's, never the source's."
        ),
    ] = None
    as_of: Annotated[
        Text | None,
        Field(
            description="For policy or guidance that can change: when the source said it "
            "(e.g. 'June 2021'), shown beside the citation."
        ),
    ] = None
    age_bands: tuple[AgeBand, ...] | None = None
    figures: tuple[Text, ...] = ()
    triggers: Triggers = ()
    own_triggers_only: Annotated[
        bool,
        Field(
            description="Suggest this point only when one of its own triggers matches, not "
            "whenever its theme does (for learning about one context, such as the pandemic)."
        ),
    ] = False
    stages: Annotated[
        tuple[Id, ...],
        Field(description="Walk stages at which this point is shown as a reminder."),
    ] = ()
    resources: tuple[Id, ...] = ()
    tables: Annotated[
        tuple[Id | TableCite, ...],
        Field(
            description="Data tables the point's figures come from: an id for the whole table, "
            "or {table, rows} for the rows it speaks of (shown in a note; packs show and cards "
            "show whole tables)."
        ),
    ] = ()

    @property
    def primary_theme(self) -> str:
        return self.themes[0]

    @property
    def table_cites(self) -> list[TableCite]:
        """Each table cited, as a TableCite (a bare id cites every row)."""
        return [t if isinstance(t, TableCite) else TableCite(table=t) for t in self.tables]


@dataclass(frozen=True, kw_only=True, slots=True)
class Check(Model):
    """An escalation question or a 'Then what?' check, shown when its condition holds."""

    id: Id
    text: Text
    help: str | None = None
    themes: list[Id] = field(default_factory=list)
    stage: Annotated[Id | None, Field(description="The walk stage where it is shown.")] = None
    at: Annotated[
        Id | None,
        Field(
            description="The question it concerns: shown there (or at the next question, once "
            "its condition holds), not at the start of the stage. Where the walk has no such "
            "question it is shown from the start of the stage."
        ),
    ] = None
    stages: Annotated[
        list[Id],
        Field(
            description="Further stages where it is shown, in any walk (e.g. the individual "
            "walk's `then-what` and the group walk's `group-options`)."
        ),
    ] = field(default_factory=list)
    when: Condition | None = None
    source: SourceRef | None = None

    def shown_at(self, stage_id: str) -> bool:
        return stage_id == self.stage or stage_id in self.stages


@dataclass(frozen=True, kw_only=True, slots=True)
class TableRow(Model):
    """One row of a data table: its cells as published, and the ages it is about, if any."""

    cells: Annotated[list[str], Field(min_length=1)]
    age_bands: list[AgeBand] | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class DataTable(Model):
    """A table of figures carried whole, as the document publishes it (errors and all)."""

    id: Id
    title: Text
    columns: Annotated[list[Text], Field(min_length=1)]
    rows: Annotated[list[TableRow], Field(min_length=1)]
    notes: Annotated[
        list[Text],
        Field(
            description="First what the table counts (a note shows that one with the rows it "
            "cites), then anything that does not add up as printed."
        ),
    ] = field(default_factory=list)
    themes: list[Id] = field(default_factory=list)
    source: SourceRef

    def __post_init__(self) -> None:
        for n, row in enumerate(self.rows, 1):
            if len(row.cells) != len(self.columns):
                raise ValueError(
                    f"row {n} has {len(row.cells)} cells; the table has {len(self.columns)} columns"
                )


@dataclass(frozen=True, kw_only=True, slots=True)
class Resource(Model):
    """Guidance to signpost: internal to an organisation or public."""

    id: Id
    title: Text
    description: Text
    kind: Literal["internal", "public"] = "public"
    url: str | None = None
    themes: list[Id] = field(default_factory=list)
    source: SourceRef | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class CaseStudy(Model):
    """A published review summarised in a source document, kept as learning."""

    id: Id
    title: Text
    review: Annotated[
        Text, Field(description="Which published review this is, e.g. the partnership and year.")
    ]
    summary: Text
    learning: Annotated[list[Text], Field(min_length=1)]
    themes: Annotated[list[Id], Field(min_length=1)]
    source: SourceRef
    points: Annotated[list[Id], Field(description="Related point ids.")] = field(
        default_factory=list
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Choice(Model):
    """One answer a choice question offers."""

    value: Id
    label: Text
    help: str | None = None
    stops: Annotated[
        bool,
        Field(
            description="Choosing it saves the draft and stops for now; `--resume` goes on "
            "from the next question (e.g. 'finish the reflection later')."
        ),
    ] = False


@dataclass(frozen=True, kw_only=True, slots=True)
class Question(Model):
    """One prompt of a walk."""

    id: Id
    type: QuestionType
    prompt: Text
    help: str | None = None
    required: bool = True
    multiline: Annotated[
        bool, Field(description="For text: allow several lines, ended by an empty line.")
    ] = True
    choices: list[Choice] | None = None
    choices_from: Annotated[
        Literal["themes", "age-bands"] | None,
        Field(description="Fill the choices from the library rather than listing them."),
    ] = None
    suggest_from: Annotated[
        list[Id],
        Field(description="Pre-select themes suggested by the answers to these questions."),
    ] = field(default_factory=list)
    when: Condition | None = None
    example: str | None = None
    section: Annotated[
        NoteSection | None,
        Field(
            description="Where the answer goes in the note; by default the section of its stage."
        ),
    ] = None
    summary: Annotated[
        Text | None,
        Field(
            description="A short label: the answer also opens the note, in its Summary, under "
            "this label (a text answer by its first two sentences; a yes/no only when yes)."
        ),
    ] = None

    def __post_init__(self) -> None:
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


@dataclass(frozen=True, kw_only=True, slots=True)
class Reminder(Model):
    """A short message shown at a stage when its condition holds."""

    id: Id
    text: Text
    when: Condition | None = None
    source: SourceRef | None = None
    at: Annotated[
        Id | None,
        Field(
            description="The question of the stage it concerns: shown there (or at the next "
            "question, once its condition holds), not at the start of the stage."
        ),
    ] = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Stage(Model):
    """One part of a walk: its questions, and reminders shown along the way."""

    id: Id
    title: Text
    intro: str | None = None
    questions: Annotated[list[Question], Field(min_length=1)]
    reminders: list[Reminder] = field(default_factory=list)
    timebox: Annotated[int | None, Field(ge=1, description="Suggested minutes (group walks).")] = (
        None
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Walk(Model):
    """A sequence of stages: the individual reflection, or a group discussion."""

    id: Id
    title: Text
    description: str | None = None
    replaces: Annotated[
        bool, Field(description="Set to true to replace an earlier pack's walk of the same id.")
    ] = False
    title_from: Annotated[
        Id | None, Field(description="The question whose answer is the note's title.")
    ] = None
    case_type_from: Annotated[
        Id | None,
        Field(description="The question whose answer is the case type that conditions test."),
    ] = None
    front_matter: Annotated[
        dict[str, Id | list[Id]],
        Field(
            description="Note front-matter fields, each filled from the answer to a question "
            "(or the first answered of a list, for a question asked in one of two places)."
        ),
    ] = field(default_factory=dict)
    quick: Annotated[
        bool,
        Field(description="A shortened walk: the note says it is a quick reflection."),
    ] = False
    case_from: Annotated[
        Id | None,
        Field(description="The question whose answer names the case (a 'case' question)."),
    ] = None
    case_review: Annotated[
        Id | None,
        Field(description="The stage before which what wsw knows of a known case is shown."),
    ] = None
    stages: Annotated[list[Stage], Field(min_length=1)]

    def sources_of(self, key: str) -> list[str]:
        """The questions a front-matter field is filled from, first answered first."""
        named = self.front_matter.get(key)
        return [] if named is None else [named] if isinstance(named, str) else list(named)

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for stage in self.stages:
            for key in [stage.id, *(q.id for q in stage.questions)]:
                if key in seen:
                    raise ValueError(f"id '{key}' is used twice in walk '{self.id}'")
                seen.add(key)
        questions = {q.id for s in self.stages for q in s.questions}
        named = [self.title_from, self.case_type_from, self.case_from]
        named += [q for key in self.front_matter for q in self.sources_of(key)]
        for name in named:
            if name is not None and name not in questions:
                raise ValueError(f"'{name}' is not a question in walk '{self.id}'")
        if self.case_review is not None and self.case_review not in {s.id for s in self.stages}:
            raise ValueError(f"'{self.case_review}' is not a stage in walk '{self.id}'")


@dataclass(frozen=True, kw_only=True, slots=True)
class Scenario(Model):
    """A fictional piece of case information with example answers, for trainers' demos."""

    id: Id
    title: Text
    fictional: Annotated[
        Literal[True],
        Field(
            description="Must be true: scenarios are invented, and say so wherever they are shown."
        ),
    ]
    walk: Annotated[Id, Field(description="The walk the example answers are for.")] = DEFAULT_WALK
    information: Annotated[
        Text, Field(description="The new case information, as a practitioner hears it.")
    ]
    themes: Annotated[list[Id], Field(min_length=1, description="The learning themes it draws on.")]
    answers: Annotated[dict[Id, Any], Field(description="Example answers, by question id.")]
    teaching_notes: Annotated[
        dict[Id, Text],
        Field(description="Notes for the trainer, by question or stage id, shown at that point."),
    ] = field(default_factory=dict)
    sources: Annotated[
        list[SourceRef], Field(description="The parts of the documents the scenario draws on.")
    ] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, slots=True)
class Example(Model):
    """A fictional piece of information and the learning it should bring up (`wsw packs test`).

    It is how an author sees what a change of triggers does: each example is run through the
    suggestion engine, and a theme or point that does not come up is a miss.
    """

    id: Id
    fictional: Annotated[
        Literal[True], Field(description="Must be true: examples are invented, never a case.")
    ]
    information: Annotated[
        Text, Field(description="The new case information, as a practitioner would write it.")
    ]
    age_bands: Annotated[
        list[AgeBand],
        Field(description="Age bands given as `wsw suggest --age-band` would give them."),
    ] = field(default_factory=list)
    themes: Annotated[
        list[Id], Field(description="Themes that must be among those suggested (ticked).")
    ] = field(default_factory=list)
    points: Annotated[
        list[Id], Field(description="Points that must be among the suggestions shown.")
    ] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.themes and not self.points:
            raise ValueError("an example needs the 'themes' or 'points' it should bring up")


@dataclass(frozen=True, kw_only=True, slots=True)
class Content(Model):
    """The content lists a pack may hold. A file inside a folder pack holds only these."""

    sources: list[Source] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    learning_points: list[Point] = field(default_factory=list)
    practice_points: list[Point] = field(default_factory=list)
    escalation_questions: list[Check] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    case_studies: list[CaseStudy] = field(default_factory=list)
    tables: list[DataTable] = field(default_factory=list)
    walks: list[Walk] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, slots=True)
class Pack(Content):
    """One content pack: metadata plus any of the content lists."""

    schema_: Annotated[
        SchemaNumber,
        Field(alias="schema", description=f"Pack format version; this wsw reads {SCHEMA_VERSION}."),
    ]
    id: Id
    title: Text
    version: Version
    description: str | None = None
    requires: Annotated[list[Id], Field(description="Packs this pack builds on.")] = field(
        default_factory=list
    )


CONTENT_LISTS = tuple(f.name for f in fields(Content))
