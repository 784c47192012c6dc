"""sqlite-utils' view of an archive connection: the tables, columns and foreign keys the schema has, the
full-text index it declares, small reads and writes by table name, and the migrations `table.transform()` makes.

One `sqlite_utils.Database` wraps the archive's own `sqlite3` connection, so its writes join the transaction that is
open (sqlite-utils 4 writes in a savepoint then), and a crawl's unit of work stays one unit. Two of its defaults are
turned off: recursive triggers (the archive's triggers are written for SQLite's default, where a REPLACE does not
fire delete triggers) and plugins (a connection is the same whatever else is installed).
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database


def database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils over `conn`, executing nothing on it."""
    return Database(conn, recursive_triggers=False, execute_plugins=False)
