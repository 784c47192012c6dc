"""`blogarchive wacz OUT.wacz --warc DIR [--db archive.db]`: package a WARC collection as WACZ 1.1."""

from __future__ import annotations

from pathlib import Path

import click

from archive.captures import archived_posts
from archive.errors import OutputError
from crawler.capture.wacz import package
from crawler.cli.options import InputError, open_readonly
from crawler.cli.output import counted
from crawler.errors import WaczError, WarcReadError


@click.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option(
    "--warc",
    "warc_dirs",
    required=True,
    multiple=True,
    type=click.Path(path_type=Path),
    help="A folder crawls wrote with --warc, or one holding such folders (per site). Repeatable.",
)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    help="List the archive's posts as the pages, with its titles (default: every HTML page, titled by <title>).",
)
@click.option("--title", help="The collection's title (default: its sites).")
@click.option("--description", help="The collection's description (default: what it holds, and when).")
def wacz(out: Path, warc_dirs: tuple[Path, ...], db: Path | None, title: str | None, description: str | None) -> None:
    """Package the WARC files of each --warc DIR (and the folders under it) as OUT, a WACZ 1.1 file that
    ReplayWeb.page and pywb open: the WARC files, a CDXJ index, pages/pages.jsonl (the archived posts with --db) and
    datapackage.json. A WARC file a stopped crawl left open is closed first and packaged."""
    posts = None
    if db is not None:
        conn = open_readonly(db)
        try:
            posts = archived_posts(conn)
        finally:
            conn.close()
    try:
        result = package(out, list(warc_dirs), posts, title, description)
    except (WaczError, WarcReadError, OutputError) as exc:
        raise InputError(str(exc)) from exc
    listed = counted(len(result.pages), "post" if posts is not None else "page")
    click.echo(f"{out}: {counted(len(result.warcs), 'WARC file')}, {listed} listed")
    if missing := len(result.missing):
        folders = " or ".join(map(str, warc_dirs))
        click.echo(
            f"note: {counted(missing, 'archived post')} {'has' if missing == 1 else 'have'} no capture in"
            f" {folders} (crawled without --warc, or into another folder); not listed",
            err=True,
        )
    for closed in result.recovery.closed:
        click.echo(f"note: closed {closed.describe()}; packaged", err=True)
    for path in result.recovery.removed:
        click.echo(f"note: removed {path}: a crawl was stopped before it wrote one complete record in it", err=True)
    for path, why in result.recovery.left:
        click.echo(f"note: {path.name} left out: {why}", err=True)
