"""The bundled sample blog that `blogarchive demo` crawls and the tests serve: its content (content.py and the JSON
in content/), its pages, feeds and theme files, and the HTTP server that answers with them."""
