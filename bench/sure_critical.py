"""Where the model's sure "critical" should start (``combined.Blend.critical_from``), on messages it never saw.

    .venv/bin/python bench/sure_critical.py [SET_NAME ...]

Leaves one labeled set out at a time (the sets of ``tests/analysis/data/`` written from the label guide
by writers who had not read the analyzer: ``blind6`` on and the training sets of 150), trains the model on
every other set, and for each held-out message the rules do not read as critical (nor as an injection)
records the model's probability of critical. For each threshold it prints how many of those messages were
labeled critical (emergencies the model would add) and how many were not (false alarms it would add).
Trains one model per set: about half a minute each on two cores.
"""

from __future__ import annotations

import sys
from pathlib import Path

from izer.analysis import rules
from izer.analysis.combined import model_history
from izer.analysis.model import train
from izer.analysis.policy import apply_business_rules
from izer.analysis.training import PROJECT_SETS, example, load_records, training_files

THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
EARLY_SETS = ("blind_labeled", "blind2_labeled", "blind3_labeled", "blind4_labeled", "blind5_labeled")
"""Sets written before the rules were reworked, or alongside them (with ``extra_labeled``, the first tuning
set): the rules know them too well."""


def held_out_sets(names: list[str]) -> list[Path]:
    skipped = (*EARLY_SETS, "extra_labeled")
    sets = [path for path in training_files() if path.parent == PROJECT_SETS and path.stem not in skipped]
    return [path for path in sets if not names or path.stem.removesuffix("_labeled") in names]


def main(names: list[str]) -> None:
    everything = training_files()
    scored: list[tuple[float, bool]] = []
    for held in held_out_sets(names):
        model = train([example(record) for record in load_records([path for path in everything if path != held])])
        for record in load_records([held]):
            by_rules = apply_business_rules(rules.analyze(record.message), record.message)
            if by_rules.priority_level == "critical" or "injection" in by_rules.signals:
                continue
            history = model_history(record.message, rules.DEFAULT_BUSINESS_SENDERS)
            probability = model.predict(record.message.current_message, history).probabilities["priority"]["critical"]
            scored.append((probability, record.labels.priority_level == "critical"))
        print(f"{held.stem}: {len(scored)} messages the rules do not read as critical so far", flush=True)
    missed = sum(1 for _, critical in scored if critical)
    print(f"\n{len(scored)} messages, {missed} of them labeled critical (emergencies the rules missed)")
    for threshold in THRESHOLDS:
        found = sum(1 for probability, critical in scored if probability >= threshold and critical)
        alarms = sum(1 for probability, critical in scored if probability >= threshold and not critical)
        print(f"critical_from {threshold:.2f}: {found} emergencies added, {alarms} false alarms added")


if __name__ == "__main__":
    main(sys.argv[1:])
