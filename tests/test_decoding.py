"""Text decoded as its author wrote it: the HTTP header's charset reaches decoding, in the crawl and in
`blogarchive extract URL`; BOM, <meta>, a header that contradicts the <meta>, mixed encodings. Each class of
bench/decoding.py's corpus, and a crawl of a server that declares them as servers do."""

from __future__ import annotations

import json
import sqlite3

import pytest

from bench.decoding import corpus
from crawler.extraction.decoding import decode_html, header_charset
from tests.conftest import run_cli
from tests.hostile.servers import Server, page, serve

GERMAN = "Grüße aus Köln: die Straßenbahn fährt über die Brücke, pünktlich wie immer, und niemand ärgert sich."
FRENCH = "Ça coûte 5 € — l'été dernier, à Noël, déjà « trop » pour un café crème et une crêpe au beurre."
KOREAN = "오늘은 비가 와서 집에서 책을 읽었습니다. 창밖의 빗소리를 들으며 따뜻한 차를 마셨습니다."
JAPANESE = "今日は雨だったので、家で本を読みました。窓の外の雨の音を聞きながら、温かいお茶を飲みました。"


@pytest.mark.parametrize("case", corpus(), ids=lambda case: f"{case.name} ({case.language})")
def test_every_class_of_the_corpus_decodes_to_the_authors_text(case):
    decoded = decode_html(case.body, header_charset(case.header))
    assert decoded.split("<p>", 1)[1].split("</p>", 1)[0] == case.text


def _post(title: str, sentence: str, meta: str = "") -> str:
    paragraphs = "".join(f"<p>{sentence} ({n})</p>" for n in range(5))
    jsonld = '{"@type": "BlogPosting", "datePublished": "2024-02-03"}'
    head = f'{meta}<script type="application/ld+json">{jsonld}</script><title>{title}</title>'
    body = f"<article><h1>{title}</h1>{paragraphs}</article>"
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


PAGES = ("/header-only/", "/undeclared/", "/default-header/", "/mixed/", "/euc-kr/", "/shift-jis/", "/windows-1252/")


def _site() -> Server:
    mixed = _post("Gemischt", GERMAN + " ####", '<meta charset="utf-8">').encode().replace(b"####", b"caf\xe9")
    return Server(
        routes={
            "/": page(*PAGES),
            "/header-only/": (
                200,
                {"Content-Type": "text/html; charset=ISO-8859-1"},
                _post("Köln", GERMAN).encode("latin-1"),
            ),
            "/undeclared/": (200, {"Content-Type": "text/html"}, _post("Crêpes", FRENCH).encode("cp1252")),
            "/default-header/": (
                200,
                {"Content-Type": "text/html; charset=iso-8859-1"},
                _post("Grüße", GERMAN, '<meta charset="utf-8">').encode(),
            ),
            "/mixed/": (200, {"Content-Type": "text/html; charset=utf-8"}, mixed),
            # The header names what the <meta> leaves out, or contradicts a <meta> the bytes are not in.
            "/euc-kr/": (
                200,
                {"Content-Type": "text/html; charset=EUC-KR"},
                _post("비 오는 날", KOREAN).encode("euc-kr"),
            ),
            "/shift-jis/": (
                200,
                {"Content-Type": "text/html; charset=Shift_JIS"},
                _post("雨の日", JAPANESE, '<meta charset="utf-8">').encode("shift_jis"),
            ),
            "/windows-1252/": (
                200,
                {"Content-Type": "text/html; charset=windows-1252"},
                _post("Crêpes", FRENCH, '<meta charset="iso-8859-1">').encode("cp1252"),
            ),
        }
    )


def test_the_crawl_and_extract_decode_as_the_author_wrote(crawl, tmp_path):
    with serve(_site()) as site:
        assert crawl(site.base).returncode == 0
        extracted = {
            path: run_cli("extract", site.base + path.lstrip("/")) for path in ("/header-only/", "/shift-jis/")
        }
    db = sqlite3.connect(tmp_path / "archive.db")
    texts = dict(db.execute("SELECT url, text FROM articles"))
    assert GERMAN in texts[site.base + "header-only/"] and GERMAN in texts[site.base + "default-header/"]
    assert FRENCH in texts[site.base + "undeclared/"]
    assert f"{GERMAN} café" in texts[site.base + "mixed/"]
    assert KOREAN in texts[site.base + "euc-kr/"] and JAPANESE in texts[site.base + "shift-jis/"]
    assert FRENCH in texts[site.base + "windows-1252/"]
    assert len(texts) == len(PAGES)
    assert run_cli("reextract", "--db", str(tmp_path / "archive.db")).returncode == 0
    assert dict(db.execute("SELECT url, text FROM articles")) == texts  # the header's charset is kept with the page
    for path, result in extracted.items():
        assert json.loads(result.stdout)["text"] == texts[site.base + path.lstrip("/")], result.stderr
