"""blogarchive's Datasette plugin, loaded by `blogarchive serve` (`datasette --plugins-dir`).

- The articles page opens on title, author, site, date and language (and whether the post is gone), newest first;
  the post's row page, one click away on its id, shows the body. "Show all columns" shows the rest.
- Posts are faceted and filtered by person (`article_authors`): a post by two people counts for each of them.
- Gone posts (404/410, kept) are marked; column descriptions are folded away under one line; a row's page lists
  its fields one under the other, so a post's body reads as text.

A plugins folder holds plugin modules only: this one imports nothing from blogarchive.
"""

from __future__ import annotations

import sqlite3
from typing import Any
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.filters import FilterArguments
from datasette.utils import path_with_added_args, path_with_removed_args
from markupsafe import Markup, escape

OPENING = [("_sort_desc", "published")] + [
    ("_col", column) for column in ("title", "author", "site", "published", "language", "gone_at")
]
PERSON = "_person"  # ?_person=Jane+Holloway: posts with her in the byline
BY_PERSON_SQL = (
    "id IN (SELECT aa.article_id FROM article_authors aa JOIN authors au ON au.id = aa.author_id"
    " WHERE au.name = :{param})"
)
READ_ONLY = b"blogarchive serve is read-only: it answers GET and HEAD only\n"
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
    A bare articles URL (no query string) opens on the reading columns; any other URL is left alone, so
    Datasette's "Show all columns" (which keeps the sort) shows them all."""

    def wrap(app: Any) -> Any:
        async def read_only(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
            elif scope["method"] not in ("GET", "HEAD"):
                await _answer(send, 405, [(b"allow", b"GET, HEAD")], READ_ONLY)
            elif not scope.get("query_string") and _is_articles_page(datasette, scope["path"]):
                await _answer(send, 302, [(b"location", f"{scope['path']}?{urlencode(OPENING)}".encode())])
            else:
                await app(scope, receive, send)

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
def render_cell(row: Any, value: Any, column: str, table: str) -> Markup | None:
    if table not in ("articles", "v_posts"):
        return None
    if column == "gone_at" and value:
        return Markup(GONE.format(escape(f"gone since {str(value)[:10]}")))
    gone = "gone_at" in row.keys() and row["gone_at"]  # noqa: SIM118 (`in` a sqlite3.Row looks at its values)
    if column == "title" and gone:
        return Markup(f"{escape(value or '')} {GONE.format('gone')}")
    return None


@hookimpl
def extra_body_script(template: str) -> str | None:
    return {"table.html": FOLD_DESCRIPTIONS, "row.html": ROW_AS_FIELDS}.get(template)
