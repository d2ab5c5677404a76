"""A Chroma index of the knowledge cards; search returns passages with their slug and a score."""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import chromadb
from chromadb.api.shared_system_client import SharedSystemClient
from chromadb.config import Settings as ChromaSettings

from assistant.config import Settings
from assistant.errors import ParleyError
from assistant.knowledge import Card, content_hash, load_cards
from assistant.retrieval.chroma_function import ParleyEmbeddingFunction
from assistant.retrieval.embedding import MiniLMEmbedder, shared_embedder

log = logging.getLogger(__name__)
COLLECTION = "parley_cards"
Progress = Callable[[str, float], None]


def chroma_settings() -> ChromaSettings:
    """The client settings every Parley Chroma client uses (one process must not mix settings per path)."""
    return ChromaSettings(anonymized_telemetry=False, allow_reset=True)


@dataclass(frozen=True)
class Passage:
    """One retrieved piece of a card."""

    slug: str
    title: str
    section: str
    text: str
    score: float


def card_passages(card: Card) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, text, metadata) for every passage of a card: summary, sections, each signal."""
    base = {"slug": card.slug, "title": card.title, "stage": card.stage, "impasse": card.impasse, "kind": card.kind}
    summary = f"{card.title}. " + " ".join(card.when)
    out: list[tuple[str, str, dict[str, Any]]] = [(f"{card.slug}#summary", summary, {**base, "section": "summary"})]
    for i, (name, text) in enumerate(card.sections().items()):
        out.append((f"{card.slug}#s{i}", f"{card.title}. {name}. {text}", {**base, "section": name}))
    for i, signal in enumerate(card.signals):
        out.append((f"{card.slug}#signal{i}", signal, {**base, "section": "signal"}))
    return out


class CardIndex:
    """The cards in a Chroma collection (persistent, in-memory, or on a Chroma server)."""

    def __init__(self, client: Any, settings: Settings, embedder: MiniLMEmbedder) -> None:
        self.settings = settings
        self.embedder = embedder
        self._client = client
        self._function = ParleyEmbeddingFunction(embedder)
        self._collection: Any = None

    @classmethod
    def open(
        cls,
        settings: Settings,
        embedder: MiniLMEmbedder | None = None,
        ephemeral: bool = False,
        progress: Progress | None = None,
    ) -> CardIndex:
        """Open the index named by settings, rebuilding it if cards changed or it is corrupt."""
        embedder = embedder or shared_embedder(settings.embedding_model_path, settings.tokenizer_dir)
        client_settings = chroma_settings()
        if ephemeral:
            client: Any = chromadb.EphemeralClient(settings=client_settings)
        elif settings.chroma_host:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=client_settings)
        else:
            settings.chroma_dir.mkdir(parents=True, exist_ok=True)
            try:
                client = chromadb.PersistentClient(path=str(settings.chroma_dir), settings=client_settings)
            except Exception as exc:  # a corrupt folder: wipe and start again
                log.warning("Chroma index at %s unreadable (%s); rebuilding", settings.chroma_dir, exc)
                # chromadb caches a client per path, the broken one included: forget it before retrying
                SharedSystemClient.clear_system_cache()
                shutil.rmtree(settings.chroma_dir, ignore_errors=True)
                settings.chroma_dir.mkdir(parents=True, exist_ok=True)
                client = chromadb.PersistentClient(path=str(settings.chroma_dir), settings=client_settings)
        index = cls(client, settings, embedder)
        index.ensure(progress=progress)
        return index

    def ensure(self, force: bool = False, progress: Progress | None = None) -> bool:
        """Make the collection match the cards; returns True if it was (re)built."""
        wanted = content_hash(self.settings.knowledge_dir)
        if not force:
            try:
                existing = self._client.get_collection(COLLECTION, embedding_function=self._function)
                meta = existing.metadata or {}
                if meta.get("content_hash") == wanted and existing.count() > 0:
                    self._collection = existing
                    return False
            except Exception as exc:  # missing or unreadable: rebuild below
                log.info("Card index needs a build: %s", exc)
        self.build(wanted, progress)
        return True

    def build(self, wanted: str | None = None, progress: Progress | None = None) -> float:
        """Rebuild the collection from the cards; returns seconds taken."""
        started = time.perf_counter()
        wanted = wanted or content_hash(self.settings.knowledge_dir)
        if progress:
            progress("Reading the knowledge cards", 0.0)
        cards = load_cards(self.settings.knowledge_dir)
        with contextlib.suppress(Exception):  # not there yet
            self._client.delete_collection(COLLECTION)
        collection = self._client.create_collection(
            COLLECTION,
            embedding_function=self._function,
            metadata={"content_hash": wanted, "hnsw:space": "cosine"},
        )
        rows = sorted((p for card in cards for p in card_passages(card)), key=lambda r: len(r[1]))
        step = 64
        for start in range(0, len(rows), step):
            chunk = rows[start : start + step]
            texts = [r[1] for r in chunk]
            collection.add(
                ids=[r[0] for r in chunk],
                documents=texts,
                metadatas=[r[2] for r in chunk],
                embeddings=self.embedder.embed(texts),
            )
            if progress:
                progress("Indexing the knowledge cards", min(1.0, (start + step) / len(rows)))
        self._collection = collection
        return time.perf_counter() - started

    @property
    def collection(self) -> Any:
        if self._collection is None:
            raise ParleyError("The card index is not open; run `parley index` to build it.")
        return self._collection

    def search(self, query: str, k: int = 8, where: dict[str, Any] | None = None) -> list[Passage]:
        """The k passages nearest in meaning to the query, best first."""
        if not query.strip():
            return []
        vector = self.embedder.embed_one(query)
        result = self.collection.query(
            query_embeddings=[vector],
            n_results=k,
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        passages: list[Passage] = []
        for doc, meta, dist in zip(result["documents"][0], result["metadatas"][0], result["distances"][0], strict=True):
            passages.append(
                Passage(
                    slug=str(meta["slug"]),
                    title=str(meta["title"]),
                    section=str(meta["section"]),
                    text=str(doc),
                    score=max(0.0, min(1.0, 1.0 - float(dist))),
                )
            )
        return passages
