"""--media: real crawls of the sample blog save its images by content into MEDIA_DIR and record them."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

from crawler.demo.site import DemoSite
from tests.conftest import FAULTS_EXIT, run_cli

SHARED = "/wp-content/uploads/shared/banner.png"
MISSING = "/wp-content/uploads/2024/01/missing.jpg"  # the demo serves no .jpg: a 404


def _mix_images(site: DemoSite) -> dict[str, str]:
    """Point some figures where a real blog's images are: one banner on three posts, a second URL for another
    post's image (same bytes), a missing image, and one on another host (a CDN outside the crawl's scope).
    Returns the absolute URLs by role."""
    base = site.base.rstrip("/")
    posts = site.live_posts()
    copied = posts[0].image_path(1)
    cdn = site.base.replace("127.0.0.1", "localhost") + "wp-content/uploads/2024/01/cdn-photo.png"
    for post in posts[1:4]:
        post.figures[0]["src"] = SHARED
    posts[4].figures[0]["src"] = copied + "?ver=2"
    posts[5].figures[0]["src"] = MISSING
    posts[6].figures[0]["src"] = cdn
    return {
        "shared": base + SHARED,
        "copied": base + copied,
        "copy": base + copied + "?ver=2",
        "missing": base + MISSING,
        "cdn": cdn,
    }


def _files(media: Path) -> dict[str, bytes]:
    return {path.relative_to(media).as_posix(): path.read_bytes() for path in media.rglob("*") if path.is_file()}


def test_images_are_saved_once_by_content_and_recorded(site, crawl, db, tmp_path):
    urls = _mix_images(site)
    media = tmp_path / "media"
    result = crawl(site.base, "--media", str(media))
    assert result.returncode == FAULTS_EXIT, result.stderr

    files = _files(media)
    for path, body in files.items():  # named by the sha256 of their bytes, fanned out by its first 4 digits
        sha = hashlib.sha256(body).hexdigest()
        assert path == f"{sha[:2]}/{sha[2:4]}/{sha}.png"
    rows = db("SELECT src, sha256, local_path, bytes FROM images WHERE src != ?", urls["missing"])
    assert rows and all(sha for _, sha, _, _ in rows)
    for _src, sha, local_path, size in rows:
        assert hashlib.sha256(files[local_path]).hexdigest() == sha and len(files[local_path]) == size
    assert len(files) == len({sha for _, sha, _, _ in rows})  # every file is some post's image, each one once

    shared = db("SELECT DISTINCT local_path FROM images WHERE src = ?", urls["shared"])
    assert len(shared) == 1 and db("SELECT count(*) FROM images WHERE src = ?", urls["shared"])[0][0] == 3
    copies = db("SELECT DISTINCT local_path FROM media_files WHERE url IN (?, ?)", urls["copied"], urls["copy"])
    assert len(copies) == 1  # the same bytes at two URLs: one file
    assert db("SELECT local_path IS NOT NULL FROM media_files WHERE url = ?", urls["cdn"]) == [(1,)]

    assert db("SELECT sha256, error FROM media_files WHERE url = ?", urls["missing"]) == [(None, "HTTP 404")]
    assert db("SELECT message FROM crawl_errors WHERE url = ?", urls["missing"]) == [("image: HTTP 404",)]
    assert db("SELECT sha256, local_path, bytes FROM images WHERE src = ?", urls["missing"]) == [(None, None, None)]
    assert db("SELECT status FROM crawl_runs") == [("finished",)]


def test_recrawl_downloads_nothing_stored_and_fills_rewritten_images_rows(site, crawl, db, tmp_path):
    urls = _mix_images(site)
    media = tmp_path / "media"
    assert crawl(site.base, "--media", str(media)).returncode == FAULTS_EXIT
    before = db("SELECT url, sha256, local_path FROM media_files WHERE error IS NULL ORDER BY url")
    lost = db("SELECT local_path FROM media_files WHERE url = ?", urls["cdn"])[0][0]
    (media / lost).unlink()
    # From now on every other image answers 500: downloading any of them again would be an error.
    site.fail_paths |= {urlsplit(url).path for url, _, _ in before if url != urls["cdn"]}
    edited = site.live_posts()[1]  # shows the shared banner; its images rows are rewritten
    site.edit_post(edited.slug, paragraph="A new closing note.")

    # Every post fetched and extracted again, so every image URL reaches the media pipeline again.
    again = crawl(site.base, "--media", str(media), "-s", "RECRAWL_ARCHIVED=False", "-s", "CONDITIONAL_GET=False")
    assert again.returncode == FAULTS_EXIT, again.stderr

    assert db("SELECT url, sha256, local_path FROM media_files WHERE error IS NULL ORDER BY url") == before
    assert (media / lost).is_file()  # a stored image whose file went missing is fetched again
    image_errors = db("SELECT url FROM crawl_errors WHERE run_id = 2 AND message LIKE 'image:%'")
    assert image_errors == [(urls["missing"],)]  # a failed image is tried again; nothing else was downloaded
    assert db("SELECT articles_updated FROM crawl_runs WHERE id = 2") == [(1,)]
    assert db("SELECT count(*) FROM images WHERE sha256 IS NULL") == [(1,)]  # only the missing one
    rewritten = db(
        "SELECT i.local_path FROM images i JOIN articles a ON a.id = i.article_id WHERE a.title = ?", edited.title
    )
    assert rewritten and all(path for (path,) in rewritten)


def test_images_too_large_not_images_or_refused_by_robots_are_recorded_and_the_crawl_goes_on(site, crawl, db, tmp_path):
    post, other = site.post("sourdough-starter-from-scratch"), site.live_posts()[0]
    post.figures[0]["src"] = "/downloads/checklist/"  # a small PDF
    other.figures[0]["src"] = "/wp-admin/private.png"  # robots.txt: Disallow: /wp-admin/
    base = site.base.rstrip("/")
    result = crawl(base + post.path, base + other.path, "--media", str(tmp_path / "media"), "-s", "MEDIA_MAX_SIZE=100")
    assert result.returncode == 0, result.stderr
    errors = dict(db("SELECT url, error FROM media_files"))
    assert errors[base + "/downloads/checklist/"] == "not an image (application/pdf)"
    assert errors[base + post.image_path(2)] == "larger than MEDIA_MAX_SIZE (100 bytes)"  # the PNGs are larger
    assert errors[base + "/wp-admin/private.png"].startswith("not downloaded: ")
    assert set(db("SELECT url FROM crawl_errors WHERE message LIKE 'image:%'")) == {
        (base + "/downloads/checklist/",),
        (base + post.image_path(2),),
    }
    assert db("SELECT count(*) FROM articles") == [(2,)]
    assert not list((tmp_path / "media").rglob("*.*"))


def test_an_unusable_media_folder_fails_before_crawling(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    media = tmp_path / "a-file" / "media"
    result = run_cli("crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "archive.db"), "--media", str(media))
    assert result.returncode == 1
    assert f"cannot save images in {media}: " in result.stderr and "Traceback" not in result.stderr
