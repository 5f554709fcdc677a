"""The `kg` command: each subcommand reads its options, calls one library function, prints."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.export import EXPORTERS


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"kg: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """Chinese local news -> knowledge graph (kg-json, RDF, GraphML, offline HTML)."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "-o", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.json, graph.ttl, graph.html, graph.graphml, merges.json.")
@click.option("--place", help="Home place that 我市/本市/市委 refer to, e.g. 聊城市.")
@click.option("--date", help="Publication date (YYYY-MM-DD) for plain files without one in their name.")
@click.option("--lexicon", type=click.Path(dir_okay=False), help="TSV: name<TAB>type[<TAB>aliases]; type none suppresses.")
@click.option("--into", type=click.Path(file_okay=False), help="Add to the build in this folder instead of starting anew.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 256), help="Worker processes.")
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786) to extract on a cluster.")
@click.option("--strict", is_flag=True, help="Stop at the first bad input.")
@click.option("--no-cache", is_flag=True, help="Re-extract every document even if cached.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
def build(paths, out, place, date, lexicon, into, jobs, scheduler, strict, no_cache, quiet) -> None:
    """Build the graph from .txt files, folders and .jsonl files."""
    from kg.ingest import normalise_date
    from kg.lexicon import LexiconError, read_lexicon
    from kg.pipeline import BuildError, build as run_build

    if date and normalise_date(date) is None:
        _fail(f"--date {date!r} is not a YYYY-MM-DD date", 2)
    try:
        lex = read_lexicon(lexicon) if lexicon else None
        report = run_build(list(paths), out=Path(into or out), place=place, date=date and normalise_date(date),
                           lexicon=lex, jobs=jobs, into=into, strict=strict, scheduler=scheduler,
                           cache=not no_cache, progress=not quiet and sys.stderr.isatty())
    except (BuildError, LexiconError) as exc:
        _fail(str(exc))
    for p in report.problems:
        click.echo(f"kg: skipped {p}", err=True)
    if not quiet:
        click.echo(_summary(report))
    if report.problems:
        _fail(f"{len(report.problems)} input(s) skipped; the rest was built")


def _summary(r) -> str:
    ents = ", ".join(f"{k} {v}" for k, v in sorted(r.entities.items())) or "none"
    facts = ", ".join(f"{k} {v}" for k, v in sorted(r.facts.items())) or "none"
    return (f"{r.documents} documents, {r.articles} articles in {r.seconds:.1f} s\n"
            f"entities: {ents}\nfacts: {facts}\nwrote: {', '.join(r.written)}")
