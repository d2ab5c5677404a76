"""`parley app`: start the Streamlit app on the embedded default."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from assistant.config import Settings
from assistant.network import reachable_urls

APP = Path(__file__).resolve().parent / "app.py"


def launch(settings: Settings, host: str = "localhost", port: int = 8501) -> int:
    """Open the store and build the card index first (with progress), then run Streamlit in the foreground."""
    from assistant.retrieval.index import CardIndex
    from assistant.session import check_store

    def progress(msg: str, frac: float) -> None:
        print(f"\r{msg}: {frac:4.0%}", end="", file=sys.stderr, flush=True)

    check_store(settings.database_url)  # a damaged database is named before serving
    CardIndex.open(settings, progress=progress)
    print(file=sys.stderr)
    local, network = reachable_urls(host, port)
    env = {**os.environ, "PYTHONPATH": str(APP.parent.parent.parent)}
    print(f"Parley is starting. On this machine: {local}", flush=True)
    for url in network:
        print(f"  From another device on your network: {url}", flush=True)
    if network and not settings.public_url:
        # invite links must work on the other person's device, whichever address the host opened
        env["PARLEY_PUBLIC_URL"] = network[0]
    if settings.public_url or network:
        print(f"  Invite links start with: {settings.public_url or network[0]}", flush=True)
    print("  (Ctrl+C to stop)", flush=True)
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
        "--client.showErrorDetails",
        "type",  # an unexpected error's traceback goes to this console, never to whoever opened a link
    ]
    # become Streamlit rather than wait on it: a stop signal to `parley app` then reaches the server
    # itself, and no orphaned server is left holding the port
    os.execve(sys.executable, cmd, env)
    return 0  # not reached
