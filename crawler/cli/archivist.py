"""Archivists' commands that work from the archive alone: reextract (no network), history and verify."""

from __future__ import annotations

import dataclasses
import json
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import click

from archive import Archive, ArchiveError
from archive.completeness import discovery_documents
from archive.connection import now
from archive.filters import Filters, Moment
from archive.history import find_post, moves, part_lines, unified_diff, versions
from archive.query import Rows
from crawler.archivist import verification
from crawler.cli import options
from crawler.cli.output import print_rows
from crawler.core.companions import stored_companions
from crawler.core.post_keys import PostKeys
from crawler.core.rules import no_post, retired_reason, rules_fingerprint
from crawler.discovery.structure import stored_structure
from crawler.extraction.pagekind import by_length_alone
from crawler.extraction_pool.worker import extract_page, pack_hub
from crawler.urls import spellings

GIVEN_UP_SHOWN = 50  # rows of the given-up table in verify's text report


def open_writable(db: Path) -> Archive:
    if not db.is_file():
        raise click.ClickException(f"no archive at {db}")
    try:
        return Archive(db)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@options.DB_OPTION
@options.filter_options("site", "since")
def reextract(db: Path, site: str | None, since: Moment | None) -> None:
    """Rebuild articles, authors, images and comments from the stored raw pages, without the network, so
    extraction improvements reach old crawls. Changed posts keep their previous state in article_versions.
    A stored post whose page today's rules decide is no post (a listing, a hub, a page of the site) is retired:
    kept, marked, left out of the posts' views; one decided a post again is restored. Each is named on stderr.
    --since takes the pages fetched on or after that date."""
    archive = open_writable(db)
    filters = Filters(site=site)
    with options.user_errors():
        filters.check(archive.conn)
    label = f"reextract:{filters.site or '*'}:{since.text if since else '*'}"
    run_id = archive.start_run([label], rules=rules_fingerprint())
    counts = {"new": 0, "updated": 0, "refreshed": 0, "retired": 0, "restored": 0, "skipped": 0}
    structure = stored_structure(discovery_documents(archive.conn, filters.site))  # as the crawl knew the site
    for url in archive.crawled_start_urls():
        structure.add_start(url)
    keys = PostKeys(archive)
    for url, fetched_at, body, charset in archive.latest_pages(filters.site, since.utc if since else None):
        if structure.settles_by_url(url):  # a hub the crawl settles without parsing
            ok, result, _ = pack_hub(body, url)
        else:
            facts = structure.facts(url)  # as the crawl knew the site, a listing by its markup a feed makes a post
            parts, comments, entry = stored_companions(archive, body, url)
            ok, result = extract_page(body, url, parts, comments, charset=charset, site=facts, entry=entry)
        if ok:
            structure.decide(result, url)  # as the crawl decided it, dated it and named its authors
        if not ok:
            archive.record_error(run_id, url, result)
        elif result["kind"] == "article" and result["text"].strip():
            result["url"] = keys.key(url, result)
            outcome = archive.save_article(run_id, result, fetched_at, refresh=True)
            keys.stored(url, result["url"], outcome)
            counts[outcome] += 1
            # (not by its length alone, as the crawl does not: a crawl that read the site's posts retired it)
            if not by_length_alone(result) and archive.restore_article(run_id, result["url"]):
                counts["restored"] += 1
                click.echo(f"restored {result['url']}: a post again", err=True)
            continue
        elif no_post(result) and archive.retire_article(run_id, url, retired_reason(result), now()):
            counts["retired"] += 1
            click.echo(f"retired {url}: {retired_reason(result)}", err=True)
            continue
        counts["skipped"] += 1
    run = archive.finish_run(run_id, "finished")
    archive.close()
    click.echo(", ".join(f"{n} {k}" for k, n in counts.items()) + f" (run {run['id']}, {run['errors']} errors)")


@click.command()
@click.argument("url")
@options.DB_OPTION
@click.option("--show", type=int, metavar="N", help="Print version N: title, text, authors, tags, images, comments.")
@click.option("--diff", type=int, metavar="N", help="Print a unified diff, part by part, from version N to N+1.")
@options.format_option()
def history(url: str, db: Path, show: int | None, diff: int | None, fmt: str | None) -> None:
    """Every archived version of the post at URL, oldest first. URL may be written as the crawl found it or
    not: without scheme, with or without a trailing slash or www., with tracking parameters."""
    with closing(options.open_readonly(db)) as conn:
        stored = find_post(conn, spellings(url))
        found = versions(conn, stored) if stored else []
        moved = moves(conn, stored) if stored else []
    if not found:
        raise click.ClickException(f"{url} is not in {db}")
    if show is not None or diff is not None:
        _print_version(found, show, diff, options.output_format(fmt))
        return
    listed = Rows(
        ["version", "fetched_at", "title", "diff_summary", "gone_at", "retired_at"],
        [{k: v for k, v in version.items() if k not in ("text", "retired_reason")} for version in found],
    )
    print_rows(listed, options.output_format(fmt), stored)
    for move in moved if options.output_format(fmt) == "table" else []:
        click.echo(f"moved from {move['url']} to {move['moved_to']} ({move['redirect']}) at {move['at']}")
    if found[-1]["gone_at"] and options.output_format(fmt) == "table":
        click.echo(f"gone since {found[-1]['gone_at']} (404/410); the archive keeps it")
    if found[-1]["retired_at"] and options.output_format(fmt) == "table":
        click.echo(f"not a post since {found[-1]['retired_at']} ({found[-1]['retired_reason']}); the archive keeps it")


def _print_version(found: list[dict[str, Any]], show: int | None, diff: int | None, fmt: str) -> None:
    if show is not None and diff is not None:
        raise options.InputError("give --show N or --diff N, not both")
    number = show if show is not None else diff
    last = len(found) - (diff is not None)  # a diff needs a next version
    if not 1 <= number <= last:
        option = "--show" if show is not None else "--diff"
        why = "; the last one has no next version to diff against" if diff is not None else ""
        raise options.InputError(f"{option} {number}: this post has versions 1 to {len(found)}{why}")
    version = found[number - 1]
    if diff is not None:
        click.echo("\n".join(unified_diff(version, found[number])))
    elif fmt == "json":
        click.echo(json.dumps(version, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{version['title'] or ''}\n\n{version['text'] or ''}")
        for part in ("authors", "tags", "categories", "images", "comments"):
            if version[part]:
                click.echo(f"\n{part}:\n" + "\n".join(part_lines(part, version[part])))


VERIFY_FORMATS = "Default: a report on a terminal, else tsv: one line per problem (problem, url, detail)."


@click.command()
@options.DB_OPTION
@options.filter_options("site")
@click.option("--json", "as_json", is_flag=True, help="The same as --format json.")
@options.format_option(VERIFY_FORMATS)
def verify(db: Path, site: str | None, as_json: bool, fmt: str | None) -> None:
    """Report posts the stored sitemaps and feeds list but the archive lacks, crawls that did not finish, and every
    URL a crawl gave up on, with its cause.

    Exit status 1 when anything is missing or unfinished, so a cron job or CI can alert on it; 2 when --site
    names no site of the archive.
    """
    filters = Filters(site=site)
    with closing(options.open_readonly(db)) as conn:
        with options.user_errors():
            filters.check(conn)
        report = verification.verify(conn, filters.site)
    fmt = "json" if as_json else options.output_format(fmt)
    if fmt == "json":
        click.echo(
            json.dumps({**dataclasses.asdict(report), "complete": report.complete}, indent=2, ensure_ascii=False)
        )
    elif fmt == "table":
        _print_report(report, filters.site or "all sites")
    else:
        click.echo(_summary(report, filters.site or "all sites"), err=True)
        print_rows(_problems(report), fmt)
    if not report.complete:
        sys.exit(1)


def _summary(report: verification.Report, scope: str) -> str:
    return (
        f"{scope}: {report.expected} URLs listed by sitemaps and feeds; {report.archived} archived"
        f" ({report.gone} gone, kept), {report.not_posts} not posts, {len(report.missing)} missing"
    )


def _problems(report: verification.Report) -> Rows:
    records = [{"problem": "missing", "url": url, "detail": why} for url, why in report.missing]
    records += [{"problem": "given up", "url": url, "detail": cause} for url, cause in report.given_up]
    records += [
        {
            "problem": "unfinished crawl",
            "url": job["job"],
            "detail": f"{job['pending']} requests pending, {job['done']} done",
        }
        for job in report.unfinished_jobs
    ]
    return Rows(["problem", "url", "detail"], records)


def _print_report(report: verification.Report, scope: str) -> None:
    click.echo(_summary(report, scope))
    if report.missing:
        print_rows(
            Rows(["missing post", "why"], [{"missing post": u, "why": w} for u, w in report.missing]),
            "table",
            "expected but missing",
        )
    if report.given_up:
        shown = [{"URL": url, "cause": cause} for url, cause in report.given_up[:GIVEN_UP_SHOWN]]
        print_rows(
            Rows(["URL", "cause"], shown), "table", f"{len(report.given_up)} URLs the crawls gave up on (crawl_errors)"
        )
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
