"""What the archive commands share: --db, the filters (--site, --author, --lang, --since, --until), --format,
the archive's check before a crawl, and bad input as one line on stderr with exit status 2."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from archive import Archive, ArchiveError
from archive.errors import FilterError, OutputError, SearchRefused
from archive.filters import Moment, parse_moment
from archive.readonly import ReadOnlyConnection, connect_readonly, unshown_changes

DB_OPTION = click.option(
    "--db", type=click.Path(path_type=Path), default=Path("archive.db"), show_default=True, help="The archive file."
)
OUTPUT_FORMATS = ("table", "tsv", "csv", "json")


def _broker(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from crawler.distributed.broker import check_broker_url
    from crawler.errors import BrokerError

    try:
        return None if value is None else check_broker_url(value)
    except BrokerError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


# `worker` and `writer` need a broker; crawl, schedule and run-due take one to queue site jobs instead of crawling.
BROKER_OPTION = click.option(
    "--broker", required=True, metavar="URL", callback=_broker, help="The Redis broker: redis://HOST:6379/0."
)
ENQUEUE_OPTION = click.option(
    "--broker",
    metavar="URL",
    callback=_broker,
    help="Queue the crawl as a site job on this Redis broker (redis://HOST:6379/0) for `blogarchive worker`.",
)


class InputError(click.ClickException):
    """Bad input: one line on stderr, exit status 2 (click's own for usage errors)."""

    exit_code = 2


class MomentType(click.ParamType):
    """An ISO 8601 date or date and time (archive.filters.parse_moment)."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Moment:
        if isinstance(value, Moment):
            return value
        try:
            return parse_moment(value)
        except FilterError as exc:
            raise InputError(f"--{param.name if param else 'date'}: {exc}") from None


DATE = MomentType()


def filter_options(*names: str) -> Callable[[Any], Any]:
    """The named filter options (site, author, language, since, until) of a command, in that order."""
    available = {
        "site": click.option("--site", help="Only this site (host name, with :port if it has one)."),
        "author": click.option("--author", help="Only posts whose byline contains this text (any case)."),
        "language": click.option("--lang", "language", help="Only this language (ISO 639-1, e.g. en)."),
        "since": click.option("--since", type=DATE, help="On or after this ISO 8601 date or date and time."),
        "until": click.option("--until", type=DATE, help="On or before this ISO 8601 date (the whole day) or time."),
    }

    def decorate(function: Any) -> Any:
        for name in reversed([n for n in available if n in names]):
            function = available[name](function)
        return function

    return decorate


def format_option(help_text: str = "Default: table on a terminal, else tsv (full width, one row per line).") -> Any:
    """--format: a table on a terminal, TSV when stdout is a pipe or a file, unless asked otherwise."""
    return click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default=None, help=help_text)


def output_format(fmt: str | None) -> str:
    return fmt or ("table" if sys.stdout.isatty() else "tsv")


def open_readonly(db: Path) -> ReadOnlyConnection:
    """The archive, read-only (archive/readonly.py: also on a read-only file system), or exit 1 saying why; a note
    on stderr when a killed crawl's changes cannot be shown."""
    try:
        conn = connect_readonly(db)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    if (note := unshown_changes(db, conn)) is not None:
        click.echo(note, err=True)
    return conn


@contextmanager
def user_errors() -> Iterator[None]:
    """A filter that is malformed or names nothing, an output file that cannot be written: exit 2; an archive that
    cannot be used: exit 1."""
    try:
        yield
    except (FilterError, OutputError, SearchRefused) as exc:
        raise InputError(str(exc)) from None
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None


@dataclass
class Stop:
    signum: int | None = None  # the signal that stopped the command


@contextmanager
def stop_signals() -> Iterator[Stop]:
    """SIGTERM raises KeyboardInterrupt as Ctrl-C does, so a command cleans up after both alike; `.signum` says
    which came."""
    stop = Stop()

    def stopped(signum: int, frame: object) -> None:
        stop.signum = signum
        raise KeyboardInterrupt

    previous = {signum: signal.signal(signum, stopped) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def check_archive(db: Path, job: str | None = None, busy_timeout: float = 30) -> None:
    """Open (create, migrate) the archive and take its write lock for a moment before crawling, so a bad --db, a
    read-only file system or a lock another process holds fails in a second, not after a crawl; and refuse to run a
    job another live process is crawling (both would lease the same frontier rows)."""
    try:
        archive = Archive(db, busy_timeout)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        archive.check_writable()
        live = archive.live_run(job) if job else None
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        archive.close()
    if live is not None:
        raise click.ClickException(
            f"job {job!r} is being crawled by process {live['pid']} (run {live['id']}); wait for it or stop it"
        )
