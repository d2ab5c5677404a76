"""`parley app`: start the Streamlit app on the embedded default."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from assistant.config import Settings

APP = Path(__file__).resolve().parent / "app.py"


def launch(settings: Settings, host: str = "localhost", port: int = 8501) -> int:
    """Build the card index first (with progress), then run Streamlit in the foreground."""
    from assistant.retrieval.index import CardIndex

    def progress(msg: str, frac: float) -> None:
        print(f"\r{msg}: {frac:4.0%}", end="", file=sys.stderr, flush=True)

    CardIndex.open(settings, progress=progress)
    print(file=sys.stderr)
    print(f"Parley is starting at http://{host}:{port}  (Ctrl+C to stop)", flush=True)
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.address",
        host,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        "--client.toolbarMode",
        "minimal",
    ]
    env = {**os.environ, "PYTHONPATH": str(APP.parent.parent.parent)}
    # become Streamlit rather than wait on it: a stop signal to `parley app` then reaches the server
    # itself, and no orphaned server is left holding the port
    os.execve(sys.executable, cmd, env)
    return 0  # not reached
