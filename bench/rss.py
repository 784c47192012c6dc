"""Peak resident memory of a process and all its descendants, sampled from /proc (Linux); and their CPU time."""

from __future__ import annotations

import os
import threading
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def tree_pids(pid: int) -> list[int]:
    """The process and its descendants alive now."""
    pids, stack = [], [pid]
    while stack:
        current = stack.pop()
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
        pids.append(current)
    return pids


def tree_rss_bytes(pid: int) -> int:
    total = 0
    for current in tree_pids(pid):
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:"))
        except (OSError, StopIteration, ValueError):
            continue
    return total


class PeakSampler:
    """Samples a process tree's RSS every `interval` seconds in a thread until stopped."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        self.peak = max(self.peak, tree_rss_bytes(self.pid))


class TreeSampler(PeakSampler):
    """Also the CPU time (user + system) of every process of the tree, split into Python's processes and the
    others (a browser's: Playwright's node driver, Chromium's processes).

    Each process's own time is read from /proc/PID/stat at every sample, its last reading kept: a process's last
    `interval` before it ends is not counted, nor a process that lives less than that.
    """

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(pid, interval)
        self.seen: dict[tuple[int, int], tuple[str, float]] = {}  # (pid, start tick): (command, CPU seconds)

    def sample(self) -> None:
        super().sample()
        for current in tree_pids(self.pid):
            try:
                stat = Path(f"/proc/{current}/stat").read_text()
            except OSError:
                continue
            command = stat[stat.index("(") + 1 : stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2 :].split()  # from the state on: utime is the 12th, stime the 13th
            self.seen[(current, int(fields[19]))] = (command, (int(fields[11]) + int(fields[12])) / TICKS)

    def usage(self) -> dict[str, float]:
        """CPU seconds and processes seen, Python's and the others'."""
        python = [cpu for command, cpu in self.seen.values() if command.startswith("python")]
        other = [cpu for command, cpu in self.seen.values() if not command.startswith("python")]
        return {
            "cpu_python_s": sum(python),
            "cpu_browser_s": sum(other),
            "python_processes": len(python),
            "browser_processes": len(other),
        }
