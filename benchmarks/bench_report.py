"""The district overview over a batch of 200+ plans: time beyond the batch, and HTML size.

    python benchmarks/bench_report.py [--copies N]

Builds the same corpus as bench.py (every sample in every format, copied until there are at
least 200 plans) plus one broken file, converts it with ``planparse batch``, then times
``planparse report OUTDIR -o district.html`` as a user runs it (best of three, a fresh
process each time) and the loading and rendering alone in this process, and prints the
size of the HTML. Goals (issue #14): under 2 s beyond the batch, under 2 MB.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import FORMATS, SAMPLES, build_corpus

GOAL_SECONDS, GOAL_BYTES = 2.0, 2 * 1024 * 1024


def run(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "planparse", *args], check=True, capture_output=True)
    return time.perf_counter() - start


def in_process(outdir: Path) -> tuple[float, float]:
    """Seconds to load the batch's JSON and to render the district."""
    from planparse.report import district_report, gather

    start = time.perf_counter()
    corpus = gather([outdir])
    loaded = time.perf_counter()
    district_report(corpus)
    return loaded - start, time.perf_counter() - loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=0, help="copies of samples/ (default: enough for 200 plans)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, outdir, html_path = Path(tmp) / "plans", Path(tmp) / "out", Path(tmp) / "district.html"
        corpus.mkdir()
        per_copy = sum(1 for p in SAMPLES.iterdir() if p.suffix in FORMATS)
        files = build_corpus(corpus, args.copies or -(-200 // per_copy))
        (corpus / "broken.docx").write_bytes(b"not a zip")
        batch = _batch(corpus, outdir)
        report = min(run("report", str(outdir), "-o", str(html_path)) for _ in range(3))
        load, render = in_process(outdir)
        size = html_path.stat().st_size
        print(f"plans: {len(files)} (+1 broken file, listed from errors.jsonl)")
        print(f"batch --jobs 2: {batch:.1f} s")
        print(f"planparse report OUTDIR -o district.html: {report:.2f} s wall, best of 3 "
              f"({'ok' if report < GOAL_SECONDS else 'OVER'} against {GOAL_SECONDS:.0f} s)")
        print(f"  in process: loading {len(files)} plan JSONs {load:.2f} s, rendering {render:.2f} s")
        print(f"district.html: {size / 1024 / 1024:.2f} MB, {size / len(files) / 1024:.1f} KB per plan "
              f"({'ok' if size < GOAL_BYTES else 'OVER'} against {GOAL_BYTES / 1024 / 1024:.0f} MB)")
    return 0


def _batch(corpus: Path, outdir: Path) -> float:
    """A batch with failures exits 1; that is expected here (the broken file)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "planparse", "batch", str(corpus), "-o", str(outdir), "--jobs", "2"],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr)
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
