"""The Celery side of the peer benchmark: one no-op task, configured from the environment.

CELERY_BENCH_BROKER   broker URL (redis://127.0.0.1:6390/0)
CELERY_BENCH_BACKEND  result backend URL (redis://127.0.0.1:6390/1, or db+postgresql://...)
CELERY_BENCH_STARTED  "true" to record STARTED as well (task_track_started)
"""
import os
import time

from celery import Celery

app = Celery("celery_bench",
             broker=os.environ.get("CELERY_BENCH_BROKER", "redis://127.0.0.1:6390/0"),
             backend=os.environ.get("CELERY_BENCH_BACKEND", "redis://127.0.0.1:6390/1"))
app.conf.update(
    task_track_started=os.environ.get("CELERY_BENCH_STARTED") == "true",
    task_default_queue="bench",
    # Celery's documented default is 4; kept, so the figures are those of a Celery as users run it
    worker_prefetch_multiplier=4,
    result_expires=None,
    broker_connection_retry_on_startup=True,
)


@app.task(name="noop")
def noop(run, index):
    return None


@app.task(name="stamp")
def stamp(run, index):
    """The moment the body started, for the latency line."""
    return time.time()
