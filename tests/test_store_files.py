"""The SQLite file on disk: private to its owner, nothing left of a deleted session, a clear word when corrupt."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT
from assistant.errors import ParleyError
from assistant.store import Repository
from assistant.store.repository import Tx

SECRETS = {
    "title": "Zanzibar-lease-dispute",
    "notes": "QUOKKA-private: I would accept 1,900 a month",
    "goal": "PANGOLIN-goal keep the garden",
    "message": "NARWHAL-message can we split the repair bill",
}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _seed(repo: Repository) -> int:
    links = repo.create_session(SECRETS["title"], ["Ana", "Ben"])
    sid = links.session_id
    pid = repo.resolve(links.party_tokens["Ana"]).party_id
    assert pid is not None

    def seed(tx: Tx) -> None:
        tx.set_party(pid, private_notes=SECRETS["notes"])
        tx.put_goal(pid, SECRETS["goal"])
        tx.put_message(pid, SECRETS["message"], "open", 0.1, client_key="k1")

    repo.atomic(sid, seed)
    return sid


def _raw(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (db, Path(f"{db}-wal")) if p.exists())


def test_a_deleted_session_is_not_readable_in_the_file_or_its_wal(tmp_path: Path) -> None:
    db = tmp_path / "parley.db"
    repo = Repository.from_url(f"sqlite:///{db}")
    keep = repo.create_session("Kept-session-title", ["C", "D"])
    sid = _seed(repo)
    raw = _raw(db)
    assert all(s.encode() in raw for s in SECRETS.values())  # the test can see the text when it is there
    repo.atomic(sid, lambda tx: tx.delete_session())  # the store's delete, as the service calls it
    raw = _raw(db)  # while the app still runs: the engine and its pool stay open
    for name, secret in SECRETS.items():
        assert secret.encode() not in raw, f"the deleted session's {name} is still in the file"
    assert b"Kept-session-title" in raw
    assert repo.load(keep.session_id).title == "Kept-session-title"


def test_the_data_folder_and_database_files_are_private(tmp_path: Path) -> None:
    data = tmp_path / "fresh" / ".parley"
    db = data / "parley.db"
    repo = Repository.from_url(f"sqlite:///{db}")
    _seed(repo)
    assert _mode(data) == 0o700
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        assert path.exists(), path
        assert _mode(path) == 0o600, f"{path.name} is {oct(_mode(path))}"


def test_a_database_left_readable_by_an_older_version_is_tightened(tmp_path: Path) -> None:
    db = tmp_path / "parley.db"
    Repository.from_url(f"sqlite:///{db}").engine.dispose()
    for path in tmp_path.iterdir():
        path.chmod(0o644)
    repo = Repository.from_url(f"sqlite:///{db}")
    _seed(repo)
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        assert _mode(path) == 0o600, f"{path.name} is {oct(_mode(path))}"


@pytest.mark.parametrize("damage", ["garbage", "torn"])
def test_a_corrupt_database_names_the_file_and_what_to_do(tmp_path: Path, damage: str) -> None:
    db = tmp_path / "parley.db"
    if damage == "garbage":
        db.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    else:
        repo = Repository.from_url(f"sqlite:///{db}")
        _seed(repo)
        repo.engine.dispose()
        data = bytearray(db.read_bytes())
        data[100:4096] = os.urandom(4096 - 100)  # the schema page torn
        db.write_bytes(bytes(data))
    with pytest.raises(ParleyError) as caught:
        Repository.from_url(f"sqlite:///{db}").load(1)
    message = str(caught.value)
    assert str(db) in message and "move it aside" in message and "backup" in message
    assert "Traceback" not in message and "sqlite3" not in message


def test_the_cli_says_the_database_is_corrupt_without_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "parley.db"
    db.write_bytes(b"\x00garbage" * 1000)
    env = {**os.environ, "PARLEY_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{db}"}
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)
    r = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "doctor"], capture_output=True, env=env, cwd=PROJECT_ROOT, timeout=120
    )
    out = (r.stdout + r.stderr).decode()
    assert r.returncode != 0
    assert str(db) in out and "move it aside" in out
    assert "Traceback" not in out
