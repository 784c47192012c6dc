"""`blogarchive serve`: the archive in Datasette, live and read-only for the web."""

from __future__ import annotations

import errno
import json
import signal
import socket
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import click

from archive import Archive, ArchiveError, schema
from archive.migrations import schema_version
from crawler.cli.options import DB_OPTION, InputError, open_readonly

PLUGIN_FACETS = {"person"}  # facet types archive/datasette_plugins/ adds; plain Datasette knows none of them
# Cells longer than this show cut short in table pages ("…"); a row's own page shows them whole.
CELL_CHARACTERS = 200


@click.command()
@DB_OPTION
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option(
    "--metadata-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Only write the descriptions, canned queries and facets serve shows to this file, for plain"
    " `datasette ARCHIVE -m FILE`, and exit.",
)
def serve(db: Path, port: int, host: str, metadata_file: Path | None) -> None:
    """Browse the archive in Datasette: live (what a running crawl commits shows on reload), read-only for the
    web, with full-text search and snippets, descriptions, facets (authors by person), charts and canned queries."""
    if metadata_file:
        _write_plain_metadata(db, metadata_file)
        return
    immutable = _upgrade(db)
    _check_port(host, port)
    archive_files = resources.files("archive")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(datasette_metadata(db.stem), handle)
    # Not immutable (-i): Datasette then reads the file through read-only connections (mode=ro) that see every
    # commit, and writes only for write canned queries or plugins, which blogarchive has none of. Immutable only
    # where a read-only connection cannot open it (a WAL file on a read-only file system: archive/readonly.py).
    command = [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        *(["-i"] if immutable else []),
        str(db),
        "--metadata",
        handle.name,
        "--plugins-dir",
        str(archive_files.joinpath("datasette_plugins")),
        "--host",
        host,
        "--port",
        str(port),
        "--setting",
        "truncate_cells_html",
        str(CELL_CHARACTERS),
    ]
    server = subprocess.Popen(command)
    # A service manager stops us with SIGTERM, which reaches only this process: pass it on, or Datasette outlives
    # us. Ctrl-C reaches both (one process group), so we just wait for Datasette to finish.
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        sys.exit(server.wait())
    except KeyboardInterrupt:
        sys.exit(server.wait())
    finally:
        Path(handle.name).unlink(missing_ok=True)


def datasette_metadata(database: str, plugin: bool = True) -> dict[str, Any]:
    """The metadata of archive/datasette_metadata.json for the database Datasette names `database` (the file's
    name without .db). Without `plugin` (plain Datasette): no facet of a type blogarchive's plugin adds."""
    text = resources.files("archive").joinpath("datasette_metadata.json").read_text("utf-8")
    metadata = json.loads(text)
    settings = metadata["databases"].pop("*")
    if not plugin:
        for table in settings["tables"].values():
            if "facets" in table:
                table["facets"] = [f for f in table["facets"] if not (isinstance(f, dict) and set(f) & PLUGIN_FACETS)]
    metadata["databases"] = {database: settings}
    return metadata


def _write_plain_metadata(db: Path, out: Path) -> None:
    open_readonly(db).close()  # one line for a missing or foreign file, as serve itself
    try:
        out.write_text(json.dumps(datasette_metadata(db.stem, plugin=False), ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        raise InputError(f"--metadata-file {out}: cannot write it ({exc.strerror}); give a writable path") from exc
    click.echo(f"wrote {out}; use it with: datasette {db} -m {out}", err=True)


def _check_port(host: str, port: int) -> None:
    """Bind HOST:PORT for a moment, as Datasette's server will (SO_REUSEADDR too): a port another program holds, or
    an address this machine does not have, is one line before Datasette starts, not its log and exit status 3."""
    if port == 0:
        return  # any free port
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, protocol) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        why = "the port is in use" if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
        raise click.ClickException(f"cannot serve on {host}:{port}: {why}; give another --port or --host") from None


def _upgrade(db: Path) -> bool:
    """Bring an archive from an older blogarchive to the current schema first: Datasette finds the full-text
    index only as schema version 4 declares it. A current archive is only read. True when it can be read only as
    an immutable file (archive/readonly.py)."""
    conn = open_readonly(db)
    outdated = schema_version(conn) < len(schema.MIGRATIONS)
    immutable = conn.immutable
    conn.close()
    if outdated:
        try:
            Archive(db).close()
        except ArchiveError as exc:
            raise click.ClickException(str(exc)) from exc
    return immutable
