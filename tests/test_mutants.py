"""A seeded mutation fuzzer: Word and PDF files made from the samples and then damaged
(bytes flipped, cut short, a zip member corrupted, XML attributes given wrong values),
all converted in one ``planparse batch`` under the memory limit. Every mutant must end as
a plan that meets the schema or as a failure with a reason; none as an internal error,
a crash or a timeout. Mutants that fail are kept in ``FAILED_MUTANTS`` when set, to
reproduce them with ``planparse parse``."""
from __future__ import annotations

import io
import json
import os
import random
import shutil
import zipfile
from pathlib import Path

import pytest
import regex

from conftest import SAMPLES
from test_hostile import planparse

SEED = 13
#: mutants of each kind per sample file (twice as many of a PDF, which has two kinds)
PER_KIND = 10
WORD = sorted(SAMPLES.glob("*.docx"))
PDF = sorted(SAMPLES.glob("*.pdf"))
ATTRIBUTE = regex.compile(rb'(w:(?:val|sz|outlineLvl|ilvl|numId|type|styleId|w|left|hanging)=")([^"]*)(")')
WRONG_VALUES = [b"stor", b"1.5", b"x", b"-1", b"", b"99999999999999999999", b"NaN", b"0", b"\xc3\xa5", b"1e308"]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(1, len(data))]


def corrupt_member(data: bytes, rng: random.Random) -> bytes:
    """A Word file whose zip holds one member flipped, cut short or emptied, stored again
    with a valid checksum (so that the XML parser, not the zip reader, meets it)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {info.filename: z.read(info.filename) for info in z.infolist()}
    name = rng.choice(sorted(members))
    how = rng.choice([flip_bytes, truncate, lambda d, r: b""])
    members[name] = how(members[name], rng) if members[name] else members[name]
    return _zip(members)


def mutate_attributes(data: bytes, rng: random.Random) -> bytes:
    """A Word file whose document or styles give attributes wrong values (``w:sz="stor"``,
    ``w:outlineLvl="1.5"``, ``w:ilvl="x"``)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {info.filename: z.read(info.filename) for info in z.infolist()}
    for name in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
        if name not in members:
            continue
        spots = list(ATTRIBUTE.finditer(members[name]))
        chosen = {m.start() for m in rng.sample(spots, min(len(spots), rng.randint(1, 8)))}
        members[name] = ATTRIBUTE.sub(
            lambda m: m[1] + rng.choice(WRONG_VALUES) + m[3] if m.start() in chosen else m[0], members[name])
    return _zip(members)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return buf.getvalue()


KINDS = {".docx": [flip_bytes, truncate, corrupt_member, mutate_attributes], ".pdf": [flip_bytes, truncate]}


def mutants(folder: Path) -> list[Path]:
    """The mutants, the same ones on every run (seeded), written into ``folder``."""
    rng = random.Random(SEED)
    made = []
    for sample in WORD + PDF:
        data = sample.read_bytes()
        for kind in KINDS[sample.suffix]:
            for n in range(PER_KIND * (2 if sample.suffix == ".pdf" else 1)):
                path = folder / f"{sample.stem}.{kind.__name__}.{n}{sample.suffix}"
                path.write_bytes(kind(data, rng))
                made.append(path)
    return made


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[list[Path], dict[str, str], Path]:
    """All mutants converted in one batch: the files, the reason each failed one gives,
    and the output folder."""
    folder, out = tmp_path_factory.mktemp("mutants"), tmp_path_factory.mktemp("out")
    made = mutants(folder)
    proc = planparse("batch", str(folder), "-o", str(out), "--jobs", "2", bound=280)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    errors = {Path(e["file"]).name: e["error"]
              for e in map(json.loads, (out / "errors.jsonl").read_text(encoding="utf-8").splitlines())}
    return made, errors, out


def test_there_are_a_few_hundred_mutants(batch):
    made, _, _ = batch
    assert len(made) >= 300


@pytest.mark.parametrize("suffix,kind", [
    (suffix.lstrip("."), kind.__name__) for suffix, kinds in KINDS.items() for kind in kinds])
def test_every_mutant_ends_as_a_plan_or_a_reason(batch, validator, suffix, kind):
    made, errors, out = batch
    mine = [p for p in made if p.suffix == f".{suffix}" and f".{kind}." in p.name]
    bugs = {p.name: errors[p.name] for p in mine if errors.get(p.name, "").startswith(
        ("internal error", "the worker process died", "timed out"))}
    keep = os.environ.get("FAILED_MUTANTS")
    if keep and bugs:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for path in mine:
            if path.name in bugs:
                shutil.copy(path, Path(keep) / path.name)
    assert not bugs, f"{len(bugs)} of {len(mine)}: " + "; ".join(f"{n}: {w}" for n, w in sorted(bugs.items())[:5])
    for path in mine:
        if path.name not in errors:
            plan = json.loads((out / (path.name + ".json")).read_text(encoding="utf-8"))
            assert not list(validator.iter_errors(plan)), path.name
