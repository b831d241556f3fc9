"""Tiny PDFs written byte by byte for the reader tests: pages of Helvetica text lines and
drawn rules, and page trees of any shape (no PDF library needed)."""
from __future__ import annotations

import zlib


def pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of numbered objects (1-based) with a correct cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(content: bytes, compress: bool = False) -> bytes:
    if compress:
        content = zlib.compress(content, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def text_ops(lines: list[tuple[float, float, float, str]]) -> bytes:
    """Content-stream operators drawing text lines: (x, y from the bottom, size, text)."""
    ops = []
    for x, y, size, text in lines:
        escaped = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"BT /F1 %.1f Tf %.2f %.2f Td (%s) Tj ET" % (size, x, y, escaped))
    return b"\n".join(ops)


def one_page(content: bytes, width: float = 595, height: float = 842, compress: bool = False) -> bytes:
    """A one-page PDF with Helvetica as /F1 and the given content stream."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>" % (repr(width).encode(), repr(height).encode()),
                stream(content, compress),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"])
