"""Charts for analysts who would rather look than read: posts per month (a month without posts is a bar of zero,
so the gaps show), posts per author, posts per language, and words per post over time (each month's median).

Drawn with matplotlib — the same figures for Datasette's charts page (archive/datasette_plugins/) and
`blogarchive stats --plot FILE.svg|png` — rather than by hand: axes, ticks, dates and PNG come with it. In SVG the
text stays text (the reader's fonts draw Korean names) and every bar or point carries its data as its id,
`chart:label:value`, which is how the tests read what was drawn.
"""

from __future__ import annotations

import io
import math
import sqlite3
from dataclasses import dataclass
from statistics import median
from typing import Any

from archive.filters import Filters

CHARTS_SQL = {
    "posts_per_month": "SELECT substr(published, 1, 7) AS month, count(*) AS posts FROM articles a"
    " WHERE published IS NOT NULL {w} GROUP BY month ORDER BY month",
    "posts_per_author": "SELECT au.name AS author, count(*) AS posts FROM article_authors aa"
    " JOIN authors au ON au.id = aa.author_id JOIN articles a ON a.id = aa.article_id WHERE 1 {w}"
    " GROUP BY au.id ORDER BY posts DESC, au.name LIMIT 15",
    "posts_per_language": "SELECT coalesce(language, '?') AS language, count(*) AS posts FROM articles a"
    " WHERE 1 {w} GROUP BY 1 ORDER BY posts DESC, 1",
    "words_per_post": "SELECT substr(published, 1, 7) AS month, word_count FROM articles a"
    " WHERE published IS NOT NULL {w} ORDER BY month",
}
TITLES = {
    "posts_per_month": "Posts per month",
    "posts_per_author": "Posts per author (top 15)",
    "posts_per_language": "Posts per language",
    "words_per_post": "Words per post, median of each month (none: a gap)",
}
BAR, LINE = "#3b6ea8", "#c0504d"
# Fonts tried in order for each character: Latin first, then Korean, Japanese and Chinese where installed (Debian's
# fonts-noto-cjk); matplotlib warns once for a glyph none of them has.
FONTS = ["DejaVu Sans", "Noto Sans CJK KR", "Noto Sans CJK JP", "Noto Sans CJK SC"]


@dataclass
class Series:
    """One chart's data: labels along the x axis (months, names) and a value for each."""

    name: str
    labels: list[str]
    values: list[float]


def chart_series(conn: sqlite3.Connection, site: str | None = None) -> list[Series]:
    """The four charts' data, from the whole archive or one site (FilterError when no post is from `site`)."""
    filters = Filters(site=site)
    filters.check(conn)
    clauses, params = filters.where("a")
    where = "".join(f" AND {clause}" for clause in clauses)
    rows = {name: conn.execute(sql.format(w=where), params).fetchall() for name, sql in CHARTS_SQL.items()}
    counts = dict((month, posts) for month, posts in rows["posts_per_month"] if _is_month(month))
    months = every_month(sorted(counts))
    words: dict[str, list[int]] = {}
    for month, count in rows["words_per_post"]:
        if _is_month(month):
            words.setdefault(month, []).append(count)
    return [
        Series("posts_per_month", months, [counts.get(month, 0) for month in months]),
        Series("posts_per_author", [r[0] for r in rows["posts_per_author"]], [r[1] for r in rows["posts_per_author"]]),
        Series(
            "posts_per_language", [r[0] for r in rows["posts_per_language"]], [r[1] for r in rows["posts_per_language"]]
        ),
        # on the same months as posts per month: a month without posts is a gap in the line, not a join
        Series("words_per_post", months, [median(words[m]) if m in words else math.nan for m in months]),
    ]


def every_month(months: list[str]) -> list[str]:
    """Every month from the first to the last of `months` ("YYYY-MM"), those between included."""
    if not months:
        return []
    (year, month), (last_year, last_month) = (map(int, months[0].split("-")), map(int, months[-1].split("-")))
    filled = []
    while (year, month) <= (last_year, last_month):
        filled.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return filled


def _is_month(text: Any) -> bool:
    return isinstance(text, str) and len(text) == 7 and text[4] == "-" and text.replace("-", "").isdigit()


def draw(series: list[Series], fmt: str, columns: int = 2) -> bytes:
    """All the charts in one figure, as SVG or PNG bytes."""
    from matplotlib.figure import Figure  # imported when a chart is drawn: it takes ~0.5 s

    rows = -(-len(series) // columns)
    with _style():
        figure = Figure(figsize=(7 * columns, 4 * rows), layout="constrained")
        for n, one in enumerate(series):
            _plot(figure.add_subplot(rows, columns, n + 1), one)
        return _save(figure, fmt)


def draw_one(one: Series, fmt: str = "svg") -> bytes:
    """One chart as SVG or PNG bytes (Datasette's charts page shows each on its own)."""
    from matplotlib.figure import Figure

    with _style():
        figure = Figure(figsize=(7, 4), layout="constrained")
        _plot(figure.add_subplot(), one)
        return _save(figure, fmt)


def _plot(axes: Any, one: Series) -> None:
    axes.set_title(TITLES[one.name])
    if not one.labels:
        axes.text(0.5, 0.5, "no posts", ha="center", va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return
    if one.name == "words_per_post":
        axes.plot(one.labels, one.values, color=LINE)
        for label, value in zip(one.labels, one.values, strict=True):
            if math.isnan(value):
                continue
            point = axes.plot([label], [value], linestyle="none", marker="o", markersize=3, color=LINE)[0]
            point.set_gid(f"{one.name}:{label}:{value:g}")
        axes.set_ylabel("words")
    else:
        bars = axes.bar(one.labels, one.values, color=BAR)
        for bar, label, value in zip(bars, one.labels, one.values, strict=True):
            bar.set_gid(f"{one.name}:{label}:{value:g}")
        axes.set_ylabel("posts")
        axes.yaxis.get_major_locator().set_params(integer=True)
    _thin_labels(axes, one.labels)


def _thin_labels(axes: Any, labels: list[str], most: int = 24) -> None:
    """At most `most` labels along the x axis, turned when they are many or long."""
    step = max(1, -(-len(labels) // most))
    axes.set_xticks(range(0, len(labels), step), [labels[n] for n in range(0, len(labels), step)])
    if len(labels) > 6 or max(map(len, labels)) > 8:
        axes.tick_params(axis="x", labelrotation=60)


def _style() -> Any:
    import matplotlib
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return matplotlib.rc_context(
        {
            "svg.fonttype": "none",  # text as <text>: selectable, drawn in the reader's fonts
            "svg.hashsalt": "blogarchive",  # the same data, the same file
            "font.family": [font for font in FONTS if font in installed] or ["sans-serif"],
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )


def _save(figure: Any, fmt: str) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format=fmt, dpi=100, metadata={"Date": None} if fmt == "svg" else None)
    return out.getvalue()
