"""A real WordPress (scripts/wordpress.sh) for the WordPress tests and benchmark: started once, one site per theme ×
permalink style, and what each site holds read from its database (scripts/wordpress/truth.php)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "wordpress.sh"
THEMES = ("twentytwentyone", "twentytwentytwo", "twentytwentythree")
PERMALINKS = ("pretty", "plain")
# Every theme × both permalink styles; on one of them the pages show no comment, as with a theme that loads them
# by script (the crawl then reads them from WordPress's REST API).
SITES = tuple(
    (theme, permalinks, "scripted-comments" if (theme, permalinks) == ("twentytwentytwo", "plain") else "on-the-page")
    for theme in THEMES
    for permalinks in PERMALINKS
)
SKIP = 77  # the script's exit status when WordPress cannot be installed here


class WordPressUnavailable(RuntimeError):
    """scripts/wordpress.sh cannot install Debian's packages here (exit 77): the reason, from its stderr."""


@dataclass(frozen=True)
class WordPress:
    folder: Path
    sites: dict[str, str]  # site name (THEME_PERMALINKS) → its home URL

    def truth(self, site: str) -> dict:
        """What the site's database holds (scripts/wordpress/truth.php)."""
        result = subprocess.run(
            ["php", str(SCRIPT.parent / "wordpress" / "truth.php"), str(self.folder / "wordpress")],
            env={**os.environ, "BLOGARCHIVE_WP_SITE": site},
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout)


def site_name(theme: str, permalinks: str) -> str:
    return f"{theme}_{permalinks}"


@contextmanager
def wordpress(
    folder: Path, sites: tuple[tuple[str, str, str], ...] = SITES, theme_test_data: str | None = None
) -> Iterator[WordPress]:
    """WordPress started in `folder` with a site per (theme, permalinks, comments), stopped on exit, whatever
    happens; `theme_test_data`: a copy of WordPress's theme unit test data to import into each site too. Raises
    WordPressUnavailable when it cannot be installed here."""
    specs = [f"{site_name(theme, permalinks)}:{theme}:{permalinks}:{comments}" for theme, permalinks, comments in sites]
    try:
        result = subprocess.run(
            ["bash", str(SCRIPT), "start", str(folder), *specs],
            # Stopped even if this process is killed.
            env={**os.environ, "WORDPRESS_STOP_WITH": str(os.getpid()), "WP_THEME_TEST_DATA": theme_test_data or ""},
            capture_output=True,
            text=True,
        )
        if result.returncode == SKIP:
            raise WordPressUnavailable(result.stderr.strip())
        if result.returncode != 0:
            raise RuntimeError(f"scripts/wordpress.sh start failed: {result.stderr.strip()}")
        lines = (line.split() for line in result.stdout.splitlines() if line.strip())
        yield WordPress(folder, {name: url for name, url in lines})
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], capture_output=True)


@dataclass(frozen=True)
class Crawl:
    site: str
    db: Path
    returncode: int
    seconds: float
    stderr: str


def crawl(site: str, url: str, db: Path, *options: str, timeout: float = 600) -> Crawl:
    """`blogarchive crawl URL` into `db` as a child process, with one extraction process, timed."""
    command = [sys.executable, "-m", "crawler", "crawl", url, "--db", str(db), "--quiet"]
    command += ["-s", "EXTRACT_PROCESSES=1", "-s", "AUTOTHROTTLE_ENABLED=False", *options]
    started = time.monotonic()
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    return Crawl(site, db, result.returncode, time.monotonic() - started, result.stderr)


def requests_seen(wp: WordPress, site: str) -> list[str]:
    """Every request the site's server answered (method and URI), from nginx's access log."""
    port = urlsplit(wp.sites[site]).port
    log = (wp.folder / "log" / "nginx-access.log").read_text(encoding="utf-8", errors="replace")
    return [line.split(" ", 2)[2] for line in log.splitlines() if line.startswith(f"{port} ")]
