"""sites.toml: validation errors name file:line and key; `sites add/remove` keep every other line and comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.archivist.sites import read_config
from crawler.errors import ConfigError
from tests.conftest import run_cli

GOOD = """\
# Blogs we archive.
[defaults]
db = "blogs.db"            # next to this file
schedule = "30 4 * * *"
settings = { EXTRACT_PROCESSES = 1 }

# The kitchen blog: only recipes.
[sites.kitchen]
urls = ["https://kitchen.example.org/"]
allow = ["/recipes/"]
download_delay = 2.5

# Notes, weekly.
[sites.notes]
urls = ["https://notes.example.net/blog/"]
schedule = "0 6 * * 1"
media = "media/notes"
enabled = false
"""

BAD = """\
[defaults]
db = 3
[sites.kitchen]
urls = ["ftp://kitchen.example.org/"]
shedule = "0 3 * * *"
deny = ["(unclosed"]

[sites.notes]
urls = ["https://notes.example.net/"]
schedule = "0 25 * * *"
max_pages = -1
concurrency = "2"
[sites.notes.settings]
DOWNLOAD_DELAY = [1, 2]

[sites."my blog"]
urls = ["https://my.example.com/"]

[sites.empty]
enabled = true
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_gives_sites_with_defaults_applied_and_paths_next_to_it(tmp_path):
    config = read_config(write(tmp_path, GOOD))
    assert config.db == tmp_path / "blogs.db"
    kitchen, notes = config.sites["kitchen"], config.sites["notes"]
    assert (kitchen.schedule, kitchen.allow, kitchen.download_delay, kitchen.enabled) == (
        "30 4 * * *",
        ("/recipes/",),
        2.5,
        True,
    )
    assert (notes.schedule, notes.media, notes.enabled) == ("0 6 * * 1", tmp_path / "media/notes", False)
    assert kitchen.settings == notes.settings == {"EXTRACT_PROCESSES": 1}


def test_every_problem_is_reported_with_its_line_and_key(tmp_path):
    path = write(tmp_path, BAD)
    with pytest.raises(ConfigError) as caught:
        read_config(path)
    reported = [(p.line, p.key) for p in caught.value.problems]
    assert reported == [
        (2, "[defaults] db"),
        (4, "[sites.kitchen] urls"),
        (5, "[sites.kitchen] shedule"),
        (6, "[sites.kitchen] deny"),
        (10, "[sites.notes] schedule"),
        (11, "[sites.notes] max_pages"),
        (12, "[sites.notes] concurrency"),
        (13, "[sites.notes] settings"),
        (16, "[sites.my blog]"),
        (19, "[sites.empty]"),
    ]
    messages = "\n".join(map(str, caught.value.problems))
    assert f"{path}:5: [sites.kitchen] shedule: unknown key; did you mean 'schedule'?" in messages
    assert "'ftp://kitchen.example.org/'" in messages and "http:// or https://" in messages
    assert "'(unclosed' is not a valid regular expression" in messages
    assert "'0 25 * * *' is not a cron expression" in messages
    assert "has no urls" in messages


def test_sites_check_lists_all_problems_and_exits_1(tmp_path):
    result = run_cli("sites", "check", "--config", str(write(tmp_path, BAD)))
    assert result.returncode == 1
    assert result.stderr.count("sites.toml:") == 10 and "10 problems" in result.stderr
    good = run_cli("sites", "check", "--config", str(write(tmp_path, GOOD)))
    assert good.returncode == 0 and "2 sites, no problems" in good.stdout


def test_syntax_error_and_duplicate_site_name_their_lines(tmp_path):
    duplicate = GOOD + '\n[sites.kitchen]\nurls = ["https://other.example.org/"]\n'
    with pytest.raises(ConfigError) as caught:
        read_config(write(tmp_path, duplicate))
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'sites.toml'}:20: [sites.kitchen]: site 'kitchen' is defined twice (first at line 8)"
    ]
    with pytest.raises(ConfigError) as caught:
        read_config(write(tmp_path, GOOD.replace('schedule = "0 6 * * 1"', "schedule = 0 6 * * 1")))
    assert caught.value.problems[0].line == 16 and "not valid TOML" in str(caught.value.problems[0])


def test_missing_file_says_how_to_create_it(tmp_path):
    result = run_cli("sites", "list", "--config", str(tmp_path / "nowhere.toml"))
    assert result.returncode == 1 and "blogarchive sites add NAME URL" in result.stderr


def test_add_and_remove_keep_every_other_line_and_comment(tmp_path):
    path = write(tmp_path, GOOD)
    added = run_cli(
        "sites",
        "add",
        "travel",
        "https://travel.example.com/",
        "--schedule",
        "0 */6 * * *",
        "--deny",
        "/shop/",
        "--max-pages",
        "500",
        "--config",
        str(path),
    )
    assert added.returncode == 0, added.stderr
    assert path.read_text() == GOOD + (
        '\n[sites.travel]\nurls = ["https://travel.example.com/"]\nschedule = "0 */6 * * *"\n'
        'deny = ["/shop/"]\nmax_pages = 500\n'
    )
    assert read_config(path).sites["travel"].max_pages == 500

    assert run_cli("sites", "remove", "kitchen", "--config", str(path)).returncode == 0
    kitchen_block = "# The kitchen blog: only recipes.\n" + GOOD.split("# The kitchen blog: only recipes.\n")[1]
    kitchen_block = kitchen_block.split("# Notes, weekly.")[0]
    assert path.read_text() == GOOD.replace(kitchen_block, "") + (
        '\n[sites.travel]\nurls = ["https://travel.example.com/"]\nschedule = "0 */6 * * *"\n'
        'deny = ["/shop/"]\nmax_pages = 500\n'
    )
    assert "# Notes, weekly.\n[sites.notes]" in path.read_text()
    assert sorted(read_config(path).sites) == ["notes", "travel"]


def test_add_refuses_a_bad_site_and_a_taken_name_and_remove_an_unknown_one(tmp_path):
    path = write(tmp_path, GOOD)
    taken = run_cli("sites", "add", "kitchen", "https://x.example.org/", "--config", str(path))
    assert taken.returncode == 1 and "already in the file" in taken.stderr
    bad = run_cli("sites", "add", "new", "notaurl", "--schedule", "every day", "--config", str(path))
    assert bad.returncode == 1 and "invalid start URL 'notaurl'" in bad.stderr and "'every day'" in bad.stderr
    unknown = run_cli("sites", "remove", "nosuch", "--config", str(path))
    assert unknown.returncode == 1 and "no such site" in unknown.stderr
    assert path.read_text() == GOOD


def test_add_creates_the_file_and_list_shows_each_site(tmp_path):
    path = tmp_path / "sites.toml"
    assert run_cli("sites", "add", "solo", "https://solo.example.org/", "--config", str(path)).returncode == 0
    assert path.read_text() == '[sites.solo]\nurls = ["https://solo.example.org/"]\n'
    listed = run_cli("sites", "list", "--config", str(path))
    assert listed.returncode == 0
    assert "solo" in listed.stdout and "0 3 * * *" in listed.stdout and "never" in listed.stdout
    assert "now" in listed.stdout


def test_an_unknown_setting_name_in_the_sites_file_is_a_problem_with_the_closest_name(tmp_path):
    text = GOOD.replace("settings = { EXTRACT_PROCESSES = 1 }", "settings = { CONCURENT_REQUESTS = 4 }")
    with pytest.raises(ConfigError) as caught:
        read_config(write(tmp_path, text))
    [problem] = caught.value.problems
    assert (problem.line, problem.key) == (5, "[defaults] settings")
    assert problem.message == "CONCURENT_REQUESTS: no such setting; did you mean CONCURRENT_REQUESTS?"
