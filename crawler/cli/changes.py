"""`blogarchive changes`: what the crawls changed — posts new, changed (which parts) and gone, people new and
changed — as their alerts reported it, from the archive alone."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import click

from archive import changes as recorded
from archive.filters import Filters, Moment
from archive.query import Rows
from crawler.alerts.report import counts, headline
from crawler.cli import options
from crawler.cli.output import print_rows

SHOWN = ("run", "change", "subject", "title", "url", "fields", "summary", "at")


@click.command()
@options.DB_OPTION
@options.filter_options("site", "since")
@click.option("--run", "run_id", type=click.IntRange(min=1), metavar="N", help="What the alert after run N reported.")
@options.format_option()
def changes(db: Path, site: str | None, since: Moment | None, run_id: int | None, fmt: str | None) -> None:
    """What the crawls changed: posts new, changed (with the parts that changed: title, authors, text, tags,
    categories, images, comments) and gone, people new and changed.

    By default what the last run reported — its changes and those of the runs of its job it completed (a crawl
    stopped half-way reports nothing; its resumption does) —, with --site the last run of that site; --run N what the
    run N reported; --since DATE every change made since. `blogarchive history URL --diff N` shows a changed post's
    diff (N is the change's version).
    """
    if since is not None and run_id is not None:
        raise options.InputError("give --since DATE or --run N, not both")
    with closing(options.open_readonly(db)) as conn:
        _check_recorded(conn, db)
        with options.user_errors():
            Filters(site=site).check(conn)
        if since is not None:
            found, scope = recorded.since(conn, since.utc, site), f"since {since.text}"
        else:
            run_id = run_id or recorded.last_run(conn, site)
            if run_id is None or not conn.execute("SELECT 1 FROM crawl_runs WHERE id = ?", (run_id,)).fetchone():
                raise options.InputError(f"{db} has no run {run_id}" if run_id else f"{db} has no crawl run yet")
            runs = recorded.alert_runs(conn, run_id)
            found, scope = recorded.of_runs(conn, runs, site), f"run {', '.join(map(str, runs))}"
    fmt = options.output_format(fmt)
    title = f"{scope}{f' of {site}' if site else ''}: {headline(counts(found))}"
    if fmt in ("tsv", "csv"):
        click.echo(title, err=True)  # the rows alone on stdout, for a program
    print_rows(Rows(list(SHOWN), found), fmt, title)  # JSON: every field of each change, its site and version too


def _check_recorded(conn: sqlite3.Connection, db: Path) -> None:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'changes'").fetchone():
        raise click.ClickException(
            f"{db} has no record of changes (it was made before blogarchive recorded them); crawl it once with this"
            " blogarchive: the archive is upgraded and every crawl's changes are recorded from then on"
        )
