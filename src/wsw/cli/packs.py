"""`wsw packs`: list, show, validate and describe content packs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wsw.cli.options import say, settings

packs_app = typer.Typer(
    help="List, show, validate and describe content packs.",
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
    from wsw.errors import InputError, Problem
    from wsw.infra import paths as wsw_paths
    from wsw.packs.files import pack_paths
    from wsw.packs.layers import check_library, load_packs

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
        given_files = {p.resolve() for p, _ in targets}
        builtins, builtin_problems = load_packs(
            [
                (p, "built-in")
                for p in pack_paths(wsw_paths.builtin_packs_dir())
                if p.resolve() not in given_files
            ]
        )
        base = [p for p in builtins if p.pack.id not in given_ids]
        problems.extend(builtin_problems)
    library = check_library([*base, *given], problems)
    count = len(library.packs)
    say(f"OK: {count} pack{'s' if count != 1 else ''} valid, {len(library.points)} points.")


@packs_app.command("schema")
def packs_schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the schema to FILE instead of stdout."),
    ] = None,
) -> None:
    """Print the JSON Schema of a pack file, for editors' completion and checking."""
    import json

    from wsw.packs.schema import json_schema

    schema = json_schema()
    schema["title"] = "wsw content pack"
    text = json.dumps(schema, indent=2) + "\n"
    if output is None:
        typer.echo(text, nl=False)
        return
    from wsw.infra.storage import write_private

    write_private(output, text, overwrite=True)
    say(f"Wrote the pack schema to {output}.")
