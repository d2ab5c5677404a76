"""Prepare the real, public conversation sets used to train and check the drift forecast.

Reads local git snapshots of the public repositories named in knowledge/SOURCES.md and writes
JSON Lines (one conversation per line: id, source, messages [{speaker, text}], and the outcome)
into a folder of real data. Nothing here is shipped in the repository: the prepared files are
kept beside it (the real-data folder, see assistant/config.py `real_data_dir`), and the
trained forecast weights are what the repository carries.

    .venv/bin/python -m evals.real_data --mirrors /path/to/mirrors --out /path/to/realdata

Splits (by source, so that what we evaluate on was never seen in training):
- train: Conversations Gone Awry, Reddit ChangeMyView version, its published *validation* split;
         KODIS dispute dialogues (ended in agreement or in a walk-away), balanced (two kinds of
         conversation, so that the forecast does not learn one platform's habits as risk).
- eval:  Conversations Gone Awry, Wikipedia version, its published validation split;
         CaSiNo negotiation dialogues that ended in a walk-away, each with a deal from the same split.
No published test split is read.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

csv.field_size_limit(sys.maxsize)


def git_show(repo: Path, path: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(repo), "show", f"HEAD:{path}"], check=True, capture_output=True, text=True
    ).stdout


def _alternate(comments: list[str]) -> list[dict[str, str]]:
    # the derailment files carry no author names; most of these threads are two people taking turns
    return [{"speaker": "AB"[i % 2], "text": c} for i, c in enumerate(comments)]


def derailment(repo: Path, name: str, source: str, per_class: int | None = None, seed: int = 7) -> list[dict[str, Any]]:
    """One published validation split of Conversations Gone Awry (the context before the last comment),
    optionally a balanced random sample of it."""
    out: list[dict[str, Any]] = []
    for line in git_show(repo, f"data/{name}/base/valid.json").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        comments = [c.strip() for c in row["src"].split("[SEP]") if c.strip()]
        if len(comments) < 2:
            continue
        out.append(
            {
                "id": f"{source}-{row['convo_id']}",
                "source": source,
                "messages": _alternate(comments),
                "broke_down": bool(row["tgt"]),
            }
        )
    if per_class is None:
        return out
    rng = random.Random(seed)
    rng.shuffle(out)
    return [c for c in out if c["broke_down"]][:per_class] + [c for c in out if not c["broke_down"]][:per_class]


_KODIS_LINE = re.compile(r"^\d{9,11} (Buyer|Seller): (.*)$")
_KODIS_END = re.compile(r"^(?:Submitted agreement:|Accept Deal|Reject Deal|I Walk Away)", re.I)


def kodis(repo: Path, per_class: int, seed: int = 7) -> list[dict[str, Any]]:
    """KODIS disputes: impasse (a walk-away) or agreement. The forecast sees the talk before the
    last human message, without the outcome lines."""
    rows = list(csv.DictReader(io.StringIO(git_show(repo, "data/preprocessed_dyads_labels.csv"))))
    convs: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for n, r in enumerate(rows):
        messages: list[dict[str, str]] = []
        current: dict[str, str] | None = None
        for raw in r["formattedChat"].splitlines():
            m = _KODIS_LINE.match(raw.strip())
            if m:
                current = {"speaker": m.group(1), "text": m.group(2).strip()}
                messages.append(current)
            elif current is not None and raw.strip():
                current["text"] += " " + raw.strip()
        talk = [m for m in messages if m["text"] and not _KODIS_END.match(m["text"])]
        if len(talk) < 4:
            continue
        impasse = r["labeled_dispute_outcome"].strip() == "0"
        convs[impasse].append(
            {"id": f"kodis-{r['Row_Index'] or n}", "source": "kodis", "messages": talk[:-1], "broke_down": impasse}
        )
    rng = random.Random(seed)
    out = []
    for label in (True, False):
        pool = convs[label]
        rng.shuffle(pool)
        out.extend(pool[:per_class])
    return out


def casino(repo: Path, seed: int = 7) -> list[dict[str, Any]]:
    """CaSiNo train split: every dialogue that ended in a walk-away, and as many that reached a deal."""
    dialogues = json.loads(git_show(repo, "data/split/casino_train.json"))
    walked, dealt = [], []
    for d in dialogues:
        logs = d["chat_logs"]
        talk = [
            {"speaker": "A" if m["id"] == "mturk_agent_1" else "B", "text": m["text"].strip()}
            for m in logs
            if m["text"] not in ("Submit-Deal", "Accept-Deal", "Reject-Deal", "Walk-Away") and m["text"].strip()
        ]
        if len(talk) < 4:
            continue
        row = {"id": f"casino-{d['dialogue_id']}", "source": "casino", "messages": talk[:-1]}
        if any(m["text"] == "Walk-Away" for m in logs):
            walked.append(row | {"broke_down": True})
        else:
            dealt.append(row | {"broke_down": False})
    rng = random.Random(seed)
    rng.shuffle(dealt)
    return walked + dealt[: len(walked)]


def casino_messages(repo: Path) -> list[dict[str, Any]]:
    """Every CaSiNo message from the train split, for labelling (the published test split is not read)."""
    dialogues = json.loads(git_show(repo, "data/split/casino_train.json"))
    out = []
    for d in dialogues:
        for i, m in enumerate(d["chat_logs"]):
            text = m["text"].strip()
            if text and text not in ("Submit-Deal", "Accept-Deal", "Reject-Deal", "Walk-Away"):
                out.append({"id": f"casino-{d['dialogue_id']}-{i}", "text": text})
    return out


def kodis_messages(repo: Path) -> dict[str, str]:
    """Every KODIS message by id (row and running message number, as labelled)."""
    rows = list(csv.DictReader(io.StringIO(git_show(repo, "data/preprocessed_dyads_labels.csv"))))
    out: dict[str, str] = {}
    n = 0
    for r in rows:
        current: str | None = None
        for raw in r["formattedChat"].splitlines():
            m = _KODIS_LINE.match(raw.strip())
            if m:
                current = f"kodis-{r['Row_Index']}-{n}"
                out[current] = m.group(2).strip()
                n += 1
            elif current is not None and raw.strip():
                out[current] += " " + raw.strip()
    return out


LABELS = Path(__file__).parent / "datasets" / "real_message_labels.jsonl"


def labelled_messages(kodis_repo: Path, casino_repo: Path) -> list[dict[str, Any]]:
    """The real messages we labelled (evals/datasets/real_message_labels.jsonl holds our labels and
    the ids, not the text), joined with their text from the public snapshots."""
    texts = kodis_messages(kodis_repo) | {m["id"]: m["text"] for m in casino_messages(casino_repo)}
    out = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label = json.loads(line)
            source = "kodis" if label["id"].startswith("kodis") else "casino"
            out.append({"id": label["id"], "source": source, "text": texts[label["id"]]} | label)
    return out


def write(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{path}: {len(rows)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirrors", type=Path, required=True, help="folder holding owner+name/repo git snapshots")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    m = args.mirrors
    derail = m / "YovaKem+forecasting_derailment" / "repo"
    write(args.out / "train" / "cga_cmv_valid.jsonl", derailment(derail, "cmv", "cga-cmv"))
    # evaluation sets are sampled so that `make eval` embeds a few thousand messages, not tens of thousands
    write(args.out / "eval" / "cga_wiki_valid.jsonl", derailment(derail, "cga", "cga-wiki", per_class=150))
    write(args.out / "train" / "kodis.jsonl", kodis(m / "mishkin101+ConvoKit_Disputes" / "repo", per_class=100))
    casino_repo = m / "kushalchawla+CaSiNo" / "repo"
    write(args.out / "eval" / "casino_walkaway.jsonl", casino(casino_repo))
    kodis_repo = m / "mishkin101+ConvoKit_Disputes" / "repo"
    write(args.out / "eval" / "messages_labelled.jsonl", labelled_messages(kodis_repo, casino_repo))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
