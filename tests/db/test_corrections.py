"""Corrections: stored with who and the labels before and after, scored in /stats, exported in the labeled
JSONL format, and learned from by training."""

from __future__ import annotations

import json
from pathlib import Path

from izer.analysis import model as text_model
from izer.analysis import rules
from izer.analysis.training import example, load_records
from izer.db import corrections, outcomes, queries, reports, store
from izer.db.engine import init_database, make_engine, make_sessionmaker
from izer.domain import HistoryEntry
from tests.workflows.doubles import message


def test_a_correction_round_trips_through_export_and_training(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/izer.db")
    init_database(engine)
    sessions = make_sessionmaker(engine)
    msg = message("c-1", "kiraladığımız bisikletlerin kilidi açılmıyor, şehirden çok uzaktayız")
    msg = msg.model_copy(
        update={"history": [HistoryEntry(sender="İzer", content="Merhaba, nasıl yardımcı olabiliriz?")]}
    )
    with sessions() as session:
        store.record_message(session, msg, workflow_id="message-c-1", business_senders=["İzer"])
        outcomes.record_analysis(session, "c-1", rules.analyze(msg).model_copy(update={"priority_level": "normal"}))
        first = corrections.record_correction(session, "c-1", corrected_by="Ayşe", priority="critical")
        second = corrections.record_correction(session, "c-1", corrected_by="Mehmet", category="support")
        again = corrections.record_correction(session, "c-1", corrected_by="Ayşe", priority="high")
        rows = corrections.labeled_records(session)
        stats = reports.statistics_for(session, 24)
        detail = queries.message_detail(session, "c-1")
    assert first["raised"] and first["priority"] == ["normal", "critical"] and first["corrected_by"] == "Ayşe"
    assert not second["raised"] and second["priority"] == ["critical", "critical"]
    assert not again["raised"]
    assert detail is not None and [c["corrected_by"] for c in detail["corrections"]] == ["Ayşe", "Mehmet", "Ayşe"]
    assert stats["corrections"]["corrections"] == 3
    assert stats["corrections"]["by_analyzer"]["rules"]["priority"] < 1

    assert len(rows) == 1
    labels = rows[0]["labels"]
    assert labels["priority_level"] == "high" and labels["category"] == "support"
    assert labels["response_time"] == "1hour" and labels["action_required"] is True
    exported = tmp_path / "corrections.jsonl"
    exported.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    records = load_records([exported])
    assert records[0].message.current_message == msg.current_message
    assert records[0].message.history[0].sender == "İzer"
    learned = example(records[0])
    assert learned.priority == "high" and learned.category == "support" and learned.history.startswith("isletme ")
    model = text_model.train([learned, learned])
    assert model.predict(msg.current_message).best("category")[0] == "support"
