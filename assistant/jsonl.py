"""JSON Lines in and out for the batch commands: one output line per input line, same id, in order."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import IO, Any

from assistant.errors import InputError, ParleyError

Handler = Callable[[dict[str, Any]], dict[str, Any]]


def _error(line_no: int, ident: object, message: str) -> dict[str, Any]:
    return {"id": ident, "line": line_no, "error": message}


def process(lines: Iterable[bytes], handle: Handler, out: IO[str]) -> int:
    """Run ``handle`` on every JSONL line; returns how many lines failed."""
    failed = 0
    seen: dict[str, int] = {}
    for line_no, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        ident: object = None
        try:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"line is not valid UTF-8 (byte {exc.start}); save the file as UTF-8") from exc
            try:
                row = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
            if not isinstance(row, dict):
                raise InputError('each line must be a JSON object like {"id": ..., ...}')
            ident = row.get("id")
            if ident is None:
                raise InputError('missing "id": give every line an id so answers can be matched')
            if not isinstance(ident, str | int) or isinstance(ident, bool):
                raise InputError('"id" must be a string or an integer')
            key = json.dumps(ident)
            if key in seen:
                raise InputError(f"duplicate id {ident!r} (first used on line {seen[key]})")
            seen[key] = line_no
            result = {"id": ident, **handle(row)}
        except ParleyError as exc:
            failed += 1
            result = _error(line_no, ident, str(exc))
        except Exception as exc:  # a bug must not lose the remaining lines
            failed += 1
            result = _error(line_no, ident, f"internal error ({type(exc).__name__}); please report it")
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return failed


def field(row: dict[str, Any], name: str, *, required: bool = True) -> Any:
    """A field of an input row, with a clear error when a required one is missing."""
    value = row.get(name)
    if required and value is None:
        raise InputError(f'missing "{name}"')
    return value


def text_field(row: dict[str, Any], name: str, *, required: bool = True) -> str | None:
    """A text field: must be a string when present."""
    value = field(row, name, required=required)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f'"{name}" must be a string, not {type(value).__name__}')
    return value
