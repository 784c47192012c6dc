"""The README's Quick start on a machine as it comes: scripts/venv.sh makes its own virtual environment (a system
Python may refuse `pip install`, PEP 668), installs the requirements into it once, and runs the command there."""

from __future__ import annotations

import os
import subprocess

from tests.conftest import REPO


def _venv_sh(venv, *command: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONHOME")}
    return subprocess.run(
        ["bash", str(REPO / "scripts" / "venv.sh"), *command],
        env={**environment, "BLOGARCHIVE_VENV": str(venv)},
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_the_quick_start_makes_a_virtual_environment_installs_into_it_once_and_runs_there(tmp_path):
    venv = tmp_path / "venv"
    first = _venv_sh(venv, "blogarchive", "--version")
    assert first.returncode == 0, first.stderr
    assert "installing requirements.txt into" in first.stderr and "blogarchive" in first.stdout
    assert "include-system-site-packages = false" in (venv / "pyvenv.cfg").read_text()  # its own packages only

    again = _venv_sh(venv, "python", "-c", "import sys, scrapy, trafilatura; print(sys.prefix)")
    assert again.returncode == 0 and again.stdout.strip() == str(venv), again.stderr
    assert "installing" not in again.stderr  # installed once

    missing = _venv_sh(venv, "no-such-command")
    assert missing.returncode == 2 and missing.stderr.startswith("no command no-such-command in ")
