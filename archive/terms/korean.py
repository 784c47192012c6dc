"""Korean words as a reader searches for them: MeCab with the mecab-ko-dic dictionary (python-mecab-ko) splits
each word (어절) into its morphemes. Kept: nouns and the parts of compound nouns (파일시스템을 → 파일, 시스템),
foreign words and numbers written inside a Korean word (configmap을 → configmap), and verbs and adjectives in
their dictionary form, irregular ones too (찍었다 → 찍다, 구웠다 → 굽다). Particles and endings are dropped.

MeCab rather than Kiwi (kiwipiepy): on the measurement in docs/search.md it found as much (Korean recall 0.99
against 0.97) with a third of the memory — its dictionary is memory-mapped, ~100 MB touched on a large blog,
against Kiwi's 260–320 MB model — and a tenth of the start time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

HANGUL = re.compile("[\uac00-\ud7a3]")
NOUNS = frozenset({"NNG", "NNP", "NNB", "NR", "XR", "SL", "SH"})  # nouns, roots, foreign and Chinese-script words
PREDICATES = frozenset({"VV", "VA", "VX"})  # verbs and adjectives: searched as stem + 다


def is_korean(word: str) -> bool:
    return HANGUL.search(word) is not None


@lru_cache(maxsize=1)
def _tagger() -> Any:
    import mecab  # python-mecab-ko: imported on the first Korean word, not by every archive command

    return mecab.MeCab()


@lru_cache(maxsize=200_000)
def korean_terms(word: str) -> tuple[str, ...]:
    """The nouns, compound parts and dictionary-form predicates of one Korean word, in order."""
    terms = []
    for morpheme in _tagger().parse(word):
        feature = morpheme.feature
        parts = [(morpheme.surface, feature.pos)]
        if feature.expression and feature.type in ("Compound", "Inflect"):
            # "파일시스템" → 파일/NNG/*+시스템/NNG/*; "구웠" → 굽/VV/*+었/EP/*
            parts = [tuple(piece.split("/")[:2]) for piece in feature.expression.split("+")]
            if feature.type == "Compound":
                terms.append(morpheme.surface)
        for form, tag in parts:
            if tag in NOUNS:
                terms.append(form)
            elif tag in PREDICATES:
                terms.append(form + "다")
    return tuple(term for term in terms if term != word)
