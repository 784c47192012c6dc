"""`blogarchive eval`: the per-field score table over a fixture set, or the body/author/date scores on a set of
real pages next to plain trafilatura's in the same run."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from crawler.extraction.evaluation import Report, evaluate
from crawler.extraction.realpages import SYSTEMS, RealReport, evaluate_realpages, load_realpages

TARGET_AVERAGE, TARGET_PLATFORM, TARGET_CASE = 0.95, 0.90, 0.95


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


def realpages_table(report: RealReport) -> Table:
    table = Table("measure", *SYSTEMS, title=f"{report.pages} real pages: body snippets, author, date")
    for key, label in (
        ("precision", "body precision"),
        ("recall", "body recall"),
        ("f1", "body F1"),
        ("accuracy", "body accuracy"),
        ("author_exact", "author exact"),
        ("date_exact", "date exact"),
        ("empty", "empty results"),
        ("cpu_ms_mean", "CPU per page (ms)"),
    ):
        values = [report.scores[system][key] for system in SYSTEMS]
        table.add_row(label, *(f"{v:.0f}" if key == "empty" else f"{v:.3f}" if v < 10 else f"{v:.1f}" for v in values))
    return table


@click.command()
@click.argument("fixtures_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--realpages",
    "realpages_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Score a set of real pages in trafilatura's evaluation format (evaldata.json) instead.",
)
@click.option("--jobs", default=2, show_default=True, help="Processes for --realpages.")
@click.option("--worst", default=15, show_default=True, help="How many of the worst pages --realpages lists.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate_command(
    fixtures_dir: Path | None, realpages_dir: Path | None, jobs: int, worst: int, as_json: bool
) -> None:
    """Score extraction against FIXTURES_DIR/<platform>/<case>/{page.html, meta.json, expected.json}, or with
    --realpages DIR on real pages, next to plain trafilatura. Exits 1 when a target is missed."""
    if (fixtures_dir is None) == (realpages_dir is None):
        raise click.UsageError("give either FIXTURES_DIR or --realpages DIR")
    if realpages_dir is not None:
        _realpages(realpages_dir, jobs, worst, as_json)
    else:
        _fixtures(fixtures_dir, as_json)


def _fixtures(fixtures_dir: Path, as_json: bool) -> None:
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
    failing = {case: {k: v for k, v in row.items() if v < TARGET_CASE} for case, row in report.per_case.items()}
    for case, fields in failing.items():
        if fields:
            console.print(f"[yellow]{case}[/yellow]: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(fields.items())))
    if any(failing.values()):
        raise SystemExit(1)


def _realpages(folder: Path, jobs: int, worst: int, as_json: bool) -> None:
    try:
        pages = load_realpages(folder)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    if not pages:
        raise click.ClickException(f"{folder}: evaldata.json lists no page found under eval/ or cache/")
    report = evaluate_realpages(pages, jobs=jobs, worst=worst)
    if as_json:
        click.echo(json.dumps(asdict(report), indent=2, ensure_ascii=False))
        return
    console = Console(width=120)
    console.print(realpages_table(report))
    for row in report.worst:
        console.print(
            f"[yellow]{row['url']}[/yellow] ({row['file']}): {row['blogarchive_wrong']} wrong "
            f"(trafilatura {row['trafilatura_wrong']})" + (f" · {row['error']}" if row["error"] else "")
        )
        for label in ("lost", "added"):
            for snippet in row[label][:3]:
                console.print(f"    {label}: {snippet[:100]}", markup=False, highlight=False)
    if report.empty_where_trafilatura_is_not:
        console.print("empty where trafilatura found text: " + " ".join(report.empty_where_trafilatura_is_not))
    ours, theirs = report.scores["blogarchive"], report.scores["trafilatura"]
    if ours["f1"] < theirs["f1"] or report.empty_where_trafilatura_is_not:
        raise SystemExit(1)
