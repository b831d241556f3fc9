"""Hostile and broken input, as a new user would meet it from the shell: every file gets
exit code 0 with valid, schema-valid JSON, or exit code 2 with one line on stderr naming the
file and the problem; never a traceback, never exit 3, and an answer within its time
bound. Files are made here, not committed.

This suite is also the gate of issue 13: every command runs under ``prlimit --as=2G``
(where prlimit exists) and is killed after 60 s at most."""
from __future__ import annotations

import copy
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import SAMPLES
from pdfmake import one_page, text_ops
from test_formats import blank_pdf, docx_bytes

WORD_SAMPLE = SAMPLES / "hallonbergen-2025.docx"
PDF_SAMPLE = SAMPLES / "lardalen-2025.pdf"
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
#: the gate: address space and wall time one command may take
MEMORY_LIMIT = 2_000_000_000
TIME_LIMIT = 60.0
PRLIMIT = shutil.which("prlimit")


def planparse(*args: str, bound: float = 30.0, fsize: int | None = None,
              cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m planparse ARGS`` under the memory limit (and a file size limit, which
    fails writes as a full disk does), killed after TIME_LIMIT; it must end within
    ``bound`` seconds and never with exit 3."""
    limits = [f"--as={MEMORY_LIMIT}"] + ([f"--fsize={fsize}"] if fsize else [])
    prefix = [PRLIMIT, *limits] if PRLIMIT else []
    if fsize and not PRLIMIT:
        pytest.skip("needs prlimit")
    start = time.monotonic()
    proc = subprocess.run([*prefix, sys.executable, "-m", "planparse", *args], capture_output=True,
                          timeout=min(bound, TIME_LIMIT) + 5, cwd=cwd)
    elapsed = time.monotonic() - start
    assert elapsed < min(bound, TIME_LIMIT), f"took {elapsed:.1f} s"
    out = subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                      proc.stderr.decode("utf-8", "backslashreplace"))
    assert out.returncode != 3 and "Traceback" not in out.stderr, out.stderr
    return out


def parse(path: Path, *extra: str, bound: float = 30.0) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    proc = planparse("parse", *extra, "--", str(path), bound=bound)
    return proc, time.monotonic() - start


def assert_refused(path: Path, *extra: str, bound: float = 30.0) -> str:
    proc, _ = parse(path, *extra, bound=bound)
    assert proc.returncode == 2, proc.stdout[:200]
    return one_line(proc, path.name)


def one_line(proc: subprocess.CompletedProcess, name: str) -> str:
    """The one stderr line of a refusal, which names the file."""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert name in lines[0], lines[0]
    return lines[0]


def assert_parsed_or_refused(path: Path, validator, *extra: str, bound: float = 60.0) -> dict | None:
    """Exit 0 with JSON that is JSON (no NaN, no Infinity) and meets the schema, or exit 2
    with one line naming the file. Returns the plan, if there is one."""
    proc, _ = parse(path, *extra, bound=bound)
    if proc.returncode == 2:
        one_line(proc, path.name)
        return None
    assert proc.returncode == 0, proc.stderr
    plan = json.loads(proc.stdout, parse_constant=lambda c: pytest.fail(f"{c} is not JSON"))
    assert not list(validator.iter_errors(plan))
    return plan


def docx_with(document_xml: bytes | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """The Word sample with its document.xml replaced and/or parts added."""
    buf = io.BytesIO()
    with zipfile.ZipFile(WORD_SAMPLE) as good, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in good.infolist():
            data = good.read(info.filename)
            if info.filename == "word/document.xml" and document_xml is not None:
                data = document_xml
            out.writestr(copy.copy(info), data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return buf.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ every format

@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf"])
@pytest.mark.parametrize("content", [b"", b"   \n\t\n  "], ids=["empty", "whitespace"])
def test_empty_files_of_each_format_are_refused(tmp_path, suffix, content):
    assert_refused(write(tmp_path, f"plan{suffix}", content))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf"])
def test_binary_files_of_each_format_are_refused(tmp_path, suffix):
    assert_refused(write(tmp_path, f"plan{suffix}", bytes(range(256)) * 64))


def test_a_pdf_named_docx_is_refused(tmp_path):
    assert "not a zip" in assert_refused(write(tmp_path, "plan.docx", PDF_SAMPLE.read_bytes()))


# ------------------------------------------------------------------ size

def test_a_file_over_the_size_limit_is_refused_at_once(tmp_path):
    path = tmp_path / "stor.txt"
    with path.open("wb") as f:
        line = "Vi ska ha minst 3 möten i månaden och värva minst 10 nya medlemmar.\n".encode()
        f.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert "--max-bytes" in assert_refused(path, bound=10)


def test_a_single_five_megabyte_line_is_refused_at_once(tmp_path):
    path = write(tmp_path, "enrad.txt", b"minst 3 m\xc3\xb6ten " * (5 * 1024 * 1024 // 16))
    assert "single line" in assert_refused(path, bound=10)


def test_the_size_limit_can_be_lowered(tmp_path):
    assert_refused(SAMPLES / "granbacka-2025.txt", "--max-bytes", "100", bound=10)


# ------------------------------------------------------------------ Word

@pytest.mark.parametrize("name,data", [
    ("not-a-zip.docx", b"PK\x03\x04 this is not a zip archive"),
    ("no-document.docx", docx_bytes({"hello.txt": b"hej"})),
    ("truncated.docx", WORD_SAMPLE.read_bytes()[: WORD_SAMPLE.stat().st_size // 2]),
])
def test_broken_word_files_are_refused(tmp_path, name, data):
    assert_refused(write(tmp_path, name, data))


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    bomb = docx_with(extra={"word/media/zeros.bin": b"\0" * (400 * 1024 * 1024)})
    assert len(bomb) < 2 * 1024 * 1024
    assert "zip bomb" in assert_refused(write(tmp_path, "bomb.docx", bomb), bound=15)


def test_billion_laughs_are_never_expanded(tmp_path):
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{entities}]>'
           f'<w:document {W.decode()}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
    assert_refused(write(tmp_path, "laughs.docx", docx_with(xml.encode())), bound=15)


def test_an_external_entity_is_never_fetched(tmp_path):
    secret = tmp_path / "hemlig.txt"
    secret.write_text("HEMLIGT 4711 möten", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<w:document {W.decode()}><w:body><w:p><w:r><w:t>Vi ska ha minst 3 möten &x;</w:t></w:r></w:p>'
           f'</w:body></w:document>')
    proc, _ = parse(write(tmp_path, "xxe.docx", docx_with(xml.encode())))
    assert "HEMLIGT" not in proc.stdout and "4711" not in proc.stdout
    assert proc.returncode in (0, 2) and "Traceback" not in proc.stderr


# ------------------------------------------------------------------ PDF

def test_a_pdf_with_zero_pages_is_refused(tmp_path):
    pdf = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
           b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    assert "no pages" in assert_refused(write(tmp_path, "zero.pdf", pdf))


def test_a_pdf_without_text_layer_is_refused(tmp_path):
    assert "OCR" in assert_refused(write(tmp_path, "scan.pdf", blank_pdf()))


def test_deeply_nested_pdf_objects_are_refused(tmp_path):
    pdf = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /X " + b"[" * 100_000 + b"]" * 100_000
           + b" >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    assert_refused(write(tmp_path, "nested.pdf", pdf))


def test_a_broken_cross_reference_table_is_recovered_or_refused(tmp_path):
    """pdfminer rebuilds a broken xref table by scanning the file; when it can, the plan
    is read, and the plan must then be the plan."""
    data = PDF_SAMPLE.read_bytes()
    i = data.rfind(b"xref")
    path = write(tmp_path, "xref.pdf", data[:i] + b"xref\n0 9999\ngarbage\n" + data[i + 200:])
    proc, _ = parse(path)
    if proc.returncode == 0:
        assert '"title": "Verksamhetsplan 2025"' in proc.stdout
    else:
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


def test_a_2000_page_pdf_is_read_up_to_the_page_limit(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    page = pypdf.PdfReader(str(blank_pdf_path(tmp_path))).pages[0]
    for _ in range(2000):
        writer.add_page(page)
    path = tmp_path / "lång.pdf"
    with path.open("wb") as f:
        writer.write(f)
    assert "OCR" in assert_refused(path, bound=60)


def blank_pdf_path(tmp_path: Path) -> Path:
    return write(tmp_path, "blank.pdf", blank_pdf())


def test_an_encrypted_pdf_is_refused(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(PDF_SAMPLE))
    writer.encrypt(user_password="hemligt", owner_password="hemligt")
    path = tmp_path / "låst.pdf"
    with path.open("wb") as f:
        writer.write(f)
    assert "encrypted" in assert_refused(path)


# ------------------------------------------------------------------ names and permissions

@pytest.mark.parametrize("name", ["plan med mellanslag.txt", "årsplan för Ödåkra.txt", "-plan.txt", "--help.txt"])
def test_awkward_file_names_parse(tmp_path, name):
    path = tmp_path / name
    path.write_bytes((SAMPLES / "granbacka-2025.txt").read_bytes())
    proc, _ = parse(path)
    assert proc.returncode == 0, proc.stderr
    assert f'"file": "{name}"' in proc.stdout


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "låst.txt"
    path.write_bytes((SAMPLES / "granbacka-2025.txt").read_bytes())
    path.chmod(0)
    assert "permission" in assert_refused(path)


def test_a_permission_error_while_reading_is_one_clear_error(tmp_path, monkeypatch):
    """The path root never takes: a file the process may not read."""
    import planparse
    from planparse.errors import InputError

    path = tmp_path / "låst.txt"
    path.write_bytes(b"Vi ska ha minst 3 m\xc3\xb6ten.")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InputError, match="permission denied"):
        planparse.parse(path)


# ------------------------------------------------------------------ results never lost

PLAN_A, PLAN_B = SAMPLES / "granbacka-2025.txt", SAMPLES / "solrosen-2026.txt"


def sha256(path: Path) -> str:
    import hashlib
    return hashlib.sha256(path.read_bytes()).hexdigest()


def outputs(out: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.rglob("*.json"))]


def errors_in(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("first,second,args", [
    ("d1/plan.txt", "d2/plan.txt", ["d1/plan.txt", "d2/plan.txt"]),
    ("d1/plan.txt", "d2/plan.txt", ["*/plan.txt"]),
    ("a?b.txt", "a_b.txt", ["."]),
    (".plan.txt", "plan.txt", ["."]),
    ("-x.txt", "x.txt", ["."]),
    ("Plan.txt", "plan.txt", ["."]),
], ids=["same-name-in-two-folders", "glob-over-folders", "made-safe", "leading-dot", "leading-dash", "case"])
def test_every_input_of_a_batch_gets_its_own_output(tmp_path, first, second, args):
    inputs = tmp_path / "in"
    for name, src in ((first, PLAN_A), (second, PLAN_B)):
        (inputs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, inputs / name)
    proc = planparse("batch", *args, "-o", str(tmp_path / "out"), "--jobs", "1", cwd=inputs, bound=60)
    assert proc.returncode == 0, proc.stderr
    assert "2 converted" in proc.stderr.splitlines()[-1]
    assert sorted(p["source"]["sha256"] for p in outputs(tmp_path / "out")) == sorted([sha256(PLAN_A), sha256(PLAN_B)])


def test_json_lines_resume_keeps_identical_copies_under_other_names(tmp_path):
    inputs = tmp_path / "in"
    for name in ("a.txt", "b.txt", "d1/plan.txt", "d2/plan.txt"):
        (inputs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PLAN_A, inputs / name)
    lines = tmp_path / "all.jsonl"
    first = planparse("batch", str(inputs), "-o", str(tmp_path / "out"), "--jsonl", str(lines), bound=60)
    assert "4 converted" in first.stderr.splitlines()[-1]
    again = planparse("batch", str(inputs), "-o", str(tmp_path / "out"), "--jsonl", str(lines), "--resume", bound=60)
    assert "0 converted" in again.stderr.splitlines()[-1] and "4 up to date" in again.stderr.splitlines()[-1]
    assert sorted(json.loads(line)["source"]["file"] for line in lines.read_text(encoding="utf-8").splitlines()) \
        == ["a.txt", "b.txt", "plan.txt", "plan.txt"]


def test_two_batches_into_one_folder_keep_each_others_failures(tmp_path):
    out = tmp_path / "out"
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_bytes(b"")
        assert planparse("batch", str(tmp_path / name), "-o", str(out)).returncode == 1
    assert sorted(Path(e["file"]).name for e in errors_in(out)) == ["one.txt", "two.txt"]
    shutil.copy(PLAN_A, tmp_path / "one" / "one.txt")  # mended: its record goes, the other's stays
    assert planparse("batch", str(tmp_path / "one"), "-o", str(out)).returncode == 0
    assert [Path(e["file"]).name for e in errors_in(out)] == ["two.txt"]


def test_parse_to_a_file_on_a_full_disk_keeps_the_earlier_file(tmp_path):
    target = tmp_path / "plan.json"
    assert planparse("parse", str(PLAN_A), "-o", str(target)).returncode == 0
    before = target.read_bytes()
    proc = planparse("parse", str(PLAN_B), "-o", str(target), fsize=1000)
    assert proc.returncode == 2
    one_line(proc, "plan.json")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_a_batch_on_a_full_disk_records_why_for_every_file_and_goes_on(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for src in SAMPLES.glob("*.txt"):
        shutil.copy(src, inputs)
    out = tmp_path / "out"
    proc = planparse("batch", str(inputs), "-o", str(out), "--jobs", "1", fsize=2500, bound=60)
    assert proc.returncode == 1, proc.stderr
    assert "0 converted" in proc.stderr.splitlines()[-1]
    errors = errors_in(out)
    assert sorted(Path(e["file"]).name for e in errors) == sorted(p.name for p in inputs.iterdir())
    assert all("cannot write" in e["error"] for e in errors)
    assert not list(out.rglob("*tmp*"))


@pytest.mark.parametrize("command", [["parse", str(PLAN_A), "-o"], ["check", str(PLAN_A), "-o"], ["batch", str(PLAN_A), "-o"]])
def test_an_output_that_cannot_be_made_is_one_clear_error(tmp_path, command):
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    proc = planparse(*command, str(blocker / "ut" / "plan.json"))
    assert proc.returncode == 2
    one_line(proc, "fil")


def test_json_lines_that_are_a_folder_are_one_clear_error(tmp_path):
    (tmp_path / "alla.jsonl").mkdir()
    for resume in ([], ["--resume"]):
        proc = planparse("batch", str(PLAN_A), "-o", str(tmp_path / "ut"), "--jsonl", str(tmp_path / "alla.jsonl"), *resume)
        assert proc.returncode == 2
        one_line(proc, "alla.jsonl")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes everywhere")
def test_a_read_only_output_folder_is_one_clear_error(tmp_path):
    folder = tmp_path / "ut"
    folder.mkdir()
    folder.chmod(0o555)
    for command in (["parse", str(PLAN_A), "-o", str(folder / "plan.json")], ["batch", str(PLAN_A), "-o", str(folder)]):
        proc = planparse(*command)
        assert proc.returncode == 2
        one_line(proc, "ut")


def test_a_file_mixing_utf8_and_cp1252_lines_reads_each_line_right(tmp_path, validator):
    data = ("Verksamhetsplan 2025\n\nMål\n\n- Vi ska ha minst 3 möten under året.\n".encode("utf-8")
            + "- Vi ska värva minst 10 nya medlemmar i år.\n".encode("cp1252"))
    plan = assert_parsed_or_refused(write(tmp_path, "blandad.txt", data), validator)
    goals = [g["text"] for s in plan["sections"] for g in s["goals"]]
    assert goals == ["Vi ska ha minst 3 möten under året.", "Vi ska värva minst 10 nya medlemmar i år."]


# ------------------------------------------------------------------ bad input is no bug

@pytest.mark.parametrize("number", ["9" * 400, "9" * 5000, "9" * 400 + ",5", "3," + "9" * 400,
                                    "1" + " 000" * 400, "999." * 300 + "999"])
def test_numbers_of_hundreds_of_digits(tmp_path, validator, number):
    path = write(tmp_path, "siffror.txt", f"Mål\n\nVi ska ha minst {number} möten i år.\n".encode())
    assert_parsed_or_refused(path, validator)


@pytest.mark.parametrize("date", ["2025-12-maj", "2025-123-456", "123 maj 2025", "31 juni 2025", "2025-02-30"])
def test_impossible_deadlines(tmp_path, validator, date):
    path = write(tmp_path, "datum.txt", f"Mål\n\nVi ska ha minst 3 möten senast {date}.\n".encode())
    plan = assert_parsed_or_refused(path, validator)
    for target in (t for s in plan["sections"] for g in s["goals"] for t in g["targets"]):
        if target["deadline"] and len(target["deadline"]) == 10:
            datetime.date.fromisoformat(target["deadline"])  # a date the calendar has


def test_a_goal_over_spacys_million_characters(tmp_path, validator):
    words = "Vi ska ha minst 3 möten och " + "träffar med medlemmar " * 50_000  # one sentence
    xml = f'<w:document {W.decode()}><w:body><w:p><w:r><w:t>{words}</w:t></w:r></w:p></w:body></w:document>'
    assert len(words) > 1_000_000
    assert_parsed_or_refused(write(tmp_path, "lång.docx", docx_with(xml.encode())), validator)


def test_tagging_is_bounded_whatever_the_length():
    from planparse.nlp import MAX_TAGGED_CHARS, analyse

    words = analyse("möten " * 250_000)
    assert words and words[-1].start < MAX_TAGGED_CHARS


@pytest.fixture(scope="module")
def plan_dict() -> dict:
    import planparse
    return json.loads(json.dumps(planparse.parse(PLAN_A).to_dict()))


def _first_goal(plan: dict) -> dict:
    return next(g for s in plan["sections"] for g in s["goals"] if g["targets"])


def _changed(plan: dict, change) -> dict:
    change(plan)
    return plan


@pytest.mark.parametrize("name,make", [
    ("list", lambda plan: []), ("null", lambda plan: None), ("string", lambda plan: "plan"),
    ("word-value", lambda plan: _changed(plan, lambda p: _first_goal(p)["targets"][0].update(value="sex"))),
    ("nan-value", lambda plan: _changed(plan, lambda p: _first_goal(p)["targets"][0].update(value=float("nan")))),
    ("huge-value", lambda plan: _changed(plan, lambda p: _first_goal(p)["targets"][0].update(value=10 ** 400))),
    ("null-text", lambda plan: _changed(plan, lambda p: _first_goal(p).update(text=None))),
    ("no-source", lambda plan: _changed(plan, lambda p: p.pop("source"))),
])
def test_diff_against_json_that_is_no_plan(tmp_path, plan_dict, name, make):
    bad = tmp_path / f"{name}.json"
    bad.write_text(json.dumps(make(copy.deepcopy(plan_dict))), encoding="utf-8")
    proc = planparse("diff", str(bad), str(PLAN_A))
    assert proc.returncode == 2
    assert "not planparse JSON" in one_line(proc, bad.name)


def test_diff_against_deeply_nested_json(tmp_path):
    bad = write(tmp_path, "djup.json", b"[" * 200_000 + b"]" * 200_000)
    proc = planparse("diff", str(bad), str(PLAN_A))
    assert proc.returncode == 2
    one_line(proc, bad.name)


def test_file_names_that_are_not_utf8(tmp_path, validator):
    name = os.fsdecode(b"plan-\xe5r.txt")  # Latin-1 "år", as an old file system names it
    path = tmp_path / name
    shutil.copy(PLAN_A, path)
    plan = assert_parsed_or_refused(path, validator)
    assert plan["source"]["file"] == "plan-\ufffdr.txt"
    out = tmp_path / "out"
    proc = planparse("batch", str(tmp_path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert len(outputs(out)) == 1


def test_file_names_too_long_for_an_output_name(tmp_path):
    path = tmp_path / ("å" * 120 + ".txt")  # 244 bytes: the name fits, the name + .json does not
    shutil.copy(PLAN_A, path)
    out = tmp_path / "out"
    proc = planparse("batch", str(path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert len(outputs(out)) == 1


def test_a_symlink_loop_in_a_batch_folder_fails_alone(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(PLAN_A, inputs)
    (inputs / "loop.txt").symlink_to(inputs / "loop.txt")
    (inputs / "a.txt").symlink_to(inputs / "b.txt")
    (inputs / "b.txt").symlink_to(inputs / "a.txt")
    out = tmp_path / "out"
    proc = planparse("batch", str(inputs), "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    assert "1 converted" in proc.stderr.splitlines()[-1]
    assert sorted(Path(e["file"]).name for e in errors_in(out)) == ["a.txt", "b.txt", "loop.txt"]


# ------------------------------------------------------------------ nothing hangs

def test_ten_thousand_spaced_numbers_in_one_paragraph(tmp_path, validator):
    numbers = " ".join(f"{d % 28 + 1} 000 {d % 900 + 100}" for d in range(10_000))
    path = write(tmp_path, "tal.txt", f"Mål\n\nVi ska ha minst 3 möten {numbers}.\n".encode())
    assert_parsed_or_refused(path, validator, bound=60)


def test_a_line_of_a_million_characters_is_refused_at_once(tmp_path):
    path = write(tmp_path, "rad.txt", b"Mal\n\n" + (b"Vi ska ha minst 3 m\xc3\xb6ten, " * 40_000)[:999_999] + b"\n")
    assert "single line" in assert_refused(path, bound=15)


def test_a_long_line_under_the_limit_is_parsed_in_time(tmp_path, validator):
    from planparse.readers.text import MAX_LINE_CHARS

    line = ("Vi ska ordna möten och träffar för medlemmar. " * 3000)[:MAX_LINE_CHARS - 1]
    assert_parsed_or_refused(write(tmp_path, "rad.txt", f"Mål\n\n{line}\n".encode()), validator, bound=60)


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_a_device_or_a_fifo_named_like_a_plan_is_refused_at_once(tmp_path, kind):
    path = tmp_path / "plan.txt"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    assert "not a regular file" in assert_refused(path, bound=15)
    proc = planparse("batch", str(tmp_path), "-o", str(tmp_path / "out"), bound=30)
    assert proc.returncode == 1 and "not a regular file" in errors_in(tmp_path / "out")[0]["error"]


def test_diff_of_two_plans_of_2500_goals(tmp_path, plan_dict):
    base = plan_dict
    words = ("medlemmar möten träffar kurser cirklar utflykter föreläsningar styrelsen kommunen skolan "
             "ungdomar familjer ledare tränare boule schack dans kören bokcirkeln hemsidan").split()
    for name, shift in (("old.json", 0), ("new.json", 1)):
        plan = json.loads(json.dumps(base))
        goal = next(g for s in plan["sections"] for g in s["goals"])
        goals = [dict(goal, id=f"g{k}", text=f"Vi ska ordna minst {k % 50 + shift} {words[k % 20]} för "
                                             f"{words[k * 7 % 20]} och {words[k * 3 % 19]} med {words[k % 17]}")
                 for k in range(2500)]
        plan["sections"] = [dict(plan["sections"][0], goals=goals, sections=[])]
        (tmp_path / name).write_text(json.dumps(plan), encoding="utf-8")
    proc = planparse("diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), bound=60)
    assert proc.returncode == 0, proc.stderr
    assert "2500 mål kvar" in proc.stdout.splitlines()[-1]


def test_sections_nested_600_deep_are_written_and_read_back():
    from planparse.model import Goal, Plan, Section, Source
    from planparse.outputs import load_plan_json, plan_json, plans_csv

    top = Section("s0", "Rubrik 0", 1)
    here = top
    for level in range(2, 601):
        here.sections.append(Section(f"s{level}", f"Rubrik {level}", level))
        here = here.sections[0]
    here.goals.append(Goal("g1", "Vi ska ha minst 3 möten.", "goal"))
    plan = Plan(Source("djup.txt", "txt", "0" * 64), sections=[top])
    for compact in (True, False):
        text = plan_json(plan, compact=compact)
        assert plan_json(load_plan_json(text), compact=compact) == text
    assert plans_csv([plan]).count("Rubrik 600") == 1
    assert len(list(plan.walk_sections())) == 600


# ------------------------------------------------------------------ small things

def test_a_junit_report_of_goals_with_control_characters_is_well_formed(tmp_path):
    import xml.etree.ElementTree as ET

    text = "Mål\n\nVi ska f\x01rbättra st\x0bämningen i klubben.\n\n" + "Vi ska ha minst 3 möten i månaden.\n\n" * 5
    path = write(tmp_path, "kontroll.txt", text.encode())
    report = tmp_path / "rapport.xml"
    assert planparse("check", str(path), "--format", "junit", "--min-measurable", "1", "-o", str(report)).returncode == 1
    failures = [f.text for f in ET.parse(report).getroot().iter("failure") if f.text]
    assert len(failures) == 1 and failures[0].startswith("Vi ska f\ufffdrbättra")


@pytest.mark.parametrize("args", [["check", str(PLAN_A), "--min-measurable", "nan"],
                                  ["check", str(PLAN_A), "--min-measurable", "inf"],
                                  ["batch", str(PLAN_A), "-o", "ut", "--timeout", "nan"],
                                  ["batch", str(PLAN_A), "-o", "ut", "--timeout", "inf"],
                                  ["parse", str(PLAN_A), "--max-bytes", "-5"],
                                  ["parse"], ["parse", str(PLAN_A), "--format", "xml"], ["nosuch"]])
def test_bad_arguments_are_one_line(tmp_path, args):
    proc = planparse(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert not (tmp_path / "ut").exists()


def text_pdf(lines: list[str], ops: bytes = b"") -> bytes:
    """A one-page PDF with ``lines`` in Helvetica and the operators ``ops`` before them."""
    return one_page(ops + b"\n" + text_ops([(72, 780 - 16 * i, 12, line) for i, line in enumerate(lines)]))


def test_pdfminer_warnings_stay_off_stderr(tmp_path):
    """Junk before the header: pdfium refuses the file, pdfminer reads it, and warns of the
    line width that is no number."""
    pdf = b"x" * 3000 + text_pdf(["Verksamhetsplan 2025", "Vi ska ha minst 3 moten under aret."], b"(a) w\n")
    proc, _ = parse(write(tmp_path, "skräp.pdf", pdf))
    assert proc.returncode == 0 and proc.stderr == ""
