"""blogarchive's Datasette plugin, loaded by `blogarchive serve` (`datasette --plugins-dir`).

- Every articles page opens on title, author, site, date and language (and whether the post is gone) — a search
  (`?_search=bees`), a person (`?_person=…`), a filter (`?language=de`) too; the post's row page, one click away on
  its id, shows the body. "Show all columns" shows the rest (`_columns=all` in its address).
- Search results show a snippet under each title with the words found marked (archive/snippets.py where FTS5's
  snippet marks none); a `_search` of more words than `blogarchive search` allows is refused, as there.
- Charts (`/DATABASE/-/charts`): posts per month with the months without posts as zero, per author, per language,
  words per post over time (archive/charts.py), for the whole archive or one site.
- Posts are faceted and filtered by person (`article_authors`): a post by two people counts for each of them.
- Gone posts (404/410, kept) are marked; column descriptions are folded away under one line; a row's page lists
  its fields one under the other, so a post's body reads as text.
"""

from __future__ import annotations

import asyncio
import contextvars
import sqlite3
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.filters import FilterArguments
from datasette.utils import escape_fts, path_with_added_args, path_with_removed_args
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from archive.charts import TITLES, chart_series, draw_one
from archive.errors import FilterError, SearchRefused
from archive.query import check_search_words
from archive.snippets import mark_matches

READING_COLUMNS = [("_col", column) for column in ("title", "author", "site", "published", "language", "gone_at")]
ALL_COLUMNS = "_columns"  # ?_columns=all: every column ("Show all columns", patched by SHOW_ALL_COLUMNS below)
CHOSEN_COLUMNS = {"_col", "_nocol", ALL_COLUMNS}
SORTED = {"_sort", "_sort_desc", "_search"}  # a search is ordered by how well a post matches
SEARCH = contextvars.ContextVar("search", default=("", False))  # the request's _search and whether it is raw FTS5
MARK = ("\x02", "\x03")  # FTS5 marks matches with these; the HTML gets <mark> once the text is escaped
SNIPPET_SQL = (
    "SELECT snippet(articles_fts, 1, char(2), char(3), '…', 24) AS snippet, a.text, a.language"
    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
    " WHERE articles_fts MATCH :query AND articles_fts.rowid = :id"
)
PERSON = "_person"  # ?_person=Jane+Holloway: posts with her in the byline
BY_PERSON_SQL = (
    "id IN (SELECT aa.article_id FROM article_authors aa JOIN authors au ON au.id = aa.author_id"
    " WHERE au.name = :{param})"
)
READ_ONLY = b"blogarchive serve is read-only: it answers GET and HEAD only\n"
SNIPPET_STYLE = "color:#444;font-size:.9em;max-width:50em;margin-top:.2em"
GONE = '<span class="gone" style="background:#a40000;color:#fff;padding:0 .35em;border-radius:3px">{}</span>'
FOLD_DESCRIPTIONS = """
const list = document.querySelector("dl.column-descriptions");
if (list) {
  const box = document.createElement("details");
  box.innerHTML = "<summary>Column descriptions (also in each column's ⚙ menu)</summary>";
  list.replaceWith(box);
  box.append(list);
}
"""
# Datasette's "Show all columns" drops _col and _nocol from the address, which would open on the reading columns
# again: the link also says _columns=all.
SHOW_ALL_COLUMNS = """
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.dropdown-show-all-columns");
  if (link) {
    const address = new URL(link.href, location.href);
    address.searchParams.set("_columns", "all");
    link.href = address.toString();
  }
}, true);
"""
# A row page is one row: shown as a list of fields, one under the other, long texts with their line breaks.
ROW_AS_FIELDS = """
const row = document.querySelector("table.rows-and-columns");
if (row && row.tBodies[0].rows.length === 1) {
  const fields = document.createElement("dl");
  fields.className = "row-fields";
  const names = [...row.tHead.rows[0].cells].map((th) => th.dataset.column);
  [...row.tBodies[0].rows[0].cells].forEach((td, i) => {
    const name = document.createElement("dt");
    name.textContent = names[i];
    name.style.fontWeight = "bold";
    const value = document.createElement("dd");
    value.innerHTML = td.innerHTML;
    value.style.cssText = "white-space: pre-wrap; margin: 0 0 .8em 1em; max-width: 60em";
    fields.append(name, value);
  });
  row.closest(".table-wrapper").replaceWith(fields);
}
"""


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    """Read-only for the web: any method but GET and HEAD is refused (405), whatever Datasette would do with it.
    An articles page whose address chooses no columns opens on the reading columns (newest first, unless it
    searches or sorts). A search of too many words is refused (400), as `blogarchive search` refuses it."""

    def wrap(app: Any) -> Any:
        async def read_only(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            if scope["method"] not in ("GET", "HEAD"):
                await _answer(send, 405, [(b"allow", b"GET, HEAD")], READ_ONLY)
                return
            query = parse_qsl(scope.get("query_string", b"").decode(), keep_blank_values=True)
            names = {name for name, _ in query}
            search = " ".join(value for name, value in query if name.startswith("_search") and name != "_searchmode")
            try:
                check_search_words(search)
            except SearchRefused as refused:
                await _answer(send, 400, [], f"{refused}\n".encode())
                return
            if not names & CHOSEN_COLUMNS and _is_articles_page(datasette, scope["path"]):
                opening = query + ([] if names & SORTED else [("_sort_desc", "published")]) + READING_COLUMNS
                await _answer(send, 302, [(b"location", f"{scope['path']}?{urlencode(opening)}".encode())])
                return
            token = SEARCH.set((search, ("_searchmode", "raw") in query))
            try:
                await app(scope, receive, send)
            finally:
                SEARCH.reset(token)

        return read_only

    return wrap


async def _answer(send: Any, status: int, headers: list[tuple[bytes, bytes]], text: bytes = b"") -> None:
    headers = [*headers, (b"content-type", b"text/plain; charset=utf-8")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text})


def _is_articles_page(datasette: Any, path: str) -> bool:
    return path in {datasette.urls.table(name, "articles") for name in datasette.databases}


@hookimpl
def filters_from_request(request: Any, table: str) -> FilterArguments | None:
    people = request.args.getlist(PERSON)
    if table != "articles" or not people:
        return None
    params = {f"person{n}": person for n, person in enumerate(people)}
    clauses = [BY_PERSON_SQL.format(param=param) for param in params]
    return FilterArguments(clauses, params, [f"the byline names {person}" for person in people])


@hookimpl
def register_facet_classes() -> list[type[Facet]]:
    return [PersonFacet]


class PersonFacet(Facet):
    """Posts per person in the bylines (`article_authors`), not per byline string: configured as
    `{"person": "author"}`, shown under the name `author`."""

    type = "person"

    async def suggest(self) -> list[dict[str, Any]]:
        return []

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results, timed_out = [], []
        if self.table != "articles":
            return results, timed_out
        size = self.get_facet_size()
        for config in self.get_configs():
            name = config["config"]["simple"]
            sql = (
                f"SELECT au.name AS value, count(DISTINCT aa.article_id) AS count FROM ({self.sql}) AS shown"
                " JOIN article_authors aa ON aa.article_id = shown.id JOIN authors au ON au.id = aa.author_id"
                f" GROUP BY au.name ORDER BY count DESC, value LIMIT {size + 1}"
            )
            try:
                rows = await self.ds.execute(
                    self.database,
                    sql,
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except (QueryInterrupted, sqlite3.OperationalError):
                timed_out.append(name)
                continue
            results.append(
                {
                    "name": name,
                    "type": self.type,
                    "hideable": config["source"] != "metadata",
                    "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_person": name})),
                    "results": [self._value(row["value"], row["count"]) for row in rows.rows[:size]],
                    "truncated": len(rows.rows) > size,
                }
            )
        return results, timed_out

    def _value(self, person: str, count: int) -> dict[str, Any]:
        selected = person in self.request.args.getlist(PERSON)
        change = path_with_removed_args if selected else path_with_added_args
        return {
            "value": person,
            "label": person,
            "count": count,
            "selected": selected,
            "toggle_url": self.ds.absolute_url(self.request, change(self.request, {PERSON: person})),
        }


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str, database: str, datasette: Any) -> Any:
    if table not in ("articles", "v_posts"):
        return None
    if column == "gone_at" and value:
        return Markup(GONE.format(escape(f"gone since {str(value)[:10]}")))
    gone = "gone_at" in row.keys() and row["gone_at"]  # noqa: SIM118 (`in` a sqlite3.Row looks at its values)
    search, raw = SEARCH.get()
    if column != "title" or not (gone or search.strip()):
        return None
    title = Markup(f"{escape(value or '')} {GONE.format('gone')}" if gone else escape(value or ""))
    if not search.strip() or "id" not in row.keys():  # noqa: SIM118
        return title

    async def with_snippet() -> Markup:
        snippet = await _snippet(datasette, database, row["id"], search if raw else escape_fts(search))
        return title + Markup(f'<div class="snippet" style="{SNIPPET_STYLE}">{snippet}</div>') if snippet else title

    return with_snippet


async def _snippet(datasette: Any, database: str, post: int, query: str) -> Markup:
    """The post's text around the words found, marked; empty when its text has none (found by title)."""
    try:
        rows = await datasette.get_database(database).execute(SNIPPET_SQL, {"query": query, "id": post})
    except (QueryInterrupted, sqlite3.OperationalError):
        return Markup("")
    if not rows.rows:
        return Markup("")
    snippet, text, language = rows.rows[0]
    if MARK[0] not in snippet:
        snippet = mark_matches(text or "", query, language, MARK)
    return Markup(str(escape(snippet)).replace(MARK[0], "<mark>").replace(MARK[1], "</mark>"))


@hookimpl
def extra_body_script(template: str) -> str | None:
    return {"table.html": FOLD_DESCRIPTIONS + SHOW_ALL_COLUMNS, "row.html": ROW_AS_FIELDS}.get(template)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/(?P<database>[^/]+)/-/charts$", charts_page)]


@hookimpl
def database_actions(datasette: Any, database: str) -> list[dict[str, str]]:
    return [{"href": datasette.urls.database(database) + "/-/charts", "label": "Charts"}]


@hookimpl
def table_actions(datasette: Any, database: str, table: str) -> list[dict[str, str]] | None:
    if table != "articles":
        return None
    return [{"href": datasette.urls.database(database) + "/-/charts", "label": "Charts of these posts"}]


CHARTS_PAGE = """{% extends "base.html" %}
{% block title %}Charts: {{ database }}{% endblock %}
{% block content %}
<h1>Charts{% if site %} of {{ site }}{% endif %}</h1>
<p>From <a href="{{ urls.table(database, 'articles') }}">the archived posts</a>{% if site %}
of {{ site }} (<a href="?">all sites</a>){% endif %}. Sites:
{% for name in sites %}<a href="?site={{ name|urlencode }}">{{ name }}</a>{{ ", " if not loop.last }}{% endfor %}.
A month without posts is a bar of zero.</p>
{% for name, title, svg in charts %}
<figure class="chart" id="chart-{{ name }}" title="{{ title }}" style="margin:1em 0">{{ svg }}</figure>
{% endfor %}
{% endblock %}"""


async def charts_page(datasette: Any, request: Any) -> Response:
    """The archive's four charts (archive/charts.py), of every post or of `?site=` only."""
    database = request.url_vars["database"]
    if database not in datasette.databases:
        return Response.text(f"no database {database!r}\n", status=404)
    site = request.args.get("site") or None
    db = datasette.get_database(database)
    try:
        series = await db.execute_fn(lambda conn: chart_series(conn, site))
    except FilterError as exc:
        return Response.text(f"{exc}\n", status=400)
    sites = [row[0] for row in await db.execute("SELECT DISTINCT site FROM articles ORDER BY site")]
    drawn = await asyncio.get_running_loop().run_in_executor(None, lambda: [draw_one(one) for one in series])
    charts = [(one.name, TITLES[one.name], Markup(_inline(svg))) for one, svg in zip(series, drawn, strict=True)]
    template = datasette.jinja_env.from_string(CHARTS_PAGE)
    context = {"database": database, "site": site, "sites": sites, "charts": charts}
    return Response.html(await datasette.render_template(template, context, request=request))


def _inline(svg: bytes) -> str:
    """An SVG file's <svg> element, to put inside a page (its XML declaration and DOCTYPE left out)."""
    text = svg.decode("utf-8")
    return text[text.index("<svg") :]
