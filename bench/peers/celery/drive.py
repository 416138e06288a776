"""Sends n no-op tasks from one producer, waits until every one has succeeded, and prints one JSON line:
{"n":..., "seconds":..., "tasks_per_s":..., "cpu_ms":...}, timed from the first send to the last task's date_done (as Celerity's
figure runs from the first task's creation to the last one's end); cpu_ms is this producer's own CPU time.

Usage: python3 drive.py RUN N
"""
import json
import sys
import time
from datetime import datetime, timezone

from sqlalchemy import select

from celery_bench import app, noop

STALLED_S = 120


def done_times(ids):
    """{task id: date_done as epoch seconds} of the finished tasks among ids."""
    backend = app.backend
    done = {}
    if hasattr(backend, "client"):  # Redis: one MGET per slice of keys
        for start in range(0, len(ids), 1000):
            chunk = ids[start:start + 1000]
            for task_id, raw in zip(chunk, backend.client.mget([backend.get_key_for_task(i) for i in chunk])):
                if raw is not None:
                    meta = json.loads(raw)
                    if meta["status"] == "SUCCESS":
                        done[task_id] = parse(meta["date_done"])
        return done
    table = backend.task_cls.__table__  # a database backend: one query per slice
    session = backend.ResultSession()
    try:
        for start in range(0, len(ids), 1000):
            rows = session.execute(select(table.c.task_id, table.c.date_done)
                                   .where(table.c.task_id.in_(ids[start:start + 1000]))
                                   .where(table.c.status == "SUCCESS")).fetchall()
            done.update((row[0], row[1].replace(tzinfo=timezone.utc).timestamp()) for row in rows)
        return done
    finally:
        session.close()


def parse(text):
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def main():
    run, n = sys.argv[1], int(sys.argv[2])
    cpu = time.process_time()
    first = time.time()
    pending = [noop.apply_async((run, index)).id for index in range(n)]
    last = 0.0
    progressed = time.time()
    while pending:  # asks only about the tasks not seen finished yet
        done = done_times(pending)
        if done:
            last = max(last, max(done.values()))
            pending = [task_id for task_id in pending if task_id not in done]
            progressed = time.time()
        elif time.time() - progressed > STALLED_S:
            sys.exit(f"no task of {run} finished for {STALLED_S} s, {len(pending)} pending: is the worker up?")
        if pending:
            time.sleep(0.2)
    seconds = last - first
    print(json.dumps({"n": n, "seconds": seconds, "tasks_per_s": n / seconds,
                      "cpu_ms": (time.process_time() - cpu) * 1000}), flush=True)


if __name__ == "__main__":
    main()
