"""A SQLite database with one important customer: a dealer whose messages are at least high."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.db.models import ImportantCustomer

PHONE = "+905551112233"


def sessions_with_a_dealer(tmp_path: Path) -> sessionmaker[Session]:
    engine = make_engine(f"sqlite:///{tmp_path / 'izer.db'}")
    init_database(engine)
    sessions = make_sessionmaker(engine)
    with sessions() as session:
        session.add(
            ImportantCustomer(
                phone_number=PHONE,
                name="Bayi",
                tier="dealer",
                min_priority="high",
                active=True,
                created_at=datetime(2026, 1, 1),
            )
        )
        session.commit()
    return sessions
