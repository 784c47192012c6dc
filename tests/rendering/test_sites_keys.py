"""The sites file's `render` and `render_hosts` keys become the site's crawl options, and bad values are problems
with their line."""

from __future__ import annotations

import pytest

from crawler.archivist.scheduling import crawl_command
from crawler.archivist.sites import read_config
from crawler.errors import ConfigError


def test_render_keys_become_crawl_options_and_defaults_apply(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text(
        '[defaults]\nrender = "never"\n'
        '[sites.app]\nurls = ["https://app.example.net/"]\nrender = "always"\n'
        'render_hosts = ["comments.example.org", "127.0.0.1:8081"]\n'
        '[sites.plain]\nurls = ["https://plain.example.net/"]\n'
        '[sites.alone]\nurls = ["https://alone.example.net/"]\nrender = "auto"\nrender_hosts = []\n'
    )
    config = read_config(path)
    app = crawl_command(config.sites["app"], config.db)
    assert app[app.index("--render") + 1] == "always"
    assert "RENDER_HOSTS=comments.example.org,127.0.0.1:8081" in app
    plain = crawl_command(config.sites["plain"], config.db)
    assert plain[plain.index("--render") + 1] == "never"  # [defaults]
    assert not any(arg.startswith("RENDER_HOSTS=") for arg in plain)  # the crawler's default: any host
    alone = crawl_command(config.sites["alone"], config.db)
    assert alone[alone.index("--render") + 1] == "auto" and "RENDER_HOSTS=" in alone  # no other host at all


def test_bad_render_values_are_problems_with_their_line(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text(
        '[sites.app]\nurls = ["https://app.example.net/"]\nrender = "sometimes"\n'
        'render_hosts = ["https://cdn.example.com/"]\n'
    )
    with pytest.raises(ConfigError) as caught:
        read_config(path)
    assert [(p.line, p.key) for p in caught.value.problems] == [
        (3, "[sites.app] render"),
        (4, "[sites.app] render_hosts"),
    ]
    assert "must be one of 'never', 'auto', 'always'" in str(caught.value)
