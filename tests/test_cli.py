"""The command line as a user meets it: exit codes and one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planparse", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def assert_one_line_error(proc: subprocess.CompletedProcess, code: int = 2) -> None:
    assert proc.returncode == code, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert lines[0].startswith("planparse: ")


def test_it_prints_plan_json_for_a_sample():
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    proc = run("parse", str(sample))
    assert proc.returncode == 0, proc.stderr
    plan = json.loads(proc.stdout)
    assert plan["schema"] == "planparse/plan@1"
    assert plan["source"]["file"] == sample.name


def test_it_writes_compact_json_to_a_file(tmp_path):
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    out = tmp_path / "plan.json"
    proc = run("parse", str(sample), "-o", str(out), "--compact")
    assert proc.returncode == 0 and proc.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.count("\n") == 1 and json.loads(text)["schema"] == "planparse/plan@1"


def test_it_keeps_swedish_letters_unescaped():
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    proc = run("parse", str(sample))
    assert "\\u00e5" not in proc.stdout and any(c in proc.stdout for c in "åäö")


def test_it_prints_its_schema():
    proc = run("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["$schema"].endswith("2020-12/schema")


@pytest.mark.parametrize("make", [
    pytest.param(lambda d: d / "missing.txt", id="missing file"),
    pytest.param(lambda d: d, id="directory"),
    pytest.param(lambda d: _write(d / "empty.txt", b""), id="empty file"),
    pytest.param(lambda d: _write(d / "blank.txt", b"  \n\n \t\n"), id="whitespace only"),
    pytest.param(lambda d: _write(d / "binary.txt", bytes(range(256)) * 40), id="binary named .txt"),
    pytest.param(lambda d: _write(d / "plan.odt", b"PK\x03\x04"), id="odt"),
    pytest.param(lambda d: _write(d / "plan.xyz", b"hej"), id="unknown suffix"),
])
def test_it_rejects_bad_input_with_one_line_and_exit_2(tmp_path, make):
    path = make(tmp_path)
    assert_one_line_error(run("parse", str(path)))


def test_it_names_the_file_in_the_error(tmp_path):
    proc = run("parse", str(tmp_path / "saknas.txt"))
    assert "saknas.txt" in proc.stderr


def test_it_exits_2_on_bad_arguments():
    proc = run("parse")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_broken_word_and_pdf_files_give_one_line_and_exit_2(tmp_path):
    from test_formats import blank_pdf

    cases = {"corrupt.docx": b"PK\x03\x04 not really a zip", "scan.pdf": blank_pdf(),
             "pdf-named.docx": blank_pdf(), "broken.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 8}
    for name, data in cases.items():
        path = _write(tmp_path / name, data)
        proc = run("parse", str(path))
        assert_one_line_error(proc)
        assert name in proc.stderr
