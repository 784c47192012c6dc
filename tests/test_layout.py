"""The house's layout holds: no import cycle between the project's modules, archive/ and extraction/ free of what
they must not import, every dotted path the settings and the CLI name loads, and every folder says what it holds.

Imports are read from the source with `ast` (all of them: top-level, inside functions, under TYPE_CHECKING), so a
cycle hidden in a function or a type hint counts too."""

from __future__ import annotations

import ast
import configparser
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy.utils.misc import load_object

from crawler import settings
from crawler.cli import COMMANDS
from tests.conftest import REPO

PACKAGES = ("crawler", "archive", "bench")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for package in PACKAGES for path in sorted((REPO / package).rglob("*.py"))}


def _imported_names(name: str, path: Path) -> Iterator[str]:
    """Every module name `name` imports, relative imports resolved; `from package import module` names the
    module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            submodules = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
            yield from submodules
            if len(submodules) < len(node.names):
                yield base


def _project_module(imported: str) -> str | None:
    """The project module an import names (`crawler.urls.clean_url` → `crawler.urls`), None for a library."""
    while imported and imported not in MODULES:
        imported = imported.rpartition(".")[0]
    return imported or None


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        targets = {_project_module(imported) for imported in _imported_names(name, path)}
        graph[name] = {target for target in targets if target is not None and target != name}
    return graph


GRAPH = _graph()


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each a set of modules that import
    each other, directly or through others."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _reachable(start: str) -> set[str]:
    """`start` and every project module it imports, directly or through others."""
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(GRAPH[name])
    return seen


def _libraries(names: set[str]) -> set[str]:
    """The top-level names of everything outside the project that `names` import."""
    return {
        imported.split(".")[0]
        for name in names
        for imported in _imported_names(name, MODULES[name])
        if _project_module(imported) is None
    }


def test_the_cycle_finder_finds_a_cycle_through_three_modules():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_the_projects_modules():
    cycles = _cycles(GRAPH)
    assert not cycles, "modules that import each other: " + "; ".join(" ↔ ".join(cycle) for cycle in cycles)


def test_archive_imports_neither_scrapy_nor_the_crawler():
    archive = {name for name in MODULES if name.split(".")[0] == "archive"}
    reached = set().union(*(_reachable(name) for name in archive))
    assert not {name for name in reached if name.split(".")[0] == "crawler"}
    assert not _libraries(reached) & {"scrapy", "twisted"}


def test_extraction_imports_neither_scrapy_nor_sqlite_nor_the_archive():
    extraction = {name for name in MODULES if name.startswith("crawler.extraction.")}
    reached = set().union(*(_reachable(name) for name in extraction))
    assert not {name for name in reached if name.split(".")[0] == "archive"}
    assert not _libraries(reached) & {"scrapy", "twisted", "sqlite3", "sqlite_utils"}


def _component_paths() -> list[str]:
    paths = [settings.SCHEDULER, settings.TWISTED_DNS_RESOLVER]
    for table in (
        settings.ITEM_PIPELINES,
        settings.DOWNLOADER_MIDDLEWARES,
        settings.SPIDER_MIDDLEWARES,
        settings.EXTENSIONS,
    ):
        paths += [path for path, order in table.items() if order is not None]
    return paths


@pytest.mark.parametrize("path", _component_paths())
def test_every_component_the_settings_name_loads(path):
    assert callable(load_object(path))


def test_every_entry_point_and_command_loads():
    project = configparser.ConfigParser()
    project.read(REPO / "scrapy.cfg")
    assert load_object(project["settings"]["default"] + ".BOT_NAME") == "blogarchive"
    script = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]["blogarchive"]
    assert callable(load_object(script.replace(":", ".")))
    for target in COMMANDS.values():
        assert callable(load_object(target.replace(":", ".")))


# Datasette loads every file of its plugins folder as a plugin: that folder is no package.
FOLDERS = sorted({path.parent for path in MODULES.values()} - {REPO / "archive" / "datasette_plugins"})


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: str(folder.relative_to(REPO)))
def test_every_folder_says_in_its_docstring_what_lives_there(folder):
    init = folder / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text("utf-8"))) if init.exists() else None
    assert docstring, f"{init.relative_to(REPO)}: no docstring saying what lives in {folder.name}/"


def test_the_top_of_crawler_keeps_what_a_scrapy_project_keeps_there():
    top = {path.name for path in (REPO / "crawler").glob("*.py")}
    assert top == {"__init__.py", "__main__.py", "settings.py", "items.py", "errors.py", "failures.py", "urls.py"}
