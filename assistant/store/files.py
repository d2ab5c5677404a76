"""Parley's files on disk are its owner's alone: folders 0700, the database and its WAL files 0600."""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
# names that mark a folder as one Parley made, so tightening it cannot touch someone else's folder
_OURS = ("parley.db", "chroma", "cache")


def private_dir(path: Path) -> Path:
    """Create the folder (and missing parents) readable by its owner only.

    A folder that already exists is tightened only when it is recognisably Parley's data folder
    and owned by this user; anything else (a shared folder someone pointed Parley at) is left as is.
    """
    if not path.exists():
        missing = [p for p in (path, *path.parents) if not p.exists()]
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        for p in missing:  # mkdir's mode is masked by the umask and does not apply to parents
            p.chmod(0o700)
        return path
    if _is_ours(path) and (path.stat().st_mode & 0o077):
        path.chmod(0o700)
    return path


def _is_ours(path: Path) -> bool:
    try:
        owned = path.stat().st_uid == os.getuid()
    except OSError:
        return False
    return owned and (path.name == ".parley" or any((path / n).exists() for n in _OURS))


def private_sqlite_file(db: Path) -> None:
    """Create the database file 0600 before SQLite opens it (SQLite gives its -wal and -shm files the
    same mode), and tighten a file and companions an older version left readable by others."""
    private_dir(db.parent)
    try:
        fd = os.open(db, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        pass
    else:
        os.close(fd)
    for path in (db, *(Path(f"{db}{suffix}") for suffix in SQLITE_COMPANIONS)):
        try:
            if path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o077:
                path.chmod(0o600)
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not make %s private (%s)", path, exc.strerror)
