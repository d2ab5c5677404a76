"""Stopping a server a test started, on a machine that may be busy."""

from __future__ import annotations

import subprocess


def stop(proc: subprocess.Popen[bytes], grace: float = 30.0) -> None:
    """Ask the process to stop, give it ``grace`` seconds (a busy server may be mid-reply), then kill it.

    Teardown is cleanup, not a check: a server slow to exit on a loaded machine must not fail the run."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
