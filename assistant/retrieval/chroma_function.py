"""The offline embedding as a Chroma embedding function."""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from assistant.retrieval.embedding import MODEL_ID, MiniLMEmbedder, shared_embedder


@register_embedding_function
class ParleyEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma embedding function backed by :class:`MiniLMEmbedder` (no download, no network)."""

    def __init__(self, embedder: MiniLMEmbedder | None = None) -> None:
        self._embedder = embedder or shared_embedder()

    def __call__(self, input: Documents) -> Embeddings:
        return list(self._embedder.embed(list(input)))

    @staticmethod
    def name() -> str:
        return "parley-minilm-int8"

    def default_space(self) -> Any:
        return "cosine"

    def get_config(self) -> dict[str, Any]:
        return {"model_id": MODEL_ID}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ParleyEmbeddingFunction:
        return ParleyEmbeddingFunction()
