"""Run pytest and exit with its true status, skipping the interpreter teardown where the Temporal SDK
can crash (sdk-python#300)."""

import sys

import pytest

from izer.tools.exit import exit_with

if __name__ == "__main__":
    exit_with(int(pytest.main(sys.argv[1:])))
