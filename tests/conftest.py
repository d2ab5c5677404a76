"""Shared fixtures: settings in a temporary data folder, and one real offline coach per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings


@pytest.fixture(scope="session")
def session_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("parley-data")


@pytest.fixture(scope="session")
def settings(session_data_dir: Path) -> Settings:
    return Settings.from_env({"PARLEY_DATA_DIR": str(session_data_dir)})


@pytest.fixture(scope="session")
def embedder():  # type: ignore[no-untyped-def]
    from assistant.retrieval.embedding import MiniLMEmbedder

    return MiniLMEmbedder()


@pytest.fixture(scope="session")
def coach(settings: Settings, embedder):  # type: ignore[no-untyped-def]
    from assistant.coach import OfflineCoach

    return OfflineCoach(settings, embedder=embedder)


@pytest.fixture()
def knowledge_dir() -> Path:
    return PROJECT_ROOT / "knowledge"
