"""blogarchive's own exceptions, in one module. Each message names the input and, where there is one, the fix.

Two kinds live elsewhere, for the layers' sake. The archive's (ArchiveError, FilterError, and storage_fault(),
which words a full disk, a held lock or a read-only file system) are in archive/errors.py: archive/ never imports
the crawler. The crawl's request outcomes that Scrapy or Twisted must take for their own (Refused, NotNeeded,
GaveUp: IgnoreRequest; AddressRefused: a DNS lookup error) are in crawler/failures.py: this module imports neither,
since extraction, which must not import Scrapy, raises ExtractionError. The CLI's usage error (exit status 2) is
click's, options.InputError in crawler/cli/options.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The exit status of a crawl that finished without archiving everything it should have: a page or file that was
# there could not be fetched or kept (the causes are in crawl_errors; `verify` lists them). Neither 1 (nothing
# archived, the crawl failed) nor 2 (a usage error): the scheduler and the distributed worker take such a run as
# finished, and cron, a script or CI sees it.
EXIT_INCOMPLETE = 3


class BlogarchiveError(Exception):
    """Base class: anything the CLI reports as one clear line instead of a traceback."""


class InvalidStartURL(BlogarchiveError, ValueError):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"invalid start URL {url!r}: {reason}")
        self.url = url
        self.reason = reason


class InvalidPattern(BlogarchiveError, ValueError):
    """An allow/deny regex that does not compile."""

    def __init__(self, pattern: str, reason: str) -> None:
        super().__init__(f"{pattern!r} is not a valid regular expression: {reason}")


class ExtractionError(BlogarchiveError):
    def __init__(self, source: str, cause: str) -> None:
        super().__init__(f"cannot extract {source}: {cause}")
        self.source = source
        self.cause = cause


@dataclass(frozen=True)
class Problem:
    """One problem of the sites file: where (file, line, table and key) and what is wrong."""

    path: Path
    line: int  # 0: not about one line (the file is missing)
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class BodyModeError(BlogarchiveError, ValueError):
    """The environment's BLOGARCHIVE_BODY names no body mode."""


class ConfigError(BlogarchiveError):
    """The sites file's problems, all of them, one line each."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


class WarcDirError(BlogarchiveError):
    """The WARC folder cannot be written; the message names it and the fix."""


class WarcReadError(BlogarchiveError):
    """A file that warcio cannot read as WARC; the message names it."""


class WaczError(BlogarchiveError):
    """The package cannot be made; the message names the input and the fix."""


class BrokerError(BlogarchiveError):
    """The broker URL is not one we can use, or the broker cannot be reached."""


class RelayFailed(BlogarchiveError):
    """The broker could not take a batch."""


class BrowserUnavailable(BlogarchiveError):
    """Rendering was asked for and no Chromium can be started (`--render never` crawls without it)."""


class BrowserLost(Exception):
    """The browser a page was rendering in crashed or was killed meanwhile: the page may be tried again in a new one.
    Decided by the page's own browser, not the current one: another page may have started a new browser already."""


class SessionInputError(BlogarchiveError):
    """A cookies file or extra header that cannot be used for a members-only crawl; the message names it (never a
    cookie's or header's value) and the fix."""
