"""Cross-validate the drift detector on its own training examples, to choose the ultimatum threshold.

Run: .venv/bin/python -m evals.drift_cv  (writes evals/results/drift-cv.md). The eval sets are not
touched, so choosing the threshold here keeps them honest.
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from assistant.coach.drift import DriftDetector
from assistant.config import Settings
from assistant.evaluation.runner import RESULTS
from assistant.knowledge import examples_path, load_examples
from assistant.retrieval.embedding import shared_embedder

THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 1.0)


def main() -> None:
    settings = Settings.from_env()
    embedder = shared_embedder(settings.embedding_model_path, settings.tokenizer_dir)
    examples = load_examples(examples_path(settings.knowledge_dir))
    gold = np.array([e.level for e in examples])
    predicted: dict[float, list[str]] = {t: [""] * len(examples) for t in THRESHOLDS}
    folds = StratifiedKFold(5, shuffle=True, random_state=0).split(np.zeros(len(gold)), gold)
    for train, test in folds:
        detector = DriftDetector(embedder, [examples[i] for i in train])
        texts = [examples[i].text for i in test]
        probs = detector.probabilities(texts)
        for t in THRESHOLDS:
            detector.ultimatum_threshold = t
            for i, text, p in zip(test, texts, probs, strict=True):
                predicted[t][i] = detector._verdict(text, p, 0).level
    lines = [
        f"# Drift detector: 5-fold cross-validation on {len(examples)} training examples",
        "",
        "| ultimatum threshold | macro-F1 | ultimatum F1 |",
        "|---|---|---|",
    ]
    for t, pred in predicted.items():
        macro = f1_score(gold, pred, average="macro")
        ult = f1_score(gold, pred, labels=["ultimatum"], average="macro")
        lines.append(f"| {t} | {macro:.3f} | {ult:.3f} |")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "drift-cv.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
