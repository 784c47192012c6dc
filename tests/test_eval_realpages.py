"""`blogarchive eval --realpages` scores only the pages the crawl would keep as posts, and says which it left out."""

from __future__ import annotations

import json

from tests.conftest import run_cli

POST = """<!DOCTYPE html><html lang="en"><head><title>Pruning apple trees in winter</title>
<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Pruning apple trees in winter",
"datePublished": "2024-01-20", "author": {"@type": "Person", "name": "Mira Holm"}}</script></head>
<body><nav><a href="/">Home</a> <a href="/about/">About the orchard club</a></nav>
<article><h1>Pruning apple trees in winter</h1>
<p>Cut when the tree sleeps, on a dry day, with a clean saw: the wounds close faster in spring.</p>
<p>Take out dead wood first, then branches that cross, then the water shoots that grow straight up.</p>
<p>Never remove more than a quarter of the crown in one winter, or the tree answers with a thicket.</p>
</article></body></html>"""

LISTING = """<!DOCTYPE html><html lang="en"><head><title>Orchard notes</title></head><body><main>
<article><h2><a href="/2024/01/pruning/">Pruning apple trees</a></h2><p>Cut when the tree sleeps.</p></article>
<article><h2><a href="/2023/10/cider/">Pressing cider</a></h2><p>Two hundred kilos of apples, one press.</p></article>
<article><h2><a href="/2023/09/wasps/">Wasps in the windfalls</a></h2><p>They come for the sugar.</p></article>
</main></body></html>"""


def test_eval_realpages_scores_the_posts_and_lists_the_pages_it_left_out(tmp_path):
    folder = tmp_path / "set"
    (folder / "eval").mkdir(parents=True)
    (folder / "eval" / "post.html").write_text(POST)
    (folder / "eval" / "listing.html").write_text(LISTING)
    index = {
        "https://orchard.example/2024/01/pruning/": {
            "file": "post.html",
            "with": ["Take out dead wood first", "a quarter of the crown"],
            "without": ["About the orchard club"],
            "author": "Mira Holm",
            "date": "2024-01-20",
        },
        "https://orchard.example/blog/": {"file": "listing.html", "with": ["Pressing cider"], "without": []},
    }
    (folder / "evaldata.json").write_text(json.dumps(index))
    options = ("--jobs", "1", "--no-cache", "-e", "blogarchive", "-e", "trafilatura")
    result = run_cli("eval", "--realpages", str(folder), *options, "--json")
    assert result.returncode == 0, result.stderr
    (report,) = json.loads(result.stdout)["sets"]
    assert report["pages"] == 1
    assert [(row["url"], row["kind"]) for row in report["left_out"]] == [("https://orchard.example/blog/", "listing")]
    assert report["left_out"][0]["reason"].startswith("listing: 3 entries")
    ours = report["rows"]["blogarchive"]
    assert ours["recall"] == 1.0 and ours["author_exact"] == 1.0
    printed = run_cli("eval", "--realpages", str(folder), *options)
    assert "1 pages kept as posts" in printed.stdout and "https://orchard.example/blog/: listing" in printed.stdout


def test_eval_runs_every_installed_extractor_but_the_other_body_modes_unless_named(tmp_path):
    folder = tmp_path / "set"
    (folder / "eval").mkdir(parents=True)
    (folder / "eval" / "post.html").write_text(POST)
    index = {"https://orchard.example/2024/01/pruning/": {"file": "post.html", "with": ["a quarter"], "without": []}}
    (folder / "evaldata.json").write_text(json.dumps(index))
    result = run_cli("eval", "--realpages", str(folder), "--jobs", "1", "--no-cache", "--json")
    assert result.returncode == 0, result.stderr
    (report,) = json.loads(result.stdout)["sets"]
    assert {"blogarchive", "trafilatura", "trafilatura-precision"} <= set(report["rows"])
    assert not {"blogarchive-trafilatura", "blogarchive-best-of-three"} & set(report["rows"])
    options = ("-e", "blogarchive-trafilatura", "-e", "blogarchive-best-of-three", "-e", "trafilatura")
    named = run_cli("eval", "--realpages", str(folder), "--jobs", "1", "--no-cache", *options, "--json")
    assert named.returncode == 0, named.stderr
    rows = json.loads(named.stdout)["sets"][0]["rows"]
    assert set(rows) == {"blogarchive-trafilatura", "blogarchive-best-of-three", "trafilatura"}
    assert all(row["recall"] == 1.0 for row in rows.values())
