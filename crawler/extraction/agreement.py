"""How much two texts say the same: token 4-gram shingles, as the article-extraction metric cuts them.

Shared by the body's choice among extractions (selection.py), which weighs how far three extractions of a page
agree, and by `blogarchive eval`, which scores an extraction against gold text the same way.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Overlapping n-token shingles; a text of fewer than n tokens is one shorter shingle."""
    words = tokens(text)
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n])


def contained(part: Counter[tuple[str, ...]], whole: Counter[tuple[str, ...]]) -> float:
    """The share of `part`'s shingles that `whole` holds too (0 for an empty part)."""
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0
