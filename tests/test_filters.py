"""--since/--until are ISO 8601 dates or times, and a --site, --author or --lang that names nothing says so: the
same on every command that has them, one line on stderr and exit status 2, never a silent empty or whole result."""

from __future__ import annotations

import shutil

import pytest

from archive.errors import FilterError
from archive.filters import Filters, parse_moment
from tests.conftest import run_cli

# Every command with a date filter, as a user would call it (the archive comes after).
DATED = {
    "search": ("search", "bread", "--since"),
    "search --until": ("search", "bread", "--until"),
    "export": ("export", "-", "--format", "jsonl", "--since"),
    "export --until": ("export", "-", "--format", "jsonl", "--until"),
    "reextract": ("reextract", "--since"),
}


@pytest.mark.parametrize("command", DATED)
@pytest.mark.parametrize("value", ["yesterday", "2024-13-45", "2024-02-30", "05/01/2024", ""])
def test_a_date_that_is_no_iso_8601_date_is_one_line_and_exit_2(demo_archive, tmp_path, command, value):
    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)  # reextract writes
    result = run_cli(*DATED[command], value, "--db", str(db))
    assert result.returncode == 2, result.stdout + result.stderr
    option = DATED[command][-1]
    assert (
        result.stderr == f"Error: {option}: {value!r} is not an ISO 8601 date or date and time; write e.g."
        " 2024-05-01 or 2024-05-01T14:30:00+02:00\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    "value",
    [
        "2024-05-01",
        "2024-05-01T10:00",
        "2024-05-01 10:00:00",
        "2024-05-01T10:00:00Z",
        "2024-05-01T10:00:00.5+02:00",
        "20240501",
    ],
)
def test_iso_8601_dates_and_times_are_accepted(demo_archive, value):
    result = run_cli("search", "bread OR Brot", "--since", value, "--db", str(demo_archive), "--format", "json")
    assert result.returncode == 0, result.stderr


def test_times_are_compared_in_utc():
    assert parse_moment("2024-05-01T10:00:00+02:00").utc == "2024-05-01 08:00:00"
    assert parse_moment("2024-05-01T10:00:00").utc == "2024-05-01 10:00:00"  # no offset: UTC
    day = parse_moment("2024-05-01")
    assert day.day and day.utc == "2024-05-01 00:00:00" and day.day_after == "2024-05-02 00:00:00"
    with pytest.raises(FilterError, match="'tomorrow' is not an ISO 8601 date"):
        parse_moment("tomorrow")


NAMES_NOTHING = {
    "search --site": (("search", "bread", "--site", "nosuch.example"), "--site 'nosuch.example' matches no site"),
    "search --author": (("search", "bread", "--author", "Nobody"), "--author 'Nobody' matches no post's author"),
    "search --lang": (("search", "bread", "--lang", "xx"), "--lang 'xx' matches no post's language"),
    "stats --site": (("stats", "--site", "nosuch.example"), "--site 'nosuch.example' matches no site"),
    "export --site": (("export", "-", "--format", "csv", "--site", "nosuch.example"), "matches no site"),
    "verify --site": (("verify", "--site", "nosuch.example"), "--site 'nosuch.example' matches no site"),
    "reextract --site": (("reextract", "--site", "nosuch.example"), "--site 'nosuch.example' matches no site"),
}


@pytest.mark.parametrize("case", NAMES_NOTHING)
def test_a_filter_that_names_nothing_in_the_archive_says_so_and_exits_2(demo_archive, tmp_path, case):
    db = tmp_path / "archive.db"
    shutil.copy(demo_archive, db)
    args, message = NAMES_NOTHING[case]
    result = run_cli(*args, "--db", str(db))
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr and "the archive has: " in result.stderr and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_site_and_language_are_matched_whatever_their_case():
    filters = Filters(site=" Blog.Example.ORG ", language="DE")
    assert (filters.site, filters.language) == ("blog.example.org", "de")
