"""Batch conversion: every plan of a district at once, and no file spoils the others.

Plans are parsed by worker processes that live for the whole batch. A worker that takes
longer than the time limit on one file is killed and replaced, and the file is recorded
as failed. Outputs are written atomically (a temporary file, then a rename), so an
interrupted batch leaves complete files only, and ``--resume`` skips every input whose
output already holds the same content hash.
"""
from __future__ import annotations

import gc
import glob
import hashlib
import json
import multiprocessing as mp
import os
import pickle
import sys
import threading
import time
from collections import deque
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

def _load_nlp() -> None:
    """The tagger, the lemmatizer and the readers, loaded before workers fork so that they
    share them."""
    from .nlp import pipeline
    from .readers import docx, pdf, text  # noqa: F401
    from .targets.units import lemmatizer

    pipeline()
    lemmatizer()
    # what is loaded stays out of the garbage collector's sweeps: a sweep in a forked
    # worker would otherwise write to every object and copy most of this memory
    gc.freeze()


def _worker(conn: Connection, with_nlp: bool) -> None:
    """Handle the files sent down ``conn`` until told to stop.

    A worker ``with_nlp`` parses a file, or finishes one whose blocks a reader sent along,
    and writes its JSON. A reader (started while the parent still loads the pipeline) only
    reads a file and sends its blocks back, to be finished by a worker with the pipeline."""
    from .api import read
    from .errors import PlanparseError
    from .outputs import plan_json
    from .structure import build_plan

    if with_nlp:
        _load_nlp()  # a no-op in a forked worker (loaded in the parent); where workers spawn, loaded here

    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, path, output, was_read = task
        try:
            if not with_nlp:  # sent back pickled: the parent only passes them on to a worker
                conn.send((index, READ, pickle.dumps(read(path), pickle.HIGHEST_PROTOCOL), {}))
                continue
            blocks, source = pickle.loads(was_read) if was_read else read(path)
            plan = build_plan(blocks, source)
            text = plan_json(plan, compact=True)
            if output:  # written here, so that writing runs in parallel too
                write_atomically(Path(output), text + "\n")
            conn.send((index, DONE, "" if output else text, plan.summary()))
        except PlanparseError as e:
            conn.send((index, FAILED, str(e), {}))
        except Exception as e:  # a bug on one file must not end the batch
            conn.send((index, FAILED, f"internal error: {type(e).__name__}: {e}", {}))


#: what a worker says of a file: parsed, failed, or read (its blocks sent back)
DONE, FAILED, READ = "done", "failed", "read"
#: files a reader is given ahead of the one it reads
READ_AHEAD = 4


@dataclass(slots=True)
class _Slot:
    process: mp.Process
    conn: Connection
    with_nlp: bool


class _Pool:
    """Worker processes with a time limit per file: a worker that overruns is killed.

    Where processes fork (Linux) the pipeline is loaded once, here, and the workers forked
    after that share it. Loading takes most of a second, on one core. With ``--jobs N`` of
    two or more, the other N-1 cores are not left idle meanwhile: N-1 readers (file to
    blocks, which needs no NLP) start at once while a thread here loads the pipeline.
    Once it is loaded the pool grows to N with workers that have the pipeline; they finish
    the files read so far first, and each reader goes on reading until no file is left
    unread, then makes way for one more such worker. With one worker nothing runs beside
    the loading, so ``--jobs 1`` keeps to one core."""

    def __init__(self, jobs: int, timeout: float, outdir: Path | None = None) -> None:
        self.outdir = outdir  # where workers write each plan's JSON (None: send it back instead)
        self.timeout = timeout
        self.ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        self.loader: threading.Thread | None = None
        self.load_error: BaseException | None = None
        self.size = max(1, jobs)
        forking = self.ctx.get_start_method() == "fork"
        if forking and jobs > 1:
            self.slots = [self._spawn(with_nlp=False) for _ in range(jobs - 1)]  # forked before the thread starts
            self.loader = threading.Thread(target=self._load, name="planparse-nlp-loader", daemon=True)
            self.loader.start()
        else:
            if forking:
                _load_nlp()
            self.slots = [self._spawn(with_nlp=True) for _ in range(self.size)]

    def _load(self) -> None:
        try:
            _load_nlp()
        except BaseException as e:  # raised again in the main thread by _nlp_loaded
            self.load_error = e

    def _nlp_loaded(self, wait: bool = False) -> bool:
        """Is the pipeline loaded here (so that forking is safe and shares it)?"""
        if self.loader is not None:
            if wait:
                self.loader.join()
            if self.loader.is_alive():
                return False
            self.loader = None
            if self.load_error is not None:
                raise self.load_error
        return True

    def _spawn(self, with_nlp: bool) -> _Slot:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(child, with_nlp), daemon=True)
        proc.start()
        child.close()
        return _Slot(proc, parent, with_nlp)

    def run(self, jobs: list[Job]) -> Iterator[Result]:
        pending: deque[int] = deque(range(len(jobs)))  # job indexes not yet read
        read: deque[tuple[int, bytes]] = deque()  # (job index, its blocks and source, pickled) read by a reader
        sent: dict[int, deque[int]] = {s: deque() for s in range(len(self.slots))}  # slot -> its files, oldest first
        deadline: dict[int, float] = {}  # slot -> when the file it works on runs out of time
        while pending or read or any(sent.values()):
            if self._nlp_loaded():
                for slot, worker in enumerate(self.slots):
                    if not worker.with_nlp and not sent[slot] and not pending:
                        self._replace(slot)  # a reader with nothing left to read makes way
                while len(self.slots) < self.size:
                    sent[len(self.slots)] = deque()
                    self.slots.append(self._spawn(with_nlp=True))
            for slot, worker in enumerate(self.slots):
                # a reader gets files ahead, so that it never waits for this process,
                # whose thread may be slow to answer while the loader holds the GIL
                while len(sent[slot]) < (1 if worker.with_nlp else READ_AHEAD):
                    if worker.with_nlp and read:
                        index, was_read = read.popleft()
                    elif pending:
                        index, was_read = pending.popleft(), None
                    else:
                        break
                    output = str(output_path(self.outdir, jobs[index])) if self.outdir else ""
                    worker.conn.send((index, str(jobs[index].path), output, was_read))
                    if not sent[slot]:
                        deadline[slot] = time.monotonic() + self.timeout
                    sent[slot].append(index)
            if not any(sent.values()):  # only read files are left, and no worker can finish them yet
                self._nlp_loaded(wait=True)
                continue
            conns = {self.slots[s].conn: s for s in sent if sent[s]}
            for conn in wait(list(conns), timeout=0.05 if self.loader else 0.2):
                slot = conns[conn]
                try:
                    index, status, payload, summary = conn.recv()
                except (EOFError, OSError):  # the worker died (out of memory, a crash in C code)
                    yield Result(jobs[self._give_up(slot, sent, pending)], False, "the worker process died")
                    continue
                sent[slot].popleft()
                deadline[slot] = time.monotonic() + self.timeout  # the next file's time starts now
                if status == READ:
                    read.append((index, payload))
                else:
                    yield Result(jobs[index], status == DONE, payload, summary)
            now = time.monotonic()
            for slot in [s for s in sent if sent[s] and now > deadline[s]]:
                yield Result(jobs[self._give_up(slot, sent, pending)], False, f"timed out after {self.timeout:g} s")

    def _give_up(self, slot: int, sent: dict[int, deque[int]], pending: deque[int]) -> int:
        """The file a worker died on or overran: the worker is replaced, the files queued
        behind that one go back to the front of the line. Returns the file's job index."""
        index = sent[slot].popleft()
        pending.extendleft(reversed(sent[slot]))
        sent[slot].clear()
        self._replace(slot)
        return index

    def _replace(self, slot: int) -> None:
        """A new worker in ``slot``: one with the pipeline, once it is loaded (never forked
        while the loader thread runs)."""
        old = self.slots[slot]
        old.process.kill()
        old.process.join()
        old.conn.close()
        self.slots[slot] = self._spawn(with_nlp=self._nlp_loaded(wait=True))

    def close(self) -> None:
        if self.loader is not None:
            self.loader.join()  # not cut off at exit halfway through an import
        for worker in self.slots:
            try:
                worker.conn.send(None)
            except OSError:
                pass
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()


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
