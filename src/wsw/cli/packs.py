"""`wsw packs`: list, show, validate, lint, test and build content packs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wsw.cli.completion import pack_ids
from wsw.cli.options import say, settings

packs_app = typer.Typer(
    help="List, show, validate, test and build content packs.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@packs_app.command("list")
def packs_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON to standard output.")] = False,
) -> None:
    """List the loaded packs with their versions, contents and sources."""
    from wsw.terminal import views

    library = settings(ctx).catalogue().library
    if as_json:
        import json

        from wsw.cli.pack_reports import JSON_VERSION, pack_json

        payload = {"version": JSON_VERSION, "packs": [pack_json(p) for p in library.packs]}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    views.print_pack_table(library)


@packs_app.command("show")
def packs_show(
    ctx: typer.Context,
    pack_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The pack's id, as `wsw packs list` shows it.",
            autocompletion=pack_ids,
        ),
    ],
) -> None:
    """Show one pack's content, grouped by theme, with sources."""
    from wsw.errors import InputError, did_you_mean
    from wsw.terminal import views

    library = settings(ctx).catalogue().library
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
    from wsw.packs.layers import given_library

    library, _ = given_library(paths, builtin=builtin)
    count = len(library.packs)
    say(f"OK: {count} pack{'s' if count != 1 else ''} valid, {len(library.points)} points.")


@packs_app.command("build")
def packs_build(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help="Pack files, pack folders, or folders of packs."),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="DIR", help="The folder to write the JSON packs in."),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace JSON packs already in DIR.")
    ] = False,
) -> None:
    """Write packs as JSON (ID.pack.json): the same packs, read several times faster.

    For a large library shipped to others: at 100,000 points, reading YAML takes most of a
    cold start. The packs are checked first, as `wsw packs validate` does; nothing is
    written unless all of them pass. Keep the YAML: it is what people edit.
    """
    from wsw.errors import InputError
    from wsw.packs.build import write_built
    from wsw.packs.layers import given_library

    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is not a folder.")
    sources = {(p if p.is_dir() else p.parent).resolve() for p in paths if p.exists()}
    if out.resolve() in sources:
        raise InputError(
            f"{out} holds the packs being built: write the JSON to another folder (beside the "
            "YAML, each pack would be read twice)."
        )
    library, given = given_library(paths)
    packs = [p for p in library.packs if p.pack.id in given]
    written = write_built(packs, out, force=force)
    points = sum(len(p.pack.learning_points) + len(p.pack.practice_points) for p in packs)
    for path in written:
        say(f"Wrote {path}.")
    say(
        f"OK: {len(written)} pack{'s' if len(written) != 1 else ''} ({points:,} points) "
        "written as JSON. wsw reads them wherever it reads packs (in place of the YAML, "
        "not beside it: the ids are the same); keep the YAML for editing."
    )


@packs_app.command("new")
def packs_new(
    pack_id: Annotated[
        str, typer.Argument(metavar="ID", help="The new pack's id, e.g. `our-team`.")
    ],
    folder: Annotated[
        Path, typer.Option("--dir", metavar="DIR", help="Where to write it (default: here).")
    ] = Path(),
) -> None:
    """Write a commented starter pack, ID.yaml, that validates and whose example passes.

    The pack's schema is written beside it for editors, unless one is there already.
    Nothing is ever overwritten.
    """
    from wsw.errors import InputError
    from wsw.infra.storage import WriteRefused, write_private
    from wsw.packs.starter import ID_PATTERN, SCHEMA_FILE, starter_pack

    if not ID_PATTERN.match(pack_id) or len(pack_id) > 120:
        raise InputError(
            f"'{pack_id}' is not a valid pack id: use lower-case letters, digits, dots and "
            "hyphens, starting with a letter or digit (e.g. our-team)."
        )
    target = folder / f"{pack_id}.yaml"
    if target.exists() or target.is_symlink():
        raise WriteRefused(f"{target} already exists; wsw packs new never replaces a file.")
    write_private(target, starter_pack(pack_id))
    say(f"Wrote a starter pack to {target}.")
    schema_file = folder / SCHEMA_FILE
    if not schema_file.exists() and not schema_file.is_symlink():
        write_private(schema_file, _schema_text())
        say(f"Wrote the pack schema to {schema_file} (for editors).")
    say(f"Next: edit it, then `wsw packs validate {target}` and `wsw packs test {target}`.")


def _schema_text() -> str:
    import json

    from wsw.packs.schema import json_schema

    schema = json_schema()
    schema["title"] = "wsw content pack"
    return json.dumps(schema, indent=2) + "\n"


@packs_app.command("lint")
def packs_lint(
    paths: PathsArg = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when there is any warning.")
    ] = False,
    every_trigger: Annotated[
        bool,
        typer.Option("--every-trigger", help="List each unused trigger, not a count per pack."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON to standard output.")] = False,
) -> None:
    """Warnings that are not errors: unused or common triggers, near-duplicate points, ...

    Unused triggers, triggers on common words, near-duplicate points, checks without a
    source, figures without a population, hard reading, and advice inside a cited finding.
    Exit 0 unless --strict and there are warnings.
    """
    from wsw.errors import Findings
    from wsw.packs.layers import given_library
    from wsw.packs.lint import lint

    if paths:
        library, linted = given_library(paths, keep_marks=True)
    else:
        from wsw.infra import paths as wsw_paths

        library, linted = given_library([wsw_paths.builtin_packs_dir()], keep_marks=True)
    from wsw.suggest.learned import WEIGHTS

    fitted = frozenset(owner for owner, _ in WEIGHTS)
    warnings = lint(library, linted, every_trigger=every_trigger, fitted=fitted)
    if as_json:
        import json

        from wsw.cli.pack_reports import JSON_VERSION, lint_json

        payload = {"version": JSON_VERSION, "warnings": [lint_json(w) for w in warnings]}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        from wsw.text.shown import plain

        for warning in warnings:
            typer.echo(plain(str(warning)))
    count = len(warnings)
    summary = f"{count} warning{'s' if count != 1 else ''} in {len(linted)} pack" + (
        "s" if len(linted) != 1 else ""
    )
    if strict and warnings:
        raise Findings(summary + ".")
    say(summary + (": nothing to look at again." if not warnings else "."))


@packs_app.command("schema")
def packs_schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the schema to FILE instead of stdout."),
    ] = None,
) -> None:
    """Print the JSON Schema of a pack file, for editors' completion and checking."""
    text = _schema_text()
    if output is None:
        typer.echo(text, nl=False)
        return
    from wsw.infra.storage import write_private

    write_private(output, text, overwrite=True)
    say(f"Wrote the pack schema to {output}.")


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="[PATH...]",
        help="Pack files or folders (checked on top of the built-in packs); none: every loaded "
        "pack.",
    ),
]


@packs_app.command("test")
def packs_test(
    ctx: typer.Context,
    paths: PathsArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON to standard output.")] = False,
) -> None:
    """Run the packs' examples through the suggestion engine: passes, misses, what came up.

    Exit 1 when an example misses a theme or point it should bring up.
    """
    from wsw.catalogue.examples import run_examples
    from wsw.errors import Findings

    if paths:
        from wsw.catalogue.model import Catalogue
        from wsw.packs.layers import given_library

        library, given = given_library(paths)
        outcomes = run_examples(Catalogue.build(library), given)
    else:
        outcomes = run_examples(settings(ctx).catalogue())
    missed = [o for o in outcomes if not o.passed]
    if as_json:
        import json

        from wsw.cli.pack_reports import JSON_VERSION, example_json

        payload = {"version": JSON_VERSION, "examples": [example_json(o) for o in outcomes]}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        from wsw.cli.pack_reports import example_lines

        for outcome in outcomes:
            for line in example_lines(outcome):
                typer.echo(line)
    count = len(outcomes)
    summary = (
        f"{count} example{'s' if count != 1 else ''}: "
        f"{count - len(missed)} passed, {len(missed)} missed."
    )
    if not outcomes:
        say("No examples in these packs (add some under `examples:`).")
    if missed:
        raise Findings(summary)
    say(summary)
