"""Settings: the only place Parley reads the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from assistant.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_MAX_TOKENS = 1024


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not a number; set it to e.g. {default}.") from exc
    if value < 0:
        raise ConfigError(f"{name} must not be negative; set it to e.g. {default}.")
    return value


def _public_url(raw: str) -> str | None:
    """PARLEY_PUBLIC_URL: an http(s) address with a host, without a query; trailing slash dropped."""
    raw = raw.strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ConfigError(
            f"PARLEY_PUBLIC_URL={raw!r} is not an address people can open; "
            "set it to e.g. https://parley.example.org or http://192.168.1.20:8501."
        )
    return raw.rstrip("/")


@dataclass(frozen=True)
class Settings:
    """Everything configurable about Parley, read once from the environment."""

    data_dir: Path
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    database_url: str = ""
    chroma_path: Path | None = None
    chroma_host: str | None = None
    chroma_port: int = 8000
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    model: str = DEFAULT_MODEL
    llm_timeout: float = 20.0
    llm_retries: int = 1
    llm_max_tokens: int = DEFAULT_MAX_TOKENS
    public_url: str | None = None  # the address other people's devices reach the app at
    embedding_model_path: Path | None = None
    tokenizer_dir: Path | None = None
    real_data_path: Path | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def llm_configured(self) -> bool:
        """True when an OpenAI-compatible endpoint is configured (a key or a base URL)."""
        return bool(self.openai_api_key or self.openai_base_url)

    @property
    def cache_dir(self) -> Path:
        """Where derived files (trained classifier, embeddings cache) live."""
        return self.data_dir / "cache"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read settings from the environment (or a given mapping, for tests)."""
        env = os.environ if env is None else env
        data_dir = Path(env.get("PARLEY_DATA_DIR") or (Path.cwd() / ".parley")).expanduser()
        knowledge = Path(env.get("PARLEY_KNOWLEDGE_DIR") or (PROJECT_ROOT / "knowledge"))
        prompts = Path(env.get("PARLEY_PROMPTS_DIR") or (PROJECT_ROOT / "prompts"))
        db = env.get("DATABASE_URL") or f"sqlite:///{data_dir / 'parley.db'}"
        port_raw = env.get("CHROMA_PORT", "8000").strip() or "8000"
        if not port_raw.isdigit():
            raise ConfigError(f"CHROMA_PORT={port_raw!r} is not a port number; set e.g. 8000.")
        retries = _float(env, "PARLEY_LLM_RETRIES", 1)
        max_tokens = _float(env, "PARLEY_LLM_MAX_TOKENS", DEFAULT_MAX_TOKENS)
        if max_tokens < 1:
            raise ConfigError(f"PARLEY_LLM_MAX_TOKENS must be at least 1; set it to e.g. {DEFAULT_MAX_TOKENS}.")
        model_path = env.get("PARLEY_EMBEDDING_MODEL")
        public_url = _public_url(env.get("PARLEY_PUBLIC_URL", ""))
        tok_dir = env.get("PARLEY_TOKENIZER_DIR")
        return cls(
            data_dir=data_dir,
            knowledge_dir=knowledge,
            prompts_dir=prompts,
            database_url=db,
            chroma_path=Path(env["PARLEY_CHROMA_PATH"]) if env.get("PARLEY_CHROMA_PATH") else None,
            chroma_host=env.get("CHROMA_HOST") or None,
            chroma_port=int(port_raw),
            openai_api_key=env.get("OPENAI_API_KEY") or None,
            openai_base_url=env.get("OPENAI_BASE_URL") or None,
            model=env.get("PARLEY_MODEL") or DEFAULT_MODEL,
            llm_timeout=_float(env, "PARLEY_LLM_TIMEOUT", 20.0),
            llm_retries=int(retries),
            llm_max_tokens=int(max_tokens),
            public_url=public_url,
            embedding_model_path=Path(model_path) if model_path else None,
            tokenizer_dir=Path(tok_dir) if tok_dir else None,
            real_data_path=Path(env["PARLEY_REAL_DATA"]).expanduser() if env.get("PARLEY_REAL_DATA") else None,
        )

    @property
    def real_data_dir(self) -> Path:
        """Prepared real public conversations and labelled messages (evals/real_data.py), kept out of the
        repository: PARLEY_REAL_DATA, else the shared folder beside the checkout, else the data folder."""
        if self.real_data_path is not None:
            return self.real_data_path
        shared = PROJECT_ROOT.parent / "shared" / "parley-realdata"
        return shared if shared.is_dir() else self.data_dir / "realdata"

    @property
    def chroma_dir(self) -> Path:
        """The folder of the persistent local Chroma index."""
        return self.chroma_path or (self.data_dir / "chroma")
