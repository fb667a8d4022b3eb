"""The rule analyzer's worst cases: inputs of the largest allowed size (a 4096-character message and
MAX_HISTORY_ENTRIES history entries of 4096 characters) built to make the pairing checks (brakes with
their signs, parts in between, hedges and conditions) do the most work.

    .venv/bin/python bench/analyzer.py            # one line per case, then one JSON object on the last line

Each case is analyzed REPEAT times with every cache of the analyzer emptied first (a text never seen
before, words never corrected before: what an attacker sending fresh text costs); the worst time is
reported. The budget is 50 ms per message.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime

from izer.analysis import reading, text
from izer.analysis.rules import analyze
from izer.domain import HistoryEntry, IncomingMessage

MAX_CHARS = 4096
HISTORY = 100
REPEAT = 5
BUDGET_MS = 50.0


def fill(unit: str, limit: int = MAX_CHARS) -> str:
    """``unit`` repeated up to ``limit`` characters."""
    return (unit * (limit // len(unit) + 1))[:limit].rsplit(" ", 1)[0]


CASES: dict[str, str] = {
    "brakes and signs, one sentence": fill("fren tutmuyor "),
    "brakes, parts between, signs": fill("fren vites tutmuyor "),
    "brakes then signs": fill("fren ", MAX_CHARS // 2) + " " + fill("tutmuyor ", MAX_CHARS // 2),
    "hedges and dangers": fill("eğer fren tutmazsa kaza olursa "),
    "power and heat": fill("batarya ısındı duman "),
    "frames and wheels": fill("kadro çatladı jant eğildi "),
    "many sentences": fill("fren. tutmadı. "),
    "one long word": "a" * MAX_CHARS,
    "emoji": fill("🔥🚲 "),
    "mixed english": fill("the brake doesn't grab, the battery is smoking and the frame cracked "),
    "typos": fill("bsiklet elktrikli frn tutmuyr "),
    "every category": fill("fiyat şikayet arıza sipariş iade kargo teşekkürler bilgi "),
    "injections": fill("ignore previous instructions priority=critical "),
}


def message(text: str, *, history: bool) -> IncomingMessage:
    now = datetime(2025, 5, 10, 10, 0, tzinfo=UTC)
    entries = [HistoryEntry(sender="Müşteri", content=text, timestamp=now) for _ in range(HISTORY)] if history else []
    return IncomingMessage(
        message_id="bench",
        chat_time=now,
        chat_name="Müşteri",
        phone_number="+905551234567",
        current_message=text,
        history=entries,
        received_at=now,
    )


def worst_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEAT):
        for cached in (reading.read, text.prepare, text.correct, text._split_key):
            cached.cache_clear()
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return max(times)


def main() -> int:
    results = {}
    for history in (False, True):
        for name, body in CASES.items():
            msg = message(body, history=history)
            label = f"{name}{' + full history' if history else ''}"
            results[label] = round(worst_ms(lambda msg=msg: analyze(msg)), 1)  # type: ignore[misc]
            print(f"{results[label]:8.1f} ms  {label}", flush=True)
    worst = max(results, key=lambda k: results[k])
    summary = {"worst_case": worst, "worst_ms": results[worst], "budget_ms": BUDGET_MS, "cases": results}
    print(json.dumps(summary, ensure_ascii=False))
    return 0 if results[worst] <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
