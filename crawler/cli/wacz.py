"""`blogarchive wacz OUT.wacz --warc DIR [--db archive.db]`: package a WARC collection as WACZ 1.1."""

from __future__ import annotations

from pathlib import Path

import click

from archive.captures import archived_posts
from crawler.capture.wacz import package
from crawler.cli.options import InputError, open_readonly
from crawler.cli.output import counted
from crawler.errors import WaczError, WarcReadError


@click.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option(
    "--warc", "warc_dir", required=True, type=click.Path(path_type=Path), help="The folder crawls wrote with --warc."
)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    help="List the archive's posts as the pages, with its titles (default: every HTML page, titled by <title>).",
)
@click.option("--title", help="The collection's title (default: its sites).")
@click.option("--description", help="The collection's description (default: what it holds, and when).")
def wacz(out: Path, warc_dir: Path, db: Path | None, title: str | None, description: str | None) -> None:
    """Package the WARC files of --warc DIR as OUT, a WACZ 1.1 file that ReplayWeb.page and pywb open: the WARC
    files, a CDXJ index, pages/pages.jsonl (the archived posts with --db) and datapackage.json."""
    posts = None
    if db is not None:
        conn = open_readonly(db)
        try:
            posts = archived_posts(conn)
        finally:
            conn.close()
    try:
        result = package(out, warc_dir, posts, title, description)
    except (WaczError, WarcReadError) as exc:
        raise InputError(str(exc)) from exc
    listed = counted(len(result.pages), "post" if posts is not None else "page")
    click.echo(f"{out}: {counted(len(result.warcs), 'WARC file')}, {listed} listed")
    if missing := len(result.missing):
        click.echo(
            f"note: {counted(missing, 'archived post')} {'has' if missing == 1 else 'have'} no capture in"
            f" {warc_dir} (crawled without --warc, or into another folder); not listed",
            err=True,
        )
    for path in result.still_open:
        click.echo(f"note: {path.name} left out: a crawl is still writing it (or was killed while it did)", err=True)
