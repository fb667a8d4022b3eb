"""`make bench`: the pipeline measured against the bare dev server, on loopback. See docs/benchmark.md.

.venv/bin/python bench/run.py          # BENCH_MESSAGES, BENCH_CONCURRENCY, BENCH_WAITING, ... tune it
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.harness import main as run
    from izer.tools.exit import exit_with

    code = run()
    exit_with(code)


if __name__ == "__main__":
    main()
