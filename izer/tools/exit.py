"""The one exit of every process that used the Temporal SDK.

Such a process can crash at interpreter exit (SIGABRT "PyGILState_Release" or a segfault;
temporalio/sdk-python#300), turning a success into a failure or the reverse. Flushing what was
written and ending with `os._exit` reports the true status every time.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import NoReturn


def exit_with(code: int) -> NoReturn:
    """Flush the logs and the standard streams, then end the process with `code` at once."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
