"""Batch conversion: every plan of a district at once, and no file spoils the others.

Plans are parsed by worker processes that live for the whole batch. A worker that takes
longer than the time limit on one file is killed and replaced, and the file is recorded
as failed. Outputs are written atomically (a temporary file, then a rename), so an
interrupted batch leaves complete files only, and ``--resume`` skips every input whose
output already holds the same content hash.
"""
from __future__ import annotations

import glob
import hashlib
import json
import multiprocessing as mp
import os
import sys
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path, PurePosixPath
from typing import Iterator

import regex

from .readers import CONVERT_HINTS, FORMATS

WANTED = set(FORMATS) | set(CONVERT_HINTS)
UNSAFE = regex.compile(r"[^\p{L}\p{N}._ -]+")


@dataclass(frozen=True, slots=True)
class Job:
    path: Path
    relative: PurePosixPath  # where its output goes, below the output folder


@dataclass(slots=True)
class Result:
    job: Job
    ok: bool
    payload: str  # plan JSON on success, the reason on failure
    summary: dict[str, int] = field(default_factory=dict)


# ------------------------------------------------------------------ inputs

def collect(paths: list[str]) -> list[Job]:
    """Files named, files below folders (recursively, symlinked folders not followed, so a
    loop cannot trap us) and glob matches; each with a relative path for its output."""
    jobs: dict[Path, Job] = {}
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in WANTED:
                        jobs.setdefault(f.resolve(), Job(f, PurePosixPath(f.relative_to(p).as_posix())))
        elif p.exists():
            jobs.setdefault(p.resolve(), Job(p, PurePosixPath(p.name)))
        else:
            for match in sorted(glob.glob(arg, recursive=True)):
                m = Path(match)
                if m.is_file():
                    jobs.setdefault(m.resolve(), Job(m, PurePosixPath(m.name)))
    return list(jobs.values())


def output_path(outdir: Path, job: Job, suffix: str = ".json") -> Path:
    """``OUTDIR/sub/plan.docx.json``: the input's relative path with each part made safe;
    never outside OUTDIR (no ``..``, no absolute parts, no leading dots or dashes)."""
    parts = [UNSAFE.sub("_", part).lstrip(".-") or "_" for part in job.relative.parts]
    target = outdir.joinpath(*parts[:-1], parts[-1] + suffix)
    root = outdir.resolve()
    if root not in target.resolve().parents:
        raise ValueError(f"unsafe output path for {job.path}")
    return target


TEMPORARY = regex.compile(r"^\..+\.\d+\.planparse-tmp$")


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.planparse-tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def remove_leftovers(outdir: Path) -> None:
    """Temporary files of a batch that was killed before it could rename them."""
    for tmp in outdir.rglob(".*.planparse-tmp"):
        if TEMPORARY.match(tmp.name):
            tmp.unlink(missing_ok=True)


def sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def is_up_to_date(output: Path, source: Path) -> bool:
    """Does ``output`` hold the plan of ``source`` as it is now (by content hash)?"""
    try:
        done = json.loads(output.read_text(encoding="utf-8"))["source"]["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return done == sha256_of(source)


# ------------------------------------------------------------------ workers

def _worker(conn: Connection) -> None:
    """Parse the files sent down ``conn`` until told to stop."""
    from .api import parse
    from .errors import PlanparseError
    from .nlp import pipeline
    from .outputs import plan_json

    pipeline()  # before the first file, so the time limit measures parsing only

    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, path, output = task
        try:
            plan = parse(path)
            text = plan_json(plan, compact=True)
            if output:  # written here, so that writing runs in parallel too
                write_atomically(Path(output), text + "\n")
            conn.send((index, True, "" if output else text, plan.summary()))
        except PlanparseError as e:
            conn.send((index, False, str(e), {}))
        except Exception as e:  # a bug on one file must not end the batch
            conn.send((index, False, f"internal error: {type(e).__name__}: {e}", {}))


class _Pool:
    """Worker processes with a time limit per file: a worker that overruns is killed."""

    def __init__(self, jobs: int, timeout: float, outdir: Path | None = None) -> None:
        self.outdir = outdir  # where workers write each plan's JSON (None: send it back instead)
        self.ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        if self.ctx.get_start_method() == "fork":
            from .nlp import pipeline

            pipeline()  # loaded once here, shared by the forked workers, and not billed to a file's time
        self.timeout = timeout
        self.workers = [self._spawn() for _ in range(max(1, jobs))]

    def _spawn(self) -> tuple[mp.Process, Connection]:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(child,), daemon=True)
        proc.start()
        child.close()
        return proc, parent

    def run(self, jobs: list[Job]) -> Iterator[Result]:
        pending = list(enumerate(jobs))
        busy: dict[int, tuple[int, float]] = {}  # worker slot -> (job index, deadline)
        while pending or busy:
            for slot in range(len(self.workers)):
                if slot not in busy and pending:
                    index, job = pending.pop(0)
                    output = str(output_path(self.outdir, job)) if self.outdir else ""
                    self.workers[slot][1].send((index, str(job.path), output))
                    busy[slot] = (index, time.monotonic() + self.timeout)
            conns = {self.workers[s][1]: s for s in busy}
            for conn in wait(list(conns), timeout=0.2):
                slot = conns[conn]
                try:
                    index, ok, payload, summary = conn.recv()
                except (EOFError, OSError):  # the worker died (out of memory, a crash in C code)
                    index, ok, payload, summary = busy[slot][0], False, "the worker process died", {}
                    self._replace(slot)
                del busy[slot]
                yield Result(jobs[index], ok, payload, summary)
            now = time.monotonic()
            for slot, (index, deadline) in list(busy.items()):
                if now > deadline:
                    self._replace(slot)
                    del busy[slot]
                    yield Result(jobs[index], False, f"timed out after {self.timeout:g} s")

    def _replace(self, slot: int) -> None:
        proc, conn = self.workers[slot]
        proc.kill()
        proc.join()
        conn.close()
        self.workers[slot] = self._spawn()

    def close(self) -> None:
        for proc, conn in self.workers:
            try:
                conn.send(None)
            except OSError:
                pass
            proc.join(timeout=2)
            if proc.is_alive():
                proc.kill()


# ------------------------------------------------------------------ the batch

@dataclass(slots=True)
class Totals:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    goals: int = 0
    measurable: int = 0
    targets: int = 0

    def add(self, summary: dict[str, int]) -> None:
        self.ok += 1
        self.goals += summary.get("goals", 0)
        self.measurable += summary.get("measurable_goals", 0)
        self.targets += summary.get("targets", 0)

    def line(self) -> str:
        share = f"{self.measurable / self.goals:.0%}" if self.goals else "-"
        skipped = f", {self.skipped} up to date" if self.skipped else ""
        return (f"{self.ok} converted, {self.failed} failed{skipped}; {self.goals} goals, "
                f"{share} measurable, {self.targets} targets")


def run_batch(jobs: list[Job], outdir: Path, *, workers: int, timeout: float, resume: bool,
              jsonl: Path | None = None, csv_path: Path | None = None, progress: bool = False) -> Totals:
    outdir.mkdir(parents=True, exist_ok=True)
    remove_leftovers(outdir)
    totals = Totals()
    todo = []
    done_lines: dict[str, str] = _read_jsonl(jsonl) if (jsonl and resume) else {}
    for job in jobs:
        if resume and _already_done(job, outdir, jsonl, done_lines):
            totals.skipped += 1
        else:
            todo.append(job)
    errors: list[dict[str, str]] = []
    plans_json: list[str] = list(done_lines.values())
    appender = None
    if jsonl is not None:  # keep the complete lines of an earlier run, then append line by line
        write_atomically(jsonl, "".join(line + "\n" for line in plans_json))
        appender = jsonl.open("a", encoding="utf-8")
    bar = _progress(len(todo), progress)
    pool = _Pool(min(workers, max(1, len(todo))), timeout, None if jsonl else outdir) if todo else None
    try:
        for result in (pool.run(todo) if pool else []):
            if result.ok:
                totals.add(result.summary)
                if appender is not None:
                    plans_json.append(result.payload)
                    appender.write(result.payload + "\n")
                    appender.flush()
            else:
                totals.failed += 1
                errors.append({"file": str(result.job.path), "error": result.payload})
            bar(result)
    finally:
        if pool:
            pool.close()
        if appender is not None:
            appender.close()
        remove_leftovers(outdir)  # of a worker killed while writing
    write_atomically(outdir / "errors.jsonl", "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors))
    if csv_path is not None:
        from .model import Plan
        from .outputs import plans_csv
        plans = [Plan.from_dict(json.loads(p)) for p in plans_json] if jsonl else \
            [Plan.from_dict(json.loads(output_path(outdir, j).read_text(encoding="utf-8"))) for j in jobs
             if output_path(outdir, j).exists()]
        write_atomically(csv_path, plans_csv(plans))
    return totals


def _already_done(job: Job, outdir: Path, jsonl: Path | None, done_lines: dict[str, str]) -> bool:
    if jsonl is not None:
        return sha256_of(job.path) in done_lines
    return is_up_to_date(output_path(outdir, job), job.path)


def _read_jsonl(path: Path | None) -> dict[str, str]:
    """Plans already in a JSON-lines output, by content hash (a torn last line is dropped)."""
    done: dict[str, str] = {}
    if path is None or not path.exists():
        return done
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            done[json.loads(line)["source"]["sha256"]] = line
        except (ValueError, KeyError, TypeError):
            continue
    return done


def _progress(total: int, enabled: bool):
    """A progress bar on a terminal (tqdm), a plain line per file otherwise."""
    if enabled:
        try:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="plan", file=sys.stderr)

            def tick(result: Result) -> None:
                bar.update(1)
                if not result.ok:
                    bar.write(f"failed: {result.job.path}: {result.payload}", file=sys.stderr)
            return tick
        except ImportError:
            pass
    count = 0

    def line(result: Result) -> None:
        nonlocal count
        count += 1
        status = "ok" if result.ok else f"failed: {result.payload}"
        print(f"[{count}/{total}] {result.job.path}: {status}", file=sys.stderr)
    return line
