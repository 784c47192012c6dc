"""A post's words in the forms a reader searches for, kept in articles.search_terms for the full-text index.

FTS5 splits text at spaces and punctuation and stems English only (porter), so a Korean word carries its particles
(사진을, 사진과 — a search for 사진 finds neither), German compounds hide their parts (Gartenarbeit, Brotteig) and a
form whose stem changes (Gärten, wrote, 구웠다) stems to nothing a reader types. For each word of a post's title and
text this adds: Korean nouns, compound parts and verbs in their dictionary form (korean.py), German and English
lemmas and German compound parts (lemmas.py). Why these and not FTS5's trigram tokenizer or plain substrings:
docs/search.md, measured by bench/search_recall.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from archive.terms.korean import is_korean, korean_terms
from archive.terms.lemmas import LANGUAGES, word_terms

WORD = re.compile(r"[^\W_]+")  # what FTS5's unicode61 tokenizer calls a token: letters and digits


def search_terms(title: str | None, text: str | None, language: str | None) -> str:
    """The search terms of a post: each form a reader may search for that its words do not already show, once,
    space-separated. Korean words are read whatever the post's language; other words in the post's language."""
    return " ".join(_unique(_terms(f"{title or ''} {text or ''}", (language or "").lower()[:2])))


def word_forms(word: str, language: str | None) -> tuple[str, ...]:
    """The search terms of one word (without the word itself). A word in Latin letters in a post of a language
    without lemmas here (Korean, Japanese …) is read as English: the commands, products and terms such posts quote
    are English far more often than anything else."""
    return _forms(word, (language or "").lower()[:2])


@lru_cache(maxsize=200_000)
def _forms(word: str, language: str) -> tuple[str, ...]:
    """word_forms() for a language code already cut to its two letters: a post's words are mostly words the crawl
    has seen, and each is looked at once per post."""
    if is_korean(word):
        return korean_terms(word)
    if language not in LANGUAGES:
        language = "en" if word.isascii() else ""
    return word_terms(word, language) if language else ()


def _terms(text: str, language: str) -> Iterable[str]:
    for word in dict.fromkeys(WORD.findall(text)):  # each word once, in order
        yield from _forms(word, language)


def _unique(terms: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for term in terms:
        seen.setdefault(term.lower(), None)
    return list(seen)
