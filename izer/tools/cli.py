"""The `izer` command: the dev stack, the worker, the API, evaluation and operations."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys

from izer.observability import configure_logging
from izer.settings import Settings
from izer.temporal import pipeline_config
from izer.tools.exit import exit_with


def _dev(args: argparse.Namespace) -> int:
    from izer.tools.devstack import run_dev

    settings = Settings()
    configure_logging(level=settings.log_level, fmt=settings.log_format, log_file=settings.log_file)
    return run_dev(settings, workers=args.workers, api_processes=args.api)


def _worker(args: argparse.Namespace) -> int:
    from izer.worker_setup import main

    main()
    return 0


def _api(args: argparse.Namespace) -> int:
    import uvicorn

    settings = Settings()
    uvicorn.run("api:app", host=args.host or settings.host, port=args.port or settings.port)
    return 0


def _codec_server(args: argparse.Namespace) -> int:
    """Temporal's remote codec protocol on this machine, for the Web UI's "Codec Server" setting."""
    import uvicorn

    from izer.routes.codec import create_codec_app
    from izer.temporal import payload_codec

    settings = Settings()
    codec = payload_codec(settings)
    if codec is None:
        print("PAYLOAD_ENCRYPTION_KEY is not set: there is nothing to decode", file=sys.stderr)
        return 2
    print(f"codec endpoint http://127.0.0.1:{args.port} (Web UI origin {settings.temporal_ui_url})", file=sys.stderr)
    uvicorn.run(create_codec_app(settings, codec), host="127.0.0.1", port=args.port, log_level="warning")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from izer.analysis import evaluate as evaluation

    settings = Settings()
    records = evaluation.load_labeled(args.file)
    if args.analyzer == "openai":
        report = asyncio.run(_evaluate_openai(settings, records))
    else:
        analyze = _local_analyzer(settings, args.analyzer)

        async def run(message):  # type: ignore[no-untyped-def]
            return analyze(message)

        report = asyncio.run(evaluation.evaluate(records, run))
    print(evaluation.format_report(report, title=f"{args.file} · analyzer {args.analyzer}"))
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    return 0


def _local_analyzer(settings: Settings, name: str):  # type: ignore[no-untyped-def]
    """The rules, the model alone or both, with the business rules on top (except the model alone)."""
    from izer.analysis import model as text_model
    from izer.analysis import rules
    from izer.analysis.combined import CombinedAnalyzer, model_only
    from izer.analysis.policy import apply_business_rules

    senders = settings.business_sender_names
    if name == "rules":
        return lambda message: apply_business_rules(
            rules.analyze(message, business_senders=senders), message, business_senders=senders
        )
    try:
        loaded = text_model.load(settings.model_path)
    except text_model.ModelUnavailable as err:
        raise SystemExit(f"--analyzer {name}: {err.reason}") from None
    combined = CombinedAnalyzer(model=loaded, business_senders=senders)
    if name == "model":
        return lambda message: model_only(message, combined.predict(message), loaded.version)
    return lambda message: apply_business_rules(combined.analyze(message), message, business_senders=senders)


async def _evaluate_openai(settings: Settings, records):  # type: ignore[no-untyped-def]
    from izer.analysis import evaluate as evaluation
    from izer.analysis.llm import OpenAIAnalyzer, build_client

    if not settings.uses_openai:
        raise SystemExit("OPENAI_API_KEY is not set: --analyzer openai needs it")
    client = build_client(settings)
    analyzer = OpenAIAnalyzer(
        client=client, model=settings.openai_model, business_senders=settings.business_sender_names
    )
    try:
        return await evaluation.evaluate(records, analyzer.analyze)
    finally:
        await client.close()


def _train(args: argparse.Namespace) -> int:
    """Build the model file from every labeled set (and the exported corrections), or cross-validate."""
    from izer.analysis import evaluate as evaluation
    from izer.analysis import training
    from izer.analysis.model import train

    settings = Settings()
    files = training.training_files(args.labels)
    records = training.load_records(files)
    print(f"{len(records)} labeled messages from {len(files)} files", file=sys.stderr)
    if args.cv:
        result = training.cross_validate(records, k=args.folds)
        for name, report in result.reports.items():
            print(evaluation.format_report(report, title=f"{name}, {result.k}-fold cross-validation") + "\n")
        summary = {name: _headline(report.as_json()) for name, report in result.reports.items()}
        print(json.dumps(summary))
        return 0
    model = train([training.example(record) for record in records], sources=[path.name for path in files])
    target = model.save(args.output or settings.model_path)
    print(f"model {model.version}: {model.meta['features']} features, {len(records)} messages → {target}")
    return 0


def _headline(report: dict) -> dict:  # type: ignore[type-arg]
    keys = ("category_accuracy", "sentiment_accuracy", "priority_accuracy", "priority_within_one")
    more = ("critical_recall", "critical_precision", "action_required_accuracy", "needs_review_rate")
    return {key: report[key] for key in (*keys, *more)}


def _export_labels(args: argparse.Namespace) -> int:
    """The team's corrections as labeled JSONL (the format of ../shared/data/messages_labeled.jsonl)."""
    from izer.db import corrections
    from izer.db.engine import make_engine, make_sessionmaker

    settings = Settings()
    engine = make_engine(settings.sqlalchemy_url)
    with make_sessionmaker(engine)() as session:
        rows = corrections.labeled_records(session)
    engine.dispose()
    output = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for row in rows:
            output.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if output is not sys.stdout:
            output.close()
    print(f"{len(rows)} corrected messages", file=sys.stderr)
    return 0


def _check_config(args: argparse.Namespace) -> int:
    """Validate the environment: settings parse, database and Temporal answer, secrets present."""
    from pydantic import ValidationError

    try:
        settings = Settings()
    except ValidationError as err:
        for error in err.errors():
            print(f"✗ {'.'.join(str(p) for p in error['loc']).upper()}: {error['msg']}")
        return 1
    problems = 0

    def report(ok: bool, text: str) -> None:
        nonlocal problems
        problems += 0 if ok else 1
        print(("✓ " if ok else "✗ ") + text)

    from izer.db.engine import make_engine, ping
    from izer.tools.parts import answers
    from izer.worker_setup import response_policy

    try:
        ping(make_engine(settings.sqlalchemy_url))
        report(True, f"database answers ({settings.sqlalchemy_url.split('@')[-1]})")
    except Exception as err:  # noqa: BLE001 - report any failure to connect
        report(False, f"database unreachable: {type(err).__name__}")
    report(answers(settings.temporal_address), f"Temporal at {settings.temporal_address}")
    try:
        response_policy(settings)
        report(True, f"business hours {settings.business_hours!r} in {settings.business_timezone}")
    except ValueError as err:
        report(False, str(err))
    analyzer = f"openai ({settings.openai_model})" if settings.uses_openai else "rules (no OPENAI_API_KEY)"
    print(f"• analyzer: {analyzer}")
    for missing in settings.missing_secrets():
        report(settings.env != "production", missing)
    return 1 if problems else 0


def _replay(args: argparse.Namespace) -> int:
    """Analyze and route a stored message again, through Temporal, recorded as a new attempt."""
    from izer.db import outcomes, store
    from izer.db.engine import make_engine, make_sessionmaker
    from izer.temporal import connect
    from workflows.contracts import ReplayInput
    from workflows.replay import ReplayWorkflow, replay_workflow_id

    settings = Settings()
    engine = make_engine(settings.sqlalchemy_url)
    with make_sessionmaker(engine)() as session:
        if store.load_message(session, args.message_id) is None:
            print(f"no stored message {args.message_id!r}", file=sys.stderr)
            return 1
        attempt = outcomes.next_attempt(session, args.message_id)
    engine.dispose()

    async def replay() -> str:
        client = await connect(settings)
        result = await client.execute_workflow(
            ReplayWorkflow.run,
            ReplayInput(message_id=args.message_id, attempt=attempt, config=pipeline_config(settings)),
            id=replay_workflow_id(args.message_id, attempt),
            task_queue=settings.temporal_task_queue,
        )
        return json.dumps(result.model_dump(mode="json"), ensure_ascii=False)

    print(asyncio.run(replay()))
    return 0


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+90…`, `@SUM`) gets a leading
    apostrophe, so it is shown as text; numbers are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _export(args: argparse.Namespace) -> int:
    """CSV of the messages received since a date, with their analysis and answer times."""
    import csv
    from datetime import UTC, datetime

    from izer.db import reports
    from izer.db.engine import make_engine, make_sessionmaker

    def moment(text: str) -> datetime:
        value = datetime.fromisoformat(text)
        return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value

    settings = Settings()
    engine = make_engine(settings.sqlalchemy_url)
    with make_sessionmaker(engine)() as session:
        rows = reports.export_rows(session, moment(args.since), moment(args.until) if args.until else None)
    engine.dispose()
    output = open(args.output, "w", newline="", encoding="utf-8") if args.output else sys.stdout
    try:
        writer = csv.DictWriter(output, fieldnames=reports.EXPORT_COLUMNS)
        writer.writeheader()
        writer.writerows({key: spreadsheet_safe(value) for key, value in row.items()} for row in rows)
    finally:
        if output is not sys.stdout:
            output.close()
    print(f"{len(rows)} messages", file=sys.stderr)
    return 0


def _notify_test(args: argparse.Namespace) -> int:
    """A test notice to every configured escalation channel; says which worked (exit 1 if any did not)."""
    from izer.notify import Notifier, channels, trial_notice

    settings = Settings()
    try:
        found = channels(settings.notification_urls("team"), settings.notification_urls("management"))
    except ValueError as err:
        print(f"✗ {err}")
        return 1
    webhooks = [
        (name, url)
        for name, url in (
            ("team", settings.escalation_webhook_url),
            ("management", settings.escalation_management_url),
        )
        if url
    ]
    if not found and not webhooks:
        print("no escalation channel is configured: set ESCALATION_TEAM_URLS (Apprise URLs) or ESCALATION_WEBHOOK_URL")
        return 1

    async def send_all() -> list[tuple[str, bool, str]]:
        import httpx

        notifier = Notifier()
        results = []
        for channel in found:
            ok, detail = await notifier.send(channel, trial_notice(channel, settings.notify_language))
            results.append((f"{channel.name} ({channel.service})", ok, detail))
        async with httpx.AsyncClient(timeout=10) as http:
            for name, url in webhooks:
                try:
                    response = await http.post(url, json={"kind": "test", "message": "İzer test notification"})
                    results.append((f"{name} webhook", response.is_success, f"HTTP {response.status_code}"))
                except httpx.HTTPError as err:
                    results.append((f"{name} webhook", False, f"unreachable ({type(err).__name__})"))
        return results

    results = asyncio.run(send_all())
    for name, ok, detail in results:
        print(("✓ " if ok else "✗ ") + f"{name}: {detail}")
    return 0 if all(ok for _, ok, _ in results) else 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="izer", description="İzer message pipeline")
    commands = parser.add_subparsers(dest="command", required=True)
    dev = commands.add_parser("dev", help="start the whole stack on embedded defaults")
    dev.add_argument("--workers", type=int, default=1, choices=range(1, 17), metavar="N", help="worker processes")
    dev.add_argument("--api", type=int, default=1, choices=range(1, 17), metavar="N", help="API processes, one port")
    dev.set_defaults(run=_dev)
    commands.add_parser("worker", help="run the Temporal worker").set_defaults(run=_worker)
    api = commands.add_parser("api", help="run the HTTP API")
    api.add_argument("--host", help="the address to bind (default HOST, else 127.0.0.1)")
    api.add_argument("--port", type=int)
    api.set_defaults(run=_api)
    codec_server = commands.add_parser("codec-server", help="decrypt payloads for the Temporal Web UI (this machine)")
    codec_server.add_argument("--port", type=int, default=8888)
    codec_server.set_defaults(run=_codec_server)
    evaluate = commands.add_parser("evaluate", help="score an analyzer on labeled messages (JSONL)")
    evaluate.add_argument("file")
    evaluate.add_argument("--analyzer", choices=("rules", "model", "combined", "openai"), default="rules")
    evaluate.add_argument("--json", action="store_true", help="end with one JSON object on the last line")
    evaluate.set_defaults(run=_evaluate)
    train = commands.add_parser("train", help="build the model file from every labeled message (seeded)")
    train.add_argument("--labels", action="append", default=[], help="another labeled JSONL, e.g. exported corrections")
    train.add_argument("--output", "-o", help="model file to write (default: MODEL_PATH)")
    train.add_argument("--cv", action="store_true", help="cross-validate rules, model and combined instead")
    train.add_argument("--folds", type=int, default=5)
    train.set_defaults(run=_train)
    labels = commands.add_parser("export-labels", help="the team's corrections as labeled JSONL")
    labels.add_argument("--output", "-o", help="file to write (default: standard output)")
    labels.set_defaults(run=_export_labels)
    commands.add_parser("check-config", help="validate the environment and say what is missing").set_defaults(
        run=_check_config
    )
    replay = commands.add_parser("replay", help="analyze and route a stored message again, as a new attempt")
    replay.add_argument("message_id")
    replay.set_defaults(run=_replay)
    export = commands.add_parser("export", help="CSV of messages with their analysis and answer times")
    export.add_argument("--since", required=True, help="ISO date or time, e.g. 2025-01-01")
    export.add_argument("--until", help="ISO date or time (exclusive)")
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.set_defaults(run=_export)
    commands.add_parser(
        "notify-test", help="send a test notification to every escalation channel and say which worked"
    ).set_defaults(run=_notify_test)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    code = args.run(args)
    exit_with(code)


if __name__ == "__main__":
    main()
