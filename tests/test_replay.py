"""Replay as an archivist's user sees it: the sample blog captured with --warc --requisites, packaged with
`blogarchive wacz`, served by pywb (from the dev requirements) and opened in headless Debian Chromium — its
stylesheet applies and every image shows, the lazy-loaded one included, each answered by the replay server, with
the blog itself no longer running. The same post captured without --requisites is the control: broken."""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from crawler.demo.server import DemoSite, serve
from tests.chromium import Browser, install_chromium
from tests.conftest import DemoCapture, run_cli, unused_port

INSTALL_PYWB = Path(__file__).parent.parent / "scripts" / "install_pywb.sh"
POST = "sourdough-starter-from-scratch"  # two lazy-loaded figures, comments with avatars
# Scrolls through the page as a reader would (the lazy-loading script shows an image as it comes into view), waits
# for the images, and reports what the page shows.
READ_PAGE = """(async () => {
  const pause = () => new Promise(done => setTimeout(done, 50));
  for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
    window.scrollTo(0, y);
    await pause();
  }
  window.scrollTo(0, 0);
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));  // observers have run
  for (let i = 0; i < 200 && Array.from(document.images).some(img => !img.complete); i++) { await pause(); }
  const style = selector => getComputedStyle(document.querySelector(selector));
  return {
    images: Array.from(document.images).map(img => ({
      src: img.currentSrc || img.src, lazy: img.dataset.src || null, shown: img.complete && img.naturalWidth > 0})),
    font: style("body").fontFamily,
    header: style(".site-header").backgroundColor + " " + style(".site-header").backgroundImage,
  };
})()"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if (reason := install_chromium()) is not None:
        pytest.skip(reason)
    with Browser() as chromium:
        yield chromium


@dataclass(frozen=True)
class Replay:
    server: str  # pywb's address
    posts: dict[str, str]  # collection → the post's URL in it


@pytest.fixture(scope="module")
def replay(demo_capture: DemoCapture, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replay]:
    """pywb serving two collections, each from its WACZ package: `with` (demo_capture, crawled with --requisites)
    and `without` (the same blog crawled with --warc alone)."""
    folder = tmp_path_factory.mktemp("replay")
    without = folder / "without"
    without.mkdir()
    with serve(DemoSite()) as base:
        options = ("--db", str(without / "archive.db"), "--warc", str(without / "warc"), "--quiet")
        assert run_cli("crawl", base, *options, "-s", "EXTRACT_PROCESSES=1").returncode == 0
    packages = {}
    for name, capture in (("with", demo_capture.warc), ("without", without / "warc")):
        packages[name] = folder / f"{name}.wacz"
        result = run_cli("wacz", str(packages[name]), "--warc", str(capture))
        assert result.returncode == 0, result.stderr
    path = DemoSite().post(POST).path
    with pywb(packages, folder / "pywb") as server:
        yield Replay(server, {"with": demo_capture.base.rstrip("/") + path, "without": base.rstrip("/") + path})


def test_post_replayed_from_its_wacz_shows_its_stylesheet_and_every_image_all_served_by_the_replay_server(
    replay, browser, tmp_path
):
    page = browser.new_page()
    page.open(f"{replay.server}/with/{replay.posts['with']}")
    shown = page.evaluate(READ_PAGE)
    page.screenshot(tmp_path / "replayed-post.png")
    requested = [r["request"]["url"] for r in page.network("requestWillBeSent")]
    assert [url for url in requested if not url.startswith((f"{replay.server}/", "data:"))] == []
    assert page.network("loadingFailed") == []
    answers = {r["response"]["url"]: r["response"]["status"] for r in page.network("responseReceived")}
    assert {url: status for url, status in answers.items() if status >= 400} == {}
    assert [image for image in shown["images"] if not image["shown"]] == []  # no alt text, no broken icon
    figures = [image for image in shown["images"] if image["lazy"]]
    assert len(figures) == 2
    for figure in figures:  # the lazy source (or its srcset sibling), not the placeholder
        assert figure["src"].startswith(f"{replay.server}/with/")
        assert figure["lazy"].removesuffix(".png") in figure["src"]
    chrome = ("/avatars/guest.png", "/avatars/jane-holloway.png", "/icons/x.png", "/ads/banner.png")
    assert [path for path in chrome if not any(image["src"].endswith(path) for image in shown["images"])] == []
    assert "Georgia" in shown["font"]  # typography.css, which style.css @imports
    assert shown["header"].startswith("rgb(47, 93, 80) url(") and "images/header.png" in shown["header"]
    theme = {url.split("/themes/demo/", 1)[-1]: status for url, status in answers.items() if "/themes/demo/" in url}
    assert {
        "style.css?ver=1.4": 200,
        "typography.css": 200,
        "images/header.png": 200,
        "lazyload.js?ver=1.4": 200,
    }.items() <= theme.items()
    assert (tmp_path / "replayed-post.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_post_captured_without_requisites_replays_broken(replay, browser):
    """The control, and the issue's report: the lazy image stays a placeholder, avatars and icons are missing."""
    page = browser.new_page()
    page.open(f"{replay.server}/without/{replay.posts['without']}")
    shown = page.evaluate(READ_PAGE)
    broken = {image["src"].rsplit("/", 1)[-1] for image in shown["images"] if not image["shown"]}
    assert {"guest.png", "x.png", "banner.png"} <= broken
    assert [image["src"][:5] for image in shown["images"] if image["lazy"]] == ["data:", "data:"]
    assert "Georgia" not in shown["font"]
    answers = {r["response"]["url"]: r["response"]["status"] for r in page.network("responseReceived")}
    assert {status for url, status in answers.items() if "/themes/demo/style.css" in url} == {404}


@contextmanager
def pywb(packages: dict[str, Path], root: Path) -> Iterator[str]:
    """`wayback` serving each WACZ as a collection of that name, frameless: the replayed page is the top page."""
    installed = subprocess.run([str(INSTALL_PYWB)], capture_output=True, text=True)
    if installed.returncode == 77:
        pytest.skip(installed.stderr.strip())
    assert installed.returncode == 0, installed.stderr
    bin_dir = Path(installed.stdout.strip())
    root.mkdir()
    (root / "config.yaml").write_text("framed_replay: false\n")
    for name, package in packages.items():
        for command in (["init", name], ["add", "--unpack-wacz", name, str(package)]):
            result = subprocess.run([str(bin_dir / "wb-manager"), *command], cwd=root, capture_output=True, text=True)
            assert result.returncode == 0, result.stderr
    port = unused_port()
    with (root / "wayback.log").open("w") as log:
        process = subprocess.Popen(
            [str(bin_dir / "wayback"), "--port", str(port), "--bind", "127.0.0.1"],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(30)


def _wait_until_up(base: str, process: subprocess.Popen[Any]) -> None:
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, "wayback exited; see its wayback.log"
        try:
            with urllib.request.urlopen(base + "/", timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            assert time.monotonic() < deadline, "wayback did not start"
            time.sleep(0.1)
