"""The bundled sample blog that `blogarchive demo` crawls and the tests serve."""
