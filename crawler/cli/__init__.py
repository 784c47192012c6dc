"""The `blogarchive` command line. Each command lives in its own module and is imported only when used,
so `blogarchive extract` does not pay for importing Scrapy and `blogarchive search` not for trafilatura."""

from __future__ import annotations

import importlib
import importlib.util

import click

# command name -> "module:attribute"
COMMANDS: dict[str, str] = {
    "crawl": "crawler.cli.crawl:crawl",
    "demo": "crawler.cli.demo:demo",
    "extract": "crawler.cli.extract:extract",
    "eval": "crawler.cli.evaluate:evaluate_command",
    "search": "crawler.cli.analyst:search",
    "stats": "crawler.cli.analyst:stats",
    "export": "crawler.cli.analyst:export",
    "serve": "crawler.cli.serve:serve",
    "reextract": "crawler.cli.archivist:reextract",
    "history": "crawler.cli.archivist:history",
    "verify": "crawler.cli.archivist:verify",
    "sites": "crawler.cli.sites:sites",
    "schedule": "crawler.cli.schedule:schedule",
    "run-due": "crawler.cli.schedule:run_due",
    "wacz": "crawler.cli.wacz:wacz",
    "worker": "crawler.cli.distributed:worker",
    "writer": "crawler.cli.distributed:writer",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._available(name))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)

    @staticmethod
    def _available(name: str) -> bool:
        module_name = COMMANDS[name].split(":")[0]
        return importlib.util.find_spec(module_name) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="blogarchive")
def main() -> None:
    """Crawl blogs and archive every post, author box, image and caption into SQLite."""
