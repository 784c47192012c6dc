"""The hostile tests' world: the blog, another port of the same machine ("another host") and the proxy sink."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.hostile.servers import Server, serve


@pytest.fixture
def world() -> Iterator[tuple[Server, Server, Server]]:
    with serve(Server()) as blog, serve(Server()) as other, serve(Server()) as sink:
        yield blog, other, sink
