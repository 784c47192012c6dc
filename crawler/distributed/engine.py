"""The Celery app every role builds from the --broker URL: queues, task names, and the delivery guarantees.

Site jobs and write batches are Celery tasks acknowledged late (after they ran): a worker or writer that dies
before finishing one leaves it in the broker's 'unacked' set, and the broker hands it out again once
`visibility_timeout` (--redeliver-after) has passed since its delivery (kombu's Redis transport). The writer keeps
its own unacked set with a short timeout, so a killed writer's batch comes back within seconds of its restart,
while a long site crawl is never handed out twice because of the writer's setting. (A crawl process that dies
under a live worker is the worker's to see: crawler/distributed/worker.py.)
Messages are msgpack (bytes travel as they are; nothing is unpickled from the broker).
"""

from __future__ import annotations

from celery import Celery
from kombu.exceptions import OperationalError

from crawler.distributed.broker import check_broker_url
from crawler.errors import BrokerError

SITES_QUEUE = "blogarchive.sites"
WRITES_QUEUE = "blogarchive.writes"
CRAWL_TASK = "blogarchive.crawl_site"
WRITE_TASK = "blogarchive.write_batch"

SITE_REDELIVERY = 6 * 3600.0  # seconds: a site job whose worker vanished is handed out again after this
WRITE_REDELIVERY = 30.0  # seconds: the same for a batch whose writer vanished
RECEIPT_SECONDS = 7 * 24 * 3600  # a batch's receipt waits this long for the crawl that sent it
APPLIED_KEY = "blogarchive.writes.applied_count"  # how many batches the writer has applied (or skipped, applied before)


def receipt_key(batch_id: str) -> str:
    """Where the writer says that it applied a batch, for the crawl that sent it (crawler/distributed/outbox.py)."""
    return f"blogarchive.writes.applied:{batch_id}"


def make_app(broker: str, role: str = "sites", redeliver_after: float | None = None) -> Celery:
    """The app for `role`: "sites" (enqueuers and workers) or "writes" (crawls that relay, and the writer)."""
    writes = role == "writes"
    timeout = redeliver_after or (WRITE_REDELIVERY if writes else SITE_REDELIVERY)
    transport = {
        "visibility_timeout": timeout,
        # Look for abandoned messages every few seconds, not kombu's ~100 s.
        "unacked_restore_interval": max(1, min(10, int(timeout / 2))),
        "unacked_restore_throttle": 1,
        "socket_connect_timeout": 10,
        "socket_timeout": 30,
    }
    if writes:
        transport |= {key: f"blogarchive.writes.{key}" for key in ("unacked_key", "unacked_index_key")}
        transport["unacked_mutex_key"] = "blogarchive.writes.unacked_mutex"
    app = Celery("blogarchive", broker=check_broker_url(broker), set_as_current=False)
    app.conf.update(
        task_serializer="msgpack",
        accept_content=["msgpack"],
        task_ignore_result=True,
        task_acks_late=True,
        worker_prefetch_multiplier=1,
        task_default_queue=WRITES_QUEUE if writes else SITES_QUEUE,
        broker_transport_options=transport,
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,
        worker_cancel_long_running_tasks_on_connection_loss=False,
    )
    return app


def check_reachable(app: Celery, broker: str) -> None:
    """Two tries half a second apart, then BrokerError naming the broker (a service manager starts us again)."""
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0.5)
    except (OperationalError, OSError) as exc:
        raise BrokerError(f"cannot reach the broker at {broker} ({exc}); is Redis running there?") from exc
