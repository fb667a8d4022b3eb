"""The Temporal worker's entry point: `python -m worker` (production) or through `izer dev`.

It builds every client once and runs the workflows and activities; the assembly is `izer/worker_setup.py`.
"""

from izer.worker_setup import main

if __name__ == "__main__":
    main()
