"""Hostile and broken input, as a new user would meet it from the shell: every file gets
exit code 2, one line on stderr naming the file and the problem, no traceback, and an
answer within its time bound. Files are made here, not committed."""
from __future__ import annotations

import copy
import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import SAMPLES
from test_formats import blank_pdf, docx_bytes

WORD_SAMPLE = SAMPLES / "hallonbergen-2025.docx"
PDF_SAMPLE = SAMPLES / "lardalen-2025.pdf"
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def parse(path: Path, *extra: str, bound: float = 30.0) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "planparse", "parse", *extra, "--", str(path)],
                          capture_output=True, text=True, timeout=bound + 30)
    elapsed = time.monotonic() - start
    assert elapsed < bound, f"took {elapsed:.1f} s"
    return proc, elapsed


def assert_refused(path: Path, *extra: str, bound: float = 30.0) -> str:
    proc, _ = parse(path, *extra, bound=bound)
    assert proc.returncode == 2, proc.stdout[:200]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert path.name in lines[0]
    return lines[0]


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

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="permission denied"):
        planparse.parse(path)
