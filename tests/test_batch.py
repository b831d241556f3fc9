"""planparse batch: a district's plans at once; broken files recorded, never lost work."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath

import pytest

from planparse.batch import Job, collect, output_path

from conftest import SAMPLES, SEEDS
from test_cli import run
from test_formats import blank_pdf


@pytest.fixture
def district(tmp_path) -> Path:
    """Samples (and seeds, when present) in all formats, plus three broken files."""
    folder = tmp_path / "in"
    (folder / "föreningar").mkdir(parents=True)
    for src in list(SAMPLES.glob("*.*")) + (list(SEEDS.glob("*.*")) if SEEDS.is_dir() else []):
        if src.suffix in (".txt", ".md", ".docx", ".pdf"):
            shutil.copy(src, folder / "föreningar" / src.name)
    (folder / "trasig.docx").write_bytes(b"PK\x03\x04 not a zip")
    (folder / "skannad.pdf").write_bytes(blank_pdf())
    (folder / "tom.txt").write_bytes(b"")
    (folder / "binär.pdf").write_bytes(bytes(range(256)) * 16)
    return folder


def good_inputs(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / "föreningar").iterdir())


def test_it_converts_every_good_file_and_lists_each_bad_one(district, tmp_path):
    out = tmp_path / "out"
    proc = run("batch", str(district), "-o", str(out), "--jobs", "2")
    assert proc.returncode == 1, proc.stderr
    for src in good_inputs(district):
        plan = json.loads((out / "föreningar" / (src.name + ".json")).read_text(encoding="utf-8"))
        assert plan["source"]["file"] == src.name
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(e["file"]).name for e in errors) == ["binär.pdf", "skannad.pdf", "tom.txt", "trasig.docx"]
    assert all(e["error"] for e in errors)
    assert "converted" in proc.stderr.splitlines()[-1]
    assert not list(out.rglob("*tmp*"))


def test_resume_converts_nothing_new(district, tmp_path):
    out = tmp_path / "out"
    run("batch", str(district), "-o", str(out))
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    proc = run("batch", str(district), "-o", str(out), "--resume")
    assert "0 converted" in proc.stderr.splitlines()[-1]
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == before


def test_resume_converts_a_changed_file_again(district, tmp_path):
    out = tmp_path / "out"
    run("batch", str(district), "-o", str(out))
    changed = district / "föreningar" / "granbacka-2025.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nVi ska ha minst 9 möten.\n", encoding="utf-8")
    proc = run("batch", str(district), "-o", str(out), "--resume")
    assert "1 converted" in proc.stderr.splitlines()[-1]


def test_it_writes_json_lines_and_a_csv(district, tmp_path):
    out, lines, table = tmp_path / "out", tmp_path / "plans.jsonl", tmp_path / "plans.csv"
    run("batch", str(district / "föreningar"), "-o", str(out), "--jsonl", str(lines), "--csv", str(table))
    plans = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert len(plans) == len(good_inputs(district))
    assert table.read_text(encoding="utf-8").startswith("file,section,goal")
    proc = run("batch", str(district / "föreningar"), "-o", str(out), "--jsonl", str(lines), "--resume")
    assert "0 converted" in proc.stderr.splitlines()[-1]


def test_a_file_over_the_time_limit_is_failed_and_the_rest_go_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "stor.txt").write_text("Vi ska ha minst 3 möten.\n\n" * 40000, encoding="utf-8")
    shutil.copy(SAMPLES / "granbacka-2025.txt", folder)
    out = tmp_path / "out"
    proc = run("batch", str(folder), "-o", str(out), "--timeout", "0.5", "--jobs", "1")
    assert proc.returncode == 1
    (error,) = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert error["file"].endswith("stor.txt") and "timed out" in error["error"]
    assert (out / "granbacka-2025.txt.json").exists()


def test_globs_and_a_symlink_loop(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "granbacka-2025.txt", folder)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    assert [j.path.name for j in collect([str(folder)])] == ["granbacka-2025.txt"]
    assert [j.path.name for j in collect([str(folder / "*.txt")])] == ["granbacka-2025.txt"]


@pytest.mark.parametrize("relative", ["../../etc/passwd", "-rf/.hidden.txt", "a b/ö:*?.txt"])
def test_output_names_are_made_safe_and_stay_inside_the_folder(tmp_path, relative):
    out = tmp_path / "out"
    target = output_path(out, Job(Path("x"), PurePosixPath(relative)))
    assert out.resolve() in target.resolve().parents
    assert not any(part.startswith(("-", ".")) for part in target.relative_to(out).parts)


def test_bad_arguments_exit_2(tmp_path):
    assert run("batch", str(tmp_path / "ingenting"), "-o", str(tmp_path / "out")).returncode == 2
    (tmp_path / "fil").write_text("x")
    assert run("batch", str(SAMPLES), "-o", str(tmp_path / "fil")).returncode == 2


def test_a_batch_killed_midway_resumes_to_complete_valid_outputs(tmp_path, validator):
    folder = tmp_path / "in"
    folder.mkdir()
    sources = [p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".docx", ".pdf")]
    for k in range(6):
        for src in sources:
            shutil.copy(src, folder / f"{k}-{src.name}")
    total = len(list(folder.iterdir()))
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "planparse", "batch", str(folder), "-o", str(out), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < total // 4:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the batch and its workers, mid-run
    proc.wait()
    assert len(list(out.glob("*.json"))) < total, "the batch finished before it could be killed"

    resumed = run("batch", str(folder), "-o", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    outputs = sorted(out.glob("*.json"))
    assert len(outputs) == total
    for path in outputs:
        assert not list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
    assert not [p for p in out.rglob("*") if "tmp" in p.name]


def slow_in_this_process(load, seconds: float):
    """``load`` made slow here, where the batch loads the pipeline (not in forked workers)."""
    parent = os.getpid()
    return lambda: (time.sleep(seconds) if os.getpid() == parent else None, load())


def _sample_jobs() -> list[Job]:
    return collect([str(p) for p in sorted(SAMPLES.glob("*.*")) if p.suffix in (".txt", ".md", ".docx", ".pdf")])


def test_files_read_while_the_pipeline_loads_come_out_as_a_plain_parse(tmp_path, monkeypatch):
    from planparse import batch
    from planparse.api import parse
    from planparse.outputs import plan_json

    monkeypatch.setattr(batch, "_load_nlp", slow_in_this_process(batch._load_nlp, 1.5))  # readers read all meanwhile
    spawned: list[bool] = []
    real_spawn = batch._Pool._spawn
    monkeypatch.setattr(batch._Pool, "_spawn", lambda self, with_nlp: (spawned.append(with_nlp), real_spawn(self, with_nlp))[1])
    jobs = _sample_jobs()
    totals = batch.run_batch(jobs, tmp_path, workers=2, timeout=60, resume=False)
    assert totals.ok == len(jobs) and totals.failed == 0
    assert spawned == [False, True, True]  # a reader while the pipeline loads, then two workers with it
    for job in jobs:
        assert output_path(tmp_path, job).read_text(encoding="utf-8") == plan_json(parse(job.path), compact=True) + "\n"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_pipeline_that_cannot_load_stops_the_batch_with_its_error(tmp_path, monkeypatch, workers):
    from planparse import batch

    def broken() -> None:
        raise RuntimeError("the model is missing")

    monkeypatch.setattr(batch, "_load_nlp", broken)
    with pytest.raises(RuntimeError, match="the model is missing"):
        batch.run_batch(_sample_jobs(), tmp_path, workers=workers, timeout=60, resume=False)


def test_a_reader_stuck_on_one_file_loses_only_that_file(tmp_path, monkeypatch):
    from planparse import api, batch

    real_load, real_read = batch._load_nlp, api.read
    monkeypatch.setattr(batch, "_load_nlp", slow_in_this_process(real_load, 2.5))
    monkeypatch.setattr(api, "read", lambda path, **kw: (time.sleep(60) if "stuck" in str(path) else None,
                                                         real_read(path, **kw))[1])
    stuck = tmp_path / "stuck.txt"
    shutil.copy(SAMPLES / "granbacka-2025.txt", stuck)
    jobs = collect([str(stuck)]) + _sample_jobs()  # the files queued behind it go back in line
    out = tmp_path / "out"
    results = list(batch._Pool(2, timeout=1.0, outdir=out).run(jobs))
    failed = [r for r in results if not r.ok]
    assert [(r.job.path.name, r.payload) for r in failed] == [("stuck.txt", "timed out after 1 s")]
    assert sorted(r.job.path.name for r in results if r.ok) == sorted(j.path.name for j in jobs[1:])
