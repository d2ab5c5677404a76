from pathlib import Path

import chromadb

from assistant.config import Settings
from assistant.retrieval.embedding import MiniLMEmbedder
from assistant.retrieval.index import COLLECTION, CardIndex, chroma_settings


def test_search_returns_passages_with_slug_title_score(settings: Settings, embedder: MiniLMEmbedder) -> None:
    index = CardIndex.open(settings, embedder, ephemeral=True)
    hits = index.search("he stormed out of the meeting and won't come back", k=5)
    assert hits and all(h.slug and h.title and 0.0 <= h.score <= 1.0 for h in hits)
    assert hits == sorted(hits, key=lambda h: -h.score)
    assert "assess-walkout" in {h.slug for h in hits}


def test_persistent_index_rebuilds_only_when_cards_change(tmp_path: Path, embedder: MiniLMEmbedder) -> None:
    knowledge = tmp_path / "knowledge"
    (knowledge / "cards").mkdir(parents=True)
    src = Path(__file__).resolve().parent.parent / "knowledge" / "cards"
    for name in ("apologize.md", "gracious-move.md"):
        (knowledge / "cards" / name).write_text((src / name).read_text())
    s = Settings.from_env({"PARLEY_DATA_DIR": str(tmp_path / "data"), "PARLEY_KNOWLEDGE_DIR": str(knowledge)})
    index = CardIndex.open(s, embedder)
    assert index.ensure() is False  # same cards: nothing to do
    (knowledge / "cards" / "apologize.md").write_text((src / "apologize.md").read_text() + "\nMore.\n")
    assert index.ensure() is True
    client = chromadb.PersistentClient(path=str(s.chroma_dir), settings=chroma_settings())
    assert client.get_collection(COLLECTION).count() == index.collection.count()


def test_corrupt_index_folder_is_rebuilt(tmp_path: Path, embedder: MiniLMEmbedder) -> None:
    s = Settings.from_env({"PARLEY_DATA_DIR": str(tmp_path)})
    s.chroma_dir.mkdir(parents=True)
    (s.chroma_dir / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    index = CardIndex.open(s, embedder)
    assert index.search("apology", k=1)
