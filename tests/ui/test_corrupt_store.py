"""A damaged database file: whoever opens a page reads what happened and what to do, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assistant.config import PROJECT_ROOT
from tests.ui.test_pages import _plain

APP = str(PROJECT_ROOT / "assistant" / "ui" / "app.py")


@pytest.fixture()
def corrupt_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session_data_dir: Path) -> Iterator[Path]:
    db = tmp_path / "parley.db"
    db.write_bytes(b"not a database: half a shopping list\n" * 300)
    monkeypatch.setenv("PARLEY_DATA_DIR", str(session_data_dir))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    st.cache_resource.clear()
    yield db
    st.cache_resource.clear()


def _shown(at: AppTest) -> str:
    return "\n".join(_plain(e.value) for e in at.error)


def test_a_party_link_names_the_damaged_file(corrupt_db: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["t"] = "x" * 43
    at.run()
    assert not at.exception
    assert str(corrupt_db) in _shown(at) and "move it aside" in _shown(at)


def test_the_prepare_page_names_the_damaged_file(corrupt_db: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=120).run()
    next(b for b in at.button if b.label == "Start preparing").click().run()
    assert not at.exception, at.exception
    assert str(corrupt_db) in _shown(at) and "move it aside" in _shown(at)
    assert "Traceback" not in _shown(at)
