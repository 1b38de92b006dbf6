"""`wsw case`: the cases wsw has notes on, a case's chronology, forgetting and reindexing."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wsw.cli.options import ForceOpt, JsonOpt, ReportOutputOpt, say

if TYPE_CHECKING:
    from wsw.cases.history import Case

case_app = typer.Typer(
    help="The cases your notes are about: list, show a chronology, forget, reindex.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def complete_case(incomplete: str) -> list[str]:
    """Shell completion: the known case references that start with what was typed."""
    from wsw.cases.store import open_index

    try:
        index = open_index()
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [ref for ref in index.cases() if ref.casefold().startswith(incomplete.casefold())]


RefArg = Annotated[
    str,
    typer.Argument(
        metavar="REF",
        help="The case reference (or a unique start of it).",
        autocompletion=complete_case,
    ),
]


class ShowFormat(StrEnum):
    md = "md"
    html = "html"
    csv = "csv"


def _load(ref: str) -> Case:
    from wsw.cases.store import load_case, open_index

    return load_case(open_index(say), ref)


@case_app.command("list")
def case_list(as_json: JsonOpt = False) -> None:
    """The cases, most recent first: notes, first and last dates, safety, open actions."""
    from wsw.cases import JSON_VERSION
    from wsw.cases.store import open_index

    found = open_index(say).summaries()
    if as_json:
        typer.echo(json.dumps({"version": JSON_VERSION, "cases": found}, ensure_ascii=False))
        return
    if not found:
        say("No cases yet. Answer 'Which case is this?' in `wsw reflect` to start one.")
        return
    from wsw.terminal.cases import print_cases

    print_cases(found)


@case_app.command("show")
def case_show(
    ref: RefArg,
    as_json: JsonOpt = False,
    fmt: Annotated[
        ShowFormat | None,
        typer.Option("--format", "-f", help="A court chronology: md, csv, or html with a chart."),
    ] = None,
    output: ReportOutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """A case's chronology, one row per reflection, then its open actions and questions."""
    from wsw.cases import chronology

    case = _load(ref)
    if as_json:
        text = json.dumps(chronology.case_json(case), ensure_ascii=False, indent=2) + "\n"
    elif fmt is not None:
        render = {"md": chronology.to_markdown, "csv": chronology.to_csv,
                  "html": chronology.to_html}[fmt.value]  # fmt: skip
        text = render(case)
    elif output is None:
        from wsw.terminal.cases import print_case

        print_case(case)
        return
    else:
        text = chronology.to_markdown(case)
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    from wsw.infra.storage import write_private

    write_private(output, text, overwrite=force)
    say(f"Chronology written to {output}")


@case_app.command("forget")
def case_forget(
    ref: RefArg,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a case's notes and drafts and remove it from the index."""
    from wsw.cases.store import load_case, open_index
    from wsw.errors import InputError
    from wsw.reflection.forget import drafts_of, forget

    index = open_index(say)
    case = load_case(index, ref)
    if not yes:
        if not sys.stdin.isatty():
            raise InputError("Give --yes to forget a case without a terminal to confirm at.")
        count = len(drafts_of(case.ref))
        question = (f"Delete {len(case.notes)} note(s) and {count} draft(s) of this case, "
                    "and remove it from the index?")  # fmt: skip
        if not typer.confirm(question, default=False, err=True):
            say("Nothing was deleted.")
            return
    for line in forget(index, case).lines():
        say(line)


@case_app.command("reindex")
def case_reindex() -> None:
    """Rebuild the case index from the notes folder."""
    from wsw.cases.index import index_path
    from wsw.cases.store import open_index

    path = index_path()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    index = open_index(say)
    count = len(index.records())
    say(f"Rebuilt the case index from {index.folder}: {count} note(s) "
        f"on {len(index.cases())} case(s).")  # fmt: skip
