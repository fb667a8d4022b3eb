"""The dashboard's pages and static files (`izer/web/`). The pages carry no data: their script fetches
it with the API token."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

HERE = Path(__file__).resolve().parent.parent / "web"
router = APIRouter(include_in_schema=False)


@router.get("/", include_in_schema=False)
async def queue_page() -> HTMLResponse:
    return HTMLResponse((HERE / "templates" / "queue.html").read_text(encoding="utf-8"))


def stats_page() -> HTMLResponse:
    return HTMLResponse((HERE / "templates" / "stats.html").read_text(encoding="utf-8"))


def static_files() -> StaticFiles:
    return StaticFiles(directory=HERE / "static")


@router.get("/favicon.ico", include_in_schema=False)
async def favicon() -> FileResponse:
    return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")
