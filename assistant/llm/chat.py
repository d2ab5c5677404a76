"""The chat model factory and structured calls: ask for JSON, parse it into a typed object, or raise."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, SecretStr, ValidationError

from assistant.config import Settings
from assistant.errors import ConfigError, UnparseableReply

M = TypeVar("M", bound=BaseModel)


def make_chat_model(settings: Settings, streaming: bool = False) -> Any:
    """ChatOpenAI pointed at any OpenAI-compatible endpoint named by the settings."""
    if not settings.llm_configured:
        raise ConfigError("No LLM configured: set OPENAI_API_KEY or OPENAI_BASE_URL; using the built-in offline coach.")
    from langchain_openai import ChatOpenAI

    # an explicit streaming=False would make .stream() fall back to one whole reply, so only pass True
    extra: dict[str, Any] = {"streaming": True} if streaming else {}
    return ChatOpenAI(
        model=settings.model,
        base_url=settings.openai_base_url,
        api_key=SecretStr(settings.openai_api_key or "not-needed"),  # local servers ignore the key
        timeout=settings.llm_timeout,
        max_retries=settings.llm_retries,
        temperature=0.2,
        **extra,
    )


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
    return parse_json(content, schema)


def stream_text(model: Any, system: str, user: str) -> Iterator[str]:
    """Stream a free-text reply chunk by chunk (for st.write_stream)."""
    from langchain_core.messages import HumanMessage, SystemMessage

    for chunk in model.stream([SystemMessage(content=system), HumanMessage(content=user)]):
        if isinstance(chunk.content, str) and chunk.content:
            yield chunk.content


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
