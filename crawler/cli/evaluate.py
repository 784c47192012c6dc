"""`blogarchive eval FIXTURES_DIR`: the per-field extraction score table over a fixture set."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from crawler.extraction.evaluation import Report, evaluate

TARGET_AVERAGE, TARGET_PLATFORM = 0.95, 0.90


def report_table(report: Report) -> Table:
    """One row per field, one column per platform, then the average over all pages."""
    fields = sorted({key for row in report.per_platform.values() for key in row})
    platforms = list(report.per_platform)
    table = Table("field", *platforms, "all", title="extraction scores (1.00 = all correct)")
    for field in fields:
        cells = [_cell(report.per_platform[p].get(field), TARGET_PLATFORM) for p in platforms]
        table.add_row(field, *cells, _cell(report.overall.get(field), TARGET_AVERAGE))
    return table


def _cell(value: float | None, target: float) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if value >= target else f"[red]{value:.2f}[/red]"


@click.command()
@click.argument("fixtures_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate_command(fixtures_dir: Path, as_json: bool) -> None:
    """Score extraction against FIXTURES_DIR/<platform>/<case>/{page.html, meta.json, expected.json}."""
    report = evaluate(fixtures_dir)
    if not report.per_case:
        raise click.ClickException(f"no fixture cases under {fixtures_dir} (expected <platform>/<case>/expected.json)")
    if as_json:
        click.echo(json.dumps(asdict(report), indent=2))
        return
    console = Console(width=max(120, 30 + 12 * len(report.per_platform)))
    console.print(report_table(report))
    t = report.timings_ms
    console.print(
        f"{len(report.per_case)} pages · extraction mean {t['mean_ms']:.1f} ms, p95 {t['p95_ms']:.1f} ms · "
        f"page nearest 50 KB ({t['typical_page_bytes'] / 1000:.0f} KB): {t['typical_page_ms']:.1f} ms (one core)"
    )
    failing = {case: {k: v for k, v in row.items() if v < 1} for case, row in report.per_case.items()}
    for case, fields in failing.items():
        if fields:
            console.print(f"[yellow]{case}[/yellow]: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(fields.items())))
