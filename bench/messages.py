"""The messages the benchmark sends: Turkish and English, every category, some closings, some critical.

Every message gets its own id and its own phone number, so no message's history or escalation reaches
another one's chat: the run measures the pipeline, not chat-level interplay.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

TEXTS: tuple[str, ...] = (
    # sales
    "slm 27.5 jant dağ bisikleti bakıyorum 15-20 bin arası ne önerirsiniz",
    "Elektrikli bisiklet almayı düşünüyorum, kredi kartına 12 taksit yapıyor musunuz?",
    "Hi, I'd like a quote for 10 city e-bikes for our hotel guests. Do you offer a fleet discount?",
    "Hello, what is the price of the folding e-bike and is it in stock?",
    # support
    "Merhaba, siparişim 5 gündür kargoda görünüyor, ne zaman teslim edilir?",
    "Servis randevumu perşembeye almak istiyorum, uygun saatiniz var mı?",
    "Hi, my order #4821 still hasn't arrived, can you check the delivery status?",
    "Hello, I need to change the delivery address of my rental booking for tomorrow.",
    # complaint
    "Üç haftadır bisikletim serviste, kimse dönüş yapmıyor. Çok kötü bir hizmet, rezalet!",
    "Aldığım kask kırık geldi, parasını geri istiyorum. Çok sinirliyim.",
    "This is the third time I write and nobody answers. Terrible service, I want a refund.",
    "The bike I bought last week already has a bent rim. Very disappointed.",
    # technical
    "Elektrikli bisikletimin ekranında E21 hata kodu çıkıyor, motor çalışmıyor.",
    "Vitesler sürekli atlıyor, arka aktarıcı ayarı mı bozuldu acaba?",
    "My e-bike battery is not charging anymore, the charger light stays green.",
    "The display shows error 30 and the motor cuts out on hills. What should I check?",
    # inquiry
    "Cumartesi günleri kaçta açıksınız?",
    "Mağazanız Karşıyaka'da mı, adresi paylaşabilir misiniz?",
    "Do you rent bikes by the day, and what documents do I need?",
    "What are your opening hours on Sunday?",
    # general / closings (no action needed)
    "Tamam teşekkürler, iyi günler",
    "Thanks a lot, have a nice day!",
    # critical
    "Acil! Fren tutmuyor, yokuşta kaza yapıyordum, ne yapmalıyım?",
    "Urgent: the battery is smoking while charging, there is a burning smell!",
)

CRITICAL_TEXTS: tuple[str, ...] = (
    "Acil! Fren tutmuyor, yokuşta kaza yapıyordum, ne yapmalıyım?",
    "Urgent: the battery is smoking while charging, there is a burning smell!",
    "Bataryadan duman çıkıyor, şarjdayken kıvılcım gördüm, acil dönüş yapın!",
    "Help, the front brake failed and I crashed, the bike is unusable.",
)

HISTORY_LINES: tuple[tuple[str, str], ...] = (
    ("Müşteri", "Merhaba"),
    ("Customer", "Hello, quick question"),
    ("Müşteri", "Bir sorum olacaktı"),
)


@dataclass(frozen=True)
class Message:
    message_id: str
    phone_number: str
    text: str
    chat_name: str
    history: tuple[tuple[str, str], ...]


def phone_for(index: int, prefix: str) -> str:
    """A distinct Turkish mobile number per message and phase (prefix keeps the phases apart)."""
    return f"+90{prefix}{index:07d}"


def build(run_id: str, phase: str, count: int, *, phone_prefix: str, critical: bool = False) -> list[Message]:
    texts = CRITICAL_TEXTS if critical else TEXTS
    messages = []
    for i in range(count):
        history = (HISTORY_LINES[i % len(HISTORY_LINES)],) if i % 3 == 0 else ()
        messages.append(
            Message(
                message_id=f"bench-{run_id}-{phase}-{i:05d}",
                phone_number=phone_for(i, phone_prefix),
                text=texts[i % len(texts)],
                chat_name=f"Bench {phase} {i}",
                history=history,
            )
        )
    return messages


def bridge_body(message: Message, now: datetime) -> bytes:
    """The original system's bridge JSON for POST /webhook."""
    history = [
        {
            "sender": sender,
            "content": content,
            "timestamp": (now - timedelta(minutes=5)).isoformat().replace("+00:00", "Z"),
            "type": "text",
        }
        for sender, content in message.history
    ]
    body = {
        "message_id": message.message_id,
        "chat_time": now.isoformat().replace("+00:00", "Z"),
        "chat_name": message.chat_name,
        "phone_number": message.phone_number,
        "current_message": message.text,
        "history": history,
    }
    return json.dumps(body, ensure_ascii=False).encode()


def meta_body(message: Message, now: datetime) -> bytes:
    """A WhatsApp Cloud API notification carrying one text message (non-ASCII escaped, as Meta sends)."""
    wa_id = message.phone_number.lstrip("+")
    body = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "100000000000001",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {"display_phone_number": "902320000000", "phone_number_id": "1000001"},
                            "contacts": [{"profile": {"name": message.chat_name}, "wa_id": wa_id}],
                            "messages": [
                                {
                                    "from": wa_id,
                                    "id": message.message_id,
                                    "timestamp": str(int(now.timestamp())),
                                    "type": "text",
                                    "text": {"body": message.text},
                                }
                            ],
                        },
                    }
                ],
            }
        ],
    }
    return json.dumps(body).encode()


def utc_now() -> datetime:
    return datetime.now(UTC)
