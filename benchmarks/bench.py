"""Speed and memory of planparse, measured in one run and printed with ratios to bare readers.

    python benchmarks/bench.py [--copies N]

Builds a corpus from samples/ (every plan in .txt/.md, .docx and .pdf, copied until there
are at least 200 plans), then prints: plans/s and pages/s per format; time per stage
(read, structure, targets, serialize); peak memory; batch throughput with --jobs 1 and 2;
cold start of `planparse --help` and `planparse check`; and the bare cost of reading the
same files with pdfplumber extract_text, pypdfium2 text and python-docx paragraphs, with
each planparse figure as a ratio to them.
"""
from __future__ import annotations

import argparse
import io
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FORMATS = {".txt": "txt", ".md": "md", ".docx": "docx", ".pdf": "pdf"}


def build_corpus(target: Path, copies: int) -> list[Path]:
    files = [p for p in sorted(SAMPLES.iterdir()) if p.suffix in FORMATS]
    out = []
    for k in range(copies):
        for src in files:
            dst = target / f"{k:03d}-{src.name}"
            shutil.copy(src, dst)
            out.append(dst)
    return out


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def stage_times(files: list[Path]) -> dict[str, dict[str, float]]:
    """Seconds per stage and format, with the target extractor timed inside structure."""
    import planparse.structure.build as build
    from planparse.model import Source
    from planparse.outputs import plan_json
    from planparse.readers import read_blocks

    import planparse.nlp as nlp

    spent = {"targets": 0.0}
    originals = (build.extract_targets, nlp.analyse_many)

    def counting(fn):
        def timed_call(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent["targets"] += time.perf_counter() - start
        return timed_call

    # the target stage: tagging the candidate texts in a batch, then reading their targets
    build.extract_targets, nlp.analyse_many = (counting(fn) for fn in originals)
    nlp.pipeline()  # loaded once, as a batch worker does before its first file
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    try:
        for path in files:
            fmt = FORMATS[path.suffix]
            data = path.read_bytes()
            (blocks, pages), t_read = timed(read_blocks, data, fmt)
            spent["targets"] = 0.0
            plan, t_structure = timed(build.build_plan, blocks, Source(path.name, fmt, "0" * 64, pages))
            _, t_serialize = timed(plan_json, plan)
            row = totals[fmt]
            row["read"] += t_read
            row["targets"] += spent["targets"]
            row["structure"] += t_structure - spent["targets"]
            row["serialize"] += t_serialize
            row["files"] += 1
            row["pages"] += pages or 1
    finally:
        build.extract_targets, nlp.analyse_many = originals
    return totals


def bare_costs(files: list[Path]) -> dict[str, float]:
    """Reading the same files with the libraries alone, no planparse."""
    import docx
    import pdfplumber
    import pypdfium2 as pdfium

    out = {"pdfplumber": 0.0, "pypdfium2": 0.0, "python-docx": 0.0}
    for path in files:
        if path.suffix == ".pdf":
            start = time.perf_counter()
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
            out["pdfplumber"] += time.perf_counter() - start
            start = time.perf_counter()
            doc = pdfium.PdfDocument(path)
            for page in doc:
                page.get_textpage().get_text_range()
            doc.close()
            out["pypdfium2"] += time.perf_counter() - start
        elif path.suffix == ".docx":
            start = time.perf_counter()
            for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs:
                _ = p.text
            out["python-docx"] += time.perf_counter() - start
    return out


def cold(cmd: list[str], repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def batch_seconds(folder: Path, jobs: int, repeat: int = 3) -> float:
    """Wall time of a whole ``planparse batch`` run, the best of ``repeat`` (as timeit
    reports): the other runs measure what else the machine was doing."""
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "planparse", "batch", str(folder), "-o", out, "--jobs", str(jobs)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            runs.append(time.perf_counter() - start)
    return min(runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=0, help="copies of samples/ (default: enough for 200 plans)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        per_copy = sum(1 for p in SAMPLES.iterdir() if p.suffix in FORMATS)
        copies = args.copies or -(-200 // per_copy)
        files = build_corpus(corpus, copies)
        print(f"corpus: {len(files)} plans ({copies} copies of {per_copy} sample files)")

        stages = stage_times(files)
        bare = bare_costs(files)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        print("\nper format            plans/s   pages/s   read     structure targets  serialize (s, total)")
        for fmt, row in sorted(stages.items()):
            total = row["read"] + row["structure"] + row["targets"] + row["serialize"]
            print(f"  {fmt:5s} {int(row['files']):4d} plans {row['files'] / total:8.1f} {row['pages'] / total:9.1f}"
                  f"   {row['read']:7.2f} {row['structure']:8.2f} {row['targets']:8.2f} {row['serialize']:8.2f}")
        pdf = stages.get("pdf", {})
        docx_row = stages.get("docx", {})
        pdf_total = sum(pdf.get(k, 0) for k in ("read", "structure", "targets", "serialize"))
        print("\nbare readers on the same files (s)")
        for name, seconds in bare.items():
            print(f"  {name:12s} {seconds:7.2f}")
        if bare["pdfplumber"]:
            print(f"  ratio: planparse PDF end to end / pdfplumber extract_text = {pdf_total / bare['pdfplumber']:.2f}")
            print(f"  ratio: planparse PDF end to end / pypdfium2 text         = {pdf_total / bare['pypdfium2']:.2f}")
        if bare["python-docx"]:
            docx_total = sum(docx_row.get(k, 0) for k in ("read", "structure", "targets", "serialize"))
            pipeline_part = docx_row.get("structure", 0) + docx_row.get("targets", 0) + docx_row.get("serialize", 0)
            print(f"  ratio: planparse DOCX end to end / (python-docx paragraphs + text pipeline) = "
                  f"{docx_total / (bare['python-docx'] + pipeline_part):.2f}")
        print(f"\npeak memory of this process (one worker's work): {peak_mb:.0f} MB")

        one = batch_seconds(corpus, 1)
        two = batch_seconds(corpus, 2)
        single = Path(tmp) / "single"
        single.mkdir()
        shutil.copy(files[0], single)
        startup = batch_seconds(single, 1)  # interpreter, imports, spaCy load
        print(f"\nbatch --jobs 1: {one:.1f} s ({len(files) / one:.1f} plans/s)")
        print(f"batch --jobs 2: {two:.1f} s ({len(files) / two:.1f} plans/s), speed-up {one / two:.2f}x wall time")
        print(f"batch start-up (a one-plan batch): {startup:.2f} s (with --jobs 2, readers work through it)")
        children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of the largest batch process: {children_mb:.0f} MB")

        spacy_import = cold([sys.executable, "-c", "import spacy"])
        help_cold = cold([sys.executable, "-m", "planparse", "--help"])
        check_cold = cold([sys.executable, "-m", "planparse", "check", str(SAMPLES / "granbacka-2025.txt")])
        print(f"\ncold start: python -c 'import spacy' {spacy_import:.2f} s")
        print(f"cold start: planparse --help          {help_cold:.2f} s")
        print(f"cold start: planparse check plan.txt  {check_cold:.2f} s ({check_cold / spacy_import:.2f}x import spacy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
