"""The snippet of a search result with its matches marked where FTS5's snippet() marks none.

FTS5 marks a token of the text that matches the query as the index sees it (porter-stemmed: "maps" marks "map").
A post found through its search_terms — 사진 in 사진을, Brot in Brotteig, child in children — has its match in a
token that FTS5 does not see as the query word, so its snippet would show the text's first words unmarked. Here
the text's words are read with the same word forms as the index (archive/terms/) and those whose forms include
a query word are marked.
"""

from __future__ import annotations

import re
import unicodedata

from archive.terms import WORD, word_forms

OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
BEFORE, AFTER = 6, 10  # words shown before and after the first match (FTS5's snippet shows 16 in all)


def query_words(query: str) -> set[str]:
    """The words a search looks for, folded: FTS5's operators and column names left out."""
    words = WORD.findall(re.sub(r"\b\w+\s*:", " ", query))  # title:word → word
    return {fold(word) for word in words if word not in OPERATORS}


def fold(word: str) -> str:
    """Lower case without diacritics (Gärten → garten), as the index's unicode61 remove_diacritics 2 folds it.
    Korean syllables decompose into jamo and recompose unchanged."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def mark_matches(text: str, query: str, language: str | None, mark: tuple[str, str], ellipsis: str = "…") -> str:
    """A stretch of `text` around its first word whose forms include a query word, matches wrapped in `mark`;
    "" when no word of the text matches (the match was in the title or author)."""
    wanted = query_words(query)
    tokens = list(WORD.finditer(text))
    hits = [n for n, token in enumerate(tokens) if _matches(token.group(), language, wanted)]
    if not hits:
        return ""
    first, last = max(hits[0] - BEFORE, 0), min(hits[0] + AFTER, len(tokens) - 1)
    pieces, position = [], tokens[first].start()
    for n in range(first, last + 1):
        token = tokens[n]
        pieces.append(text[position : token.start()])
        pieces.append(f"{mark[0]}{token.group()}{mark[1]}" if n in hits else token.group())
        position = token.end()
    snippet = " ".join("".join(pieces).split())
    return (ellipsis if first else "") + snippet + (ellipsis if last < len(tokens) - 1 else "")


def _matches(word: str, language: str | None, wanted: set[str]) -> bool:
    return fold(word) in wanted or any(fold(form) in wanted for form in word_forms(word, language))
