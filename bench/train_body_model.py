"""Fit the model that chooses a page's body among trafilatura's, readability's and jusText's extractions.

    python -m bench.train_body_model --sets ../shared/extraction-sets [--set dragnet --set cleaneval] [--alpha 10]
        [--folds 5]

Trains on the **train** split of the shared Dragnet and CleanEval sets only and reports the choice's score on each
set's train and test split beside each extraction alone (the sets' metric: token 4-gram shingles, F1 of the mean
precision and recall). Writes crawler/extraction/body_model.json: per extraction an intercept and one weight per
standardised feature (selection.features), fitted by ridge regression to that extraction's F1 against the gold
text of each training page. `--set cleaneval` trains without Dragnet's AGPLv3-licensed data.

`--folds K` also reports the choice cross-validated on the train split, grouped by host: each page scored by a
model fitted without any page of its site. Dragnet's test split shares most of its sites with its train split, so
its test figure says how the model does on sites it has seen; the grouped figure, how it does on the next site —
measure an idea (a feature, a candidate, a penalty) there before looking at the test split.

Needs numpy (requirements-dev.txt); blogarchive itself reads the file without it. The three extractions of every
page are kept in --cache between runs (they change only with the extraction code: delete the file then).
"""

from __future__ import annotations

import argparse
import pickle
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from crawler.evaluation.cleaning_sets import SETS, CleaningPage, load_cleaning_set
from crawler.evaluation.shingles import page_counts, page_f1, shingle_scores
from crawler.extraction.body import body_candidates
from crawler.extraction.content import find_content_root
from crawler.extraction.page import Page, parse_html
from crawler.extraction.prescreen import prescreen
from crawler.extraction.selection import CANDIDATES, MODEL_PATH, Candidate, Model, features

Texts = tuple[str, ...]  # one per CANDIDATES


def candidate_texts(task: tuple[bytes, str]) -> Texts:
    """The three extractions' texts of one page, as extract() makes them."""
    html, url = task
    text, settled = prescreen(html, url)
    tree = None if settled is not None else parse_html(text)
    if tree is None:
        return ("",) * len(CANDIDATES)
    page = Page(tree, url)
    candidates, _ = body_candidates(page, find_content_root(page), alternatives=True)
    return tuple(c.text for c in candidates)


def fit(rows: list[list[float]], targets: dict[str, list[float]], alpha: float, trained_on: str) -> Model:
    import numpy as np

    x = np.array(rows)
    means, scales = x.mean(axis=0), x.std(axis=0)
    scales[scales == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - means) / scales])
    penalty = alpha * np.eye(z.shape[1])
    penalty[0, 0] = 0.0  # the intercept is not shrunk
    weights = {
        name: [round(float(w), 6) for w in np.linalg.solve(z.T @ z + penalty, z.T @ np.array(y))]
        for name, y in targets.items()
    }
    return Model([round(float(m), 6) for m in means], [round(float(s), 6) for s in scales], weights, trained_on)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", type=Path, required=True, help="the shared extraction-sets folder")
    parser.add_argument("--set", action="append", choices=SETS, help="train on these sets (default both)")
    parser.add_argument("--alpha", type=float, default=10.0, help="ridge penalty")
    parser.add_argument("--folds", type=int, default=0, help="also cross-validate on the train split by host")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--data", type=Path, default=Path.home() / ".cache/blogarchive/extraction-sets")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache/blogarchive/body-candidates.pickle")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    trained = tuple(args.set or SETS)
    pages = [page for name in SETS for page in load_cleaning_set(args.sets, name, "all", args.data)]
    known: dict[tuple[str, str], Texts] = pickle.loads(args.cache.read_bytes()) if args.cache.is_file() else {}
    todo = [p for p in pages if (p.set, p.id) not in known]
    if todo:
        print(f"extracting {len(todo)} pages three ways …", flush=True)
        with ProcessPoolExecutor(args.jobs) as pool:
            for page, texts in zip(
                todo, pool.map(candidate_texts, [(p.html, p.url) for p in todo], chunksize=4), strict=True
            ):
                known[(page.set, page.id)] = texts
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(known))
    training = [p for p in pages if p.split == "train" and p.set in trained]
    rows = [features(known[(p.set, p.id)]) for p in training]
    targets = {
        name: [page_f1(page_counts(p.gold, known[(p.set, p.id)][n])) for p in training]
        for n, name in enumerate(CANDIDATES)
    }
    model = fit(rows, targets, args.alpha, f"train split of {' and '.join(trained)} ({len(training)} pages)")
    args.out.write_text(model.to_json(), "utf-8")
    print(f"wrote {args.out} ({model.trained_on})")
    print(f"{'set, split':<18}" + "".join(f"{name:>13}" for name in (*CANDIDATES, "chosen")))
    for name in SETS:
        for split in ("train", "test"):
            chosen = [p for p in pages if p.set == name and p.split == split]
            texts = [known[(p.set, p.id)] for p in chosen]
            cells = []
            for n in range(len(CANDIDATES) + 1):
                picked = [t[n] if n < len(CANDIDATES) else model.choose(_candidates(t)).text for t in texts]
                cells.append(
                    shingle_scores([page_counts(p.gold, t) for p, t in zip(chosen, picked, strict=True)])["f1"]
                )
            print(f"{name + ', ' + split:<18}" + "".join(f"{f:>13.4f}" for f in cells))
    if args.folds > 1:
        chosen = _cross_validated(training, known, args.folds, args.alpha)
        for name in SETS:
            scored = [p for p in training if p.set == name]
            if scored:
                counts = [page_counts(p.gold, chosen[(p.set, p.id)]) for p in scored]
                print(f"{name + ', CV':<18}{'':>39}{shingle_scores(counts)['f1']:>13.4f}")


def host_fold(page: CleaningPage, folds: int) -> int:
    """The fold of a page's site: every page of a host in the same one. A page without a URL (Dragnet's without a
    canonical link) is a site of its own."""
    site = urlsplit(page.url).hostname or f"{page.set}/{page.id}"
    return zlib.crc32(site.encode("utf-8")) % folds


def _cross_validated(
    training: list[CleaningPage], known: dict[tuple[str, str], Texts], folds: int, alpha: float
) -> dict[tuple[str, str], str]:
    """Each training page's chosen text, by a model fitted on the other folds' pages."""
    chosen = {}
    for fold in range(folds):
        fitted_on = [p for p in training if host_fold(p, folds) != fold]
        targets = {
            name: [page_f1(page_counts(p.gold, known[(p.set, p.id)][n])) for p in fitted_on]
            for n, name in enumerate(CANDIDATES)
        }
        model = fit([features(known[(p.set, p.id)]) for p in fitted_on], targets, alpha, "")
        for page in training:
            if host_fold(page, folds) == fold:
                chosen[(page.set, page.id)] = model.choose(_candidates(known[(page.set, page.id)])).text
    return chosen


def _candidates(texts: Texts) -> list[Candidate]:
    """The texts as the choice sees candidates: an empty text is an extraction that found nothing."""
    return [Candidate(name, text or None, text) for name, text in zip(CANDIDATES, texts, strict=True)]


if __name__ == "__main__":
    main()
