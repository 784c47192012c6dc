"""The manual in docs/ cannot drift from the program: its examples run against a crawled demo archive, its systemd
excerpts are the units in deploy/, every file and component it names exists, and `mkdocs build --strict` passes.

Each fenced block says what it is (docs/architecture.md, "Examples that run"): `sql` and `python` run against the
archive; `shell` lines run in a folder holding a copy of it, and must succeed; `console` blocks run their `$` lines
in a terminal and must print what follows them; `toml` is a sites file that must check clean; `ini` lines must be
in the deploy/ unit named by the block; `text` is not run. The demo's address in the docs, 127.0.0.1:8765, stands
for the one the test served the sample blog on."""

from __future__ import annotations

import os
import re
import select
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from scrapy.utils.misc import load_object

from crawler.archivist.sites import read_config
from tests.conftest import REPO

DOCS = REPO / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
KINDS = ("sql", "python", "shell", "console", "toml", "ini", "text")
DEMO_SITE = "127.0.0.1:8765"  # `blogarchive demo`'s address, as the docs write it
_FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```$", re.DOTALL | re.MULTILINE)


def _blocks() -> list[tuple[str, str, str]]:
    """(page, kind, code) of every fenced block of the manual, in order."""
    found = []
    for page in PAGES:
        for indent, kind, code in _FENCE.findall(page.read_text("utf-8")):
            found.append((str(page.relative_to(DOCS)), kind, textwrap.dedent(code) if indent else code))
    return found


BLOCKS = _blocks()


def _of(kind: str) -> list[tuple[str, str]]:
    return [(page, code) for page, block_kind, code in BLOCKS if block_kind == kind]


def _ids(blocks: list[tuple[str, str]]) -> list[str]:
    return [f"{page}:{code.strip().splitlines()[0][:60]}" for page, code in blocks]


@pytest.fixture(scope="module")
def demo_site(demo_archive: Path) -> str:
    """host:port the demo archive's blog was served on."""
    with sqlite3.connect(demo_archive) as archive:
        return archive.execute("SELECT site FROM articles LIMIT 1").fetchone()[0]


@pytest.fixture
def beside_archive(demo_archive: Path, tmp_path: Path) -> Path:
    """A folder holding a copy of the demo archive as archive.db, as after `blogarchive demo`."""
    shutil.copy(demo_archive, tmp_path / "archive.db")
    return tmp_path


def _environment() -> dict[str, str]:
    """This interpreter's scripts (blogarchive, sqlite-utils) first on PATH; a terminal without colours."""
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return {**os.environ, "PATH": path, "TERM": "dumb", "NO_COLOR": "1", "COLUMNS": "120"}


def _commands(code: str) -> list[str]:
    return [line for line in code.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _skip_without_sqlite3_program(command: str) -> None:
    if command.startswith("sqlite3 ") and shutil.which("sqlite3") is None:
        pytest.skip("the sqlite3 program is not installed (apt-get install sqlite3)")


def test_every_code_block_of_the_manual_says_what_it_is():
    unknown = [f"{page}: ```{kind or '(none)'}" for page, kind, _ in BLOCKS if kind not in KINDS]
    assert not unknown, f"fences must be one of {', '.join(KINDS)}: {unknown}"


def test_the_manual_has_ten_example_queries_and_runnable_commands():
    assert len(_of("sql")) >= 10
    assert len(_of("shell")) >= 5 and len(_of("console")) >= 3


@pytest.mark.parametrize(("page", "sql"), _of("sql"), ids=_ids(_of("sql")))
def test_docs_query_runs_and_returns_rows(demo_archive, page, sql):
    with sqlite3.connect(demo_archive) as archive:
        assert archive.execute(sql).fetchall(), f"{page}: no rows for {sql}"


@pytest.mark.parametrize(("page", "code"), _of("python"), ids=_ids(_of("python")))
def test_docs_python_example_runs(beside_archive, page, code, monkeypatch, capsys):
    monkeypatch.chdir(beside_archive)  # the examples open "archive.db"
    exec(compile(code, page, "exec"), {})
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize(("page", "code"), _of("shell"), ids=_ids(_of("shell")))
def test_docs_shell_example_succeeds(beside_archive, demo_site, page, code):
    for command in _commands(code):
        _skip_without_sqlite3_program(command)
        done = subprocess.run(
            ["bash", "-c", command.replace(DEMO_SITE, demo_site)],
            cwd=beside_archive,
            env=_environment(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, f"{page}: {command}\n{done.stdout}{done.stderr}"


def _in_terminal(command: str, cwd: Path, timeout: float = 120) -> tuple[int, str]:
    """Run `command` with a terminal as its stdout and stderr, as a reader does: (exit status, what it printed)."""
    primary, secondary = os.openpty()
    process = subprocess.Popen(
        ["bash", "-c", command],
        cwd=cwd,
        env=_environment(),
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
    )
    os.close(secondary)
    output, deadline = b"", time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if select.select([primary], [], [], 1)[0]:
                try:
                    chunk = os.read(primary, 65536)
                except OSError:  # the terminal's other end is closed: the command is done
                    break
                if not chunk:
                    break
                output += chunk
            elif process.poll() is not None:
                break
        status = process.wait(timeout=max(deadline - time.monotonic(), 1))
    finally:
        process.kill()
        os.close(primary)
    return status, output.decode("utf-8").replace("\r\n", "\n")


def _console_steps(code: str) -> list[tuple[str, str]]:
    """(command, the output the docs show for it) of each `$` line of a console block."""
    steps: list[tuple[str, list[str]]] = []
    for line in code.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
    return [(command, "\n".join(shown).strip()) for command, shown in steps]


@pytest.mark.parametrize(("page", "code"), _of("console"), ids=_ids(_of("console")))
def test_docs_console_example_prints_what_it_shows(beside_archive, demo_site, page, code):
    steps = _console_steps(code)
    assert steps, f"{page}: a console block without a $ line"
    for command, shown in steps:
        _skip_without_sqlite3_program(command)
        status, printed = _in_terminal(command.replace(DEMO_SITE, demo_site), beside_archive)
        assert status == 0, f"{page}: {command}\n{printed}"
        lines = [line.rstrip() for line in printed.strip().splitlines()]
        assert lines == shown.replace(DEMO_SITE, demo_site).splitlines(), f"{page}: {command}"


@pytest.mark.parametrize(("page", "code"), _of("toml"), ids=_ids(_of("toml")))
def test_docs_sites_file_example_has_no_problem(tmp_path, page, code):
    (tmp_path / "sites.toml").write_text(code, "utf-8")
    assert read_config(tmp_path / "sites.toml").sites  # ConfigError, naming each problem, if it had one


@pytest.mark.parametrize(("page", "code"), _of("ini"), ids=_ids(_of("ini")))
def test_docs_systemd_excerpt_is_the_unit_in_deploy(page, code):
    unit: set[str] | None = None
    for line in code.splitlines():
        if named := re.fullmatch(r"# /etc/systemd/system/(\S+)", line):
            unit = set((REPO / "deploy" / named.group(1)).read_text("utf-8").splitlines())
        elif line.strip():
            assert unit is not None, f"{page}: an ini block must start by naming its unit"
            assert line in unit, f"{page}: {line!r} is not in the unit"


_PATH = re.compile(r"\b(?:crawler|archive|bench|tests|deploy|scripts|docs)/[\w./-]*\w")
_COMPONENT = re.compile(r"\bcrawler(?:\.\w+)+\.[A-Z]\w+")


def test_every_file_and_component_the_manual_names_exists():
    text = "\n".join(page.read_text("utf-8") for page in [*PAGES, REPO / "README.md"])
    missing = [path for path in set(_PATH.findall(text)) if not (REPO / path).exists()]
    assert not missing, f"the manual names files that do not exist: {sorted(missing)}"
    for component in set(_COMPONENT.findall(text)):
        assert load_object(component)


def test_the_manual_builds_with_mkdocs_strict(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "commands" / "crawl" / "index.html").exists()
