"""Run pytest and exit with its true status, skipping the interpreter teardown where the Temporal SDK
can crash (sdk-python#300)."""

import os
import sys

import pytest

if __name__ == "__main__":
    code = pytest.main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(int(code))
