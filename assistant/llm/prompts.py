"""Prompts are files in prompts/; placeholders ($value) are rendered strictly."""

from __future__ import annotations

import re
import unicodedata
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


# characters a model may read as <, >, / or a Latin letter of "user_data" (NFKC already folds the
# fullwidth and small forms)
_LOOKALIKES = str.maketrans(
    {
        "\u2039": "<",  # single left angle quotation mark
        "\u3008": "<",  # CJK angle brackets
        "\u2329": "<",
        "\u27e8": "<",  # mathematical angle brackets
        "\u02c2": "<",  # modifier letter arrowheads
        "\u1438": "<",  # Canadian syllabics
        "\u203a": ">",
        "\u3009": ">",
        "\u232a": ">",
        "\u27e9": ">",
        "\u02c3": ">",
        "\u1433": ">",
        "\u2044": "/",  # fraction slash
        "\u2215": "/",  # division slash
        "\u29f8": "/",  # big solidus
        "\u2571": "/",  # box drawing diagonal
        "\u0430": "a",  # Cyrillic а
        "\u0435": "e",  # Cyrillic е
        "\u0455": "s",  # Cyrillic ѕ
        "\u0501": "d",  # Cyrillic ԁ
        "\u0440": "r",  # Cyrillic р (reads as p, kept for safety)
        "\u0442": "t",  # Cyrillic т
        "\u03b1": "a",  # Greek α
        "\u03c5": "u",  # Greek υ
        "\u057d": "u",  # Armenian ս
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2212": "-",
    }
)
_DELIMITER = re.compile(r"<\s*(/?)\s*user[\s_\-]*data\s*/?\s*>", re.IGNORECASE)


def _skeleton(text: str) -> tuple[str, list[int]]:
    """The text as a model might read it (look-alikes folded, invisible characters dropped), and where
    each of its characters came from in the original."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            folded = ch
        elif unicodedata.category(ch) in ("Cf", "Mn"):  # zero-width, soft hyphen, combining marks
            continue
        else:
            folded = unicodedata.normalize("NFKC", ch).translate(_LOOKALIKES)
        for f in folded:
            chars.append(f)
            origin.append(i)
    return "".join(chars), origin


def user_data(text: str) -> str:
    """Text from a person, made safe to sit between the <user_data> delimiters.

    Anything that reads as an opening or closing delimiter (any case, spaces, another separator,
    look-alike brackets, slashes or letters, invisible characters inside) becomes "(user_data)" or
    "(/user_data)", so the person's words can neither end the block nor start a new one.
    """
    skeleton, origin = _skeleton(text)
    matches = list(_DELIMITER.finditer(skeleton))
    if not matches:
        return text
    out: list[str] = []
    at = 0
    for m in matches:
        start, end = origin[m.start()], origin[m.end() - 1] + 1
        out.append(text[at:start])
        out.append("(/user_data)" if m.group(1) else "(user_data)")
        at = end
    out.append(text[at:])
    return "".join(out)
