"""The chat model factory and structured calls: ask for JSON, parse it into a typed object, or raise."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, TypeVar

import httpx2
from pydantic import BaseModel, SecretStr, ValidationError

from assistant.config import DEFAULT_MAX_TOKENS, Settings
from assistant.errors import ConfigError, UnparseableReply
from assistant.llm.transport import BoundedTransport

M = TypeVar("M", bound=BaseModel)
CHARS_PER_TOKEN = 6  # English averages about four; six leaves room without letting a reply run on


def make_chat_model(settings: Settings, streaming: bool = False) -> Any:
    """ChatOpenAI pointed at any OpenAI-compatible endpoint named by the settings."""
    if not settings.llm_configured:
        raise ConfigError("No LLM configured: set OPENAI_API_KEY or OPENAI_BASE_URL; using the built-in offline coach.")
    from langchain_openai import ChatOpenAI

    # an explicit streaming=False would make .stream() fall back to one whole reply, so only pass True
    extra: dict[str, Any] = {"streaming": True} if streaming else {}
    # retries happen in the transport, inside the one time budget (the client's own would wait on
    # every Retry-After up to two minutes)
    client = httpx2.Client(
        transport=BoundedTransport(settings.llm_timeout, settings.llm_retries),
        timeout=settings.llm_timeout,
        follow_redirects=True,
    )
    return ChatOpenAI(
        model=settings.model,
        base_url=settings.openai_base_url,
        api_key=SecretStr(settings.openai_api_key or "not-needed"),  # local servers ignore the key
        timeout=settings.llm_timeout,
        max_retries=0,
        max_completion_tokens=settings.llm_max_tokens,
        temperature=0.2,
        http_client=client,
        **extra,
    )


def reply_char_limit(model: Any) -> int:
    """The most characters Parley shows of one reply: the token limit at a generous characters per token."""
    tokens = getattr(model, "max_tokens", None)
    return (tokens if isinstance(tokens, int) and tokens > 0 else DEFAULT_MAX_TOKENS) * CHARS_PER_TOKEN


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.M)


def parse_json(text: str, schema: type[M]) -> M:
    """The first JSON object in a reply, validated against the schema; UnparseableReply otherwise."""
    body = _FENCE.sub("", text.strip())
    start = body.find("{")
    end = body.rfind("}")
    if start < 0 or end <= start:
        raise UnparseableReply("The model's reply held no JSON object.")
    try:
        data = json.loads(body[start : end + 1])
    except json.JSONDecodeError as exc:
        raise UnparseableReply(f"The model's reply was not valid JSON ({exc.msg}).") from exc
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise UnparseableReply(
            f"The model's reply did not have the expected shape ({exc.error_count()} problems)."
        ) from exc


def ask_json(model: Any, system: str, user: str, schema: type[M]) -> M:
    """One chat call asking for a JSON object; parsed and validated."""
    from langchain_core.messages import HumanMessage, SystemMessage

    bound = model.bind(response_format={"type": "json_object"})
    reply = bound.invoke([SystemMessage(content=system), HumanMessage(content=user)])
    content = reply.content if isinstance(reply.content, str) else json.dumps(reply.content)
    if not content.strip():
        raise UnparseableReply("The model returned an empty reply (it may have refused).")
    if len(content) > reply_char_limit(model):
        raise UnparseableReply("The model's reply was far longer than asked for.")
    return parse_json(content, schema)


def stream_text(model: Any, system: str, user: str, max_chars: int | None = None) -> Iterator[str]:
    """Stream a free-text reply chunk by chunk (for st.write_stream), cut with a note at the length limit."""
    from langchain_core.messages import HumanMessage, SystemMessage

    limit = max_chars or reply_char_limit(model)
    shown = 0
    chunks = model.stream([SystemMessage(content=system), HumanMessage(content=user)])
    try:
        for chunk in chunks:
            if not (isinstance(chunk.content, str) and chunk.content):
                continue
            if shown + len(chunk.content) > limit:
                yield chunk.content[: limit - shown]
                yield f"\n\n(The reply was cut here: it reached the limit of {limit:,} characters.)"
                return
            shown += len(chunk.content)
            yield chunk.content
    finally:
        chunks.close()  # hang up on the endpoint rather than let it keep sending


def describe_failure(exc: BaseException) -> str:
    """A short, human name for why an LLM call failed."""
    name = type(exc).__name__
    text = str(exc).lower()
    if isinstance(exc, UnparseableReply):
        return "the model's reply could not be used"
    if "timeout" in name.lower() or "timed out" in text:
        return "the model took too long to answer"
    if "ratelimit" in name.lower() or "429" in text or "rate limit" in text:
        return "the model's service is rate-limiting us"
    if "connection" in name.lower() or "connect" in text or "refused" in text:
        return "the model's server could not be reached"
    if "authentication" in name.lower() or "401" in text:
        return "the API key was refused"
    if "notfound" in name.lower() or "404" in text:
        return "the model name was not found on the server"
    if "internalserver" in name.lower() or re.search(r"\b5\d\d\b", text):
        return "the model's server had an error"
    return f"the model call failed ({name})"
