"""`export --format markdown DIR` and `--format epub FILE` on a real archive: the sample blog crawled with --media,
plus posts written from plain dicts that a converter trips on (relative and fragment links, raw HTML, a table,
code, an image the crawl never downloaded, a WebP a book may not hold, a title full of YAML's special characters,
a query-string address, a post whose folder would hold another's).

The Markdown export is built by the real Hugo and the real Jekyll (Debian's; scripts/install_site_generators.sh
installs them when missing), the e-book checked by the real epubcheck (scripts/install_epubcheck.sh). Each engine
runs once per test run."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from lxml import etree

from archive import Archive
from archive.media import MediaFile, record_file
from archive.post_records import PostImage, PostRecord
from crawler.demo.server import DemoSite, serve
from tests.conftest import REPO, run_cli

WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
# Debian's epubcheck, through java (its /usr/bin/epubcheck is the jar itself); a short-lived JVM's flags halve its CPU.
EPUBCHECK = ("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "/usr/share/java/epubcheck.jar")
TRICKY = 'Soup: "the best" & more — a *test* [of] YAML\'s: {specials} # here'


@dataclass(frozen=True)
class Exported:
    db: Path
    media: Path
    site: str
    markdown: Path
    epub: Path
    result: subprocess.CompletedProcess[str]


def _tricky_posts(db: Path, media: Path, site: str) -> None:
    """Posts of the crawled site, written as the pipeline writes them (plain dicts), with what trips converters."""
    base = f"http://{site}"
    webp_path = "ab/cd/webp-image.webp"
    (media / webp_path).parent.mkdir(parents=True, exist_ok=True)
    (media / webp_path).write_bytes(WEBP)
    markdown = (
        "Read [the about page](/about/) and [the top](#top), <script>alert(1)</script> <b>raw</b> & more.\n\n"
        "![a remote picture](https://cdn.example/remote.jpg)\n\n"
        # An address urllib cannot read, as an archive made before crawls refused them may hold.
        "See [the old mirror](http://mirror.example:99999/) and [the lost host](http://[2001:db8::1/x)\n\n"
        f"![a webp picture]({base}/wp-content/uploads/pic.webp)\n\n"
        "| dish | minutes |\n|---|---|\n| soup | 40 |\n\n"
        "```python\nif a < b and c > d:\n    print('<&>')\n```\n"
    )
    archive = Archive(db)
    try:
        run = archive.start_run([base + "/"])
        for url, title, published in [
            (f"{base}/?p=42", TRICKY, "2020-01-02T03:04:05+01:00"),
            (f"{base}/notes/", "Notes", "2020-01-03T00:00:00+00:00"),
            (f"{base}/notes/one/", "Note one", None),
        ]:
            article = {
                "url": url,
                "title": title,
                "author": "Ann Lee",
                "authors": [{"name": "Ann Lee", "url": None}],
                "published": published,
                "language": "en",
                "categories": ["Kitchen: tests"],
                "tags": ["yes", "no", "null"],
                "text": "Read the about page.",
                "markdown": markdown,
                "images": [
                    {"src": "https://cdn.example/remote.jpg", "alt": "a remote picture", "caption": None},
                    {"src": f"{base}/wp-content/uploads/pic.webp", "alt": "a webp picture", "caption": "A WebP"},
                ],
            }
            archive.save_article(run, article, "2024-01-01T00:00:00+00:00")
        record_file(
            archive,
            MediaFile(f"{base}/wp-content/uploads/pic.webp", "ab" * 32, webp_path, len(WEBP), "image/webp", "x"),
        )
        archive.finish_run(run, "finished")
    finally:
        archive.close()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    folder = tmp_path_factory.mktemp("documents")
    db, media = folder / "archive.db", folder / "media"
    demo = DemoSite()
    with serve(demo):
        crawled = run_cli(
            "crawl", demo.base, "--db", str(db), "--media", str(media), "--quiet", "-s", "EXTRACT_PROCESSES=1"
        )
        assert crawled.returncode == 0, crawled.stderr
    site = demo.base.split("//", 1)[1].rstrip("/")
    _tricky_posts(db, media, site)
    options = ("--db", str(db), "--media", str(media))
    markdown = run_cli("export", str(folder / "posts"), "--format", "markdown", *options)
    assert markdown.returncode == 0, markdown.stderr
    epub = run_cli("export", str(folder / "blog.epub"), *options)
    assert epub.returncode == 0, epub.stderr
    return Exported(db, media, site, folder / "posts", folder / "blog.epub", markdown)


def _posts(db: Path) -> list[dict]:
    archive = Archive(db)
    try:
        rows = archive.conn.execute(
            "SELECT a.url, a.title, a.published, a.language, a.tags, a.categories, v.authors FROM articles a"
            " JOIN v_posts v ON v.id = a.id"
        ).fetchall()
    finally:
        archive.close()
    return [dict(row) for row in rows]


def _front_matter(path: Path) -> dict:
    text = path.read_text("utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_markdown_export_has_a_folder_per_post_with_its_front_matter_and_images(exported):
    indexes = sorted(exported.markdown.rglob("index.md"))
    posts = {post["url"]: post for post in _posts(exported.db)}
    assert len(indexes) == len(posts) > 30
    seen = set()
    for index in indexes:
        matter = _front_matter(index)
        post = posts[matter["original_url"]]
        seen.add(post["url"])
        assert matter["title"] == post["title"]
        assert (str(matter.get("date")) if "date" in matter else None) == post["published"]
        assert matter["authors"] == json.loads(post["authors"])
        assert matter["tags"] == json.loads(post["tags"]) and matter["categories"] == json.loads(post["categories"])
        assert matter["language"] == post["language"]
        body = index.read_text("utf-8").split("---\n", 2)[2]
        for target in re.findall(r"!\[[^\]]*\]\(([^) ]+)", body):
            assert target.startswith("https://cdn.example/") or (index.parent / target).is_file(), target
    assert seen == set(posts)
    tricky = exported.markdown / "p-42" / "index.md"
    assert _front_matter(tricky)["title"] == TRICKY and _front_matter(tricky)["tags"] == ["yes", "no", "null"]
    assert (exported.markdown / "notes-post" / "index.md").is_file()  # /notes/ holds /notes/one/: not its folder
    assert (exported.markdown / "notes" / "one" / "index.md").is_file()
    assert '](pic.webp "A WebP")' in tricky.read_text("utf-8")
    copied = [path for path in exported.markdown.rglob("*") if path.suffix in (".png", ".webp")]
    assert len(copied) >= len(posts) - 3  # every sample post has an image, now beside it
    assert "images beside them); 3 images linked to their web address" in exported.result.stderr


def _install(script: str) -> None:
    result = subprocess.run(["bash", str(REPO / "scripts" / script)], capture_output=True, text=True, timeout=1200)
    if result.returncode == 77:
        pytest.skip(result.stderr.strip())
    assert result.returncode == 0, result.stderr


def test_the_markdown_export_builds_with_the_real_hugo_and_jekyll(exported, tmp_path):
    _install("install_site_generators.sh")
    hugo = tmp_path / "hugo"
    shutil.copytree(exported.markdown, hugo / "content" / "posts")
    (hugo / "hugo.toml").write_text('baseURL = "http://example.org/"\ntitle = "Archive"\n', "utf-8")
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "layouts" / "_default" / "single.html").write_text("<html><body>{{ .Content }}</body></html>", "utf-8")
    (hugo / "layouts" / "_default" / "list.html").write_text("{{ range .Pages }}{{ .Title }}{{ end }}", "utf-8")
    built = subprocess.run(["hugo", "--quiet"], cwd=hugo, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    _every_page_and_image(exported.markdown, hugo / "public" / "posts")

    jekyll = tmp_path / "jekyll"
    shutil.copytree(exported.markdown, jekyll)
    (jekyll / "_config.yml").write_text("title: Archive\n", "utf-8")
    built = subprocess.run(["jekyll", "build", "--quiet"], cwd=jekyll, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    _every_page_and_image(exported.markdown, jekyll / "_site")


def _every_page_and_image(source: Path, site: Path) -> None:
    """Each post's page is built at its folder's path, and each image it shows is a file next to it."""
    pages = shown = 0
    for index in source.rglob("index.md"):
        page = site / index.parent.relative_to(source) / "index.html"
        assert page.is_file(), page
        pages += 1
        for src in etree.HTML(page.read_bytes()).xpath("//img/@src"):
            if not src.startswith("https://cdn.example/"):
                assert (page.parent / src).is_file(), (page, src)
                shown += 1
    assert pages > 30 and shown > 30


def test_the_epub_is_valid_under_epubcheck_with_its_toc_authors_and_images(exported):
    _install("install_epubcheck.sh")
    check = subprocess.run(
        [
            "java",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            "/usr/share/java/epubcheck.jar",
            str(exported.epub),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert check.returncode == 0 and "0 fatals / 0 errors / 0 warnings" in check.stdout + check.stderr, check.stdout
    posts = _posts(exported.db)
    with zipfile.ZipFile(exported.epub) as book:
        assert book.namelist()[0] == "mimetype" and book.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        package = etree.fromstring(book.read("EPUB/package.opf"))
        navigation = etree.fromstring(book.read("EPUB/nav.xhtml"))
        chapters = [name for name in book.namelist() if name.startswith("EPUB/posts/")]
        images = [name for name in book.namelist() if name.startswith("EPUB/images/")]
        text = b"".join(book.read(name) for name in chapters).decode("utf-8")
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "x": "http://www.w3.org/1999/xhtml"}
    assert len(chapters) == len(posts)
    assert len(navigation.xpath("//x:nav//x:li", namespaces=ns)) == len(posts) + 1  # the title page, then each post
    creators = set(package.xpath("//dc:creator/text()", namespaces=ns))
    assert creators == {name for post in posts for name in yaml.safe_load(post["authors"])}
    assert len(images) >= 30  # the sample posts' PNGs, each once
    assert "&lt;script&gt;" in text and "<script" not in text  # raw HTML shown as text, never run
    assert 'href="http://' + exported.site + '/about/"' in text  # a relative link made absolute
    assert ">[a webp picture]</a>" in text and ">[a remote picture]</a>" in text  # not a book's image: linked


def test_document_exports_refuse_what_they_cannot_do_in_one_line(exported, tmp_path):
    db = ("--db", str(exported.db))
    cases = [
        (("export", "-", "--format", "epub", *db), "OUT '-': --format epub writes a file, not stdout"),
        (
            ("export", str(tmp_path / "x.epub"), "--table", "pages", *db),
            "--format epub exports posts: leave out --table",
        ),
        (("export", str(tmp_path), "--format", "epub", *db), "a folder; give the e-book's file name"),
        (("export", str(tmp_path / "x.epub"), "--media", str(tmp_path / "none"), *db), "--media"),
        (("export", str(tmp_path / "x.epub"), "--lang", "xx", *db), "--lang 'xx' matches no post's language"),
        (("export", str(tmp_path / "x.csv"), "--media", str(tmp_path), *db), "--media applies to --format markdown"),
    ]
    for arguments, message in cases:
        result = run_cli(*arguments)
        assert result.returncode == 2, (arguments, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0], (arguments, result.stderr)
    assert not (tmp_path / "x.epub").exists()


def test_a_picture_shown_twice_under_two_captions_has_each_caption_at_its_showing():
    """A post that shows one photo twice, each under its own caption, has two images of one src: the exports gave
    every showing of a picture the one caption a dict by src kept."""
    post = PostRecord(1, "https://blog.example/p/", "blog.example", "P", None, None, "en", None, "")
    post.images = [
        PostImage("https://blog.example/harbour.jpg", "", "The harbour at dawn.", None),
        PostImage("https://blog.example/boat.jpg", "", None, None),
        PostImage("https://blog.example/harbour.jpg", "", "The harbour at noon.", None),
    ]
    caption = post.captions()
    shown = ["https://blog.example/harbour.jpg", "https://blog.example/boat.jpg", "https://blog.example/harbour.jpg"]
    assert [caption(src) for src in shown] == ["The harbour at dawn.", None, "The harbour at noon."]
    assert caption("https://blog.example/harbour.jpg") == "The harbour at noon."
