"""`blogarchive schedule` (long-lived) and `blogarchive run-due` (one pass, for cron or a systemd timer)."""

from __future__ import annotations

import difflib
import logging
import sys
from pathlib import Path

import click

from crawler.archivist.scheduling import Scheduler, logger, next_to_run
from crawler.archivist.sites import Site, read_config
from crawler.cli import options
from crawler.cli.sites import config_option, db_option, load_config
from crawler.errors import EXIT_INCOMPLETE, ConfigError


def _start(config: Path, db: Path | None, broker: str | None) -> tuple[Scheduler, list[Site]]:
    sites_config = load_config(config)
    db = db or sites_config.db
    options.check_archive(db)
    logging.basicConfig(format="%(asctime)s %(message)s", level=logging.WARNING, stream=sys.stderr)
    logger.setLevel(logging.INFO)
    scheduler = Scheduler(db, broker)
    scheduler.handle_signals()
    return scheduler, list(sites_config.sites.values())


@click.command()
@config_option
@db_option
@options.ENQUEUE_OPTION
def schedule(config: Path, db: Path | None, broker: str | None) -> None:
    """Crawl each enabled site of the sites file whenever its schedule says, until SIGTERM or Ctrl-C.

    Crawls run one at a time. On SIGTERM/SIGINT the running crawl is stopped gracefully (its current write
    finished) and the command exits 0; that crawl resumes on the next start. The sites file is re-read before
    each pass; while it has problems they are logged and the last good version is used.
    """
    scheduler, sites = _start(config, db, broker)

    def load() -> list[Site]:
        nonlocal sites
        try:
            sites = list(read_config(config).sites.values())
        except ConfigError as exc:
            logger.warning("%s has problems, still using its last good version:\n%s", config, exc)
        return sites

    logger.info("scheduling %d sites from %s into %s", len(sites), config, scheduler.db)
    scheduler.run_forever(load)


@click.command("run-due")
@config_option
@db_option
@click.option("--site", "site_name", metavar="NAME", help="Crawl this site of the sites file now, due or not.")
@options.ENQUEUE_OPTION
def run_due(config: Path, db: Path | None, site_name: str | None, broker: str | None) -> None:
    """Crawl every enabled site that is due now, one after another, then exit (for cron or a systemd timer).

    Each site's outcome is logged with its first error's cause; with nothing due, when the next site is. Exit
    status 1 when a crawl failed, else 3 when a crawl finished without archiving everything it should have (as
    `crawl` exits); the other sites are still crawled.
    """
    if site_name is not None:
        crawl_site_now(config, db, site_name, broker)
        return
    scheduler, sites = _start(config, db, broker)
    failed = scheduler.run_due(sites)
    if not scheduler.crawled and (upcoming := next_to_run(sites, scheduler.db)) is not None:
        site, due = upcoming
        click.echo(f"nothing due; next: {site.name} at {due:%Y-%m-%d %H:%M:%S} UTC")
    elif not scheduler.crawled:
        click.echo(f"nothing due: no site of {config} is enabled")
    _exit_if_failed(failed, scheduler)


def crawl_site_now(config: Path, db: Path | None, name: str, broker: str | None = None) -> None:
    """Crawl the site `name` of the sites file now, due or not, as a scheduled run (its lock, its outcome logged);
    exit 1 when the crawl failed. `run-due --site NAME` and `crawl --site NAME`; with `broker`, queue it."""
    scheduler, sites = _start(config, db, broker)
    _exit_if_failed(scheduler.run_due([_site_named(name, sites, config)], now_anyway=True), scheduler)


def _exit_if_failed(failed: list[str], scheduler: Scheduler) -> None:
    if failed:
        click.echo(f"failed: {', '.join(failed)}", err=True)
        sys.exit(1)
    if scheduler.incomplete:
        names = ", ".join(scheduler.incomplete)
        click.echo(f"incomplete: {names} (pages or files not archived; `blogarchive verify` lists them)", err=True)
        sys.exit(EXIT_INCOMPLETE)


def _site_named(name: str, sites: list[Site], config: Path) -> Site:
    for site in sites:
        if site.name == name:
            return site
    close = difflib.get_close_matches(name, [site.name for site in sites], n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f" (it has {', '.join(s.name for s in sites) or 'none'})"
    raise click.BadParameter(f"{config} has no site {name!r}{hint}", param_hint="--site")
