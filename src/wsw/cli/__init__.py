"""The command line: parse arguments, call the core, show the result.

`wsw.cli.app` builds the Typer app and registers every command; each command lives in the
module of its name and knows nothing of the app, so registration runs one way. Only Typer is
imported at start-up: the pack loader, pydantic and Rich rendering are imported inside the
commands that need them, so `wsw --help` stays as quick as a bare Typer app.
"""
