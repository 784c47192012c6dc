"""blogarchive on a real WordPress: every theme Debian ships, pretty and plain permalinks, each archive held
against the site's database (scripts/wordpress/truth.php), never against the HTML."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from datetime import datetime
from urllib.parse import urlsplit

from bench.wordpress import normalised
from crawler.extraction.avatars import normalised as avatar_normalised
from tests.conftest import run_cli
from tests.wordpress.conftest import Site

# blogarchive takes no WordPress "admin" account for a person (crawler/extraction/authorbox.py): WordPress's own
# "Hello world!" is by that account, and is archived without an author.
ADMIN_ACCOUNTS = {"admin"}


def _articles(site: Site) -> dict[str, dict]:
    columns = ("id", "url", "title", "author", "published", "categories", "tags", "text")
    rows = site.query(f"SELECT {', '.join(columns)} FROM articles")
    return {row[1]: dict(zip(columns, row, strict=True)) for row in rows}


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def test_every_crawl_finishes_without_false_errors(wordpress_sites: dict[str, Site]) -> None:
    for site in wordpress_sites.values():
        assert site.crawl.returncode == 0, (site.name, site.crawl.stderr[-2000:])
        errors = site.query("SELECT url, message FROM crawl_errors")
        # Empty per-post comment feeds, /robots.txt and /wp-sitemap.xml redirected under plain permalinks: no error.
        assert all(message.startswith("crawler trap cut off") for _, message in errors), (site.name, errors)


def test_every_published_post_is_archived_and_no_other_page(wordpress_sites: dict[str, Site]) -> None:
    for site in wordpress_sites.values():
        posts = {post["url"] for post in site.truth["posts"]}
        assert len(posts) >= 20
        assert set(_articles(site)) == posts, site.name  # short posts ("Hello world!") too; no page, no archive


def test_archive_pages_are_recognised_under_both_permalink_styles(wordpress_sites: dict[str, Site]) -> None:
    expected = {r"[?&]tag=|/tag/": "tag", r"[?&]cat=|/category/": "category", r"[?&]author=|/author/": "author"}
    expected |= {r"[?&]m=\d|/\d{4}/\d\d/$": "archive", r"[?&]paged=|/page/\d+/$": "listing"}
    seen = set()
    for site in wordpress_sites.values():
        pages = site.query("SELECT url, kind FROM pages WHERE kind NOT IN ('robots', 'sitemap', 'feed')")
        for pattern, kind in expected.items():
            matching = [(url, found) for url, found in pages if re.search(pattern, url)]
            seen.update((pattern, site.truth["permalinks"]) for _ in matching[:1])
            assert all(found == kind for _, found in matching), (site.name, [m for m in matching if m[1] != kind])
    # Each kind of archive page met under each permalink style (not every theme links month archives).
    assert seen == {(pattern, style) for pattern in expected for style in ("pretty", "plain")}


def test_the_sitemap_is_found_under_plain_permalinks(wordpress_sites: dict[str, Site]) -> None:
    for site in wordpress_sites.values():
        sitemaps = [url for (url,) in site.query("SELECT url FROM pages WHERE kind = 'sitemap'")]
        index = "/?sitemap=index" if site.truth["permalinks"] == "plain" else "/wp-sitemap.xml"
        assert any(url.endswith(index) for url in sitemaps), (site.name, sitemaps)
        assert len(sitemaps) >= 3, (site.name, sitemaps)  # the index and the sitemaps it lists


def test_title_date_and_author_come_from_the_post(wordpress_sites: dict[str, Site]) -> None:
    for site in wordpress_sites.values():
        articles = _articles(site)
        for post in site.truth["posts"]:
            article = articles[post["url"]]
            assert normalised(article["title"]) == normalised(post["title"]), (site.name, post["url"])
            assert _instant(article["published"]) == _instant(post["date"]), (site.name, post["url"])
            author = None if post["author"] in ADMIN_ACCOUNTS else normalised(post["author"])
            assert (normalised(article["author"]) or None) == author, (site.name, post["url"], article["author"])


def test_categories_and_tags_are_told_apart(wordpress_sites: dict[str, Site]) -> None:
    for site in wordpress_sites.values():
        articles = _articles(site)
        for post in site.truth["posts"]:
            article = articles[post["url"]]
            assert sorted(json.loads(article["categories"])) == sorted(post["categories"]), (site.name, post["url"])
            assert sorted(json.loads(article["tags"])) == sorted(post["tags"]), (site.name, post["url"])


def test_approved_comments_are_archived_with_their_threads(wordpress_sites: dict[str, Site]) -> None:
    for site in wordpress_sites.values():
        articles = _articles(site)
        total = 0
        for post in site.truth["posts"]:
            rows = site.query(
                "SELECT c.comment_id, p.comment_id, c.depth, c.author, c.author_url, c.published, c.text"
                " FROM comments c LEFT JOIN comments p ON p.id = c.parent_id WHERE c.article_id = ?",
                articles[post["url"]]["id"],
            )
            archived = {row[0]: row for row in rows}
            assert set(archived) == {c["id"] for c in post["comments"]}, (site.name, post["url"])
            depths = {c["id"]: 1 for c in post["comments"] if c["parent"] is None}
            for comment in post["comments"]:  # the database lists parents first (by id)
                depths.setdefault(comment["id"], depths.get(comment["parent"], 0) + 1)
                key, parent, depth, author, author_url, published, text = archived[comment["id"]]
                assert parent == comment["parent"] and depth == depths[comment["id"]], (site.name, comment)
                assert normalised(author) == normalised(comment["author"]), (site.name, comment)
                assert author_url == comment["author_url"], (site.name, comment)
                assert _instant(published) == _instant(comment["date"]), (site.name, comment)
                assert normalised(text) == normalised(comment["text"]), (site.name, comment)
                total += 1
        assert total >= 30, site.name  # replies of the post's author among them


def test_nothing_nobody_may_read_is_archived(wordpress_sites: dict[str, Site]) -> None:
    """Drafts, private, password-protected and scheduled posts; pending and spam comments."""
    for site in wordpress_sites.values():
        assert {h["status"] for h in site.truth["hidden"]} == {"draft", "private", "password", "future"}
        assert len(site.truth["unapproved_comments"]) == 2
        texts = [normalised(t) for (t,) in site.query("SELECT text FROM articles UNION ALL SELECT text FROM comments")]
        secrets = [normalised(h["text"]) for h in site.truth["hidden"]] + site.truth["unapproved_comments"]
        for secret in secrets:
            assert not any(normalised(secret) in text for text in texts), (site.name, secret)


def test_featured_images_and_captions_are_kept(wordpress_sites: dict[str, Site]) -> None:
    for site in wordpress_sites.values():
        articles = _articles(site)
        featured = [post for post in site.truth["posts"] if post["featured_image"]]
        captioned = [post for post in site.truth["posts"] if post["captions"]]
        assert len(featured) >= 4 and len(captioned) >= 2
        for post in featured + captioned:
            article = articles[post["url"]]
            images = site.query("SELECT src, caption FROM images WHERE article_id = ?", article["id"])
            if post["featured_image"]:
                stem = post["featured_image"].rsplit("/", 1)[1].rsplit(".", 1)[0]
                assert images and images[0][0].rsplit("/", 1)[1].startswith(stem), (site.name, post["url"], images)
            image_captions = {normalised(caption) for _, caption in images if caption}
            for caption in post["captions"]:  # the gallery's own caption has no image: it is in the text
                assert normalised(caption) in normalised(article["text"]), (site.name, post["url"], caption)
            assert len(image_captions) >= len(post["captions"]) - 1, (site.name, post["url"], images)


def test_a_post_split_over_pages_is_stored_whole_under_its_url(wordpress_sites: dict[str, Site]) -> None:
    for site in wordpress_sites.values():
        (post,) = [post for post in site.truth["posts"] if post["pages"] > 1]
        article = _articles(site)[post["url"]]
        assert normalised(article["text"]) == normalised(post["text"]), site.name
        rows = site.query("SELECT url, kind FROM pages WHERE url LIKE ? || '_%'", post["url"])
        parts = {(url, kind) for url, kind in rows if re.fullmatch(r"\d+/?|&page=\d+", url[len(post["url"]) :])}
        # Pages 2..N are kept as the post's parts (for reextract), never as pages of their own.
        assert {kind for _, kind in parts} == {"post-part"} and len(parts) == post["pages"] - 1, (site.name, parts)


def test_query_loop_combinations_are_not_crawled(wordpress_sites: dict[str, Site]) -> None:
    for site in wordpress_sites.values():
        loops = [r for r in site.requests if "query-1-page=" in r or "query-2-page=" in r]
        assert loops, site.name  # each pagination alone is followed …
        # … not both: on a loop's page 2 the other loop's links are those of a loop followed on page 1 already
        # (crawler/discovery/query_loops.py), and TRAP_COMBINED_PAGINATIONS cuts any combination that gets past
        assert not [r for r in loops if "query-1-page=" in r and "query-2-page=" in r], site.name


def test_comments_a_theme_loads_by_script_come_from_the_rest_api(wordpress_sites: dict[str, Site]) -> None:
    (site,) = [s for s in wordpress_sites.values() if s.name == "twentytwentytwo_plain"]
    assert any("rest_route=/wp/v2/comments" in request for request in site.requests)
    archived = site.query("SELECT count(*) FROM comments")[0][0]
    assert archived == sum(len(post["comments"]) for post in site.truth["posts"])


def test_reextract_builds_split_posts_and_api_comments_again(wordpress_sites: dict[str, Site], tmp_path) -> None:
    """The parts of a split post and the REST API's comments are kept, so a re-extraction loses neither."""
    (site,) = [s for s in wordpress_sites.values() if s.name == "twentytwentytwo_plain"]
    archive = tmp_path / "archive.db"
    shutil.copy(site.crawl.db, archive)
    before = site.query(
        "SELECT a.url, a.text, count(c.id) FROM articles a LEFT JOIN comments c ON c.article_id = a.id GROUP BY a.id"
    )
    result = run_cli("reextract", "--db", str(archive), "--site", urlsplit(site.url).netloc, timeout=600)
    assert result.returncode == 0, result.stderr
    again = Site(site.name, site.url, replace(site.crawl, db=archive), site.truth, site.requests)
    after = again.query(
        "SELECT a.url, a.text, count(c.id) FROM articles a LEFT JOIN comments c ON c.article_id = a.id GROUP BY a.id"
    )
    assert sorted(after) == sorted(before)
    assert sum(count for _, _, count in after) == sum(len(post["comments"]) for post in site.truth["posts"])


def test_people_have_the_bio_avatar_and_author_page_wordpress_holds(wordpress_sites: dict[str, Site]) -> None:
    """Twenty Twenty-One prints a user's description under their posts and on their author page (#32): each person
    has it, their avatar and their author page; the block themes print none, and nothing else is taken for it."""
    for site in wordpress_sites.values():
        rows = site.query("SELECT name, bio, url, avatar_url FROM authors")
        archived = {normalised(name): (bio, url, avatar) for name, bio, url, avatar in rows}
        for person in site.truth["people"]:
            if person["name"] in ADMIN_ACCOUNTS:
                continue
            bio, url, avatar = archived[normalised(person["name"])]
            if site.truth["theme"] == "twentytwentyone":
                shown = (person["bio"], person["url"], avatar_normalised(person["avatar_url"]))
                assert (bio, url, avatar) == shown, (site.name, person)
            else:
                assert bio is None and avatar is None and url in (None, person["url"]), (site.name, person)
