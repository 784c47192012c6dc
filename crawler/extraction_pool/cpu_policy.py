"""The crawl's own process lets a running extraction process finish its time slice before it takes the core.

The reactor thread (downloads, link scanning, archive writes) wakes for every few network events. Under Linux's
default policy, a thread that slept is treated as interactive: its wake-up preempts a running extraction process at
once, handles a few events, and sleeps again. On 2 cores, a crawl of 3,300 pages woke it ~5,500 times and preempted
the extraction processes ~19,000 times. Under SCHED_BATCH a wake-up waits for the running process's slice to end:
the reactor then handles more events per wake-up, and the extraction processes are interrupted half as often. Its
share of the CPU is unchanged (the same weight as any normal process), and with a core free it runs at once, as
before. Linux only; elsewhere, or where a sandbox forbids it, the policy is left as it is.
"""

from __future__ import annotations

import contextlib
import logging
import os

logger = logging.getLogger(__name__)


def enter_batch_policy() -> bool:
    """Put this process's threads under SCHED_BATCH (threads and processes started later inherit it); True if
    this changed the policy."""
    try:
        if os.sched_getscheduler(0) != os.SCHED_OTHER:
            return False  # already batch, or a policy someone chose on purpose (chrt): theirs stands
        _set_policy(os.SCHED_BATCH)
    except (AttributeError, OSError) as exc:  # not Linux, or not allowed here
        logger.debug("SCHED_BATCH not available (%s); the crawl runs under the default CPU policy", exc)
        return False
    return True


def leave_batch_policy() -> None:
    """Back to the default policy (SCHED_OTHER) for this process's threads."""
    try:
        _set_policy(os.SCHED_OTHER)
    except (AttributeError, OSError) as exc:
        logger.debug("could not leave SCHED_BATCH (%s)", exc)


def _set_policy(policy: int) -> None:
    """The policy is per thread on Linux; libraries start threads of their own (one does in the extraction
    processes, on import)."""
    os.sched_setscheduler(0, policy, os.sched_param(0))  # the calling thread, the one that matters
    try:
        threads = os.listdir("/proc/self/task")
    except OSError:
        return  # no /proc
    for thread in threads:
        with contextlib.suppress(ProcessLookupError):  # ended meanwhile
            os.sched_setscheduler(int(thread), policy, os.sched_param(0))
