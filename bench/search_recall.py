"""`python -m bench.search_recall [--realblogs DIR] [--db ARCHIVE …]`: does a search for a word find the posts that
contain it in any form a reader calls the same word — in Korean, German and English?

For each word of WORDS (a judgement written down here, not derived from any index): the posts that contain it
(their title and text read token by token against the word's forms), and how many of them each search finds, with
the posts it finds that do not contain it (precision's cost):

- before: FTS5 as archives were indexed up to schema version 5 (unicode61, diacritics folded), on the same posts;
- LIKE: the substring baseline a user would otherwise write, `instr(lower(title || text), lower(word))`;
- trigram: FTS5's trigram tokenizer (substrings of 3 characters or more), on the same posts;
- after: the archive's own index (schema version 6: porter + the search_terms of archive/terms/), as
  `blogarchive search`, Datasette's _search and `sqlite-utils search` run it (MATCH with the word quoted).

Corpora: the sample blog (`blogarchive demo`'s, crawled into a fresh archive), any archive given with --db, and with
--realblogs the posts of the real blogs of /work/shared/realblogs (their truth text, written into a fresh archive
through Archive.save_article, so the index is built as a crawl builds it).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import py3langid

from archive import Archive
from archive.terms import search_terms
from crawler.demo.server import DemoSite, serve

TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Word:
    """A word as searched, and what counts as a post containing it: for Korean and German, a token containing one
    of `contains` and none of `unless` (particles, endings and compounds are all "the word"; 컴파일 is not 파일,
    Beispiel is not Spiel); for English, a token equal to one of `contains` (its inflected forms)."""

    query: str
    language: str
    contains: tuple[str, ...]
    unless: tuple[str, ...] = ()

    def in_tokens(self, tokens: set[str]) -> bool:
        if self.language == "en":
            return any(form in tokens for form in self.contains)
        return any(any(c in t for c in self.contains) and not any(u in t for u in self.unless) for t in tokens)


WORDS = [
    Word("사진", "ko", ("사진",), ("사진기",)),
    Word("카페", "ko", ("카페",)),
    Word("골목", "ko", ("골목",)),
    Word("설치", "ko", ("설치",)),
    Word("서버", "ko", ("서버",)),
    Word("파일", "ko", ("파일",), ("컴파일", "프로파일")),
    Word("설정", "ko", ("설정",)),
    Word("명령", "ko", ("명령",)),
    Word("커널", "ko", ("커널",)),
    Word("메모리", "ko", ("메모리",)),
    Word("찍다", "ko", ("찍",), ("일찍",)),
    Word("만들다", "ko", ("만들", "만든", "만드", "만듭")),
    Word("읽다", "ko", ("읽",)),
    Word("Brot", "de", ("brot",), ("brotli",)),
    Word("Teig", "de", ("teig",)),
    Word("Garten", "de", ("garten", "gärten")),
    Word("Kraut", "de", ("kraut", "kräuter")),
    Word("Datei", "de", ("datei",), ("updateinfo",)),
    Word("Bild", "de", ("bild",), ("bilden", "bildet", "gebildet", "abbild")),
    Word("Seite", "de", ("seite",), ("baseitem",)),
    Word("Zeit", "de", ("zeit",), ("jederzeit", "gleichzeitig", "zeitgleich")),
    Word("Farbe", "de", ("farbe",)),
    Word("Spiel", "de", ("spiel",), ("beispiel", "abgespielt", "spielt")),
    Word("Arbeit", "de", ("arbeit",), ("arbeitet", "bearbeit", "verarbeit")),
    Word("Fenster", "de", ("fenster",)),
    Word(
        "Programm",
        "de",
        ("programm",),
        ("programmier", "programming", "programmer", "programmed", "programmable", "programmatic"),
    ),
    Word("map", "en", ("map", "maps", "mapped", "mapping", "mappings")),
    Word("photo", "en", ("photo", "photos")),
    Word("bee", "en", ("bee", "bees")),
    Word("garden", "en", ("garden", "gardens", "gardening")),
    Word("image", "en", ("image", "images")),
    Word("install", "en", ("install", "installs", "installed", "installing")),
    Word("server", "en", ("server", "servers")),
    Word("build", "en", ("build", "builds", "building", "built")),
    Word("run", "en", ("run", "runs", "running", "ran")),
    Word("write", "en", ("write", "writes", "writing", "wrote", "written")),
    Word("child", "en", ("child", "children")),
    Word("test", "en", ("test", "tests", "tested", "testing")),
]
SEARCHES = ("before", "LIKE", "trigram", "after")
COMPARED_INDEXES = {  # the same posts, indexed as before and with trigrams, in tables of the corpus's archive copy
    "before": "unicode61 remove_diacritics 2",
    "trigram": "trigram",
}


def found_by(conn: sqlite3.Connection, search: str, word: str) -> set[int]:
    if search == "LIKE":
        sql = "SELECT id FROM articles WHERE instr(lower(coalesce(title, '') || ' ' || text), lower(?))"
        return {row[0] for row in conn.execute(sql, (word,))}
    table = "articles_fts" if search == "after" else f"bench_{search}"
    return {row[0] for row in conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (f'"{word}"',))}


def measure(path: Path) -> dict[str, dict[str, tuple[int, int, int]]]:
    """word → search → (posts containing it, of them found, found without it)."""
    conn = sqlite3.connect(path)
    for name, tokenizer in COMPARED_INDEXES.items():
        conn.execute(f"CREATE VIRTUAL TABLE bench_{name} USING fts5(title, text, author, tokenize='{tokenizer}')")
        columns = "rowid, title, text, author"
        conn.execute(f"INSERT INTO bench_{name} ({columns}) SELECT id, title, text, author FROM articles")
    tokens = {
        post: {token.lower() for token in TOKEN.findall(f"{title or ''} {text}")}
        for post, title, text in conn.execute("SELECT id, title, text FROM articles")
    }
    table = {}
    for word in WORDS:
        containing = {post for post, words in tokens.items() if word.in_tokens(words)}
        table[word.query] = {}
        for search in SEARCHES:
            found = found_by(conn, search, word.query)
            table[word.query][search] = (len(containing), len(found & containing), len(found - containing))
    conn.close()
    return table


def demo_archive(folder: Path) -> Path:
    """The sample blog crawled into a fresh archive, as `blogarchive demo` does."""
    path = folder / "demo.db"
    site = DemoSite()
    with serve(site):
        command = [sys.executable, "-m", "crawler", "crawl", site.base, "--db", str(path), "--quiet"]
        subprocess.run(command, check=True, capture_output=True)
    return path


def realblogs_archive(folder: Path, data: Path) -> Path:
    """Every post of the real blogs' truth files, written into a fresh archive (language as py3langid reads it).
    Prints what the search terms cost: CPU time (the dictionaries' loading included), memory, size."""
    posts = []
    for truth in sorted(data.glob("*.truth.json")):
        for post in json.loads(truth.read_text("utf-8"))["posts"]:
            language = py3langid.classify(f"{post['title']} {post['text'][:3000]}")[0]
            url = f"https://{truth.name.split('.')[0]}.example{post['path']}"
            posts.append({"url": url, "title": post["title"], "text": post["text"], "language": language})
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    started = time.process_time()
    terms = [search_terms(post["title"], post["text"], post["language"]) for post in posts]
    cpu = time.process_time() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    text = sum(len(post["title"]) + len(post["text"]) for post in posts)
    print(
        f"search terms of {len(posts)} real posts ({text:,} characters of title and text): {cpu:.1f} s CPU, the"
        f" dictionaries' loading included; {sum(map(len, terms)):,} characters of terms"
        f" ({sum(map(len, terms)) / text:.0%} of the text); peak RSS {rss_before} → {rss_after} MB"
    )
    path = folder / "realblogs.db"
    archive = Archive(path)
    run = archive.start_run([str(data)])
    for post in posts:
        archive.save_article(run, post, "2026-01-01T00:00:00+00:00")
    archive.close()
    return path


def totals(tables: list[dict[str, dict[str, tuple[int, int, int]]]]) -> dict[str, dict[str, tuple[int, int, int]]]:
    """language → search → summed (containing, found of them, found without)."""
    languages = {word.query: word.language for word in WORDS}
    summed: dict[str, dict[str, list[int]]] = {}
    for table in tables:
        for query, searches in table.items():
            for search, counts in searches.items():
                cell = summed.setdefault(languages[query], {}).setdefault(search, [0, 0, 0])
                for n, value in enumerate(counts):
                    cell[n] += value
    return {language: {s: tuple(c) for s, c in searches.items()} for language, searches in summed.items()}


def print_table(name: str, table: dict[str, dict[str, tuple[int, int, int]]]) -> None:
    print(f"\n### {name}\n")
    print("| word | language | posts containing | " + " | ".join(f"{s}: found (+ without)" for s in SEARCHES) + " |")
    print("|---|---|---|" + "---|" * len(SEARCHES))
    for word in WORDS:
        row = table[word.query]
        cells = " | ".join(f"{row[s][1]} (+{row[s][2]})" for s in SEARCHES)
        print(f"| {word.query} | {word.language} | {row['after'][0]} | {cells} |")


def print_totals(summed: dict[str, dict[str, tuple[int, int, int]]]) -> None:
    print("\n### Recall and precision, all corpora\n")
    print("| language | " + " | ".join(f"{s}: recall / precision" for s in SEARCHES) + " |")
    print("|---|" + "---|" * len(SEARCHES))
    for language, searches in summed.items():
        cells = []
        for search in SEARCHES:
            containing, found, without = searches[search]
            cells.append(
                f"{found / max(containing, 1):.2f} / {found / max(found + without, 1):.2f}"
                f" ({found} of {containing}, +{without})"
            )
        print(f"| {language} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realblogs", type=Path, help="the realblogs data folder (its *.truth.json files)")
    parser.add_argument("--db", type=Path, action="append", default=[], help="an archive to measure (a copy)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpora = {"sample blog (blogarchive demo)": demo_archive(Path(folder))}
        if args.realblogs:
            corpora["real blogs (realblogs truth text)"] = realblogs_archive(Path(folder), args.realblogs)
        for n, given in enumerate(args.db):
            copy = Path(folder) / f"given{n}.db"
            shutil.copyfile(given, copy)
            Archive(copy).close()  # brought to the current schema: its index rebuilt with search terms
            corpora[str(given)] = copy
        tables = {name: measure(path) for name, path in corpora.items()}
    for name, table in tables.items():
        print_table(name, table)
    print_totals(totals(list(tables.values())))


if __name__ == "__main__":
    main()
