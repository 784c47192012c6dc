"""`blogarchive sites list|add|remove|check`: the sites file (sites.toml) that `schedule` and `run-due` crawl."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from archive.query import Rows
from crawler.archivist.scheduling import last_runs, next_due
from crawler.archivist.sites import DEFAULT_SCHEDULE, SitesConfig, read_config
from crawler.archivist.sites_edit import add_site, remove_site
from crawler.cli.options import format_option, output_format
from crawler.cli.output import print_rows
from crawler.errors import ConfigError

config_option = click.option(
    "--config",
    "-c",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("sites.toml"),
    show_default=True,
    help="The sites file.",
)
db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The archive (default: [defaults] db in the sites file, else archive.db next to it).",
)


def load_config(path: Path) -> SitesConfig:
    """The sites file, or exit 1 listing every problem in it."""
    try:
        return read_config(path)
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        if len(exc.problems) > 1:
            click.echo(f"{len(exc.problems)} problems", err=True)
        sys.exit(1)


def _edit(change: Callable[..., None], *args: Any) -> None:
    try:
        change(*args)
    except ConfigError as exc:
        raise click.ClickException("\n".join(map(str, exc.problems))) from exc


@click.group()
def sites() -> None:
    """The sites file: which blogs `schedule` and `run-due` crawl, and when."""


@sites.command("list")
@config_option
@db_option
@format_option()
def list_sites(config: Path, db: Path | None, fmt: str | None) -> None:
    """Each site: start URLs, schedule (UTC), enabled, its last run and when it is next due."""
    sites_config = load_config(config)
    runs = last_runs(db or sites_config.db)
    now = datetime.now(UTC)
    columns = ["site", "start_urls", "schedule", "enabled", "last_run_utc", "next_due_utc"]
    records = []
    for site in sites_config.sites.values():
        last = runs.get(site.name)
        due = next_due(site, last, now)
        values = (
            site.name,
            list(site.urls),
            site.schedule,
            site.enabled,
            f"{last.started:%Y-%m-%d %H:%M:%S} {last.status}" if last else "never",
            "-" if not site.enabled else "now" if due <= now else f"{due:%Y-%m-%d %H:%M:%S}",
        )
        records.append(dict(zip(columns, values, strict=True)))
    print_rows(Rows(columns, records), output_format(fmt), f"{config} → {db or sites_config.db}")


@sites.command()
@config_option
def check(config: Path) -> None:
    """Validate the sites file; every problem is listed with its file:line and key. Exit 1 if any."""
    sites_config = load_config(config)
    click.echo(f"{config}: {len(sites_config.sites)} sites, no problems")


@sites.command()
@click.argument("name")
@click.argument("urls", nargs=-1, required=True)
@click.option("--schedule", help=f"Cron expression, UTC (default: [defaults] schedule, else {DEFAULT_SCHEDULE!r}).")
@click.option("--allow", multiple=True, help="Regex; only matching URLs are crawled. Repeatable.")
@click.option("--deny", multiple=True, help="Regex; matching URLs are never crawled. Repeatable.")
@click.option("--max-pages", type=int, help="Stop after this many pages.")
@click.option("--user-agent", help="User-Agent header.")
@click.option("--download-delay", type=float, help="Seconds between requests to the site.")
@click.option("--concurrency", type=int, help="At most this many requests to the site at once.")
@click.option("--media", help="Save images in this folder.")
@click.option("--warc", help="Write WARC files to this folder.")
@click.option("--disabled", is_flag=True, help="Add it with enabled = false.")
@config_option
def add(name: str, urls: tuple[str, ...], disabled: bool, config: Path, **options: Any) -> None:
    """Add site NAME with its start URLS as a [sites.NAME] table at the end of the sites file.

    The rest of the file, comments included, is kept as it is. Other keys: edit the file.
    """
    values = {"urls": list(urls)}
    values |= {key: list(value) if isinstance(value, tuple) else value for key, value in options.items() if value}
    if disabled:
        values["enabled"] = False
    _edit(add_site, config, name, values)
    click.echo(f"{config}: added {name}")


@sites.command()
@click.argument("name")
@config_option
def remove(name: str, config: Path) -> None:
    """Remove site NAME: its [sites.NAME] table and the comment lines right above it; the rest stays as it is.

    Its runs stay in the archive.
    """
    _edit(remove_site, config, name)
    click.echo(f"{config}: removed {name}")
