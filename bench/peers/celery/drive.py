"""Sends n tasks from one producer, waits until every one has succeeded, and prints one JSON line.

Usage: python3 drive.py RUN N           n no-op tasks as fast as the producer goes:
           {"n":..., "seconds":..., "tasks_per_s":..., "cpu_ms":...}, timed from the first send to the last task's
           date_done (as Celerity's figure runs from the first task's creation to the last one's end); cpu_ms is this
           producer's own CPU time.
       python3 drive.py RUN N RATE      n tasks paced at RATE a second, each returning the moment its body started
           (Redis results only): {"n":..., "rate":..., "start_p50_ms":..., "start_p95_ms":..., "start_p99_ms":...},
           from each send to its body's start.
"""
import json
import math
import sys
import time
from datetime import datetime, timezone

from sqlalchemy import select

from celery_bench import app, noop, stamp

STALLED_S = 120


def finished(ids):
    """{task id: (date_done as epoch seconds, result)} of the tasks among ids that succeeded."""
    backend = app.backend
    done = {}
    if hasattr(backend, "client"):  # Redis: one MGET per slice of keys
        for start in range(0, len(ids), 1000):
            chunk = ids[start:start + 1000]
            for task_id, raw in zip(chunk, backend.client.mget([backend.get_key_for_task(i) for i in chunk])):
                if raw is not None:
                    meta = json.loads(raw)
                    if meta["status"] == "SUCCESS":
                        done[task_id] = (parse(meta["date_done"]), meta["result"])
        return done
    table = backend.task_cls.__table__  # a database backend: one query per slice
    session = backend.ResultSession()
    try:
        for start in range(0, len(ids), 1000):
            rows = session.execute(select(table.c.task_id, table.c.date_done)
                                   .where(table.c.task_id.in_(ids[start:start + 1000]))
                                   .where(table.c.status == "SUCCESS")).fetchall()
            done.update((row[0], (row[1].replace(tzinfo=timezone.utc).timestamp(), None)) for row in rows)
        return done
    finally:
        session.close()


def parse(text):
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def await_all(run, ids):
    """{task id: (date_done, result)} once every task has succeeded; asks only about those not seen finished yet."""
    pending = list(ids)
    results = {}
    progressed = time.time()
    while pending:
        done = finished(pending)
        if done:
            results.update(done)
            pending = [task_id for task_id in pending if task_id not in done]
            progressed = time.time()
        elif time.time() - progressed > STALLED_S:
            sys.exit(f"no task of {run} finished for {STALLED_S} s, {len(pending)} pending: is the worker up?")
        if pending:
            time.sleep(0.2)
    return results


def percentile(values, share):
    # the nearest rank, as the benchmark's other percentiles: the smallest value with at least that share at or below it
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def flat_out(run, n):
    cpu = time.process_time()
    first = time.time()
    ids = [noop.apply_async((run, index)).id for index in range(n)]
    last = max(done for done, _ in await_all(run, ids).values())
    seconds = last - first
    return {"n": n, "seconds": seconds, "tasks_per_s": n / seconds, "cpu_ms": (time.process_time() - cpu) * 1000}


def paced(run, n, rate):
    first = time.time()
    sent = {}
    for index in range(n):
        pause = first + index / rate - time.time()
        if pause > 0:
            time.sleep(pause)
        before = time.time()
        sent[stamp.apply_async((run, index)).id] = before
    results = await_all(run, list(sent))
    waits = [(started - sent[task_id]) * 1000 for task_id, (_, started) in results.items()]
    return {"n": n, "rate": rate, "start_p50_ms": percentile(waits, 0.5), "start_p95_ms": percentile(waits, 0.95),
            "start_p99_ms": percentile(waits, 0.99)}


def main():
    run, n = sys.argv[1], int(sys.argv[2])
    result = paced(run, n, float(sys.argv[3])) if len(sys.argv) > 3 else flat_out(run, n)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
