"""`blogarchive eval`: the per-field score table over a fixture set; or body text on the shared sets of real pages
(Dragnet and CleanEval with their split, trafilatura's real pages) next to the extractors a user would otherwise
use, in the same run, each set by its own metric, with bootstrap spreads and a paired bootstrap."""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from crawler.evaluation.authors import FIELDS as AUTHOR_FIELDS
from crawler.evaluation.authors import archive_scores, fixture_scores
from crawler.evaluation.bootstrap import RESAMPLES
from crawler.evaluation.cleaning_sets import SETS, SPLITS, SetError, load_cleaning_set
from crawler.evaluation.extractors import DEFAULT_EXTRACTORS, EXTRACTORS, Output
from crawler.evaluation.realpages import load_realpages
from crawler.evaluation.report import (
    SetScores,
    cleaning_judge,
    metadata_scores,
    pooled,
    realpages_judge,
    score_set,
    shingle_metric,
    snippet_metric,
    versions,
    worst_pages,
)
from crawler.evaluation.running import run_extractor
from crawler.extraction.evaluation import Report, evaluate

TARGET_AVERAGE, TARGET_PLATFORM, TARGET_CASE = 0.95, 0.90, 0.95
_CACHE_HOME = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "blogarchive"
INSTALL_HINT = "pip install --no-deps -r requirements-eval.txt"


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
@click.argument("fixtures_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--realpages",
    "realpages_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Score the real pages of a set in trafilatura's evaluation format (evaldata.json).",
)
@click.option(
    "--cleaning-sets",
    "cleaning_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Score the Dragnet and CleanEval pages of the shared extraction-sets folder (manifest.json, tarballs).",
)
@click.option("--set", "sets", multiple=True, type=click.Choice(SETS), help="Of --cleaning-sets (default both).")
@click.option("--split", type=click.Choice(SPLITS), default="test", show_default=True, help="Of --cleaning-sets.")
@click.option(
    "-e",
    "--extractor",
    "extractors",
    multiple=True,
    type=click.Choice(list(EXTRACTORS)),
    help="Extractor to run (repeatable; default every one installed).",
)
@click.option("--vs", default="trafilatura", show_default=True, help="Paired bootstrap of the others against this.")
@click.option("--jobs", default=2, show_default=True, help="Processes running the extractors.")
@click.option("--bootstrap", "resamples", default=RESAMPLES, show_default=True, help="Bootstrap resamples.")
@click.option("--worst", default=15, show_default=True, help="How many of the worst real pages to list.")
@click.option(
    "--cache",
    type=click.Path(file_okay=False, path_type=Path),
    default=_CACHE_HOME / "eval",
    show_default=True,
    help="Where the other extractors' outputs are kept between runs.",
)
@click.option("--no-cache", is_flag=True, help="Run every extractor afresh.")
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    default=_CACHE_HOME / "extraction-sets",
    show_default=True,
    help="Where --cleaning-sets' tarballs are unpacked.",
)
@click.option(
    "--authors",
    is_flag=True,
    help="Score the author box field by field: on FIXTURES_DIR, or on --archive DB's authors against --truth FILE.",
)
@click.option(
    "--archive",
    "archive_db",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --authors: the archive whose authors table is scored.",
)
@click.option(
    "--truth",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --authors --archive: the people the site holds (JSON list of {site, name, bio, url, avatar_url, …}).",
)
@click.option("--limit", default=0, help="Only the first N pages of each set (a smoke test).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate_command(fixtures_dir: Path | None, **options: Any) -> None:
    """Score extraction against FIXTURES_DIR/<platform>/<case>/{page.html, meta.json, expected.json}; or body text
    on --realpages DIR and/or --cleaning-sets DIR next to trafilatura, readability-lxml and jusText. Exits 1 when
    a target is missed (on real pages: blogarchive's F1 below trafilatura's on a set)."""
    authors, archive_db, truth = options.pop("authors"), options.pop("archive_db"), options.pop("truth")
    if authors:
        _authors(fixtures_dir, archive_db, truth, options["as_json"])
        return
    if archive_db is not None or truth is not None:
        raise click.UsageError("--archive and --truth go with --authors")
    sets_given = options["realpages_dir"] is not None or options["cleaning_dir"] is not None
    if (fixtures_dir is None) != sets_given:
        raise click.UsageError("give either FIXTURES_DIR, or --realpages DIR and/or --cleaning-sets DIR")
    if fixtures_dir is not None:
        _fixtures(fixtures_dir, options["as_json"])
    else:
        _real_sets(**options)


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


def _authors(fixtures_dir: Path | None, archive_db: Path | None, truth: Path | None, as_json: bool) -> None:
    """The author box per field, per platform (fixtures) or per site (an archive against its truth)."""
    if (fixtures_dir is None) == (archive_db is None) or (archive_db is None) != (truth is None):
        raise click.UsageError("--authors takes FIXTURES_DIR, or --archive DB with --truth FILE")
    try:
        scores = fixture_scores(fixtures_dir) if fixtures_dir is not None else archive_scores(archive_db, truth)
    except (ValueError, KeyError, sqlite3.Error) as exc:
        raise click.ClickException(f"cannot score {archive_db} against {truth}: {exc}") from None
    if not scores:
        raise click.ClickException("nothing to score: no author_box truth in the fixtures, or no person in --truth")
    if as_json:
        click.echo(json.dumps(scores, indent=1))
        return
    groups = list(scores)
    table = Table("field", *groups, title="author box per field (score, pages or people scored)")
    for field in (*AUTHOR_FIELDS, "no_box"):
        cells = [f"{scores[g][field][0]:.2f} ({scores[g][field][1]})" if field in scores[g] else "–" for g in groups]
        if any(cell != "–" for cell in cells):
            table.add_row(field, *cells)
    Console(width=max(120, 20 + 14 * len(groups))).print(table)


def _chosen_extractors(names: tuple[str, ...], vs: str) -> list[str]:
    chosen = list(dict.fromkeys(names or DEFAULT_EXTRACTORS))
    missing = {name: EXTRACTORS[name].missing() for name in chosen}
    if names and any(missing.values()):
        absent = sorted({p for packages in missing.values() for p in packages})
        raise click.ClickException(f"not installed: {', '.join(absent)} (install them: {INSTALL_HINT})")
    skipped = [name for name in chosen if missing[name]]
    if skipped:
        click.echo(f"skipped, not installed: {', '.join(skipped)} (install them: {INSTALL_HINT})", err=True)
    chosen = [name for name in chosen if not missing[name]]
    if vs not in chosen:
        raise click.UsageError(f"--vs {vs}: that extractor is not among those run ({', '.join(chosen)})")
    return chosen


def _real_sets(
    realpages_dir: Path | None,
    cleaning_dir: Path | None,
    sets: tuple[str, ...],
    split: str,
    extractors: tuple[str, ...],
    vs: str,
    jobs: int,
    resamples: int,
    worst: int,
    cache: Path,
    no_cache: bool,
    data: Path,
    limit: int,
    as_json: bool,
) -> None:
    names = _chosen_extractors(extractors, vs)
    store = None if no_cache else cache
    results: list[SetScores] = []
    try:
        if cleaning_dir is not None:
            results += _cleaning(
                cleaning_dir, list(sets or SETS), split, data, names, vs, jobs, resamples, store, limit
            )
        if realpages_dir is not None:
            results.append(_realpages(realpages_dir, names, vs, jobs, resamples, worst, store, limit))
    except SetError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps({"versions": versions(names), "sets": [asdict(r) for r in results]}, indent=1))
    else:
        _print(results, names, vs, split if cleaning_dir is not None else None)
    behind = [r.name for r in results if _behind(r)]
    if behind:
        click.echo(f"blogarchive's F1 is below trafilatura's on: {', '.join(behind)}", err=True)
        raise SystemExit(1)


def _behind(result: SetScores) -> bool:
    """blogarchive's F1 below trafilatura's, or (on real pages) a page empty where trafilatura's is not."""
    rows = result.rows
    if "blogarchive" not in rows or "trafilatura" not in rows:
        return False
    return rows["blogarchive"]["f1"] < rows["trafilatura"]["f1"] or bool(result.empty_where_trafilatura_is_not)


def _run_all(pages: list[Any], names: list[str], metadata: bool, jobs: int, cache: Path | None) -> dict:
    outputs: dict[str, list[Output]] = {}
    for name in names:
        click.echo(f"running {name} on {len(pages)} pages of {pages[0].set} …", err=True)
        outputs[name] = run_extractor(name, pages, metadata, jobs, cache)
    return outputs


def _cleaning(
    folder: Path,
    sets: list[str],
    split: str,
    data: Path,
    names: list[str],
    vs: str,
    jobs: int,
    resamples: int,
    cache: Path | None,
    limit: int,
) -> list[SetScores]:
    results, per_set = [], []
    for name in sets:
        pages = load_cleaning_set(folder, name, split, data)[: limit or None]
        outputs = _run_all(pages, names, False, jobs, cache)
        judge = cleaning_judge([page.gold for page in pages])
        result, records = score_set(name, outputs, judge, shingle_metric, vs, resamples)
        results.append(result)
        per_set.append((records, outputs))
    if len(per_set) > 1:
        results.append(pooled(per_set, vs, resamples))
    return results


def _realpages(
    folder: Path, names: list[str], vs: str, jobs: int, resamples: int, worst: int, cache: Path | None, limit: int
) -> SetScores:
    pages = load_realpages(folder)[: limit or None]
    outputs = _run_all(pages, names, True, jobs, cache)
    left_out = []
    if "blogarchive" in outputs:  # only the pages the crawl would keep as posts are scored, for every extractor
        ours = outputs["blogarchive"]
        kept = [n for n, output in enumerate(ours) if output.error or output.kind == "article"]
        left_out = [
            {"url": page.url, "kind": output.kind, "reason": output.kind_reason}
            for page, output in zip(pages, ours, strict=True)
            if not (output.error or output.kind == "article")
        ]
        pages = [pages[n] for n in kept]
        outputs = {name: [found[n] for n in kept] for name, found in outputs.items()}
    result, _ = score_set("realpages", outputs, realpages_judge(pages), snippet_metric, vs, resamples)
    for name in ("blogarchive", "trafilatura", "trafilatura-precision"):
        if name in outputs:
            result.rows[name] |= metadata_scores(pages, outputs[name])
    if "blogarchive" in outputs and "trafilatura" in outputs:
        ours, theirs = outputs["blogarchive"], outputs["trafilatura"]
        result.worst = worst_pages(pages, ours, theirs, worst)
        result.empty_where_trafilatura_is_not = [
            page.url for page, a, b in zip(pages, ours, theirs, strict=True) if not a.text.strip() and b.text.strip()
        ]
    result.left_out = left_out
    return result


def _print(results: list[SetScores], names: list[str], vs: str, split: str | None) -> None:
    console = Console(width=140)
    labels = versions(names)
    for result in results:
        title = result.name + (f", split {split}" if split and result.name != "realpages" else "")
        pages = f"{result.pages} pages" + (" kept as posts" if result.name == "realpages" else "")
        columns = ("extractor", "precision", "recall", "F1", "accuracy", "CPU ms/page", "errors", "empty")
        table = Table(*columns, title=f"{title} ({pages})")
        if result.name == "realpages":
            table.add_column("author exact")
            table.add_column("date exact")
        for name, row in result.rows.items():
            cells = [f"{row[k]:.3f} ± {row.get(k + '_std', 0):.3f}" for k in ("precision", "recall", "f1")]
            extra = (
                [_maybe(row.get("author_exact")), _maybe(row.get("date_exact"))] if result.name == "realpages" else []
            )
            counts = [f"{row['accuracy']:.3f}", f"{row['cpu_ms']:.0f}", str(row["errors"]), str(row["empty"])]
            table.add_row(f"{name} {labels[name]}", *cells, *counts, *extra)
        console.print(table)
    paired = Table(
        "set",
        "extractor",
        f"F1 − F1({vs})",
        "95 % interval",
        f"share ahead of {vs}",
        title=f"paired bootstrap against {vs}, same pages resampled for both",
    )
    for result in results:
        for name, diff in result.paired.items():
            interval = f"[{diff.get('f1_lo', 0):+.4f}, {diff.get('f1_hi', 0):+.4f}]"
            paired.add_row(result.name, name, f"{diff['f1']:+.4f}", interval, f"{diff.get('share_a_better', 0):.3f}")
    console.print(paired)
    for result in results:
        _print_worst(console, result)


def _maybe(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _print_worst(console: Console, result: SetScores) -> None:
    if result.left_out:
        console.print(f"{len(result.left_out)} pages left out of the scores, not kept as posts:")
        for row in result.left_out:
            console.print(f"    {row['url']}: {row['kind']} ({row['reason']})", markup=False, highlight=False)
    if result.empty_where_trafilatura_is_not:
        console.print("empty where trafilatura found text: " + " ".join(result.empty_where_trafilatura_is_not))
    for row in result.worst:
        console.print(
            f"[yellow]{row['url']}[/yellow] ({row['file']}): {row['blogarchive_wrong']} wrong "
            f"(trafilatura {row['trafilatura_wrong']})" + (f" · {row['error']}" if row["error"] else "")
        )
        for label in ("lost", "added"):
            for snippet in row[label][:3]:
                console.print(f"    {label}: {snippet[:100]}", markup=False, highlight=False)
