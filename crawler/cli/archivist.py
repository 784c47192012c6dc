"""Archivists' commands that work from the archive alone: reextract (no network), history and verify."""

from __future__ import annotations

import dataclasses
import json
import sys
from contextlib import closing
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from archive import Archive, ArchiveError
from archive.query import connect_readonly
from crawler import verification
from crawler.extraction_worker import extract_page
from crawler.urls import storage_url

GIVEN_UP_SHOWN = 50  # rows of the given-up table in verify's text report
DB_OPTION = click.option("--db", type=click.Path(path_type=Path), default=Path("archive.db"), show_default=True)


def open_writable(db: Path) -> Archive:
    if not db.is_file():
        raise click.ClickException(f"no archive at {db}")
    try:
        return Archive(db)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@DB_OPTION
@click.option("--site", help="Only pages of this site (host name).")
@click.option("--since", help="Only pages fetched on or after this date (YYYY-MM-DD).")
def reextract(db: Path, site: str | None, since: str | None) -> None:
    """Rebuild articles, authors, images and comments from the stored raw pages, without the network, so
    extraction improvements reach old crawls. Changed posts keep their previous state in article_versions."""
    archive = open_writable(db)
    run_id = archive.start_run([f"reextract:{site or '*'}:{since or '*'}"])
    counts = {"new": 0, "updated": 0, "refreshed": 0, "skipped": 0}
    for url, fetched_at, body in archive.latest_pages(site, since):
        ok, result = extract_page(body, url)
        if not ok:
            archive.record_error(run_id, url, result)
        elif result["kind"] == "article" and result["text"].strip():
            result["url"] = storage_url(url, result.get("canonical_url"))
            counts[archive.save_article(run_id, result, fetched_at, refresh=True)] += 1
            continue
        counts["skipped"] += 1
    run = archive.finish_run(run_id, "finished")
    archive.close()
    click.echo(", ".join(f"{n} {k}" for k, n in counts.items()) + f" (run {run['id']}, {run['errors']} errors)")


@click.command()
@click.argument("url")
@DB_OPTION
def history(url: str, db: Path) -> None:
    """Every archived version of the post at URL, oldest first."""
    archive = open_writable(db)
    versions = archive.history(url)
    archive.close()
    if not versions:
        raise click.ClickException(f"{url} is not in {db}")
    table = Table("version", "fetched at", "title", "what changed", title=url)
    for v in versions:
        table.add_row(str(v["version"]), v["fetched_at"], v["title"] or "", v["diff_summary"] or "")
    Console().print(table)
    if versions[-1].get("gone_at"):
        click.echo(f"gone since {versions[-1]['gone_at']} (404/410); the archive keeps it")


@click.command()
@DB_OPTION
@click.option("--site", help="Only this site (host name).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def verify(db: Path, site: str | None, as_json: bool) -> None:
    """Report posts the stored sitemaps and feeds list but the archive lacks, crawls that did not finish, and every
    URL a crawl gave up on, with its cause.

    Exit status 1 when anything is missing or unfinished, so a cron job or CI can alert on it.
    """
    try:
        conn = connect_readonly(db)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    with closing(conn):
        report = verification.verify(conn, site)
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(report), indent=2, ensure_ascii=False))
    else:
        _print_report(report, site or "all sites")
    if not report.complete:
        sys.exit(1)


def _print_report(report: verification.Report, scope: str) -> None:
    console = Console()
    click.echo(
        f"{scope}: {report.expected} URLs listed by sitemaps and feeds; {report.archived} archived"
        f" ({report.gone} gone, kept), {report.not_posts} not posts, {len(report.missing)} missing"
    )
    if report.missing:
        table = Table("missing post", "why", title="expected but missing")
        for url, why in report.missing:
            table.add_row(url, why)
        console.print(table)
    if report.given_up:
        table = Table("URL", "cause", title=f"{len(report.given_up)} URLs the crawls gave up on (crawl_errors)")
        for url, cause in report.given_up[:GIVEN_UP_SHOWN]:
            table.add_row(url, cause)
        console.print(table)
        if len(report.given_up) > GIVEN_UP_SHOWN:
            click.echo(f"… and {len(report.given_up) - GIVEN_UP_SHOWN} more: --json lists them all")
    for job in report.unfinished_jobs:
        click.echo(
            f"unfinished crawl {job['job']!r}: {job['pending']} requests pending, {job['done']} done;"
            " run the same crawl again to resume it"
        )
    if report.complete:
        gave_up = f"; {len(report.given_up)} URLs given up on, listed above" if report.given_up else ""
        click.echo(f"complete: nothing missing, no unfinished crawl{gave_up}")
