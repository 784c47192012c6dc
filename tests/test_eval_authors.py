"""The author box scorer (`blogarchive eval --authors`): per field, against a fixture's truth or a site's people."""

from __future__ import annotations

import json
import sqlite3

from archive import Archive
from crawler.evaluation.authors import archive_scores, field_scores


def test_each_field_its_truth_states_is_scored_and_a_missing_box_scores_zero():
    truth = {"name": "Ann", "bio_contains": "grows beans", "avatar_url": "https://a.org/a.jpg", "links": ["https://x"]}
    got = {"name": "Ann", "bio": "Ann grows beans.", "avatar_url": "https://a.org/b.jpg", "links": ["https://x"]}
    assert field_scores(got, truth) == {"name": 1.0, "bio": 1.0, "avatar_url": 0.0, "links": 1.0}
    assert field_scores(None, truth) == {"name": 0.0, "bio": 0.0, "avatar_url": 0.0, "links": 0.0}
    assert field_scores(got, None) == {"no_box": 0.0}


def test_an_archive_is_scored_against_the_people_of_its_site(tmp_path):
    db = tmp_path / "a.db"
    archive = Archive(db)
    run = archive.start_run(["https://b.org/"])
    archive.save_author_page(run, "https://b.org/author/ann/", {"name": "Ann", "bio": "Grows beans."}, "t1")
    archive.close()
    people = [
        {"site": "b.org", "name": "Ann", "bio": "Grows beans.", "url": "https://b.org/author/ann/", "article_count": 3},
        {"site": "b.org", "name": "Bo", "bio": "Cooks."},
    ]
    (tmp_path / "truth.json").write_text(json.dumps(people))
    scores = archive_scores(db, tmp_path / "truth.json")
    assert scores["b.org"] == {"name": (0.5, 2), "bio": (0.5, 2), "url": (1.0, 1), "article_count": (0.0, 1)}
    assert sqlite3.connect(db).execute("SELECT count(*) FROM authors").fetchone() == (1,)
