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
    from kg.pipeline import BuildError
    from kg.pipeline import build as run_build

    if date and normalise_date(date) is None:
        _fail(f"--date {date!r} is not a YYYY-MM-DD date", 2)
    try:
        lex = read_lexicon(lexicon) if lexicon else None
        report = run_build(list(paths), out=Path(into or out), place=place, date=date and normalise_date(date),
                           lexicon=lex, jobs=jobs, into=into, strict=strict, scheduler=scheduler,
                           cache=not no_cache, progress=not quiet and sys.stderr.isatty())
    except (BuildError, LexiconError) as exc:
        for p in getattr(exc, "problems", ()):
            click.echo(f"kg: skipped {p}", err=True)
        _fail(str(exc))
    for p in report.warnings:
        click.echo(f"kg: warning: {p}", err=True)
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


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            _fail(f"--param {pair!r} is not NAME=VALUE", 2)
        out[key] = value
    return out


@main.command()
@click.argument("source")
@click.argument("query", required=False)
@click.option("--named", help="A named query from ontology/queries/ (officials, event_roles, co_attendance, …).")
@click.option("--param", "params", multiple=True, help="NAME=VALUE, bound as an RDF term, never spliced.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(source, query, named, params, fmt) -> None:
    """SPARQL over an export (folder or file) or an http(s) endpoint; QUERY is text or a .rq file."""
    from kg.query import QueryError, format_rows, named_query, run_query

    if bool(query) == bool(named):
        _fail("give a QUERY (SPARQL text or .rq file) or --named NAME, not both", 2)
    try:
        names, rows = run_query(source, named_query(named) if named else query, bindings=_params(params))
    except QueryError as exc:   # its lines (a listing, the user's line with a caret) are all for the user
        _fail(str(exc), 2)
    except (ValueError, RuntimeError, OSError, SyntaxError) as exc:
        _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    click.echo(format_rows(names, rows, fmt), nl=False)


@main.command()
@click.argument("outdir", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)), required=True)
@click.option("--output", type=click.Path(), help="Write here instead of OUTDIR/graph.<ext> (csv: OUTDIR/tables/).")
@click.option("--base-iri", help="Base for entity IRIs (RDF formats), e.g. https://your.org/kg/.")
def export(outdir, fmt, output, base_iri) -> None:
    """Write OUTDIR/graph.json in another format (the formats come from kg.export.EXPORTERS)."""
    import json

    from kg.export import default_path
    from kg.export import export as run_export

    src = Path(outdir) / "graph.json"
    try:
        graph = json.loads(src.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        _fail(f"{src}: cannot read graph: {getattr(exc, 'strerror', None) or exc}")
    target = Path(output) if output else default_path(outdir, fmt)
    options = {"base_iri": base_iri} if base_iri and fmt not in ("json", "html", "graphml", "gexf", "csv") else {}
    try:
        run_export(graph, fmt, target, **options)
    except OSError as exc:
        _fail(f"{target}: cannot write: {exc.strerror or exc}")
    click.echo(f"wrote {target}")


@main.command()
@click.argument("outdir", type=click.Path(file_okay=False))
@click.option("--focus", help="Entity (name, alias or id) to centre an ego network on.")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(0, 10))
@click.option("--types", help="Entity types to keep, e.g. person,event.")
@click.option("--out", "out", type=click.Path(dir_okay=False), help="HTML file to write.")
def render(outdir, focus, hops, types, out) -> None:
    """Draw the graph (or an ego network around --focus) as one offline HTML page."""
    from kg.render import render_html

    try:
        path = render_html(Path(outdir) / "graph.json", out, focus=focus, hops=hops, types=types,
                           warn=lambda why: click.echo(f"kg: warning: {why}", err=True))
    except (ValueError, OSError) as exc:
        _fail(str(exc))
    click.echo(f"wrote {path}")


@main.command()
@click.argument("outdir", type=click.Path(exists=True))
@click.option("--endpoint", required=True, help="Graph Store Protocol URL, e.g. http://localhost:7878/store.")
@click.option("--graph", "graph_iri", help="Named graph to load (default: the default graph).")
@click.option("--quads", is_flag=True, help="Send N-Quads with one named graph per article (quad stores).")
@click.option("--replace", is_flag=True, help="Replace the graph (PUT) instead of adding to it (POST).")
@click.option("--user", envvar="KG_USER", help="User for basic or digest authentication [env KG_USER].")
@click.option("--password", envvar="KG_PASSWORD", help="Its password; better from the environment [env KG_PASSWORD].")
@click.option("--token", envvar="KG_TOKEN", help="Bearer token [env KG_TOKEN].")
@click.option("--auth", "scheme", type=click.Choice(["basic", "digest", "bearer"]), help="Default: basic, bearer with a token.")
@click.option("--timeout", default=300.0, show_default=True, type=click.FloatRange(min=0.1), help="Seconds to wait.")
def push(outdir, endpoint, graph_iri, quads, replace, user, password, token, scheme, timeout) -> None:
    """Load an export into any SPARQL 1.1 store over the Graph Store HTTP Protocol."""
    from kg.push import make_auth
    from kg.push import push as run_push

    try:
        auth = make_auth(user=user, password=password, token=token, scheme=scheme)
        done = run_push(outdir, endpoint, graph_iri=graph_iri, quads=quads, replace=replace, auth=auth, timeout=timeout)
    except (ValueError, RuntimeError, OSError) as exc:
        _fail(str(exc))
    click.echo(f"{done.method} {done.url}: HTTP {done.status}, {done.statements} statements")


@main.command()
@click.argument("outdir", type=click.Path(file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1), help="Seconds a SPARQL query may run.")
@click.option("--max-rows", default=10000, show_default=True, type=click.IntRange(1), help="Rows a SPARQL answer may have.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="SPARQL worker processes.")
def serve(outdir, host, port, timeout, max_rows, workers) -> None:
    """Explore a build in the browser and query it over HTTP (SPARQL 1.1 Protocol at /sparql)."""
    try:
        from kg.serve.app import Options
        from kg.serve.app import serve as run_serve
    except ImportError as exc:
        _fail(f"kg serve needs the serve extra (pip install 'kg[serve]'): {exc}")
    try:
        run_serve(outdir, host=host, port=port, options=Options(timeout, max_rows, workers), echo=click.echo)
    except (ValueError, OSError) as exc:
        _fail(str(exc))


@main.command(name="eval")
@click.argument("gold_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--predictor", type=click.Choice(["kg", "tagger", "rules", "jieba"]), default="kg",
              show_default=True, help="kg: all recognisers; tagger: the CRF alone; rules: the recognisers "
              "without the CRF; jieba: jieba.posseg as a baseline.")
@click.option("--types", help="Types to score, e.g. person,place,organization.")
@click.option("--limit", type=int, help="Score only the first N sentences.")
@click.option("--heldout", is_flag=True, help="Only the slice of CLUENER train held out of the tagger's training.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_(gold_file, predictor, types, limit, heldout, fmt) -> None:
    """Score recognised mentions against CLUENER JSON lines, span JSON lines (MSRA, Weibo) or char BIO/BMES files."""
    from kg.evaluate import evaluate

    try:
        result = evaluate(gold_file, predictor=predictor, limit=limit, heldout=heldout,
                          types=types.split(",") if types else None)
    except (ValueError, OSError) as exc:
        _fail(str(exc))
    if fmt == "json":
        from kg.io import dumps_json

        click.echo(dumps_json(result.to_dict()), nl=False)
    else:
        click.echo(result.table())


if __name__ == "__main__":  # python -m kg.cli
    main()
