"""`blogarchive extract FILE_OR_URL [--url URL]`: one page → one JSON object, as the archive would see it."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import click

from crawler.errors import BlogarchiveError
from crawler.extraction.decoding import decode_html, header_charset
from crawler.extraction.extract import extract as extract_article

FETCH_TIMEOUT = 30
USER_AGENT = "blogarchive/0.1 (extract)"


def read_source(source: str) -> tuple[bytes, str, str | None]:
    """The page's bytes, its address and the charset its Content-Type header declared: a file (address file://…
    unless --url says otherwise; no header) or an http URL."""
    if source.startswith(("http://", "https://")):
        request = urllib.request.Request(source, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
                return response.read(), response.url, header_charset(response.headers.get("Content-Type"))
        except OSError as exc:
            raise click.ClickException(f"cannot fetch {source}: {getattr(exc, 'reason', exc)}") from exc
    path = Path(source)
    try:
        return path.read_bytes(), path.resolve().as_uri(), None
    except OSError as exc:
        raise click.ClickException(f"cannot read {source}: {exc.strerror or exc}") from exc


@click.command()
@click.argument("source", metavar="FILE_OR_URL")
@click.option("--url", help="The page's address when SOURCE is a file (relative links resolve against it).")
@click.option("--indent", type=int, default=2, show_default=True, help="JSON indentation (0: one line).")
def extract(source: str, url: str | None, indent: int) -> None:
    """Print what blogarchive extracts from one page as a JSON object."""
    data, address, charset = read_source(source)
    try:
        article = extract_article(decode_html(data, charset), url or address)  # decoded as the crawl decodes
    except BlogarchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=indent or None))
