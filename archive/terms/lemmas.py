"""German and English words as a reader searches for them: the lemma (Gärten → Garten, Brote → Brot, wrote →
write, children → child) from simplemma's dictionaries, and for German the parts of a compound noun
(Gartenarbeit → Garten, Arbeit; Arbeitsdatei → Arbeit, Datei).

A German compound is split where both sides are nouns the dictionary knows (its lemma is capitalised), the left
side allowing the linking -s/-es (Arbeits-) or being a compound itself; function words and adjectives are no
parts (Beispiel is not bei + Spiel, gleichzeitig not gleich + zeitig). Only the dictionary is looked up — not
simplemma's guessing strategies, which cost ten times as much per word and matter for words no reader types —
in its low-memory form: ~20 MB for German instead of ~120 MB, ~0.15 ms a lookup, cached per word.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

LANGUAGES = frozenset({"de", "en"})
SHORTEST_PART = 3  # letters: Weg, Rad, Tee
LONGEST_WORD = 40  # letters: longer "words" are identifiers or hashes
LINKING = ("es", "s")


@lru_cache(maxsize=200_000)
def word_terms(word: str, language: str) -> tuple[str, ...]:
    """The lemma (when it differs from the word) and, in German, the compound's parts. Only words written as
    words are looked up (letters only, lower case or capitalised): not identifiers such as configMap or x86."""
    if not (word.isalpha() and (word.islower() or word.istitle()) and len(word) <= LONGEST_WORD):
        return ()
    lemma = _lemma(word, language) or word
    terms = [lemma] if lemma.lower() != word.lower() else []
    if language == "de" and word.istitle():
        terms += compound_parts(lemma)
    return tuple(terms)


def compound_parts(word: str, depth: int = 0) -> list[str]:
    """The nouns a German compound noun is made of, the longest right-hand noun first; [] for no compound."""
    shortest = SHORTEST_PART if depth == 0 else SHORTEST_PART + 1  # within a part: Teller is no Tel + Ler
    if len(word) < 2 * shortest or depth > 3:
        return []
    for split in range(shortest, len(word) - shortest + 1):
        tail = _noun(word[split:])
        if tail is None:
            continue
        head = word[:split]
        for candidate in (head, *(head[: -len(link)] for link in LINKING if head.endswith(link))):
            noun = _noun(candidate) if len(candidate) >= shortest else None
            parts = [noun, *compound_parts(noun, depth + 1)] if noun else compound_parts(candidate, depth + 1)
            if parts:
                return [*parts, tail, *compound_parts(tail, depth + 1)]
    return []


def _noun(part: str) -> str | None:
    """The part's lemma when the German dictionary knows it as a noun, else None."""
    lemma = _lemma(part.capitalize(), "de")
    return lemma if lemma and lemma[:1].isupper() else None


@lru_cache(maxsize=500_000)
def _lemma(word: str, language: str) -> str | None:
    """The dictionary's lemma of the word, None for a word it does not know."""
    return _dictionary().get_lemma(word, language)


@cache
def _dictionary() -> Any:
    """simplemma's dictionary lookup, imported at the first word looked up: importing simplemma takes ~0.15 s, which
    every command that opens an archive paid, and a recrawl that stores no post needs no lemma."""
    from simplemma.strategies import DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    return DictionaryLookupStrategy(LOW_MEMORY_DICTIONARY_FACTORY)
