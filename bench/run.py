"""`make bench`: the pipeline measured against the bare dev server, on loopback. See docs/benchmark.md.

.venv/bin/python bench/run.py          # BENCH_MESSAGES, BENCH_CONCURRENCY, BENCH_WAITING, ... tune it
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.harness import main as run

    code = run()
    sys.stdout.flush()
    sys.stderr.flush()
    # The Temporal SDK can crash at interpreter exit (sdk-python#300): end with the true status instead.
    os._exit(code)


if __name__ == "__main__":
    main()
