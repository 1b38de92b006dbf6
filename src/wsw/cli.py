"""The command line: parse arguments, call the core, show the result.

Only Typer is imported at start-up; pydantic, PyYAML, the pack loader and Rich rendering are
imported inside the commands that need them, so `wsw --help` stays as quick as a bare Typer app.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wsw import __version__

if TYPE_CHECKING:
    from wsw.packs import Library

HELP = (
    "What? So What? Then What? Reflect on new case information with the learning from "
    "child safeguarding practice reviews."
)

app = typer.Typer(
    help=HELP,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
packs_app = typer.Typer(
    help="List, show, validate and describe content packs.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(packs_app, name="packs")


class AgeBandChoice(StrEnum):
    under_1 = "under-1"
    age_1_5 = "1-5"
    age_6_10 = "6-10"
    age_11_15 = "11-15"
    age_16_17 = "16-17"


class Settings:
    """Options given before the command, shared by every command."""

    def __init__(self, packs: list[Path]) -> None:
        self.packs = packs

    def library(self) -> Library:
        from wsw.packs import load_library

        return load_library(self.packs)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wsw {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    packs: Annotated[
        list[Path] | None,
        typer.Option(
            "--packs",
            metavar="DIR",
            help="Also load the packs in DIR (after built-in, user, WSW_PACKS). Repeatable.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """What? So What? Then What? Reflect on new case information with review learning."""
    ctx.obj = Settings(list(packs or []))


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings([])


def _read_text(text: str | None) -> str:
    from wsw.errors import InputError

    if text is not None and text != "-":
        return text
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError(
            'Give the new information as an argument, e.g. wsw suggest "...", '
            "or pipe it in on standard input."
        )
    return sys.stdin.read()


@app.command()
def suggest(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(
            help="The new case information. Omit it (or give -) to read standard input."
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most N points.")] = 10,
    age_band: Annotated[
        list[AgeBandChoice] | None,
        typer.Option(
            "--age-band", "-a", help="Age band of the child; repeat for several children."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON to standard output.")] = False,
) -> None:
    """Show the learning most relevant to a piece of new case information."""
    from wsw.errors import InputError
    from wsw.suggest import Suggester

    info = _read_text(text)
    if not info.strip():
        raise InputError("There is no text to suggest from: the information given is empty.")
    library = _settings(ctx).library()
    bands = [b.value for b in age_band or []]
    results = Suggester(library).suggest(info, age_bands=bands, limit=limit)  # type: ignore[arg-type]
    if as_json:
        import json

        fields = ("id", "theme", "themes", "kind", "title", "score", "matched", "source")
        payload = {"suggestions": [s.model_dump(include=set(fields)) for s in results]}
        payload["suggestions"] = [{k: item[k] for k in fields} for item in payload["suggestions"]]
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    from wsw import views

    views.print_suggestions(results, library)


@packs_app.command("list")
def packs_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON to standard output.")] = False,
) -> None:
    """List the loaded packs with their versions, contents and sources."""
    from wsw import views

    library = _settings(ctx).library()
    if as_json:
        import json

        typer.echo(json.dumps({"packs": views.pack_rows(library)}, indent=2, ensure_ascii=False))
        return
    views.print_pack_table(library)


@packs_app.command("show")
def packs_show(
    ctx: typer.Context,
    pack_id: Annotated[
        str, typer.Argument(metavar="ID", help="The pack's id, as `wsw packs list` shows it.")
    ],
) -> None:
    """Show one pack's content, grouped by theme, with sources."""
    from wsw import views
    from wsw.errors import InputError
    from wsw.packs.loader import did_you_mean

    library = _settings(ctx).library()
    loaded = library.pack(pack_id)
    if loaded is None:
        ids = [p.pack.id for p in library.packs]
        raise InputError(
            f"No pack with id '{pack_id}'{did_you_mean(pack_id, ids)}. "
            f"Loaded packs: {', '.join(ids)}."
        )
    views.print_pack(loaded, library)


@packs_app.command("validate")
def packs_validate(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help="Pack files, pack folders, or folders of packs."),
    ],
    builtin: Annotated[
        bool,
        typer.Option(
            "--builtin/--no-builtin",
            help="Check references against the built-in packs (default) or only the given ones.",
        ),
    ] = True,
) -> None:
    """Check packs and list every problem at once, with file, line and field."""
    from wsw import paths as wsw_paths
    from wsw.errors import InputError, Problem
    from wsw.packs.library import check_library, load_packs
    from wsw.packs.loader import pack_paths

    targets: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder.")
        if path.is_file():
            targets.append((path, "given"))
        else:
            found = pack_paths(path)
            if not found:
                problems.append(Problem(str(path), None, None, "", "no pack files (*.yaml) here"))
            targets.extend((p, "given") for p in found)
    given, found_problems = load_packs(targets)
    problems.extend(found_problems)
    base = []
    if builtin:
        # A given pack with a built-in's id (an edited copy of `content/`) stands in for it.
        given_ids = {p.pack.id for p in given}
        builtins, builtin_problems = load_packs(
            [(p, "built-in") for p in pack_paths(wsw_paths.builtin_packs_dir())]
        )
        base = [p for p in builtins if p.pack.id not in given_ids]
        problems.extend(builtin_problems)
    library = check_library([*base, *given], problems)
    count = len(library.packs)
    typer.echo(
        f"OK: {count} pack{'s' if count != 1 else ''} valid, {len(library.points)} points.",
        err=True,
    )


@packs_app.command("schema")
def packs_schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the schema to FILE instead of stdout."),
    ] = None,
) -> None:
    """Print the JSON Schema of a pack file, for editors' completion and checking."""
    import json

    from wsw.packs.models import Pack

    schema = Pack.model_json_schema(by_alias=True)
    schema["title"] = "wsw content pack"
    text = json.dumps(schema, indent=2) + "\n"
    if output is None:
        typer.echo(text, nl=False)
        return
    from wsw.storage import write_private

    write_private(output, text, overwrite=True)
    typer.echo(f"Wrote the pack schema to {output}.", err=True)
