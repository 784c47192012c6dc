"""`blogarchive eval` on sets of real pages: the cleaning sets' layout (manifest, tarballs, gold text, split) and
trafilatura's real-page layout, the metrics, the bootstrap, the extractors' cache. The sets here are pages written
for these tests in the shared sets' layouts; the shared sets themselves are scored outside the test suite."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from crawler.evaluation.bootstrap import paired, spread
from crawler.evaluation.shingles import page_counts, shingle_scores
from crawler.evaluation.snippets import page_snippets, snippet_scores
from tests.conftest import run_cli

PROSE = "The kettle sang while the bread cooled on the rack and the kitchen smelled of rye and caraway seeds. "


def _page(n: int) -> tuple[str, str]:
    """A post page with a menu and a footer, and its gold text."""
    body = f"Loaf number {n} rose slowly overnight. " + PROSE * 4
    html = (
        f"<html><head><title>Loaf {n}</title></head><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
        f"<article><h1>Loaf {n}</h1><p>{body}</p><p>{PROSE * 3}</p></article>"
        "<footer>Copyright the bakery, all rights reserved, subscribe to the newsletter</footer></body></html>"
    )
    return html, f"Loaf {n}\n{body}\n{PROSE * 3}"


def _add(tar: tarfile.TarFile, path: str, text: str) -> None:
    data = text.encode()
    info = tarfile.TarInfo(path)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def _cleaning_sets(folder: Path) -> None:
    """A manifest and a dragnet.tar.xz in the shared sets' layout: 6 pages, 4 train and 2 test."""
    pages, buffer = [], io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:xz") as tar:
        for n in range(6):
            html, gold = _page(n)
            entry = {"set": "dragnet", "id": str(n), "split": "test" if n % 3 == 0 else "train", "url": ""}
            entry |= {"html": f"dragnet_data/input/{n}.html", "gold": f"dragnet_data/GoldStandard/{n}.txt"}
            _add(tar, entry["html"], html)
            _add(tar, entry["gold"], gold)
            pages.append(entry)
    (folder / "dragnet.tar.xz").write_bytes(buffer.getvalue())
    sets = {"dragnet": {"archive": "dragnet.tar.xz", "folder": "dragnet_data"}}
    (folder / "manifest.json").write_text(json.dumps({"sets": sets, "pages": pages}))


def test_shingle_metric_counts_shared_four_grams():
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts("one two three four five six", "one two three four five nine")
    assert (tp, fp, fn) == (2 / 4, 1 / 4, 1 / 4)  # shingles 1-4 and 2-5 shared; one each side not
    scores = shingle_scores([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert scores["precision"] == 0.75 and scores["recall"] == 1.0


def test_snippet_metric_is_micro_averaged():
    assert page_snippets(["the kettle sang"], ["subscribe now"], "the  kettle sang. subscribe now!") == (1, 0, 1, 0)
    scores = snippet_scores([(1, 1, 0, 2), (2, 0, 1, 0)])
    assert scores["precision"] == 3 / 4 and scores["recall"] == 3 / 4


def test_bootstrap_is_seeded_and_a_paired_comparison_of_equals_is_zero():
    pages = [(0.9, 0.05, 0.05), (0.5, 0.5, 0.0), (0.2, 0.0, 0.8), (1.0, 0.0, 0.0)]
    first, again = spread(pages, shingle_scores, 200), spread(pages, shingle_scores, 200)
    assert first == again and first["f1_std"] > 0
    same = paired(pages, pages, shingle_scores, 200)
    assert same["f1"] == same["f1_lo"] == same["f1_hi"] == 0.0
    worse = paired([(0.1, 0.9, 0.0)] * 4, pages, shingle_scores, 200)
    assert worse["f1_hi"] < 0 and worse["share_a_better"] == 0.0


def test_eval_scores_cleaning_sets_against_trafilatura_and_caches_its_outputs(tmp_path):
    _cleaning_sets(tmp_path)
    args = ["eval", "--cleaning-sets", str(tmp_path), "--data", str(tmp_path / "data"), "--cache", str(tmp_path / "c")]
    args += ["--set", "dragnet", "-e", "blogarchive", "-e", "trafilatura", "--bootstrap", "50", "--jobs", "1", "--json"]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [dragnet] = report["sets"]
    assert dragnet["name"] == "dragnet" and dragnet["pages"] == 2  # the test split: pages 0 and 3
    for name in ("blogarchive", "trafilatura"):
        assert dragnet["rows"][name]["f1"] > 0.8 and "f1_std" in dragnet["rows"][name]
    assert set(dragnet["paired"]) == {"blogarchive"} and "f1_lo" in dragnet["paired"]["blogarchive"]
    [cached] = (tmp_path / "c").glob("trafilatura-*.json")  # blogarchive's own outputs are never cached
    assert len(json.loads(cached.read_text())) == 2


def test_eval_scores_real_pages_with_snippets_author_and_date(tmp_path):
    folder = tmp_path / "tests"
    (folder / "eval").mkdir(parents=True)
    index = {}
    for n in range(3):
        html, _ = _page(n)
        (folder / "eval" / f"{n}.html").write_text(html.replace("<h1>", "<p>By Ada Lovelace</p><h1>"))
        index[f"https://bakery.example/loaf-{n}/"] = {
            "file": f"{n}.html",
            "with": [f"Loaf number {n} rose slowly"],
            "without": ["subscribe to the newsletter"],
            "author": "Ada Lovelace",
            "date": "2024-05-01",
        }
    (folder / "evaldata.json").write_text(json.dumps(index))
    args = ["eval", "--realpages", str(tmp_path), "-e", "blogarchive", "-e", "trafilatura", "--no-cache"]
    result = run_cli(*args, "--bootstrap", "20", "--jobs", "1")
    assert "realpages (3 pages kept as posts)" in result.stdout
    assert "paired bootstrap against trafilatura" in result.stdout
    assert result.returncode in (0, 1), result.stderr


def test_eval_names_a_folder_that_is_not_a_set():
    result = run_cli("eval", "--cleaning-sets", "tests", "-e", "trafilatura")
    assert result.returncode == 1 and "no manifest.json (give the shared extraction-sets folder)" in result.stderr


def test_eval_runs_readability_and_justext_as_the_shared_sets_runner_calls_them(tmp_path):
    pytest.importorskip("readability", reason="pip install --no-deps -r requirements-eval.txt")
    _cleaning_sets(tmp_path)
    args = ["eval", "--cleaning-sets", str(tmp_path), "--set", "dragnet", "--split", "all", "--no-cache", "--json"]
    result = run_cli(
        *args, "--data", str(tmp_path / "d"), "-e", "trafilatura", "-e", "readability-lxml", "-e", "justext"
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["sets"][0]["rows"]
    assert {name: rows[name]["empty"] for name in rows} == {"trafilatura": 0, "readability-lxml": 0, "justext": 0}
    assert all(rows[name]["f1"] > 0.8 for name in rows)


def test_a_page_readability_cannot_read_is_counted_as_its_error_without_its_traceback(caplog):
    """readability-lxml logs a failure's traceback before raising it; the run counts the failure and prints no
    traceback (lxml refuses a control character a dropped <script>'s tail moves into its parent's text)."""
    pytest.importorskip("readability", reason="pip install --no-deps -r requirements-eval.txt")
    from crawler.evaluation.running import _timed

    prose = b"A sentence of the post. " * 20
    page = b"<html><body><div><p>" + prose + b"</p>a<script>x</script>\x0cb</div></body></html>"
    output = _timed(("readability-lxml", page, "http://127.0.0.1/post/", False))
    assert output.error is not None and output.error.startswith("Unparseable")
    assert not [record for record in caplog.records if record.name.startswith("readability")]
