"""What WhatsApp reports about messages already sent: the delivery statuses of any outgoing message (once
per message and status) and the reactions to messages (once per reaction id). The statuses of İzer's own
replies also move those replies on, in `outbound.apply_status`."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy.orm import Session

from izer.db.models import MessageReaction, MessageStatusRecord
from izer.db.store import insert_once, naive_utc, utcnow


def record_status(
    session: Session,
    *,
    wamid: str,
    status: str,
    recipient_phone: str,
    status_at: datetime,
    errors: list[dict[str, object]] | None,
) -> bool:
    return insert_once(
        session,
        MessageStatusRecord(
            wamid=wamid,
            status=status[:16],
            recipient_phone=recipient_phone,
            status_at=naive_utc(status_at),
            errors=json.dumps(errors, ensure_ascii=False) if errors else None,
            created_at=utcnow(),
        ),
    )


def record_reaction(
    session: Session,
    *,
    reaction_id: str,
    message_id: str,
    phone_number: str,
    emoji: str,
    reacted_at: datetime,
) -> bool:
    return insert_once(
        session,
        MessageReaction(
            reaction_id=reaction_id,
            message_id=message_id,
            phone_number=phone_number,
            emoji=emoji[:32],
            reacted_at=naive_utc(reacted_at),
            created_at=utcnow(),
        ),
    )
