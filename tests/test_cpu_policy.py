"""The crawl's process runs under SCHED_BATCH while extraction processes run; the extraction processes do not."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest

from crawler.extraction_pool.cpu_policy import enter_batch_policy, leave_batch_policy
from crawler.extraction_pool.worker import start_worker

pytestmark = pytest.mark.skipif(not hasattr(os, "sched_setscheduler"), reason="Linux CPU policies")


def thread_policies() -> set[int]:
    """The policies of all of this process's threads (run in an extraction process)."""
    return {os.sched_getscheduler(int(thread)) for thread in os.listdir("/proc/self/task")}


def test_entering_puts_every_thread_under_batch_and_leaving_restores_the_default():
    assert thread_policies() == {os.SCHED_OTHER}
    try:
        assert enter_batch_policy() is True
        assert thread_policies() == {os.SCHED_BATCH}
        assert enter_batch_policy() is False  # not ours to undo later: it was batch already
    finally:
        leave_batch_policy()
    assert thread_policies() == {os.SCHED_OTHER}


@pytest.mark.parametrize("leave_batch", [True, False])
def test_extraction_processes_started_under_batch_leave_it_when_told(leave_batch: bool):
    assert enter_batch_policy()
    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, context, initializer=start_worker, initargs=(os.getpid(), leave_batch)) as pool:
            policies = pool.submit(thread_policies).result(timeout=60)
    finally:
        leave_batch_policy()
    assert policies == ({os.SCHED_OTHER} if leave_batch else {os.SCHED_BATCH})
