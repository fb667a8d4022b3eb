# İzer message pipeline: one image for the API (the default command), the worker (`python -m worker`),
# migrations (`alembic upgrade head`) and the reference agents (`python -m izer.agents.reference NAME`).
# docker-compose.yml builds and runs it; docs/production.md explains the whole stack.
FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATA_DIR=/var/lib/izer

WORKDIR /app

# The dependencies first, in their own layer: it is rebuilt only when pyproject.toml changes, not on every
# change of the code. Only [project].dependencies, never the test extras.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install --no-cache-dir --requirement /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# Then the code, installed in place without dependencies: the one copy under /app (next to schema.sql,
# alembic.ini and migrations/) is what runs, and the `izer` command exists.
COPY . .
RUN pip install --no-cache-dir --no-deps --editable . \
    && useradd --system --uid 10001 --user-group --home-dir /nonexistent --shell /usr/sbin/nologin izer \
    && mkdir -p "$DATA_DIR" \
    && chown izer:izer "$DATA_DIR"

USER 10001:10001

EXPOSE 8100

# The API's own health: 200 when the database and Temporal answer, 503 (unhealthy) otherwise.
# The worker and the agents run the same image with their own healthcheck (docker-compose.yml).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8100/health', timeout=4)"]

CMD ["uvicorn", "api:app", "--host", "0.0.0.0", "--port", "8100"]
