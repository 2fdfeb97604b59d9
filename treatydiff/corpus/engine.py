"""Where the heavy corpus steps run: in-process, a local process pool, or Dask.

:func:`run` maps a picklable function over items and yields the results as
they finish (in any order; callers sort what they keep, so the answer is the
same whatever the engine and the number of workers).
"""

from __future__ import annotations

import concurrent.futures
import os
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from typing import Any, TypeVar

from treatydiff.errors import InvalidArgument

__all__ = ["Engine", "default_jobs", "run", "run_shared"]

T = TypeVar("T")
R = TypeVar("R")


class Engine(StrEnum):
    """``process``: the standard library's process pool (one process when
    ``jobs`` is 1); ``dask``: a ``dask.distributed`` local cluster of ``jobs``
    workers, or the cluster at a scheduler address."""

    PROCESS = "process"
    DASK = "dask"


def default_jobs() -> int:
    """Worker processes by default: the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


#: The shared argument of :func:`run_shared`, set once in each pool worker.
_SHARED: Any = None


def _set_shared(shared: Any) -> None:
    global _SHARED
    _SHARED = shared


def _with_shared(fn: Callable[[Any, T], R], item: T) -> R:
    return fn(_SHARED, item)


def run(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int | None = None,
    engine: Engine | str = Engine.PROCESS,
    scheduler: str | None = None,
) -> Iterator[R]:
    """``fn(item)`` over ``items``, results as they complete."""
    return run_shared(
        _drop_shared,
        None,
        [(fn, item) for item in items],
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
    )


def _drop_shared(_: None, job: tuple[Callable[[T], R], T]) -> R:
    fn, item = job
    return fn(item)


def run_shared(
    fn: Callable[[Any, T], R],
    shared: Any,
    items: Iterable[T],
    *,
    jobs: int | None = None,
    engine: Engine | str = Engine.PROCESS,
    scheduler: str | None = None,
) -> Iterator[R]:
    """``fn(shared, item)`` over ``items``, results as they complete; ``shared``
    goes to each worker once (pool initializer, or Dask scatter)."""
    engine = Engine(engine)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise InvalidArgument(f"jobs must be at least 1, not {jobs}")
    work = list(items)
    if engine is Engine.DASK or scheduler is not None:
        yield from _dask(fn, shared, work, jobs, scheduler)
    elif jobs == 1 or len(work) <= 1:
        yield from (fn(shared, item) for item in work)
    else:
        yield from _pool(fn, shared, work, jobs)


def _pool(
    fn: Callable[[Any, T], R], shared: Any, work: list[T], jobs: int
) -> Iterator[R]:
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, initializer=_set_shared, initargs=(shared,)
    )
    try:
        futures = [pool.submit(_with_shared, fn, item) for item in work]
        for future in concurrent.futures.as_completed(futures):
            yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _dask(
    fn: Callable[[Any, T], R],
    shared: Any,
    work: list[T],
    jobs: int,
    scheduler: str | None,
) -> Iterator[R]:
    try:
        from dask import distributed
    except ImportError as exc:  # the optional extra
        raise InvalidArgument(
            "the dask engine needs the dask extra: pip install 'treatydiff[dask]'"
        ) from exc
    cluster: Any = None
    if scheduler is None:
        cluster = distributed.LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)
    else:
        try:
            client = distributed.Client(scheduler)
        except (ValueError, TypeError) as exc:
            raise InvalidArgument(
                f"bad scheduler address {scheduler!r} ({exc}); expected one like "
                "tcp://host:8786"
            ) from None
    try:
        # Data goes to the workers by scatter, not inside the task graph.
        shared_future = client.scatter(shared, broadcast=True)
        items = client.scatter(work) if work else []
        futures = client.map(fn, [shared_future] * len(work), items, pure=False)
        for future in distributed.as_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
