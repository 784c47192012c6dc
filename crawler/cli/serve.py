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

import click

from archive import Archive, ArchiveError, schema
from archive.migrations import schema_version
from crawler.cli.options import DB_OPTION, open_readonly

# Cells longer than this show cut short in table pages ("…"); a row's own page shows them whole.
CELL_CHARACTERS = 200


@click.command()
@DB_OPTION
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(db: Path, port: int, host: str) -> None:
    """Browse the archive in Datasette: live (what a running crawl commits shows on reload), read-only for the
    web, with full-text search, descriptions, facets (authors by person) and canned queries."""
    immutable = _upgrade(db)
    _check_port(host, port)
    archive_files = resources.files("archive")
    metadata = json.loads(archive_files.joinpath("datasette_metadata.json").read_text("utf-8"))
    metadata["databases"] = {db.stem: metadata["databases"]["*"]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(metadata, handle)
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
