"""`blogarchive wacz OUT --warc DIR [--db archive.db]`: a real capture of the sample blog packaged as WACZ 1.1,
checked with py-wacz's own `wacz validate` and read back file by file; bad input is one line and a non-zero exit."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

from archive import Archive
from tests.conftest import DemoCapture, run_cli
from tests.test_warc import records, warc_files

WACZ = str(Path(sys.executable).with_name("wacz"))  # py-wacz's command line, installed with blogarchive


def package(out: Path, warc: Path, *options: str) -> dict:
    """Make the WACZ, check it with `wacz validate`, and return its members (JSON ones parsed)."""
    result = run_cli("wacz", str(out), "--warc", str(warc), *options)
    assert result.returncode == 0, result.stderr
    validate = subprocess.run([WACZ, "validate", "-f", str(out)], capture_output=True, text=True)
    assert validate.returncode == 0 and "Validation succeeded" in validate.stdout, validate.stdout
    with zipfile.ZipFile(out) as wacz:
        members = {name: wacz.read(name) for name in wacz.namelist()}
    pages = [json.loads(line) for line in members["pages/pages.jsonl"].decode().splitlines()]
    return {**members, "stdout": result.stdout, "pages": pages, "datapackage": json.loads(members["datapackage.json"])}


def test_wacz_holds_the_warcs_an_index_the_archived_posts_with_their_titles_and_a_datapackage(demo_capture, tmp_path):
    out = tmp_path / "blogs.wacz"
    wacz = package(out, demo_capture.warc, "--db", str(demo_capture.db))
    warcs = warc_files(demo_capture.warc)
    assert wacz["stdout"].strip() == f"{out}: {len(warcs)} WARC file, 33 posts listed"
    for path in warcs:  # the files themselves, byte for byte
        assert wacz[f"archive/{path.name}"] == path.read_bytes()
    header, *pages = wacz["pages"]
    assert header["format"] == "json-pages-1.0" and header["id"] == "pages"
    assert sorted((page["url"], page["title"]) for page in pages) == sorted(demo_capture.posts)
    captured = {r["WARC-Target-URI"]: r["WARC-Date"] for r in records(warcs) if r["WARC-Type"] == "response"}
    assert {page["url"]: page["ts"].removesuffix("Z") for page in pages} == {
        page["url"]: captured[page["url"]][:19] for page in pages
    }  # replay opens the capture the page names (py-wacz keeps it to the second)
    index = gzip.decompress(wacz["indexes/index.cdx.gz"]).decode().splitlines()
    indexed = {json.loads(line.split(" ", 2)[2])["url"] for line in index}
    assert {page["url"] for page in pages} | {demo_capture.base + "wp-content/themes/demo/typography.css"} <= indexed
    assert "indexes/index.idx" in wacz
    package_json = wacz["datapackage"]
    assert package_json["wacz_version"] == "1.1.1" and package_json["profile"] == "data-package"
    assert package_json["title"] == f"Blog archive: {demo_capture.base.split('/')[2]}"
    assert package_json["description"].startswith("33 posts captured by blogarchive")
    for resource in package_json["resources"]:
        assert resource["hash"] == "sha256:" + hashlib.sha256(wacz[resource["path"]]).hexdigest()
    described = {r["path"] for r in package_json["resources"]}
    assert described == {name for name in wacz if "/" in name}  # every file but the datapackage's own two
    assert [p.name for p in tmp_path.iterdir()] == ["blogs.wacz"]  # no temporary file left beside it


def test_without_an_archive_every_html_page_is_listed_with_its_title_element(demo_capture, tmp_path):
    wacz = package(tmp_path / "all.wacz", demo_capture.warc, "--title", "Kitchen blog", "--description", "Test run")
    header, *pages = wacz["pages"]
    titles = {page["url"]: page["title"] for page in pages}
    for url, title in demo_capture.posts:
        assert titles[url] == f"{title} – Garden, Kitchen & Code"
    assert titles[demo_capture.base] == "Garden, Kitchen & Code – Garden, Kitchen & Code"  # the home page too
    assert not [url for url in titles if url.endswith((".css", ".png", ".txt", ".xml", ".js", "/feed/"))]
    assert (header["title"], wacz["datapackage"]["title"]) == ("Kitchen blog", "Kitchen blog")
    assert wacz["datapackage"]["description"] == "Test run"


def test_several_folders_and_a_folder_of_per_site_folders_are_packaged_whole(demo_capture, tmp_path):
    collection = tmp_path / "collection"
    (first,) = warc_files(demo_capture.warc)
    for site, day in (("kitchen", "20240501"), ("notes", "20240502")):
        folder = collection / site
        folder.mkdir(parents=True)
        shutil.copy(first, folder / first.name.replace(first.name[12:20], day))  # another crawl's file name
    expected = sorted(path.name for path in collection.rglob("*.warc.gz"))
    for arguments in (
        ["--warc", str(collection / "kitchen"), "--warc", str(collection / "notes")],
        ["--warc", str(collection)],  # the parent of per-site folders
        ["--warc", str(collection), "--warc", str(collection / "notes")],  # a folder named twice counts once
    ):
        out = tmp_path / "collection.wacz"
        result = run_cli("wacz", str(out), *arguments)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"{out}: 2 WARC files,")
        with zipfile.ZipFile(out) as wacz:
            assert sorted(n.removeprefix("archive/") for n in wacz.namelist() if n.startswith("archive/")) == expected


def test_two_warc_files_of_the_same_name_are_refused_in_one_line(demo_capture, tmp_path):
    (first,) = warc_files(demo_capture.warc)
    for site in ("kitchen", "notes"):
        (tmp_path / site).mkdir()
        shutil.copy(first, tmp_path / site / first.name)
    result = run_cli("wacz", str(tmp_path / "out.wacz"), "--warc", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"Error: two WARC files are named {first.name} ({tmp_path / 'kitchen' / first.name} and"
        f" {tmp_path / 'notes' / first.name}); a WACZ holds its files by name: rename one, or package the folders apart"
    )


def test_the_package_has_the_permissions_of_an_ordinary_new_file(demo_capture, tmp_path):
    umask = os.umask(0o022)
    try:
        result = run_cli("wacz", str(tmp_path / "out.wacz"), "--warc", str(demo_capture.warc))
    finally:
        os.umask(umask)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "out.wacz").stat().st_mode) == 0o644


def test_bad_input_is_one_line_naming_it_and_a_nonzero_exit_and_leaves_out_alone(demo_capture, tmp_path):
    empty, afile, corrupt = tmp_path / "empty", tmp_path / "a-file", tmp_path / "corrupt"
    empty.mkdir()
    afile.write_text("not a folder")
    corrupt.mkdir()
    (corrupt / "broken.warc.gz").write_bytes(b"this is not a WARC file")
    Archive(tmp_path / "no-posts.db").close()
    out = tmp_path / "kept.wacz"
    out.write_bytes(b"an older package")
    warc = str(demo_capture.warc)
    for arguments, expected in (
        (
            [str(out), "--warc", str(empty)],
            f"no WARC files (*.warc.gz) in {empty} or the folders under it; crawl with --warc {empty} first",
        ),
        ([str(out), "--warc", str(tmp_path / "nowhere")], f"--warc {tmp_path / 'nowhere'}: no such folder"),
        ([str(out), "--warc", str(corrupt)], f"cannot read {corrupt / 'broken.warc.gz'} as a WARC file"),
        ([str(afile / "out.wacz"), "--warc", warc], f"cannot write {afile / 'out.wacz'}: {afile} is not a folder"),
        ([str(tmp_path / "no" / "out.wacz"), "--warc", warc], f"cannot write {tmp_path / 'no' / 'out.wacz'}"),
        ([str(tmp_path), "--warc", warc], f"cannot write {tmp_path}: it is a folder; give the name of a file"),
        ([str(out), "--warc", warc, "--db", str(tmp_path / "none.db")], f"no archive at {tmp_path / 'none.db'}"),
        ([str(out), "--warc", warc, "--db", str(tmp_path / "no-posts.db")], "the archive holds no posts to list"),
    ):
        result = run_cli("wacz", *arguments)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith("Error: ") and expected in line, line
    assert out.read_bytes() == b"an older package"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_posts_crawled_without_warc_are_named_in_a_note(demo_capture: DemoCapture, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(demo_capture.db, db)
    archive = Archive(db)
    archive.save_article(1, {"url": "http://elsewhere.example/post/", "title": "Not captured", "text": "x"}, "t0")
    archive.close()
    result = run_cli("wacz", str(tmp_path / "out.wacz"), "--warc", str(demo_capture.warc), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "33 posts listed" in result.stdout
    assert result.stderr.strip() == (
        f"note: 1 archived post has no capture in {demo_capture.warc} (crawled without --warc, or into another"
        " folder); not listed"
    )
