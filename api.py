"""The HTTP edge's entry point: `uvicorn api:app --port 8100` (production) or through `izer dev`.

It verifies, validates, then starts or signals workflows; the routes live in `izer/routes/`.
"""

from izer.app import create_app

app = create_app()
