"""Prompts are files in prompts/; placeholders ($value) are rendered strictly."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from string import Template

from assistant.errors import PromptError


@lru_cache(maxsize=64)
def _load(folder: Path, name: str) -> Template:
    path = folder / f"{name}.md"
    if not path.is_file():
        raise PromptError(f"Prompt file {path} is missing; it ships with the repository's prompts/ folder.")
    return Template(path.read_text(encoding="utf-8"))


def render(folder: Path, name: str, **values: object) -> str:
    """Fill a prompt file; a missing value is an error, never an empty string."""
    template = _load(folder, name)
    try:
        return template.substitute({k: str(v) for k, v in values.items()})
    except KeyError as exc:
        raise PromptError(f"Prompt {name!r} needs a value for {exc.args[0]!r}.") from exc


def user_data(text: str) -> str:
    """Text from a person, made safe to sit between the <user_data> delimiters."""
    return text.replace("<user_data>", "(user_data)").replace("</user_data>", "(/user_data)")
