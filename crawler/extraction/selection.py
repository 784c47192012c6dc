"""The best-of-three choice: which of three extractions of a page's body to keep, by how far they agree.

trafilatura (with blogarchive's preparations, body.py), readability and jusText (trafilatura's own fallbacks, run
on the same prepared tree) each fail on pages where another is right: on the shared sets' training pages, picking
the best of the three page by page would score 0.91–0.93 where the best single one scores 0.84–0.91. Which one is
right shows partly in the extractions themselves: how long each is, how its lines look, how much of each the other
two hold. A linear model of that (one expected F1 per extraction, the highest kept) was fitted on the train split
of the shared Dragnet and CleanEval sets by `python -m bench.train_body_model`, which writes body_model.json (108
numbers, no text of any page).

The model knows pages like those it was fitted on (2007–2013, hand-made sites among them): there it gains 0.03
F1. On today's blog and news pages trafilatura's extraction is right more often than the model can tell, and the
choice loses. So the body modes (`BLOGARCHIVE_BODY` in the environment, for every extraction of the process and its
children — a crawl's extraction processes, reextract, eval):
- `auto`, the default: the choice only on a page without a current template's markup (evidence.template_markup:
  no post markup, no HTML5 sectioning element); trafilatura's extraction on every other page;
- `trafilatura`: trafilatura's extraction on every page (the fastest);
- `best-of-three`: the choice on every page.
docs/extraction.md, "Body modes", has the figures.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from crawler.errors import BodyModeError
from crawler.extraction.agreement import contained, shingles, tokens

MODEL_PATH = Path(__file__).with_name("body_model.json")
CANDIDATES = ("trafilatura", "readability", "justext")  # their order in the model's features
AUTO, TRAFILATURA, BEST_OF_THREE = "auto", "trafilatura", "best-of-three"
MODES = (AUTO, TRAFILATURA, BEST_OF_THREE)
MODE_VARIABLE = "BLOGARCHIVE_BODY"


def mode() -> str:
    """The body mode BLOGARCHIVE_BODY names (auto when unset). Raises BodyModeError for another value."""
    chosen = os.environ.get(MODE_VARIABLE, "").strip().lower() or AUTO
    if chosen not in MODES:
        raise BodyModeError(f"{MODE_VARIABLE}={chosen!r}: no such body mode; set one of {', '.join(MODES)} or unset it")
    return chosen


@dataclass(frozen=True)
class Candidate:
    name: str
    body: Any  # trafilatura's XML of the extraction; None when it found nothing
    text: str


_SENTENCE_END = re.compile(r"[.!?。！？:…\"”»)]\s*$")
SHORT_LINE = 40  # characters: a menu entry, a caption, a date


def feature_names() -> list[str]:
    kinds = ("tokens", "lines", "line_length", "sentences", "short")
    names = [f"{kind}_{c}" for c in CANDIDATES for kind in kinds]
    return names + [f"in_{a}_{b}" for a in CANDIDATES for b in CANDIDATES if a != b]


def features(texts: Sequence[str]) -> list[float]:
    """Per extraction: the logarithm of its tokens, of its lines and of their mean length, the share of its lines
    that end a sentence and of those under SHORT_LINE characters; per ordered pair the share of the first's
    shingles the second holds. `texts` in the order of CANDIDATES."""
    values = []
    for text in texts:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        count = len(lines) or 1
        values += [
            math.log1p(len(tokens(text))),
            math.log1p(len(lines)),
            math.log1p(sum(map(len, lines)) / count),
            sum(1 for line in lines if _SENTENCE_END.search(line)) / count,
            sum(1 for line in lines if len(line) < SHORT_LINE) / count,
        ]
    found = [shingles(t) for t in texts]
    for a, part in enumerate(found):
        for b, whole in enumerate(found):
            if a != b:
                values.append(contained(part, whole))
    return values


@dataclass(frozen=True)
class Model:
    """One linear score per extraction over the standardised features: its expected F1 against the page's text."""

    means: list[float]
    scales: list[float]
    weights: dict[str, list[float]]  # extraction -> intercept, then one weight per feature
    trained_on: str = ""

    def scores(self, texts: Sequence[str]) -> dict[str, float]:
        x = [(v - m) / s for v, m, s in zip(features(texts), self.means, self.scales, strict=True)]
        return {name: w[0] + sum(a * b for a, b in zip(w[1:], x, strict=True)) for name, w in self.weights.items()}

    def choose(self, candidates: Sequence[Candidate]) -> Candidate:
        """The candidate of the highest score; trafilatura's on a tie or when the others found nothing."""
        if all(c.body is None for c in candidates[1:]):
            return candidates[0]
        scores = self.scores([c.text for c in candidates])
        return max(candidates, key=lambda c: (scores[c.name], c.name == CANDIDATES[0]))

    def to_json(self) -> str:
        fields = {"features": feature_names(), "means": self.means, "scales": self.scales, "weights": self.weights}
        return json.dumps({"trained_on": self.trained_on, **fields}, indent=1) + "\n"


@cache
def model() -> Model:
    stored = json.loads(MODEL_PATH.read_text("utf-8"))
    if stored["features"] != feature_names() or set(stored["weights"]) != set(CANDIDATES):
        raise RuntimeError(f"{MODEL_PATH}: made for other features; run python -m bench.train_body_model")
    return Model(stored["means"], stored["scales"], stored["weights"], stored.get("trained_on", ""))
