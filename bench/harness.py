"""`make bench`: start a private stack, measure, verify, stop everything, print a summary and one JSON line.

Phases, in one run on one dev server:
1. baseline: bare workflows of one no-op activity (bench/baseline.py), the most this server does here;
2. pipeline: POST /webhook (Update-with-Start) at BENCH_CONCURRENCY until BENCH_MESSAGES are routed
   and recorded; throughput, webhook and end-to-end latency, worker RSS;
3. sync: the bridge answer at concurrency 1;
4. meta: signed WhatsApp Cloud API notifications, open loop at 80 % of the pipeline's rate;
5. waiting: messages kept waiting for an answer until BENCH_WAITING are open; worker RSS on the way;
6. verification: every message stored, analyzed and routed exactly once (SQLite of the run), and one
   distinct Idempotency-Key per message at the agents.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import secrets
import shutil
import signal
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from temporalio.client import Client

from bench import baseline, load, messages, verify
from bench.stack import Stack, cpu_seconds, tree_rss_mb
from izer.ingest.signature import sign
from izer.settings import Settings

log = logging.getLogger("izer.bench")
DEV_PRAGMAS = ("journal_mode=wal", "synchronous=normal")

PASS_THROUGH = (
    "WORKER_MAX_CONCURRENT_ACTIVITIES",
    "WORKER_MAX_CONCURRENT_WORKFLOW_TASKS",
    "WORKER_MAX_CACHED_WORKFLOWS",
    "SEARCH_ATTRIBUTES",
    "WEBHOOK_SYNC_TIMEOUT",
    "BENCH_BYTECODE",
)
"""Settings a lever experiment may set in the environment; every other İzer setting is the run's own."""


@dataclass(frozen=True)
class Config:
    messages: int = 500
    concurrency: int = 50
    waiting: int = 10000
    baseline: int = 500
    sync_messages: int = 50
    meta_seconds: float = 20.0
    warmup: int = 20
    rounds: int = 4
    waiting_seconds: float = 450.0
    keep: bool = False
    pragmas: list[str] | None = None
    workers: int = 1
    extra_env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> Config:
        env = os.environ
        count = int(env.get("BENCH_MESSAGES", "500"))
        pragmas = env.get("BENCH_PRAGMAS")
        return cls(
            messages=count,
            concurrency=int(env.get("BENCH_CONCURRENCY", "50")),
            waiting=int(env.get("BENCH_WAITING", "10000")),
            baseline=int(env.get("BENCH_BASELINE", str(count))),
            sync_messages=int(env.get("BENCH_SYNC_MESSAGES", "50")),
            meta_seconds=float(env.get("BENCH_META_SECONDS", "20")),
            rounds=int(env.get("BENCH_ROUNDS", "4")),
            waiting_seconds=float(env.get("BENCH_WAITING_SECONDS", "450")),
            keep=env.get("BENCH_KEEP", "") not in ("", "0"),
            pragmas=None if pragmas is None else [p for p in pragmas.split(",") if p.strip() and p != "none"],
            workers=int(env.get("BENCH_WORKERS", "1")),
            extra_env={k: env[k] for k in PASS_THROUGH if k in env},
        )


class Monitor:
    """Samples the worker's RSS (process tree) in the background."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            self.peak = max(self.peak, tree_rss_mb(self.pid))
            await asyncio.sleep(0.5)

    def __enter__(self) -> Monitor:
        self.peak = tree_rss_mb(self.pid)
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *_: object) -> None:
        if self._task is not None:
            self._task.cancel()
        self.peak = max(self.peak, tree_rss_mb(self.pid))


@dataclass
class Phase:
    name: str
    sent: list[load.Sent]
    routed: dict[str, float]
    elapsed: float

    @property
    def latencies(self) -> list[float]:
        return [s.latency for s in self.sent if s.status in (200, 202)]

    @property
    def e2e(self) -> list[float]:
        by_id = {s.message_id: s.sent_at for s in self.sent}
        return [self.routed[m] - t for m, t in by_id.items() if m in self.routed]

    def statuses(self) -> dict[str, int]:
        return statuses(self.sent)


class Bench:
    def __init__(self, config: Config, stack: Stack, engine: Engine, run_id: str) -> None:
        self.config = config
        self.stack = stack
        self.engine = engine
        self.run_id = run_id
        self.prefix = f"bench-{run_id}-"
        self.sent_ids: set[str] = set()
        self.http = load.client(config.concurrency)
        self.result: dict[str, Any] = {}
        self.notes: list[str] = []

    # ---- requests -------------------------------------------------------------------------------
    def bridge(self, batch: Sequence[messages.Message]) -> list[load.Request]:
        now = messages.utc_now()
        return [(m.message_id, messages.bridge_body(m, now), {}) for m in batch]

    def meta(self, batch: Sequence[messages.Message]) -> list[load.Request]:
        now = messages.utc_now()
        requests = []
        for m in batch:
            body = messages.meta_body(m, now)
            requests.append((m.message_id, body, {"x-hub-signature-256": sign(body, self.stack.app_secret)}))
        return requests

    async def wait_routed(self, ids: set[str], prefix: str, time_limit: float) -> dict[str, float]:
        """Poll the run's database until every id in `ids` has its routing recorded (or time runs out)."""
        deadline = time.monotonic() + time_limit
        while True:
            routed = await asyncio.to_thread(verify.routed_at, self.engine, prefix)
            if ids <= routed.keys() or time.monotonic() > deadline:
                return {m: t for m, t in routed.items() if m in ids}
            self.stack.check_alive()
            await asyncio.sleep(0.25)

    async def pipeline_phase(self, name: str, batch: list[messages.Message], concurrency: int) -> Phase:
        requests = self.bridge(batch)
        started = time.time()
        sent = await load.closed_loop(
            self.http,
            f"{self.stack.api_url}/webhook",
            requests,
            concurrency=concurrency,
            time_limit=max(120.0, 2.0 * len(batch)),
        )
        self.sent_ids.update(s.message_id for s in sent)
        ids = {s.message_id for s in sent}
        routed = await self.wait_routed(ids, f"{self.prefix}{name}-", 120)
        finished = max(routed.values(), default=time.time())
        return Phase(name, sent, routed, finished - started)

    # ---- phases ---------------------------------------------------------------------------------
    def _cpu(self, names: Sequence[str]) -> dict[str, float]:
        return {name: cpu_seconds(self.stack.parts[name].pid) for name in names}

    async def throughput(self) -> None:
        """Baseline and pipeline in alternating rounds, so both see the same load from the rest of the machine."""
        config = self.config
        rounds = max(1, config.rounds)
        queue = f"bench-baseline-{self.run_id}"
        baseline_worker = self.stack.start_baseline_worker(queue)
        client = await Client.connect(self.stack.temporal_address)
        base_parts = ("temporal", baseline_worker.name)
        pipe_parts = tuple(name for name in self.stack.parts if name not in base_parts) + ("temporal",)
        base_time = pipe_time = own_cpu = 0.0
        base_cpu: dict[str, float] = dict.fromkeys(base_parts, 0.0)
        pipe_cpu: dict[str, float] = dict.fromkeys(pipe_parts, 0.0)
        phases: list[Phase] = []
        batch = messages.build(self.run_id, "main", config.messages, phone_prefix="51")
        warm = messages.build(self.run_id, "warm", config.warmup, phone_prefix="50")
        try:
            await baseline.drive(
                client, queue, prefix=f"{self.prefix}warm", count=config.warmup, concurrency=config.warmup
            )
            await self.pipeline_phase("warm", warm, min(config.concurrency, 10))
            with Monitor(self.stack.parts["worker"].pid) as monitor:
                for r in range(rounds):
                    before = self._cpu(base_parts)
                    count = _share(config.baseline, rounds, r)
                    base_time += await baseline.drive(
                        client,
                        queue,
                        prefix=f"{self.prefix}baseline-{r}",
                        count=count,
                        concurrency=config.concurrency,
                    )
                    for name, used in self._cpu(base_parts).items():
                        base_cpu[name] += used - before[name]
                    before, own = self._cpu(pipe_parts), time.process_time()
                    first = sum(_share(config.messages, rounds, i) for i in range(r))
                    part = batch[first : first + _share(config.messages, rounds, r)]
                    phase = await self.pipeline_phase("main", part, config.concurrency)
                    phases.append(phase)
                    pipe_time += phase.elapsed
                    own_cpu += time.process_time() - own
                    for name, used in self._cpu(pipe_parts).items():
                        pipe_cpu[name] += used - before[name]
        finally:
            self.stack.stop(baseline_worker.name)
        base_rate = config.baseline / base_time
        main = Phase(
            "main",
            [s for p in phases for s in p.sent],
            {m: t for p in phases for m, t in p.routed.items()},
            pipe_time,
        )
        rate = len(main.routed) / pipe_time if pipe_time > 0 else 0.0
        pipe_cpu["bench (load generator)"] = own_cpu
        self.result.update(
            {
                "messages": config.messages,
                "workers": config.workers,
                "concurrency": config.concurrency,
                "rounds": rounds,
                "pipeline_msgs_per_s": round(rate, 2),
                "baseline_wf_per_s": round(base_rate, 2),
                "webhook_p50_ms": load.ms(load.percentile(main.latencies, 50)),
                "webhook_p99_ms": load.ms(load.percentile(main.latencies, 99)),
                "e2e_p50_ms": load.ms(load.percentile(main.e2e, 50)),
                "e2e_p99_ms": load.ms(load.percentile(main.e2e, 99)),
                "webhook_statuses": main.statuses(),
                "worker_rss_mb": round(monitor.peak, 1),
                "baseline_cpu_ms_per_wf": {
                    name: round(1000 * used / config.baseline, 1) for name, used in base_cpu.items()
                },
                "cpu_ms_per_msg": {
                    name: round(1000 * used / config.messages, 1)
                    for name, used in pipe_cpu.items()
                    if used >= 0.0002 * config.messages
                },
                "main_elapsed_s": round(pipe_time, 1),
            }
        )
        print(
            f"baseline: {config.baseline} one-activity workflows at concurrency {config.concurrency} in {rounds} "
            f"rounds: {base_rate:.1f}/s; CPU ms per workflow {self.result['baseline_cpu_ms_per_wf']}"
        )
        print(
            f"pipeline: {len(main.routed)}/{config.messages} routed and recorded in {pipe_time:.1f} s at concurrency "
            f"{config.concurrency} in {rounds} rounds (alternating with the baseline's): {rate:.1f} msgs/s; webhook "
            f"p50 {self.result['webhook_p50_ms']} ms p99 {self.result['webhook_p99_ms']} ms; statuses "
            f"{main.statuses()}; worker RSS {monitor.peak:.0f} MiB; CPU ms per message {self.result['cpu_ms_per_msg']}"
        )

    async def events_per_message(self) -> None:
        """History length of one routed-and-waiting and one closed message workflow."""
        client = await Client.connect(self.stack.temporal_address)
        counts: dict[str, int] = {}
        for label, index in (("waiting", 0), ("closed", messages.TEXTS.index("Tamam teşekkürler, iyi günler"))):
            workflow_id = f"message-{self.prefix}main-{index:05d}"
            if index >= self.config.messages:
                continue
            history = await client.get_workflow_handle(workflow_id).fetch_history()
            counts[label] = len(history.events)
        self.result["events_per_message"] = counts
        print(f"workflow history: {counts} events per message (waiting one / closed one)")

    async def sync_c1(self) -> None:
        batch = messages.build(self.run_id, "sync", self.config.sync_messages, phone_prefix="52")
        phase = await self.pipeline_phase("sync", batch, 1)
        self.result["sync_p50_ms_c1"] = load.ms(load.percentile(phase.latencies, 50))
        self.result["sync_p99_ms_c1"] = load.ms(load.percentile(phase.latencies, 99))
        print(
            f"bridge answer at concurrency 1 ({len(batch)} messages): p50 {self.result['sync_p50_ms_c1']} ms, "
            f"p99 {self.result['sync_p99_ms_c1']} ms; statuses {phase.statuses()}"
        )

    async def meta_path(self) -> None:
        rate = max(1.0, 0.8 * self.result["pipeline_msgs_per_s"])
        count = max(50, round(rate * self.config.meta_seconds))
        batch = messages.build(self.run_id, "meta", count, phone_prefix="53")
        requests = self.meta(batch)
        started = time.time()
        sent = await load.open_loop(
            self.http,
            f"{self.stack.api_url}/webhook/whatsapp",
            requests,
            rate=rate,
            max_in_flight=self.config.concurrency,
        )
        self.sent_ids.update(s.message_id for s in sent)
        ids = {s.message_id for s in sent}
        routed = await self.wait_routed(ids, f"{self.prefix}meta-", 180)
        phase = Phase("meta", sent, routed, max(routed.values(), default=time.time()) - started)
        self.result.update(
            {
                "meta_rate_per_s": round(rate, 2),
                "meta_messages": count,
                "meta_p50_ms": load.ms(load.percentile(phase.latencies, 50)),
                "meta_p90_ms": load.ms(load.percentile(phase.latencies, 90)),
                "meta_p99_ms": load.ms(load.percentile(phase.latencies, 99)),
                "meta_max_ms": load.ms(max(phase.latencies, default=math.nan)),
                "meta_e2e_p50_ms": load.ms(load.percentile(phase.e2e, 50)),
                "meta_e2e_p99_ms": load.ms(load.percentile(phase.e2e, 99)),
                "meta_statuses": phase.statuses(),
            }
        )
        print(
            f"meta path: {count} signed notifications at {rate:.1f}/s (80 % of the pipeline): webhook p50 "
            f"{self.result['meta_p50_ms']} ms p90 {self.result['meta_p90_ms']} ms p99 {self.result['meta_p99_ms']} ms "
            f"max {self.result['meta_max_ms']} ms; routed {len(routed)}/{count}, "
            f"end-to-end p50 {self.result['meta_e2e_p50_ms']} ms p99 {self.result['meta_e2e_p99_ms']} ms; "
            f"statuses {phase.statuses()}"
        )

    async def waiting(self) -> None:
        """Top the open (waiting) messages up to BENCH_WAITING with critical ones; RSS at each thousand.

        Sending stops after BENCH_WAITING_SECONDS; what was sent is then drained and reported."""
        config = self.config
        target = config.waiting
        worker_pid = self.stack.parts["worker"].pid
        already = await asyncio.to_thread(verify.count_waiting, self.engine)
        batch = messages.build(self.run_id, "wait", max(0, target - already), phone_prefix="54", critical=True)
        samples: dict[int, float] = {}
        marks = sorted({1000, target} | set(range(1000, target + 1, 1000)))
        started = time.time()
        send = asyncio.create_task(
            load.closed_loop(
                self.http,
                f"{self.stack.api_url}/webhook",
                self.bridge(batch),
                concurrency=config.concurrency,
                time_limit=config.waiting_seconds,
            )
        )
        deadline = time.monotonic() + config.waiting_seconds + 180
        open_now = already
        try:
            while time.monotonic() < deadline:
                open_now = await asyncio.to_thread(verify.count_waiting, self.engine)
                rss = round(tree_rss_mb(worker_pid), 1)
                samples.update({mark: rss for mark in marks if open_now >= mark and mark not in samples})
                if open_now >= target:
                    break
                if send.done():
                    routed = await asyncio.to_thread(verify.count_routed, self.engine, f"{self.prefix}wait-")
                    if routed >= len(send.result()):
                        break
                self.stack.check_alive()
                await asyncio.sleep(1.0)
        finally:
            sent = await send
        self.sent_ids.update(s.message_id for s in sent)
        elapsed = time.time() - started
        reached_rss = round(tree_rss_mb(worker_pid), 1)
        await asyncio.sleep(5)
        settled = round(tree_rss_mb(worker_pid), 1)
        counts = statuses(sent)
        self.result.update(
            {
                "waiting_target": target,
                "waiting_reached": open_now,
                "worker_rss_mb_1000_waiting": samples.get(1000),
                f"worker_rss_mb_{target}_waiting": samples.get(target),
                "worker_rss_mb_by_waiting": {str(k): v for k, v in sorted(samples.items())},
                "worker_rss_mb_at_reached": reached_rss,
                "worker_rss_mb_settled": settled,
                "worker_max_cached_workflows": int(
                    config.extra_env.get("WORKER_MAX_CACHED_WORKFLOWS")
                    or Settings.model_fields["worker_max_cached_workflows"].default
                ),
                "waiting_fill_s": round(elapsed, 1),
                "waiting_statuses": counts,
            }
        )
        note = "" if open_now >= target else f" (stopped after BENCH_WAITING_SECONDS={config.waiting_seconds:.0f})"
        print(
            f"waiting: {open_now} messages open, target {target}{note}; {len(sent)} critical ones sent in "
            f"{elapsed:.0f} s, statuses {counts}; worker RSS (MiB) by waiting count {samples}, "
            f"{reached_rss} at {open_now}, {settled} 5 s later"
        )

    async def verify(self) -> None:
        ledger = await asyncio.to_thread(verify.ledger, self.engine, self.prefix, self.sent_ids)
        agents = await verify.agent_keys(
            self.http, [self.stack.agent_url(n) for n in self.stack.agent_ports], self.sent_ids
        )
        self.result.update(
            {
                "sent": ledger.sent,
                "lost": ledger.lost,
                "duplicates": ledger.duplicates,
                "not_analyzed": ledger.not_analyzed,
                "not_routed": ledger.not_routed,
                "agent_requests": agents.requests,
                "agent_key_violations": agents.keys_not_one,
                "agent_redeliveries": agents.redeliveries,
            }
        )
        print(
            f"verification over all {ledger.sent} messages of the run: stored {ledger.stored}, lost {ledger.lost}, "
            f"duplicate rows {ledger.duplicates} {ledger.per_table_duplicates}, not analyzed {ledger.not_analyzed}, "
            f"not routed {ledger.not_routed}; agents: {agents.requests} requests, {agents.keys_not_one} messages "
            f"without exactly one Idempotency-Key, {agents.redeliveries} redeliveries"
        )

    async def run(self) -> dict[str, Any]:
        try:
            await self.throughput()
            await self.events_per_message()
            await self.sync_c1()
            await self.meta_path()
            if self.config.waiting > 0:
                await self.waiting()
            await self.verify()
        finally:
            await self.http.aclose()
        base = self.result.get("baseline_wf_per_s") or 0
        self.result["ratio"] = round(self.result["pipeline_msgs_per_s"] / base, 3) if base else None
        return self.result


def statuses(sent: Sequence[load.Sent]) -> dict[str, int]:
    """How many requests ended with each HTTP status, plus how many needed a redelivery and why."""
    counts: dict[str, int] = {}
    for item in sent:
        counts[str(item.status)] = counts.get(str(item.status), 0) + 1
        if item.attempts > 1:
            key = f"redelivered after {item.error or 'transport error'}"
            counts[key] = counts.get(key, 0) + 1
    return counts


def _share(total: int, parts: int, index: int) -> int:
    """Item count of part `index` when `total` items are split into `parts` nearly equal parts."""
    return total // parts + (1 if index < total % parts else 0)


def _raise_interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> int:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    config = Config.from_env()
    run_id = uuid.uuid4().hex[:8]
    work_dir = Path(tempfile.mkdtemp(prefix=f"izer-bench-{run_id}-"))
    stack = Stack(
        work_dir=work_dir,
        task_queue=f"bench-{run_id}",
        app_secret=secrets.token_hex(16),
        extra_env=config.extra_env,
    )
    signal.signal(signal.SIGTERM, _raise_interrupt)
    load_before = os.getloadavg()
    started = time.monotonic()
    result: dict[str, Any] = {}
    code = 1
    print(
        f"İzer bench {run_id}: {config.messages} messages at concurrency {config.concurrency}, "
        f"{config.waiting} waiting; {os.cpu_count()} CPUs, load {load_before[0]:.2f}; work dir {work_dir}"
    )
    try:
        stack.start_temporal(config.pragmas)
        stack.start_agents()
        stack.init_database()
        stack.start_workers(config.workers)
        stack.start_api()
        engine = verify.engine_for(stack.database_file)
        result = asyncio.run(Bench(config, stack, engine, run_id).run())
        engine.dispose()
        code = 0
    except KeyboardInterrupt:
        print("interrupted: stopping everything", file=sys.stderr)
        code = 130
    except Exception as err:  # noqa: BLE001 - reported with the logs to read, then everything is stopped
        print(f"bench failed: {type(err).__name__}: {err}", file=sys.stderr)
        for proc in stack.parts.values():
            print(f"--- {proc.name} log ({proc.log}) ---\n{proc.tail(10)}", file=sys.stderr)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stack.stop_all()
    result["runtime_s"] = round(time.monotonic() - started, 1)
    result["load_avg_1m"] = [round(load_before[0], 2), round(os.getloadavg()[0], 2)]
    result["dev_server_pragmas"] = (
        config.pragmas if config.pragmas is not None else ["journal_mode=wal", "synchronous=normal"]
    )
    if config.extra_env:
        result["settings"] = config.extra_env
    if code == 0:
        targets = {
            "ratio >= 0.85": (result.get("ratio") or 0) >= 0.85,
            "sync p50 <= 60 ms": (result.get("sync_p50_ms_c1") or 1e9) <= 60,
            "meta p99 <= 250 ms": (result.get("meta_p99_ms") or 1e9) <= 250,
            "lost = duplicates = 0": result.get("lost") == 0 and result.get("duplicates") == 0,
        }
        result["targets_met"] = targets
        print("targets: " + ", ".join(f"{name}: {'yes' if ok else 'NO'}" for name, ok in targets.items()))
        print(f"total time {result['runtime_s']} s")
    if config.keep or code != 0:
        print(f"logs and databases kept in {work_dir}", file=sys.stderr)
    else:
        shutil.rmtree(work_dir, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False))
    return code
