"""The `parley` command: batch coaching over JSON Lines, the index, evals and the app."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import asdict
from typing import Any

from assistant.config import Settings
from assistant.errors import InputError, ParleyError
from assistant.jsonl import field, process, text_field
from assistant.store.files import private_dir

log = logging.getLogger("assistant.cli")

DESCRIPTION = """\
Parley coaches people through the ask-and-offer process. Every batch command reads JSON Lines
on standard input (one object per line, each with an "id"; extra fields are ignored) and writes
one JSON line per input line on standard output, same id, same order. A bad line gets
{"id", "error"} and the rest go on; the exit status is 1 if any line failed.

  parley drift        {"id","text"} -> level, score, kinds, evidence, reason, reframe
                      {"id","messages":[{"speaker","text"},...]} -> risk, drifting, levels, reason, drivers
  parley shrink       {"id","demands": "text" | ["...", ...]} -> ask, interest, parked
  parley strategies   {"id","situation"} -> strategies [{slug,title,score,why}], best first
  parley offers       {"id","situation","goal"?,"their_ask"?} -> offers [{text,slug}]
  parley index        build (or rebuild with --force) the knowledge card index
  parley eval         run the evaluation sets and write a report to evals/results/
  parley doctor       say which coach is active and check the LLM endpoint
  parley app          start the web app

Example:
  echo '{"id":1,"text":"Sign it by Friday or I walk."}' | parley drift
"""


def _coach(settings: Settings, choice: str = "auto") -> Any:
    from assistant.coach import make_coach

    return make_coach(settings, choice)


def _doctor(settings: Settings) -> int:
    """Say which coach is active, and check the endpoint with one tiny call."""
    from assistant.llm.chat import describe_failure, make_chat_model
    from assistant.store import Repository

    print(f"database: {settings.database_url.split('@')[-1]}")
    Repository.from_url(settings.database_url).engine.dispose()  # a damaged file is named, with what to do
    print(f"card index: {settings.chroma_host or settings.chroma_dir}")
    if not settings.llm_configured:
        print("coach: offline (built in). To use an LLM, set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server.")
        return 0
    where = settings.openai_base_url or "OpenAI"
    print(f"coach: llm, model {settings.model} at {where}")
    try:
        model = make_chat_model(settings).bind(max_tokens=5)
        model.invoke("Reply with the word OK.")
    except Exception as exc:
        cause = describe_failure(exc)
        fixes = {
            "the model's server could not be reached": "check OPENAI_BASE_URL and that the server is running",
            "the API key was refused": "check OPENAI_API_KEY",
            "the model name was not found on the server": "set PARLEY_MODEL to a model the server has",
            "the model took too long to answer": "raise PARLEY_LLM_TIMEOUT or use a smaller model",
            "the model's service is rate-limiting us": "wait, or raise your rate limit with the provider",
        }
        print(
            f"problem: {cause}; fix: {fixes.get(cause, 'see the log with parley -v doctor')}. "
            "Until then Parley uses the offline coach."
        )
        return 1
    print("endpoint: answered. The LLM coach is active (it falls back to the offline coach on any failure).")
    return 0


def _drift(coach: Any) -> Any:
    def handle(row: dict[str, Any]) -> dict[str, Any]:
        if row.get("messages") is not None:
            messages = row["messages"]
            if not isinstance(messages, list):
                raise InputError('"messages" must be a list of {"speaker", "text"} objects')
            conv = coach.check_conversation(messages)
            return {
                "risk": conv.risk,
                "drifting": conv.drifting,
                "levels": conv.levels,
                "reason": conv.reason,
                "drivers": conv.drivers,
            }
        text = text_field(row, "text")
        v = coach.check_message(text)
        return {
            "level": v.level,
            "score": v.score,
            "kinds": v.kinds,
            "evidence": v.evidence,
            "reason": v.reason,
            "reframe": v.reframe,
            "reframes": v.reframes,
            "coach": v.origin.coach,
            **({"note": v.origin.note} if v.origin.note else {}),
        }

    return handle


def _shrink(coach: Any) -> Any:
    def handle(row: dict[str, Any]) -> dict[str, Any]:
        demands = field(row, "demands")
        if not isinstance(demands, str | list):
            raise InputError('"demands" must be a string or a list of strings')
        r = coach.shrink(demands)
        return {
            "ask": r.ask,
            "interest": r.interest,
            "parked": r.parked,
            "coach": r.origin.coach,
            **({"note": r.origin.note} if r.origin.note else {}),
        }

    return handle


def _strategies(coach: Any) -> Any:
    def handle(row: dict[str, Any]) -> dict[str, Any]:
        situation = text_field(row, "situation")
        recs = coach.recommend(situation)
        return {
            "strategies": [
                {"slug": r.slug, "title": r.title, "score": r.score, "why": r.why, "card": r.card} for r in recs
            ]
        }

    return handle


def _offers(coach: Any) -> Any:
    def handle(row: dict[str, Any]) -> dict[str, Any]:
        situation = text_field(row, "situation")
        goal = text_field(row, "goal", required=False)
        their_ask = text_field(row, "their_ask", required=False)
        stage = text_field(row, "stage", required=False) or "prepare"
        facilitated = bool(row.get("facilitated", False))
        offers = coach.suggest_offers(situation, goal, their_ask, stage=stage, facilitated=facilitated)
        return {"offers": [{"text": o.text, "slug": o.slug, "title": o.title, "card": o.card} for o in offers]}

    return handle


def _batch(settings: Settings, make: Any, choice: str) -> int:
    coach = _coach(settings, choice)  # load once per process, not per line
    failed = process(sys.stdin.buffer, make(coach), sys.stdout)
    return 1 if failed else 0


def _index(settings: Settings, force: bool) -> int:
    from assistant.retrieval.index import CardIndex

    def progress(msg: str, frac: float) -> None:
        print(f"\r{msg}: {frac:4.0%}", end="", file=sys.stderr, flush=True)

    index = CardIndex.open(settings, progress=progress)
    if force:
        index.build(progress=progress)
    print(file=sys.stderr)
    print(
        json.dumps(
            {
                "collection": "parley_cards",
                "passages": index.collection.count(),
                "where": settings.chroma_host or str(settings.chroma_dir),
            }
        )
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parley", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    coach_opt = argparse.ArgumentParser(add_help=False)
    coach_opt.add_argument(
        "--coach",
        choices=["auto", "offline", "llm"],
        default="auto",
        help="which coach answers (default: llm when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline)",
    )
    sub.add_parser("drift", parents=[coach_opt], help="flag drift toward ultimatums in messages or conversations")
    sub.add_parser("shrink", parents=[coach_opt], help="shrink a list of demands into one clear ask")
    sub.add_parser("strategies", parents=[coach_opt], help="recommend strategies for a situation")
    sub.add_parser("offers", parents=[coach_opt], help="suggest face-saving offers for a situation")
    sub.add_parser("doctor", help="say which coach is active and check the LLM endpoint")
    p_index = sub.add_parser("index", help="build the knowledge card index")
    p_index.add_argument("--force", action="store_true", help="rebuild even if the cards are unchanged")
    p_eval = sub.add_parser("eval", parents=[coach_opt], help="run the evaluation sets and write a report")
    p_eval.add_argument(
        "--only",
        choices=["real", "drift", "shrink", "strategies", "offers", "voices"],
        action="append",
        help="run only these evaluations (repeatable)",
    )
    p_app = sub.add_parser("app", help="start the web app")
    p_app.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    p_app.add_argument("--host", default="localhost", help="address to bind (default localhost)")
    sub.add_parser("demo", help="a short demo of the offline coach on sample input")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if not args.command:
        parser.print_help()
        return 2
    try:
        settings = Settings.from_env()
        private_dir(settings.data_dir)  # the database, index and caches inside are nobody else's to read
        if args.command == "drift":
            return _batch(settings, _drift, args.coach)
        if args.command == "shrink":
            return _batch(settings, _shrink, args.coach)
        if args.command == "strategies":
            return _batch(settings, _strategies, args.coach)
        if args.command == "offers":
            return _batch(settings, _offers, args.coach)
        if args.command == "index":
            return _index(settings, args.force)
        if args.command == "eval":
            from assistant.evaluation.runner import run_all

            return run_all(settings, only=args.only, coach_name=args.coach)
        if args.command == "doctor":
            return _doctor(settings)
        if args.command == "demo":
            from assistant.demo import run_demo

            return run_demo(settings)
        if args.command == "app":
            from assistant.ui.launch import launch

            return launch(settings, host=args.host, port=args.port)
    except ParleyError as exc:
        log.info("details of the error below", exc_info=True)  # the traceback only with -v
        print(f"parley: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    parser.error(f"unknown command {args.command}")
    return 2


def as_dict(obj: Any) -> dict[str, Any]:
    """A dataclass as a plain dict (for JSON)."""
    return asdict(obj)


if __name__ == "__main__":
    sys.exit(main())
