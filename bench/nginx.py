"""nginx from Debian serving a folder on 127.0.0.1: a static server fast enough never to be the bottleneck.

`nginx_server()` installs nginx-light with apt-get when it is missing (the benchmark's only system package),
writes a minimal config into a temporary prefix and runs nginx in the foreground until the block exits.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CONFIG = """
worker_processes 1;
daemon off;
user root;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    types {{ application/gzip gz; }}
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
        location / {{ try_files $uri $uri/ =404; }}
    }}
}}
"""


def ensure_nginx() -> str:
    """The nginx binary, installed from Debian's packages if it is not there yet."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if found:
        return found
    print("nginx not found: installing Debian's nginx-light (apt-get) …", flush=True)
    install = ["apt-get", "install", "-y", "-q", "nginx-light"]
    if subprocess.run(install, stdout=subprocess.DEVNULL).returncode != 0:  # a fresh machine may have no lists yet
        subprocess.run(["apt-get", "update", "-q"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(install, check=True, stdout=subprocess.DEVNULL)
    found = shutil.which("nginx", path="/usr/sbin:/usr/bin")
    if not found:
        raise RuntimeError("apt-get installed nginx-light but no nginx binary is on the PATH")
    return found


@contextmanager
def nginx_server(root: Path, port: int) -> Iterator[str]:
    """Serve `root` with nginx on 127.0.0.1:`port`; yields the base URL. The server stops when the block exits."""
    binary = ensure_nginx()
    with tempfile.TemporaryDirectory(prefix="blogarchive-nginx-") as prefix:
        config = Path(prefix) / "nginx.conf"
        config.write_text(CONFIG.format(prefix=prefix, port=port, root=root.resolve()))
        process = subprocess.Popen([binary, "-p", prefix, "-c", str(config)], stderr=subprocess.PIPE)
        try:
            _wait_for(port, process)
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited: {process.stderr.read().decode(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on 127.0.0.1:{port} within 15 s")
