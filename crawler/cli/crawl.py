"""`blogarchive crawl URL [URL ...] --db archive.db`: crawl blogs into the archive."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource
from rich.console import Console
from rich.table import Table
from scrapy.settings import Settings

from crawler.alerts.deliver import Targets, deliver
from crawler.alerts.webhook import WEBHOOK_ENV, webhook_problem
from crawler.capture.warc_writer import prepare_warc_dir
from crawler.cli import options
from crawler.cli.options import check_archive
from crawler.cli.set_option import parse_settings
from crawler.cli.sites import config_option
from crawler.core.runner import CrawlOptions, run_crawl
from crawler.errors import (
    EXIT_INCOMPLETE,
    BlogarchiveError,
    InvalidPattern,
    InvalidStartURL,
    SessionInputError,
    WarcDirError,
)
from crawler.frontier.scheduler import job_name
from crawler.members.session import Session, build_session, headers_from_environment
from crawler.rendering import RENDER_MODES
from crawler.urls import compile_patterns, redact_url, split_credentials, validate_start_url


def check_start_urls(ctx: click.Context, param: click.Parameter, urls: tuple[str, ...]) -> tuple[str, ...]:
    """Every start URL must be http(s) with a host: one line for each that is not, before the archive is touched."""
    problems = []
    for url in urls:
        try:
            validate_start_url(url)
        except InvalidStartURL as exc:
            problems.append(str(exc))
    if problems:
        raise options.InputError("\n".join(problems))
    return urls


def crawl_job(job: str, urls: tuple[str, ...]) -> str:
    """The job name the spider will use, computed from the same (checked) start URLs."""
    return job_name(job, [split_credentials(validate_start_url(url))[0] for url in urls])


def check_media_dir(media_dir: Path, what: str = "save images") -> None:
    """Create the --media (or --screenshots) folder before crawling, so an unusable one fails in a second, not
    file by file."""
    try:
        media_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(f"cannot {what} in {media_dir}: {exc.strerror or exc}") from exc
    if not os.access(media_dir, os.W_OK):
        raise click.ClickException(f"cannot {what} in {media_dir}: the folder is not writable")


def check_warc_dir(warc_dir: Path | None) -> None:
    """Create and test the --warc folder before crawling: an unwritable one is one line, not a traceback."""
    if warc_dir is None:
        return
    try:
        prepare_warc_dir(warc_dir)
    except WarcDirError as exc:
        raise click.ClickException(str(exc)) from exc


def members_session(
    urls: tuple[str, ...], cookies: Path | None, headers: tuple[str, ...], broker: str | None
) -> Session | None:
    """The session of a members-only crawl (--cookies, --header, and the headers a scheduled crawl gets through its
    environment), checked against the start URLs before the archive is touched. Not with --broker: the session
    would travel to the worker machines."""
    start_urls = [split_credentials(validate_start_url(url))[0] for url in urls]
    try:
        session = build_session(start_urls, cookies, [*headers, *headers_from_environment(dict(os.environ))])
    except SessionInputError as exc:
        raise options.InputError(str(exc)) from None
    if broker and session is not None:
        raise options.InputError(
            "--cookies and --header cannot be used with --broker: the session would travel to the worker machines;"
            " crawl this blog without --broker"
        )
    return session


def exit_if_signed_out(run: dict[str, Any]) -> None:
    """Pages of a members-only crawl that were served to someone signed out: one line, exit status 1."""
    walls = run.get("session_walls", 0)
    if not walls:
        return
    click.echo(
        f"{walls} page{'s were' if walls != 1 else ' was'} served signed out (a login page, a members-only notice):"
        " not archived, each in crawl_errors; sign in again, export the cookies and run the same command",
        err=True,
    )
    sys.exit(1)


def check_requisites(requisites: bool, warc_dir: Path | None, extra: dict[str, str]) -> None:
    """--requisites (or -s REQUISITES=true) writes into WARC files only: without a WARC folder it would fetch for
    nothing."""
    if (requisites or Settings(extra).getbool("REQUISITES")) and not (warc_dir or extra.get("WARC_DIR")):
        raise options.InputError("--requisites needs --warc DIR: page requisites are kept in the WARC files only")


def _check_webhook(ctx: click.Context, param: click.Parameter, url: str | None) -> str | None:
    if url is not None and (problem := webhook_problem(url)) is not None:
        raise click.BadParameter(problem, ctx=ctx, param=param)
    return url


def alert_targets(webhook: str | None, feed: Path | None, settings: Settings) -> Targets:
    """Where this crawl's changes go, with the settings they are sent with."""
    return Targets(
        webhook=webhook,
        feed=feed,
        retries=settings.getint("ALERT_WEBHOOK_RETRIES"),
        backoff=settings.getfloat("ALERT_WEBHOOK_BACKOFF"),
        timeout=settings.getfloat("ALERT_WEBHOOK_TIMEOUT"),
        keep=settings.getint("CHANGES_FEED_ENTRIES"),
    )


def check_alerts_here(webhook: str | None, feed: Path | None, broker: str | None) -> None:
    """Alerts are sent by the process that writes the archive: not a worker's crawl."""
    if broker and (webhook or feed):
        raise options.InputError(
            "--webhook and --changes-feed cannot be used with --broker: the workers' crawls do not write the archive;"
            " crawl this blog without --broker"
        )


def send_alerts(run: dict[str, Any], db: Path, targets: Targets) -> None:
    """Once the crawl is over and its archive closed: what a finished run changed to its webhook and feed; a
    failure is one line (and a row of alert_deliveries), never the crawl's exit status. A run that did not finish
    sends nothing: the run that completes its job reports its changes too."""
    if targets and run.get("id") and run.get("status") == "finished":
        for line in deliver(db, run["id"], targets):
            click.echo(line, err=True)


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
        ("unchanged, decided again (other rules)", "pages_decided_again"),
        ("retired (no post by today's rules)", "retired"),
        ("restored (a post again)", "restored"),
        ("moved (a permanent redirect)", "moved"),
        ("moved (the same post ID, its old address gone)", "moved_by_id"),
        ("comments asked again (page unchanged)", "comments_rechecked"),
        ("gone (404/410)", "gone"),
        ("cut off as crawler traps", "trap_cut"),
        ("read after a repair (NULs, nesting, JSON-LD)", "pages_repaired"),
        ("rendered in Chromium", "render_pages"),
        ("errors", "errors"),
        ("started", "started"),
        ("finished", "finished"),
    ):
        table.add_row(label, str(run.get(key, "")))
    if run.get("comments_not_rechecked"):
        table.add_row("comments not asked again (limit)", str(run["comments_not_rechecked"]))
    if run.get("media_dir"):
        table.add_row("images saved (--media)", f"{run['images_saved']}, {run['images_kept']} already there")
    if run.get("warc_dir"):
        closed = run.get("warc_closed_files")
        left = f", and {closed} a stopped crawl had left open, closed" if closed else ""
        table.add_row("WARC files written (--warc)", f"{run['warc_files']}{left}")
    if run.get("requisites") is not None:
        table.add_row("page requisites (--requisites)", _requisites_row(run["requisites"]))
    console.print(table)
    for message in run.get("error_messages", []):
        console.print(f"[red]error[/red] {message}", highlight=False, soft_wrap=True)
    if run.get("errors", 0) > len(run.get("error_messages", [])):
        console.print(f"… all {run['errors']} errors are in the crawl_errors table (run_id = {run.get('id')})")


def _requisites_row(counts: dict[str, int]) -> str:
    row = f"{counts['captured']} captured, {counts['failed']} failed"
    if counts["robots"]:
        row += f", {counts['robots']} refused by robots.txt"
    if counts["hosts"]:
        row += f", {counts['hosts']} not asked (REQUISITES_HOSTS)"
    return row


def exit_if_storage_failed(run: dict[str, Any]) -> None:
    """After a storage fault (disk full, archive locked, read-only): its one line, and exit status 1."""
    if run.get("storage_error") is None:
        return
    click.echo(
        f"Error: {run['storage_error']}. The crawl stopped; the archive keeps what it had committed, intact;"
        " run the same command again to resume",
        err=True,
    )
    sys.exit(1)


def exit_if_stopped(run: dict[str, Any]) -> None:
    """After SIGINT or SIGTERM: one line, and the status a shell gives a command that signal ended (130, 143)."""
    if run.get("signal") is None:
        return
    if "articles_new" not in run:  # a second signal stopped the reactor before the run's row was finished
        click.echo(
            "stopped at once by a second signal: the posts committed before it are in the archive;"
            " run the same command to resume",
            err=True,
        )
        sys.exit(128 + run["signal"])
    # The run's crawl_runs row, written in the same transactions as its posts, rather than the stats' counts, which
    # go up before a transaction commits; and each outcome said, so that "posts" is not read as "new posts".
    counts = {outcome: run.get(f"articles_{outcome}", 0) for outcome in ("new", "updated", "unchanged")}
    posts = sum(counts.values())
    said = ", ".join(f"{count} {outcome}" for outcome, count in counts.items() if count)
    click.echo(
        f"stopped after {posts} post{'s' * (posts != 1)}{f' ({said})' if said else ''}; run the same command to resume",
        err=True,
    )
    sys.exit(128 + run["signal"])


def exit_if_incomplete(run: dict[str, Any], db: Path) -> None:
    """Pages or files the archive should hold and lacks (crawler/pipelines/archive.py says which errors count): one
    line, and exit status EXIT_INCOMPLETE. A broken link (HTTP 404 or 410, even for a page a feed lists) is none."""
    lost = run.get("lost", 0)
    if not lost:
        return
    click.echo(
        f"{lost} page{'s' * (lost != 1)} or file{'s' * (lost != 1)} of the blog could not be archived (each cause is"
        f" in crawl_errors, run_id = {run.get('id')}); `blogarchive verify --db {db}` lists them, and the next crawl"
        " tries them again",
        err=True,
    )
    sys.exit(EXIT_INCOMPLETE)


def _why_nothing(run: dict[str, Any]) -> str:
    """What the crawl saw that explains an empty archive, as the end of its one line."""
    if run.get("hash_routes"):
        return (
            f": its pages are addressed by routes after '#' ({run['hash_routes']} links such as"
            f" {run.get('hash_route') or '/#/posts/…'}, a script-routed app) on pages no browser rendered, and only"
            " a rendered page's routes are followed: crawl with --render always; see docs/rendering.md"
        )
    if run.get("render_needed"):  # --render never: pages that needed a browser (crawl_errors says which and why)
        count = run["render_needed"]
        pages, them = (f"{count} of its pages need", "them") if count > 1 else ("its page needs", "it")
        return (
            f": {pages} a browser (a script builds {them}), which --render never kept from {them};"
            " crawl with --render auto; see docs/rendering.md"
        )
    if run.get("textless"):  # pages with no text that no rule of crawler/rendering/detect.py sent to the browser
        pages, them = (f"{run['textless']} of its pages", "them") if run["textless"] > 1 else ("its page", "it")
        return (
            f": {pages} held no text and no browser rendered {them} — if a script builds {them} (an app whose"
            " shell blogarchive does not recognise), crawl with --render always; see docs/rendering.md"
        )
    if gone := run.get("gone", 0) + run.get("broken_links", 0):  # robots.txt refusing its admin pages is not why
        pages = f"the {gone} pages it links answered" if gone > 1 else "the page it links answered"
        refused = f" (its robots.txt refused {run['robots_forbidden']} requests more)" * bool(
            run.get("robots_forbidden")
        )
        return f": {pages} 404 Not Found or 410 Gone{refused} — is it the blog's current address?"
    if run.get("robots_forbidden"):  # Scrapy's RobotsTxtMiddleware refused them, its log line hidden in --quiet
        return (
            f": its robots.txt forbids the crawl ({run['robots_forbidden']} requests refused); to crawl it anyway,"
            " -s ROBOTSTXT_OBEY=False (a sites file's obey_robots = false)"
        )
    return ""


def archived_anything(run: dict[str, Any]) -> bool:
    """Any article seen in this run counts, unchanged ones too: a recrawl of a quiet blog is a success; and so does
    a run that resumed a stopped job, whose earlier runs had done the rest of its work (a stop near the end left
    no post to this one), and one that found every post moved (stored at its new address first, then made one with
    the post archived at the old one: no post new)."""
    keys = (
        "articles_new",
        "articles_updated",
        "articles_unchanged",
        "moved",
        "moved_by_id",
        "pages_not_modified",
        "skipped_by_lastmod",
        "resumed_done",
    )
    return any(run.get(key) for key in keys)


@click.command()
@click.argument("urls", nargs=-1, callback=check_start_urls)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=Path("archive.db"),
    show_default=True,
    help="SQLite archive to write (created if missing). With --site: the sites file's, unless given.",
)
@click.option("--site", "site_name", metavar="NAME", help="Crawl this site of the sites file now, with its options.")
@config_option
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
@click.option(
    "--requisites", is_flag=True, help="With --warc: also capture each post's stylesheets, scripts, fonts and images."
)
@click.option(
    "--render",
    type=click.Choice(RENDER_MODES),
    help="Render pages in Chromium: auto (the default) renders those whose HTML is a shell or whose content a"
    " script loads; always every page; never none (a page that needed it is a crawl error).",
)
@click.option(
    "--screenshots",
    "screenshots_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Save a full-page screenshot of each rendered page in this folder.",
)
@click.option(
    "--cookies",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A cookies.txt (Netscape format, as browsers export it): a members' session, sent to the start URLs' origins.",
)
@click.option(
    "--header",
    "headers",
    multiple=True,
    metavar="'NAME: VALUE'",
    help="An extra request header, sent to the start URLs' origins only. Repeatable.",
)
@click.option(
    "--webhook",
    metavar="URL",
    envvar=WEBHOOK_ENV,
    callback=_check_webhook,
    help="After the crawl, POST what it changed (JSON) to this URL; retried, a failure recorded, never fatal.",
)
@click.option(
    "--changes-feed",
    type=click.Path(dir_okay=False, path_type=Path),
    help="After the crawl, add what it changed to this Atom feed file (created if missing).",
)
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE", help="Any Scrapy setting. Repeatable.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display, no summary; errors only in the archive.")
@click.option("--log-file", type=click.Path(path_type=Path), help="Write the full crawl log to this file.")
@options.ENQUEUE_OPTION
@click.pass_context
def crawl(
    ctx: click.Context,
    urls: tuple[str, ...],
    db: Path,
    site_name: str | None,
    config: Path,
    allow: tuple[str, ...],
    deny: tuple[str, ...],
    max_pages: int,
    max_depth: int,
    user_agent: str | None,
    job: str,
    media_dir: Path | None,
    warc_dir: Path | None,
    requisites: bool,
    render: str | None,
    screenshots_dir: Path | None,
    cookies: Path | None,
    headers: tuple[str, ...],
    webhook: str | None,
    changes_feed: Path | None,
    settings: tuple[str, ...],
    quiet: bool,
    log_file: Path | None,
    broker: str | None,
) -> None:
    """Crawl one or more blogs and archive every post into the SQLite file --db; or, with --site NAME, one site of
    the sites file now (as `run-due --site NAME`).

    Exit status 1 when nothing could be archived, the archive could not be written (disk full, locked,
    read-only) or the crawl did not finish; 3 when it finished but could not archive a page or file that was there
    (a server error, a timeout, a post it could not keep; not a broken link). Every failed page is logged, counted
    and a row in crawl_errors.
    """
    if site_name is not None or not urls:
        _crawl_site(ctx, site_name, urls, broker)
        return
    extra = parse_settings(settings, CrawlOptions(db=db).settings())
    check_requisites(requisites, warc_dir, extra)
    session = members_session(urls, cookies, headers, broker)
    check_alerts_here(webhook, changes_feed, broker)
    if broker:
        given = {"--max-pages": max_pages, "--max-depth": max_depth, "--user-agent": user_agent, "--warc": warc_dir}
        arguments = [arg for pattern in allow for arg in ("--allow", pattern)]
        arguments += [arg for pattern in deny for arg in ("--deny", pattern)]
        arguments += [arg for option, value in given.items() if value for arg in (option, str(value))]
        arguments += ["--requisites"] if requisites else []
        arguments += ["--render", render] if render else []
        arguments += [arg for pair in settings for arg in ("-s", pair)]
        queue_job(broker, crawl_job(job, urls), urls, arguments, media_dir, db)
        return
    crawl_settings = CrawlOptions(db=db, extra_settings=extra).settings()
    busy_timeout = crawl_settings.getfloat("ARCHIVE_BUSY_TIMEOUT")
    targets = alert_targets(webhook, changes_feed, crawl_settings)
    check_archive(db, crawl_job(job, urls), busy_timeout)
    if media_dir:
        check_media_dir(media_dir)
    check_warc_dir(warc_dir or (Path(extra["WARC_DIR"]) if extra.get("WARC_DIR") else None))
    if user_agent:
        extra["USER_AGENT"] = user_agent
    if requisites:
        extra["REQUISITES"] = "true"
    if render:
        extra["RENDER"] = render
    if screenshots_dir:
        check_media_dir(screenshots_dir, "save screenshots")
        extra["RENDER_SCREENSHOTS"] = str(screenshots_dir)
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
        session=session,
    )
    run = run_crawl(urls, options)
    exit_if_storage_failed(run)
    exit_if_stopped(run)
    if not quiet:
        print_run_summary(run, db, Console())
    send_alerts(run, db, targets)
    if run.get("status") not in (None, "finished"):  # Scrapy closed it for another reason (start_error …)
        click.echo(f"the crawl did not finish (status {run['status']}); run the same command to resume", err=True)
        sys.exit(1)
    if not archived_anything(run):
        click.echo(f"nothing was archived from {', '.join(map(redact_url, urls))}{_why_nothing(run)}", err=True)
        sys.exit(1)
    exit_if_signed_out(run)
    exit_if_incomplete(run, db)


def _crawl_site(ctx: click.Context, site_name: str | None, urls: tuple[str, ...], broker: str | None) -> None:
    """`crawl --site NAME`: the site's URLs and options come from the sites file, so none may be given here (but
    --broker, to queue it)."""
    if site_name is None:
        raise options.InputError("give the URL of a blog to crawl, or --site NAME for a site of the sites file")
    given = [
        f"--{name.replace('_', '-')}" if name != "urls" else "URLs"
        for name in ctx.params
        if name not in ("site_name", "config", "db", "broker")
        and ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE
    ]
    if given:
        raise options.InputError(
            f"--site {site_name} takes its URLs and options from the sites file; leave out {', '.join(given)}"
        )
    from crawler.cli.schedule import crawl_site_now  # the scheduler is imported only for `crawl --site`

    explicit_db = ctx.get_parameter_source("db") == ParameterSource.COMMANDLINE
    crawl_site_now(ctx.params["config"], ctx.params["db"] if explicit_db else None, site_name, broker)


def queue_job(
    broker: str, name: str, urls: tuple[str, ...], arguments: list[str], media: Path | None, db: Path
) -> None:
    """`crawl --broker`: the crawl becomes a site job for `blogarchive worker`, and the command ends. When --db is
    an archive, the job carries what it holds of the sites' posts, so the worker recrawls them as a crawl here would."""
    from crawler.distributed.jobs import SiteJob, archived_posts, enqueue, queued_since

    if media:
        raise options.InputError("--media cannot be used with --broker: the images would stay on the worker machines")
    try:
        if enqueue(broker, [SiteJob(name, urls, ("--job", name, *arguments), archived_posts(db, urls))])[0]:
            click.echo(f"queued job {name!r} on {redact_url(broker)}")
            if not db.is_file():  # a first crawl; or the wrong folder, and the workers fetch every post again
                click.echo(
                    f"note: no archive at {db}: the job carries no archived posts, so the workers fetch every post;"
                    " give --db the archive `blogarchive writer` writes to recrawl only what changed",
                    err=True,
                )
        else:
            since = queued_since(broker, name)
            click.echo(f"job {name!r} is already queued or running (since {since}); not queued again")
    except BlogarchiveError as exc:
        raise click.ClickException(str(exc)) from exc
