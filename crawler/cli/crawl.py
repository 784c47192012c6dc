"""`blogarchive crawl URL [URL ...] --db archive.db`: crawl blogs into the archive."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from scrapy.settings import BaseSettings, Settings

from archive import Archive, ArchiveError
from crawler.cli import options
from crawler.errors import BlogarchiveError, InvalidPattern, InvalidStartURL
from crawler.frontier import job_name
from crawler.runner import CrawlOptions, run_crawl
from crawler.setting_names import unknown_setting
from crawler.urls import compile_patterns, redact_url, split_credentials, validate_start_url
from crawler.warc_writer import WarcDirError, prepare_warc_dir


def check_archive(db: Path, job: str | None = None) -> None:
    """Open (create, migrate) the archive before crawling, so a bad --db fails in a second, not after a crawl;
    and refuse to run a job another live process is crawling (both would lease the same frontier rows)."""
    try:
        archive = Archive(db)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        live = archive.live_run(job) if job else None
    finally:
        archive.close()
    if live is not None:
        raise click.ClickException(
            f"job {job!r} is being crawled by process {live['pid']} (run {live['id']}); wait for it or stop it"
        )


class InputError(click.ClickException):
    """Bad input found before anything is created: `Error: …` naming it and the fix, exit status 2 (a usage error,
    as click's own)."""

    exit_code = 2


def check_start_urls(ctx: click.Context, param: click.Parameter, urls: tuple[str, ...]) -> tuple[str, ...]:
    """Every start URL must be http(s) with a host: one line for each that is not, before the archive is touched."""
    problems = []
    for url in urls:
        try:
            validate_start_url(url)
        except InvalidStartURL as exc:
            problems.append(str(exc))
    if problems:
        raise InputError("\n".join(problems))
    return urls


def crawl_job(job: str, urls: tuple[str, ...]) -> str:
    """The job name the spider will use, computed from the same (checked) start URLs."""
    return job_name(job, [split_credentials(validate_start_url(url))[0] for url in urls])


def check_media_dir(media_dir: Path) -> None:
    """Create the --media folder before crawling, so an unusable one fails in a second, not image by image."""
    try:
        media_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(f"cannot save images in {media_dir}: {exc.strerror or exc}") from exc
    if not os.access(media_dir, os.W_OK):
        raise click.ClickException(f"cannot save images in {media_dir}: the folder is not writable")


def check_warc_dir(warc_dir: Path | None) -> None:
    """Create and test the --warc folder before crawling: an unwritable one is one line, not a traceback."""
    if warc_dir is None:
        return
    try:
        prepare_warc_dir(warc_dir)
    except WarcDirError as exc:
        raise click.ClickException(str(exc)) from exc


def _check_patterns(ctx: click.Context, param: click.Parameter, patterns: tuple[str, ...]) -> tuple[str, ...]:
    """--allow/--deny: a regex that does not compile is a usage error before crawling, not a traceback."""
    try:
        compile_patterns(patterns)
    except InvalidPattern as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    return patterns


def print_run_summary(run: dict[str, Any], db: Path, console: Console) -> None:
    table = Table(title=f"crawl run {run.get('id', '?')} → {db}", show_header=False)
    for label, key in (
        ("status", "status"),
        ("pages fetched", "pages_fetched"),
        ("new articles", "articles_new"),
        ("updated articles", "articles_updated"),
        ("unchanged articles", "articles_unchanged"),
        ("not modified (304)", "pages_not_modified"),
        ("skipped, unchanged per sitemap", "skipped_by_lastmod"),
        ("same body, not re-extracted", "pages_same_body"),
        ("gone (404/410)", "gone"),
        ("errors", "errors"),
        ("started", "started"),
        ("finished", "finished"),
    ):
        table.add_row(label, str(run.get(key, "")))
    if run.get("media_dir"):
        table.add_row("images saved (--media)", f"{run['images_saved']}, {run['images_kept']} already there")
    if run.get("warc_dir"):
        table.add_row("WARC files written (--warc)", str(run["warc_files"]))
    console.print(table)
    for message in run.get("error_messages", []):
        console.print(f"[red]error[/red] {message}", highlight=False, soft_wrap=True)
    if run.get("errors", 0) > len(run.get("error_messages", [])):
        console.print(f"… all {run['errors']} errors are in the crawl_errors table (run_id = {run.get('id')})")


def exit_if_stopped(run: dict[str, Any]) -> None:
    """After SIGINT or SIGTERM: one line, and the status a shell gives a command that signal ended (130, 143)."""
    if run.get("signal") is None:
        return
    posts = run["posts"]
    click.echo(f"stopped after {posts} post{'s' * (posts != 1)}; run the same command to resume", err=True)
    sys.exit(128 + run["signal"])


def archived_anything(run: dict[str, Any]) -> bool:
    """Any article seen in this run counts, unchanged ones too: a recrawl of a quiet blog is a success."""
    keys = ("articles_new", "articles_updated", "articles_unchanged", "pages_not_modified", "skipped_by_lastmod")
    return any(run.get(key) for key in keys)


@click.command()
@click.argument("urls", nargs=-1, required=True, callback=check_start_urls)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=Path("archive.db"),
    show_default=True,
    help="SQLite archive to write (created if missing).",
)
@click.option(
    "--allow", multiple=True, callback=_check_patterns, help="Regex; only matching URLs are crawled. Repeatable."
)
@click.option(
    "--deny", multiple=True, callback=_check_patterns, help="Regex; matching URLs are never crawled. Repeatable."
)
@click.option("--max-pages", type=click.IntRange(min=0), default=0, help="Stop after this many pages (0: no limit).")
@click.option("--max-depth", type=click.IntRange(min=0), default=0, help="Link depth limit (0: no limit).")
@click.option("--user-agent", help="User-Agent header (default names blogarchive).")
@click.option("--job", default="", help="Name of this crawl (default: its start URLs); a killed job resumes by name.")
@click.option("--media", "media_dir", type=click.Path(file_okay=False, path_type=Path), help="Save images here.")
@click.option("--warc", "warc_dir", type=click.Path(path_type=Path), help="Also write WARC files into this folder.")
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE", help="Any Scrapy setting. Repeatable.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display, no summary; errors only in the archive.")
@click.option("--log-file", type=click.Path(path_type=Path), help="Write the full crawl log to this file.")
@options.ENQUEUE_OPTION
def crawl(
    urls: tuple[str, ...],
    db: Path,
    allow: tuple[str, ...],
    deny: tuple[str, ...],
    max_pages: int,
    max_depth: int,
    user_agent: str | None,
    job: str,
    media_dir: Path | None,
    warc_dir: Path | None,
    settings: tuple[str, ...],
    quiet: bool,
    log_file: Path | None,
    broker: str | None,
) -> None:
    """Crawl one or more blogs and archive every post into the SQLite file --db.

    Exit status is 1 only when nothing could be archived; every failed page is logged and counted.
    """
    extra = _parse_settings(settings, CrawlOptions(db=db).settings())
    if broker:
        given = {"--max-pages": max_pages, "--max-depth": max_depth, "--user-agent": user_agent, "--warc": warc_dir}
        arguments = [arg for pattern in allow for arg in ("--allow", pattern)]
        arguments += [arg for pattern in deny for arg in ("--deny", pattern)]
        arguments += [arg for option, value in given.items() if value for arg in (option, str(value))]
        arguments += [arg for pair in settings for arg in ("-s", pair)]
        queue_job(broker, crawl_job(job, urls), urls, arguments, media_dir, db)
        return
    check_archive(db, crawl_job(job, urls))
    if media_dir:
        check_media_dir(media_dir)
    check_warc_dir(warc_dir or (Path(extra["WARC_DIR"]) if extra.get("WARC_DIR") else None))
    if user_agent:
        extra["USER_AGENT"] = user_agent
    options = CrawlOptions(
        db=db,
        allow=allow,
        deny=deny,
        max_pages=max_pages,
        max_depth=max_depth,
        progress="rich",
        log_file=log_file,
        job=job,
        media_dir=media_dir,
        warc_dir=warc_dir,
        quiet=quiet,
        extra_settings=extra,
    )
    run = run_crawl(urls, options)
    exit_if_stopped(run)
    if not quiet:
        print_run_summary(run, db, Console())
    if not archived_anything(run):
        click.echo(f"nothing was archived from {', '.join(map(redact_url, urls))}", err=True)
        sys.exit(1)


def queue_job(
    broker: str, name: str, urls: tuple[str, ...], arguments: list[str], media: Path | None, db: Path
) -> None:
    """`crawl --broker`: the crawl becomes a site job for `blogarchive worker`, and the command ends. When --db is
    an archive, the job carries what it holds of the sites' posts, so the worker recrawls them as a crawl here would."""
    from crawler.distributed.jobs import SiteJob, archived_posts, enqueue, queued_since

    if media:
        raise InputError("--media cannot be used with --broker: the images would stay on the worker machines")
    try:
        if enqueue(broker, [SiteJob(name, urls, ("--job", name, *arguments), archived_posts(db, urls))])[0]:
            click.echo(f"queued job {name!r} on {redact_url(broker)}")
        else:
            since = queued_since(broker, name)
            click.echo(f"job {name!r} is already queued or running (since {since}); not queued again")
    except BlogarchiveError as exc:
        raise click.ClickException(str(exc)) from exc


def _parse_settings(pairs: tuple[str, ...], defaults: Settings) -> dict[str, str]:
    """-s NAME=VALUE pairs; a value that cannot become its setting's type (a number, a flag, a JSON object) is an
    error here, before the crawl, not a traceback from whichever component reads it first."""
    settings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="-s/--set")
        name = name.strip()
        if (unknown := unknown_setting(name, defaults.attributes)) is not None:
            raise click.BadParameter(unknown, param_hint="-s/--set")
        _check_setting_type(name, value, defaults.get(name))
        if name in _PATTERN_SETTINGS:
            _check_pattern_setting(name, value)
        settings[name] = value
    return settings


# The type of a setting's default → how Scrapy reads the setting, what to tell a user who gave a bad value, and
# whether to show the default in that message (not a whole dict).
_READERS: tuple[tuple[type | tuple[type, ...], Any, str, bool], ...] = (
    (bool, Settings.getbool, "true or false (also 1 or 0)", True),  # before int: a bool is an int
    (float, Settings.getfloat, "a number", True),
    (int, Settings.getint, "a whole number", True),
    ((dict, BaseSettings), Settings.getdict, "a JSON object", False),
)
# Settings Scrapy (2.19) reads as floats though their defaults are ints: a fraction is fine for these.
_READ_AS_FLOAT = {"DOWNLOAD_DELAY", "DOWNLOAD_TIMEOUT", "DNS_TIMEOUT"}


# Settings whose values the spider compiles as regexes (crawler/urls.py: Scope).
_PATTERN_SETTINGS = ("BLOG_ALLOW", "BLOG_DENY")


def _check_pattern_setting(name: str, value: str) -> None:
    """Each regex of the list, as the spider will read it. Scrapy reads a list setting given as text by splitting
    it at commas, so a regex with a comma in it is cut in two: the message says so, and where to put such a regex."""
    try:
        compile_patterns(Settings({name: value}).getlist(name))
    except InvalidPattern as exc:
        raise click.BadParameter(
            f"{name}={value!r}: {exc} (-s splits a list at commas; --allow and --deny take one regex each)",
            param_hint="-s/--set",
        ) from None


def _check_setting_type(name: str, value: str, default: Any) -> None:
    if name in _READ_AS_FLOAT:
        default = float(default)
    for kind, read, expected, show_default in _READERS:
        if isinstance(default, kind):
            try:
                read(Settings({name: value}), name)
            except ValueError:
                shown = f" (default: {default!r})" if show_default else ""
                raise click.BadParameter(
                    f"{name}={value!r}: {name} takes {expected}{shown}", param_hint="-s/--set"
                ) from None
            return
