"""JSON Lines in and out for the batch commands: one output line per input line, same id, in order."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import IO, Any

from assistant.errors import InputError, ParleyError

Handler = Callable[[dict[str, Any]], dict[str, Any]]


BOM = b"\xef\xbb\xbf"


def _error(line_no: int, ident: object, message: str) -> dict[str, Any]:
    return {"id": ident, "line": line_no, "error": message}


def _dumps(result: dict[str, Any]) -> str:
    """One output line: readable UTF-8 where possible, escaped where the text cannot be encoded (a lone
    surrogate), and strict JSON always (no NaN or Infinity)."""
    try:
        line = json.dumps(result, ensure_ascii=False, allow_nan=False)
        line.encode("utf-8")
        return line
    except UnicodeEncodeError:
        return json.dumps(result, ensure_ascii=True, allow_nan=False)


def process(lines: Iterable[bytes], handle: Handler, out: IO[str]) -> int:
    """Run ``handle`` on every JSONL line; returns how many lines failed."""
    failed = 0
    seen: dict[str, int] = {}
    for line_no, raw in enumerate(lines, 1):
        if line_no == 1 and raw.startswith(BOM):  # saved by an editor that marks UTF-8
            raw = raw[len(BOM) :]
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
            except (ValueError, RecursionError) as exc:
                raise InputError("JSON this program cannot read (a number too long or nesting too deep)") from exc
            if not isinstance(row, dict):
                raise InputError('each line must be a JSON object like {"id": ..., ...}')
            candidate = row.get("id")
            if candidate is None:
                raise InputError('missing "id": give every line an id so answers can be matched')
            if not isinstance(candidate, str | int) or isinstance(candidate, bool):
                raise InputError('"id" must be a string or an integer')
            ident = candidate  # only a valid id is echoed back
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
        try:
            line = _dumps(result)
        except (ValueError, TypeError, RecursionError) as exc:  # a bug in a handler must not lose the line
            failed += 0 if "error" in result else 1
            line = _dumps(_error(line_no, ident, f"the answer could not be written as JSON ({type(exc).__name__})"))
        out.write(line + "\n")
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
