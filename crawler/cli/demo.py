"""`blogarchive demo`: serve the bundled sample blog on 127.0.0.1, crawl it into ./archive.db, show the result."""

from __future__ import annotations

import errno
import signal
import socket
import sqlite3
import threading
from contextlib import ExitStack
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from archive.database import database
from crawler.cli.crawl import archived_anything, exit_if_incomplete, exit_if_stopped, print_run_summary
from crawler.cli.options import check_archive
from crawler.core.runner import CrawlOptions, run_crawl
from crawler.demo.server import DemoSite, serve

LANGUAGES_SQL = (
    "SELECT language, count(*) AS n FROM articles WHERE language IS NOT NULL GROUP BY language ORDER BY n DESC"
)

# Three questions an analyst asks first; docs/queries.md has more.
EXAMPLE_QUERIES = {
    "Authors, the post count their box shows, and the posts archived": (
        "SELECT au.name, au.article_count, count(aa.article_id) AS archived\n"
        "FROM authors au LEFT JOIN article_authors aa ON aa.author_id = au.id\n"
        "GROUP BY au.id ORDER BY archived DESC"
    ),
    "Captions of the first images": (
        "SELECT a.title, i.caption\nFROM images i JOIN articles a ON a.id = i.article_id\n"
        "WHERE i.caption IS NOT NULL ORDER BY a.published DESC, i.position LIMIT 5"
    ),
    "Full-text search: posts mentioning 'garden'": (
        "SELECT a.title, a.author, a.language\nFROM articles_fts JOIN articles a ON a.id = articles_fts.rowid\n"
        "WHERE articles_fts MATCH 'garden*' ORDER BY rank LIMIT 5"
    ),
}


def print_archive_summary(db: Path, console: Console) -> None:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = database(connection)
        summary = {
            "posts": tables["articles"].count,
            "authors": tables["authors"].count,
            "images": tables["images"].count,
            "captions": tables["images"].count_where("caption IS NOT NULL AND caption != ''"),
            "languages": ", ".join(f"{row['language']} {row['n']}" for row in tables.query(LANGUAGES_SQL)),
        }
        table = Table(title="what the archive holds", show_header=False)
        for label, value in summary.items():
            table.add_row(label, str(value))
        console.print(table)
        for title, sql in EXAMPLE_QUERIES.items():
            console.print(f"\n[bold]{title}[/bold]\n[dim]{sql}[/dim]")
            cursor = connection.execute(sql)
            result = Table(*(column[0] for column in cursor.description))
            for row in cursor:
                result.add_row(*("" if value is None else str(value) for value in row))
            console.print(result)
    finally:
        connection.close()


# The archive knows a site by its URL, port included: the demo blog is always served on the same port, so a second
# `blogarchive demo` recrawls the same site (and adds nothing) instead of archiving a new one.
DEMO_PORT = 8765


@click.command()
@click.option("--db", type=click.Path(path_type=Path), default=Path("archive.db"), show_default=True)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=DEMO_PORT,
    show_default=True,
    help="Port of the sample blog on 127.0.0.1. The archive knows a site by its URL: another port is another site.",
)
@click.option("--serve", "serve_only", is_flag=True, help="Only serve the sample blog, until Ctrl-C.")
@click.option("--quiet", "-q", is_flag=True, help="No live progress.")
def demo(db: Path, port: int, serve_only: bool, quiet: bool) -> None:
    """Crawl the bundled sample blog (served on 127.0.0.1) into --db and show what was archived.

    With --serve, only serve it until Ctrl-C, to try `crawl`, `--warc`, `--media` or a schedule against it.
    """
    console = Console()
    with ExitStack() as stack:
        try:
            base_url = stack.enter_context(serve(DemoSite(), port=port))
        except OSError as exc:
            raise click.ClickException(port_problem(port, exc)) from None
        if serve_only:
            serve_until_stopped(base_url, console)
            return
        check_archive(db)
        console.print(f"sample blog served at {base_url}; crawling into {db} …")
        run = run_crawl([base_url], CrawlOptions(db=db, progress="rich", quiet=quiet))
    exit_if_stopped(run)
    print_run_summary(run, db, console)
    if not archived_anything(run):
        raise click.ClickException("the demo archived nothing; see the errors above")
    print_archive_summary(db, console)
    exit_if_incomplete(run, db)


def port_problem(port: int, error: OSError) -> str:
    """One line for a port the sample blog cannot be served on, with a port that is free now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    if error.errno == errno.EADDRINUSE:
        cause = "is in use (by a `blogarchive demo --serve` still running?)"
    else:
        cause = f"cannot be used: {error.strerror or error}"
    return f"port {port} on 127.0.0.1 {cause}; stop what uses it, or choose another port: --port {free}"


def serve_until_stopped(base_url: str, console: Console) -> None:
    """Serve until SIGINT (Ctrl-C) or SIGTERM, then return: stopping is how a --serve ends, not an error."""
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    console.print(f"sample blog served at {base_url} until Ctrl-C; try: blogarchive crawl {base_url}", soft_wrap=True)
    while not stop.wait(0.5):
        pass
    console.print("stopped serving the sample blog")
