"""Temporal's remote codec protocol, so the Web UI (its "Codec Server" setting) and `temporal workflow show
--codec-endpoint` show the team decrypted payloads: `POST {endpoint}/encode` and `POST {endpoint}/decode`
take and answer `{"payloads": [{"metadata": {...}, "data": "<base64>"}]}`.

On the API it is `/codec`, behind the management rule (API_TOKEN, or loopback without one). `izer
codec-server` serves it alone on this machine for a browser on this machine. The Web UI's origin
(TEMPORAL_UI_URL) may call it from the browser (CORS)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from google.protobuf import json_format
from temporalio.api.common.v1 import Payloads

from izer.codec import EncryptionCodec, EncryptionKeyError
from izer.errors import InputError
from izer.ingest.bridge import decode_json
from izer.routes.deps import read_body, require_token
from izer.security import security_headers
from izer.settings import Settings

MAX_CODEC_BODY = 4 * 1024 * 1024
ALLOWED_HEADERS = "Authorization, Content-Type, X-Namespace"


def _codec(request: Request) -> EncryptionCodec | None:
    return request.app.state.codec  # type: ignore[no-any-return]


def _cors(request: Request, settings: Settings) -> dict[str, str]:
    origin = request.headers.get("origin")
    allowed = settings.temporal_ui_url.rstrip("/")
    if origin is None or origin.rstrip("/") != allowed:
        return {}
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "POST, OPTIONS",
        "Access-Control-Allow-Headers": ALLOWED_HEADERS,
        "Access-Control-Allow-Credentials": "true",
        "Access-Control-Max-Age": "600",
        "Vary": "Origin",
    }


async def _payloads(request: Request) -> Payloads:
    body = decode_json(await read_body(request, MAX_CODEC_BODY))
    if not isinstance(body, dict) or not isinstance(body.get("payloads", []), list):
        raise InputError('send {"payloads": [...]} (Temporal\'s remote codec format)', status=422)
    try:
        return json_format.ParseDict({"payloads": body.get("payloads", [])}, Payloads())
    except json_format.ParseError as err:
        raise InputError(f"not Temporal payloads: {err}", status=422) from None


def codec_router(settings_of: Any, guard: Any) -> APIRouter:
    """`/encode` and `/decode`, their preflights, for the settings `settings_of(request)` returns; `guard`
    decides who may call them."""
    router = APIRouter(include_in_schema=False)

    async def preflight(request: Request) -> Response:
        return Response(status_code=204, headers=_cors(request, settings_of(request)))

    async def run(request: Request, decode: bool) -> JSONResponse:
        payloads = await _payloads(request)
        codec = _codec(request)
        items = list(payloads.payloads)
        if codec is not None:
            try:
                items = await (codec.decode(items) if decode else codec.encode(items))
            except EncryptionKeyError as err:
                raise InputError(str(err), status=422) from None
            except Exception:  # noqa: BLE001 - a tampered or foreign ciphertext: say so, never the details
                raise InputError("a payload could not be decrypted with the configured keys", status=422) from None
        answer = json_format.MessageToDict(Payloads(payloads=items))
        return JSONResponse({"payloads": answer.get("payloads", [])}, headers=_cors(request, settings_of(request)))

    async def encode(request: Request) -> JSONResponse:
        return await run(request, decode=False)

    async def decode(request: Request) -> JSONResponse:
        return await run(request, decode=True)

    for path, handler in (("/encode", encode), ("/decode", decode)):
        router.add_api_route(path, preflight, methods=["OPTIONS"])
        router.add_api_route(path, handler, methods=["POST"], dependencies=[Depends(guard)])
    return router


def _api_settings(request: Request) -> Settings:
    return request.app.state.services.settings  # type: ignore[no-any-return]


router = codec_router(_api_settings, require_token)
"""On the API, under `/codec`."""


def create_codec_app(settings: Settings, codec: EncryptionCodec | None) -> FastAPI:
    """`izer codec-server`: the codec alone, answering callers on this machine only."""

    def loopback_only(request: Request) -> None:
        host = request.client.host if request.client else ""
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise InputError("the codec server answers only on this machine", status=403)

    app = FastAPI(title="İzer codec server", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.codec = codec
    app.add_exception_handler(InputError, _input_error)  # type: ignore[arg-type]
    app.middleware("http")(security_headers)
    app.include_router(codec_router(lambda _: settings, loopback_only))
    return app


async def _input_error(_: Request, err: InputError) -> JSONResponse:
    return JSONResponse({"success": False, "error": str(err)}, status_code=err.status)
