"""Time per message of each local analyzer (the rules, the model alone, both combined) over labeled sets.

    .venv/bin/python bench/analyzer_latency.py [FILE.jsonl ...]

Loads the model once, as the worker does, warms up, then times every message of the files (the project's
labeled sets by default) several times and prints the median and the 95th percentile in milliseconds.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from izer.analysis import model as text_model
from izer.analysis import rules
from izer.analysis.combined import CombinedAnalyzer
from izer.analysis.evaluate import load_labeled
from izer.analysis.training import training_files
from izer.settings import Settings

ROUNDS = 3


def main(files: list[str]) -> None:
    settings = Settings()
    started = time.perf_counter()
    loaded = text_model.load(settings.model_path)
    print(f"model {loaded.version} loaded in {(time.perf_counter() - started) * 1000:.0f} ms")
    combined = CombinedAnalyzer(model=loaded, business_senders=settings.business_sender_names)
    messages = [record.message for path in (files or training_files()) for record in load_labeled(Path(path))]
    analyzers = {
        "rules": lambda message: rules.analyze(message, business_senders=settings.business_sender_names),
        "model": combined.predict,
        "combined": combined.analyze,
    }
    for name, analyze in analyzers.items():
        for message in messages[:20]:
            analyze(message)
        times = []
        for _ in range(ROUNDS):
            for message in messages:
                start = time.perf_counter()
                analyze(message)
                times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[int(len(times) * 0.95)]
        print(
            f"{name:<9} {len(messages)} messages × {ROUNDS}: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
