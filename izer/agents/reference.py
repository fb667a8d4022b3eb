"""Reference agents: small HTTP services the pipeline routes messages to, for the dev stack and tests.

Each agent takes `POST /process` with the message, its analysis and an `Idempotency-Key`, and answers
with a reply drafted for the message's category and language. A repeated key gets the first answer
again, unprocessed. `POST /admin/fail` makes the next calls fail, to play an agent that is down.

    python -m izer.agents.reference general_purpose --port 8095
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import uvicorn
from fastapi import Body, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from izer.domain import Analysis, IncomingMessage

AGENT_PORTS: dict[str, int] = {
    "agent_hub": 8092,
    "business_workflow": 8093,
    "code_debugger": 8094,
    "general_purpose": 8095,
}

Language = Literal["tr", "en"]
Kind = Literal["process", "escalation"]

_WORD = re.compile(r"[^\W\d_]+")
_TURKISH_LETTERS = re.compile(r"[çğışöüÇĞİŞÖÜ]")
_TURKISH_WORDS = frozenset(
    "merhaba merhabalar selam slm mrb iyi günler akşamlar teşekkür teşekkürler tesekkurler sağol "
    "sagol abi hocam bey hanım lütfen lutfen acil değil degil var yok mı mi mu mü mısınız misiniz "
    "ne nasıl nasil neden zaman kadar için icin ve ile bir bu şu çok cok ama fiyat fiyatı sipariş "
    "siparis siparişim kargo bisiklet bisikletim bisikleti elektrikli fren vites jant lastik servis "
    "tamam evet hayır hala cevap istiyorum olur mu yarın bugün".split()
)
_ENGLISH_WORDS = frozenset(
    "hello hi hey dear thanks thank you please the is are was my your our we i it this that what when "
    "how why where can could would do does not no yes still order bike bicycle brake battery "
    "delivery price quote need want urgent asap today tomorrow".split()
)
_SAFETY_WORDS = tuple(
    "fren brake kaza accident çarp crash duman smoke yangın fire alev flame kıvılcım spark yaralı injur "
    "düştüm fell".split()
)
_BATTERY_WORDS = ("batarya", "battery", "pil", "şarj", "sarj", "charg")

_ETA: dict[Language, dict[str, str]] = {
    "tr": {
        "immediate": "hemen",
        "1hour": "1 saat içinde",
        "4hours": "birkaç saat içinde",
        "24hours": "24 saat içinde",
    },
    "en": {
        "immediate": "right away",
        "1hour": "within the hour",
        "4hours": "within a few hours",
        "24hours": "within 24 hours",
    },
}

_REPLIES: dict[Language, dict[str, str]] = {
    "tr": {
        "sales": "Merhaba, ilginiz için teşekkür ederiz! Size uygun modelleri, güncel fiyatları ve ödeme "
        "seçeneklerini {eta} paylaşacağız. Kullanım amacınızı ve bütçenizi yazarsanız en doğru öneriyi "
        "yapabiliriz.",
        "support": "Merhaba, mesajınızı aldık. Kaydınızı kontrol edip {eta} size dönüş yapacağız. Varsa "
        "sipariş veya servis numaranızı paylaşır mısınız?",
        "complaint": "Merhaba, yaşadığınız sorun için gerçekten üzgünüz. Konuyu yetkili arkadaşımıza "
        "ilettik; {eta} sizinle iletişime geçip çözüm sunacağız.",
        "inquiry": "Merhaba, sorunuz için teşekkürler. İstediğiniz bilgiyi {eta} ileteceğiz.",
        "technical": "Merhaba, yaşadığınız arızayı teknik servisimize ilettik; {eta} size dönüş "
        "yapacağız. Bisikletinizin modelini, varsa ekrandaki hata kodunu ve kısa bir fotoğraf ya da "
        "video paylaşabilir misiniz?",
        "general": "Merhaba, mesajınız için teşekkür ederiz! Yardımcı olabileceğimiz bir konu olursa buradayız.",
        "closing": "Biz teşekkür ederiz, iyi günler ve iyi sürüşler dileriz!",
        "safety": "Merhaba, güvenliğiniz için lütfen bisikleti hemen kullanmayı bırakın{battery}. "
        "Ekibimiz sizi şimdi arıyor.",
        "battery": " ve bataryayı şarjdan çıkarıp yanıcı şeylerden uzak tutun",
        "critical": "Merhaba, mesajınızı öncelikli olarak ele alıyoruz; yetkili arkadaşımız sizi hemen arayacak.",
    },
    "en": {
        "sales": "Hello, thank you for your interest! We will share the models that suit you, current "
        "prices and payment options {eta}. Tell us how you will ride and your budget, and we can "
        "recommend the right bike.",
        "support": "Hello, we have your message. We will check your records and get back to you {eta}. "
        "Could you share your order or service number, if you have one?",
        "complaint": "Hello, we are truly sorry about what happened. A team lead has your case and will "
        "contact you {eta} with a solution.",
        "inquiry": "Hello, thanks for your question. We will send you the information {eta}.",
        "technical": "Hello, we have passed the problem to our workshop and will get back to you {eta}. "
        "Could you share the bike's model, any error code on the display and a short photo or video?",
        "general": "Hello, thank you for your message! We are here if there is anything we can help with.",
        "closing": "Thank you too, have a great day and happy riding!",
        "safety": "Hello, for your safety please stop riding the bike now{battery}. Our team is calling you right now.",
        "battery": ", unplug the battery and keep it away from anything flammable",
        "critical": "Hello, we are treating your message as a priority; a team lead will call you right away.",
    },
}


def detect_language(text: str) -> Language | None:
    """`tr` or `en` from Turkish letters and common words; None when the text gives no sign."""
    words = _WORD.findall(text.replace("İ", "i").lower())
    turkish = 2 * len(_TURKISH_LETTERS.findall(text)) + sum(word in _TURKISH_WORDS for word in words)
    english = sum(word in _ENGLISH_WORDS for word in words)
    if turkish == english == 0:
        return None
    return "tr" if turkish >= english else "en"


def message_language(message: IncomingMessage) -> Language:
    """The message's language, else its chat's, else Turkish (most of İzer's customers)."""
    earlier = " ".join(entry.content for entry in message.history)
    return detect_language(message.current_message) or detect_language(earlier) or "tr"


def suggest_reply(message: IncomingMessage, analysis: Analysis, language: Language) -> str:
    """A short, polite draft for a person to send, fitted to what the analysis found."""
    texts = _REPLIES[language]
    if not analysis.action_required:
        return texts["closing"]
    if analysis.priority_level == "critical":
        found = " ".join([message.current_message, *analysis.keywords]).lower()
        if any(word in found for word in _SAFETY_WORDS):
            battery = texts["battery"] if any(word in found for word in _BATTERY_WORDS) else ""
            return texts["safety"].format(battery=battery)
        return texts["critical"]
    eta = _ETA[language][analysis.recommended_response_time]
    return texts[analysis.category].format(eta=eta)


class ProcessRequest(BaseModel):
    """What the router posts to `/process`."""

    message: IncomingMessage
    analysis: Analysis
    workflow_id: str = ""
    escalation: dict[str, Any] | None = None


class FailSwitch(BaseModel):
    """Answer the next `count` /process calls with `status` (after `delay_seconds`); -1: until reset."""

    status: int = Field(default=503, ge=200, le=599)
    count: int = Field(default=1, ge=-1)
    delay_seconds: float = Field(default=0, ge=0, le=600)


@dataclass
class Received:
    kind: Kind
    idempotency_key: str
    message_id: str
    count: int = 0
    failures: int = 0


@dataclass
class AgentState:
    """What one agent has received and answered, in memory."""

    name: str
    fail: FailSwitch | None = None
    received: dict[tuple[Kind, str], Received] = field(default_factory=dict)
    answers: dict[tuple[Kind, str], dict[str, Any]] = field(default_factory=dict)
    totals: dict[Kind, int] = field(default_factory=lambda: {"process": 0, "escalation": 0})
    replays: int = 0
    failures: int = 0

    def receive(self, kind: Kind, key: str, message_id: str) -> Received:
        self.totals[kind] += 1
        entry = self.received.setdefault((kind, key), Received(kind, key, message_id))
        entry.count += 1
        return entry

    def take_failure(self) -> FailSwitch | None:
        """The fault to play on this call, if one is armed."""
        fail = self.fail
        if fail is None:
            return None
        if fail.count > 0:
            remaining = fail.count - 1
            self.fail = fail.model_copy(update={"count": remaining}) if remaining else None
        return fail


def create_agent_app(name: str, *, fail: FailSwitch | None = None) -> FastAPI:
    """One reference agent called `name`, optionally starting with a fault armed."""
    state = AgentState(name=name, fail=fail)
    app = FastAPI(title=f"İzer reference agent: {name}")
    app.state.agent = state

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok", "agent": name}

    @app.post("/process")
    async def process(body: ProcessRequest, idempotency_key: Annotated[str | None, Header()] = None) -> JSONResponse:
        if not idempotency_key:
            raise HTTPException(400, "Idempotency-Key header is required: it makes retries safe")
        entry = state.receive("process", idempotency_key, body.message.message_id)
        fault = state.take_failure()
        if fault is not None:
            if fault.delay_seconds:
                await asyncio.sleep(fault.delay_seconds)
            if fault.status >= 300:
                entry.failures += 1
                state.failures += 1
                detail = f"{name} is failing on purpose (POST /admin/fail)"
                return JSONResponse({"detail": detail}, status_code=fault.status)
        stored = state.answers.get(("process", idempotency_key))
        if stored is not None:
            state.replays += 1
            return JSONResponse(stored, headers={"Idempotent-Replayed": "true"})
        language = message_language(body.message)
        answer = {
            "agent": name,
            "status": "accepted",
            "idempotency_key": idempotency_key,
            "message_id": body.message.message_id,
            "workflow_id": body.workflow_id,
            "category": body.analysis.category,
            "priority_level": body.analysis.priority_level,
            "language": language,
            "suggested_reply": suggest_reply(body.message, body.analysis, language),
            "received_at": datetime.now(UTC).isoformat(),
        }
        state.answers[("process", idempotency_key)] = answer
        return JSONResponse(answer)

    @app.post("/escalations")
    async def escalations(
        request: Request,
        body: Annotated[dict[str, Any], Body()],
        idempotency_key: Annotated[str | None, Header()] = None,
    ) -> JSONResponse:
        key = idempotency_key or "sha256:" + hashlib.sha256(await request.body()).hexdigest()
        state.receive("escalation", key, _message_id(body))
        stored = state.answers.get(("escalation", key))
        if stored is not None:
            state.replays += 1
            return JSONResponse(stored, headers={"Idempotent-Replayed": "true"})
        answer = {
            "agent": name,
            "status": "received",
            "idempotency_key": key,
            "message_id": _message_id(body),
            "received_at": datetime.now(UTC).isoformat(),
        }
        state.answers[("escalation", key)] = answer
        return JSONResponse(answer)

    @app.get("/requests")
    async def requests(kind: Annotated[Kind, Query()] = "process") -> list[dict[str, Any]]:
        return [
            {
                "idempotency_key": entry.idempotency_key,
                "message_id": entry.message_id,
                "count": entry.count,
                "failures": entry.failures,
            }
            for entry in state.received.values()
            if entry.kind == kind
        ]

    @app.get("/stats")
    async def stats() -> dict[str, Any]:
        return {
            "agent": name,
            "total_requests": state.totals["process"],
            "distinct_keys": sum(kind == "process" for kind, _ in state.received),
            "replays": state.replays,
            "failures": state.failures,
            "escalations": state.totals["escalation"],
        }

    @app.post("/admin/fail")
    async def arm_failure(switch: FailSwitch) -> dict[str, Any]:
        state.fail = switch if switch.count != 0 else None
        return {"agent": name, "fail": switch.model_dump()}

    @app.post("/admin/reset")
    async def reset() -> dict[str, str]:
        state.fail = None
        state.received.clear()
        state.answers.clear()
        state.totals = {"process": 0, "escalation": 0}
        state.replays = state.failures = 0
        return {"agent": name, "status": "reset"}

    return app


def _message_id(body: dict[str, Any]) -> str:
    message = body.get("message")
    found = message.get("message_id") if isinstance(message, dict) else body.get("message_id")
    return str(found or "")


def main(argv: list[str] | None = None) -> None:
    """Run one agent: `python -m izer.agents.reference general_purpose --port 8095`."""
    parser = argparse.ArgumentParser(description="Run one İzer reference agent.")
    parser.add_argument("name", help=f"agent name: {', '.join(AGENT_PORTS)} (or any other)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, help="default: the agent's usual port")
    parser.add_argument(
        "--fail-status",
        type=int,
        default=int(os.environ.get("AGENT_FAIL_STATUS") or 0) or None,
        help="answer /process with this status (env AGENT_FAIL_STATUS)",
    )
    parser.add_argument(
        "--fail-count",
        type=int,
        default=int(os.environ.get("AGENT_FAIL_COUNT") or -1),
        help="for this many calls, -1 for ever (env AGENT_FAIL_COUNT)",
    )
    args = parser.parse_args(argv)
    port = args.port or AGENT_PORTS.get(args.name)
    if port is None:
        parser.error(f"--port is required for an agent not in {', '.join(AGENT_PORTS)}")
    fail = FailSwitch(status=args.fail_status, count=args.fail_count) if args.fail_status else None
    uvicorn.run(create_agent_app(args.name, fail=fail), host=args.host, port=port, log_level="info")


if __name__ == "__main__":
    main()
