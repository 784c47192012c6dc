"""The archive's exceptions. Messages name the file and the fix."""


class ArchiveError(Exception):
    """The archive file cannot be used: unwritable, not SQLite, corrupt, or from a newer blogarchive."""


class FilterError(ValueError):
    """A filter is malformed (a date that is no ISO 8601 date), names nothing in the archive (a mistyped site),
    or does not apply to the chosen table. The message names the option and what would work."""
