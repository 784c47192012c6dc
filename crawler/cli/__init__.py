"""The `blogarchive` command line. Each command lives in its own module and is imported only when used,
so `blogarchive extract` does not pay for importing Scrapy and `blogarchive search` not for trafilatura."""

from __future__ import annotations

import importlib
import importlib.util
from collections import Counter

import click

from crawler.errors import BodyModeError
from crawler.extraction.selection import mode as body_mode

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
    "changes": "crawler.cli.changes:changes",
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

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:
            refuse_repeated_options(command, ctx, name, rest)
        return name, command, rest

    @staticmethod
    def _available(name: str) -> bool:
        module_name = COMMANDS[name].split(":")[0]
        return importlib.util.find_spec(module_name) is not None


def refuse_repeated_options(command: click.Command, parent: click.Context, name: str | None, args: list[str]) -> None:
    """Click keeps the last value of an option given twice (`--warc A --warc B` crawled into B alone): an option that
    takes one value, given more than once, is a usage error. Options meant to repeat are `multiple`."""
    context = click.Context(command, parent=parent, info_name=name)
    try:
        order = command.make_parser(context).parse_args(args=list(args))[2]
    except click.UsageError:
        return  # the command's own parse says what is wrong, as usual
    for param, count in Counter(order).items():
        if count > 1 and isinstance(param, click.Option) and not (param.multiple or param.count or param.is_flag):
            raise click.UsageError(
                f"{param.opts[-1]} was given {count} times; it takes one value: give it once", context
            )


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="blogarchive")
def main() -> None:
    """Crawl blogs and archive every post, author box, image and caption into SQLite."""
    try:
        body_mode()  # a wrong BLOGARCHIVE_BODY is refused before any command starts, not on its first page
    except BodyModeError as exc:
        raise click.ClickException(str(exc)) from exc
