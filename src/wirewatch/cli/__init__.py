"""The `wirewatch` command. Each sub-module adds its commands with `register(app)`.

Rows and documents go to stdout; progress, summaries and errors go to stderr.
"""

from __future__ import annotations

import sqlite3
import sys

import typer

from .. import __version__
from . import batch, extract, serve
from . import export as export_cli, store as store_cli
from . import gazetteer as gazetteer_cli, link as link_cli, watch as watch_cli

app = typer.Typer(
    name="wirewatch",
    help="Turn news-wire reporting on war and politics into a verifiable situation picture.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)

# One line per command module; each calls app.command(...) on its functions.
for module in (extract, batch, serve, store_cli, link_cli, export_cli, gazetteer_cli, watch_cli):
    module.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wirewatch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Wirewatch: events, claims, places and times from news articles, each with the span it came from."""


def main() -> None:
    """The command; a failure of the machine under it (a full disk, a store SQLite cannot use) is one line
    naming the reason and exit status 1, never a traceback."""
    try:
        app()
    except (sqlite3.Error, OSError) as exc:  # anything else is a bug: its traceback is wanted
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
