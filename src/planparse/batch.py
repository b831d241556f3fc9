"""Batch conversion: every plan of a district at once, and no file spoils the others.

Plans are parsed by worker processes that live for the whole batch. A worker that takes
longer than the time limit on one file is killed and replaced, and the file is recorded
as failed. Outputs are written atomically (a temporary file, then a rename), so an
interrupted batch leaves complete files only, and ``--resume`` skips every input whose
output already holds the same content hash.
"""
from __future__ import annotations

import contextlib
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
from typing import BinaryIO, Iterator

import regex

from .api import display_name, read_file
from .errors import InputError, OutputError
from .readers import CONVERT_HINTS, FORMATS

try:
    import fcntl
except ImportError:  # Windows: no locking between batches
    fcntl = None

WANTED = set(FORMATS) | set(CONVERT_HINTS)
UNSAFE = regex.compile(r"[^\p{L}\p{N}._ -]+")
#: bytes of one part of an output path (the name limit of most file systems is 255, and
#: the temporary file adds a dot, a process id and ".planparse-tmp")
MAX_NAME_BYTES = 200


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
    loop cannot trap us) and glob matches; each with a relative path for its output, made
    safe and distinct (see ``_distinct``)."""
    jobs: dict[str, Job] = {}
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in WANTED:
                        jobs.setdefault(_identity(f), Job(f, PurePosixPath(f.relative_to(p).as_posix())))
        elif p.exists():
            jobs.setdefault(_identity(p), Job(p, PurePosixPath(p.name)))
        else:
            for match in sorted(glob.glob(arg, recursive=True)):
                m = Path(match)
                if m.is_file():
                    jobs.setdefault(_identity(m), Job(m, PurePosixPath(m.name)))
    return _distinct(list(jobs.values()))


def _identity(path: Path) -> str:
    """The file a path names, so that one file reached twice is converted once. Unlike
    ``Path.resolve``, ``os.path.realpath`` does not raise on a symlink loop (the loop is
    then a job of its own, refused by the reader)."""
    return os.path.realpath(path)


def _safe_parts(relative: PurePosixPath) -> list[str]:
    """The parts of an output path: unsafe characters replaced, no leading dots or dashes,
    and each short enough that it and its temporary file fit a file system's name limit."""
    parts = []
    for part in relative.parts:
        safe = UNSAFE.sub("_", part).lstrip(".-") or "_"
        parts.append(safe.encode("utf-8")[:MAX_NAME_BYTES].decode("utf-8", "ignore"))
    return parts


def _distinct(jobs: list[Job]) -> list[Job]:
    """Jobs whose outputs would land on one file get distinct names, so that no output
    overwrites another: the same name in two folders given as files or globs, names that
    differ only in characters made safe (``a?b.txt``/``a_b.txt``, ``.plan.txt``/``plan.txt``)
    or in case (one file on a case-insensitive disk). The first keeps its name, later ones
    are numbered (``plan-2.txt.json``); the order is that of ``collect``, so a rerun over
    the same inputs names them alike."""
    taken: set[str] = set()
    out = []
    for job in jobs:
        *folders, leaf = _safe_parts(job.relative)
        stem, dot, suffix = leaf.rpartition(".")
        name, n = leaf, 1
        while "/".join([*folders, name]).casefold() in taken:
            n += 1
            name = f"{stem}-{n}.{suffix}" if dot else f"{leaf}-{n}"
        taken.add("/".join([*folders, name]).casefold())
        out.append(Job(job.path, PurePosixPath(*folders, name)))
    return out


def output_path(outdir: Path, job: Job, suffix: str = ".json") -> Path:
    """``OUTDIR/sub/plan.docx.json``: the input's relative path with each part made safe;
    never outside OUTDIR (no ``..``, no absolute parts, no leading dots or dashes)."""
    parts = _safe_parts(job.relative)
    target = outdir.joinpath(*parts[:-1], parts[-1] + suffix)
    root = outdir.resolve()
    if root not in target.resolve().parents:
        raise ValueError(f"unsafe output path for {job.path}")
    return target


TEMPORARY = regex.compile(r"^\..+\.\d+\.planparse-tmp$")


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``path`` whole or not at all: a full disk or a kill leaves the old file (or
    none) in place, never a torn one, and no temporary file behind. Text is UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.planparse-tmp")
    try:
        with tmp.open("wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_leftovers(outdir: Path) -> None:
    """Temporary files of a batch that was killed before it could rename them."""
    for tmp in outdir.rglob(".*.planparse-tmp"):
        if TEMPORARY.match(tmp.name):
            tmp.unlink(missing_ok=True)


def sha256_of(path: Path) -> str | None:
    """The content hash of a plan file, or None where it is no file ``read`` would take
    (a FIFO, a device, a file over the size limit, one that cannot be read)."""
    try:
        return hashlib.sha256(read_file(path)).hexdigest()
    except InputError:
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
                try:
                    write_atomically(Path(output), text + "\n")
                except OSError as e:  # a full disk, a name the file system refuses: this file fails
                    conn.send((index, FAILED, f"cannot write {output}: {e.strerror or e}", {}))
                    continue
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
    ok: int = 0  # plans written (to their file or to the JSON lines)
    failed: int = 0
    skipped: int = 0
    goals: int = 0
    measurable: int = 0
    targets: int = 0
    problems: list[str] = field(default_factory=list)  # shared outputs that could not be written

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
    """Convert ``jobs``. Raises OutputError when nothing can be written (the folder or the
    JSON lines cannot be made); a file whose output cannot be written fails alone."""
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        remove_leftovers(outdir)
        errors = ErrorLog(outdir / "errors.jsonl")
        errors.forget({str(job.path) for job in jobs})  # this run records them anew
    except OSError as e:
        raise OutputError(f"{outdir}: cannot write there: {e.strerror or e}") from None
    totals = Totals()
    todo = []
    done_lines: dict[tuple[str, str], list[str]] = _read_jsonl(jsonl) if (jsonl and resume) else {}
    kept = [line for lines in done_lines.values() for line in lines]
    for job in jobs:
        if resume and _already_done(job, outdir, jsonl, done_lines):
            totals.skipped += 1
        else:
            todo.append(job)
    plans_json: list[str] = list(kept)
    appender = None
    if jsonl is not None:  # keep the complete lines of an earlier run, then append line by line
        try:
            write_atomically(jsonl, "".join(line + "\n" for line in kept))
            appender = jsonl.open("ab", buffering=0)
        except OSError as e:
            raise OutputError(f"{jsonl}: cannot write: {e.strerror or e}") from None
    bar = _progress(len(todo), progress)
    pool = _Pool(min(workers, max(1, len(todo))), timeout, None if jsonl else outdir) if todo else None
    try:
        for result in (pool.run(todo) if pool else []):
            if result.ok and appender is not None:
                try:
                    _append_line(appender, result.payload)
                    plans_json.append(result.payload)
                except OSError as e:
                    result = Result(result.job, False, f"cannot write to {jsonl}: {e.strerror or e}")
            if result.ok:
                totals.add(result.summary)
            else:
                totals.failed += 1
                errors.add({"file": str(result.job.path), "error": result.payload})
            bar(result)
    finally:
        if pool:
            pool.close()
        if appender is not None:
            appender.close()
        remove_leftovers(outdir)  # of a worker killed while writing
    totals.problems += errors.problems
    if csv_path is not None:
        try:
            write_atomically(csv_path, _csv(plans_json if jsonl else None, outdir, jobs))
        except OSError as e:
            totals.problems.append(f"{csv_path}: cannot write: {e.strerror or e}")
    return totals


def _csv(plans_json: list[str] | None, outdir: Path, jobs: list[Job]) -> str:
    """The CSV of the plans converted: from the JSON lines, or from each input's output."""
    from .outputs import load_plan_json, plans_csv

    if plans_json is None:
        plans_json = [output_path(outdir, j).read_text(encoding="utf-8") for j in jobs
                      if output_path(outdir, j).exists()]
    return plans_csv(load_plan_json(p) for p in plans_json)


def _append_line(f: BinaryIO, line: str) -> None:
    """One JSON line appended whole: a write that fails halfway (a full disk) is cut off
    again, so that the next line does not run on from a torn one."""
    end = f.seek(0, os.SEEK_END)
    data = (line + "\n").encode("utf-8")
    try:
        view = memoryview(data)
        while view:
            view = view[f.write(view):]
    except OSError:
        f.truncate(end)
        raise


class ErrorLog:
    """``errors.jsonl``, one failure record a line, shared safely by batches writing into
    one folder: records are appended as they happen (so a batch that is killed keeps them)
    under a lock, and a run drops only the records of the files it converts again, never
    another run's. Where it cannot be written (a full disk), ``problems`` says so and the
    batch goes on: each failure is still on stderr."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []
        path.touch()

    def forget(self, files: set[str]) -> None:
        """Drop the records of ``files``, in place (appenders keep their file)."""
        with self.path.open("r+b") as f, _locked(f):
            lines = f.read().splitlines(keepends=True)
            kept = [line for line in lines if _record_file(line) not in files]
            if len(kept) < len(lines):
                f.seek(0)
                f.truncate()
                f.write(b"".join(kept))

    def add(self, record: dict[str, str]) -> None:
        try:
            with self.path.open("ab", buffering=0) as f, _locked(f):
                _append_line(f, json.dumps(record, ensure_ascii=False))
        except OSError as e:
            if not self.problems:
                self.problems.append(f"{self.path}: cannot write: {e.strerror or e}")


def _record_file(line: bytes) -> str | None:
    try:
        return json.loads(line)["file"]
    except (ValueError, KeyError, TypeError):
        return None  # a torn line: kept, it is no one's to drop


@contextlib.contextmanager
def _locked(f: BinaryIO) -> Iterator[None]:
    """An exclusive lock on an open file, where the platform has ``flock``."""
    if fcntl is None:
        yield
        return
    fcntl.flock(f.fileno(), fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def _already_done(job: Job, outdir: Path, jsonl: Path | None, done_lines: dict[tuple[str, str], list[str]]) -> bool:
    """Is the input converted already? In JSON lines, each line stands for one input with
    that name and content, so two identical copies under one name need two lines."""
    if jsonl is not None:
        key = (display_name(job.path), sha256_of(job.path))
        if done_lines.get(key):
            done_lines[key].pop()
            return True
        return False
    return is_up_to_date(output_path(outdir, job), job.path)


def _read_jsonl(path: Path | None) -> dict[tuple[str, str], list[str]]:
    """Plans already in a JSON-lines output, by file name and content hash (a torn last
    line is dropped)."""
    done: dict[tuple[str, str], list[str]] = {}
    if path is None or not path.exists():
        return done
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:  # a folder, a file we may not read
        raise OutputError(f"{path}: cannot read it to resume: {e.strerror or e}") from None
    for line in text.splitlines():
        try:
            source = json.loads(line)["source"]
            done.setdefault((source["file"], source["sha256"]), []).append(line)
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
