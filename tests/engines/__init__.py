"""Real static blog engines in the suite: Debian's Hugo, Jekyll, chronicle, nanoc and Pelican build the blogs whose
sources are in tests/sites/, served on 127.0.0.1 and crawled with the real CLI; truth is read from the sources, never
from the built HTML."""
