"""The library entry points: a file or a string in, a Plan out."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .blocks import Block
from .errors import InputError
from .model import Plan, Source
from .readers import format_of, read_blocks
from .structure import build_plan

#: files larger than this are refused rather than parsed (see README, "Limits")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def parse(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Plan:
    """Parse the plan in ``path`` (.txt, .md, .docx or .pdf)."""
    return build_plan(*read(path, max_bytes=max_bytes))


def read(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Block], Source]:
    """The blocks and source of the plan in ``path``: the reading stage alone, which needs
    no NLP (a batch reads files while the tagger is still loading)."""
    path = Path(path)
    fmt = format_of(path)
    if not path.exists():
        raise InputError("no such file")
    if path.is_dir():
        raise InputError("is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size} bytes, over the limit of {max_bytes} (--max-bytes)")
        data = path.read_bytes()
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from None
    return _read_bytes(data, fmt=fmt, name=path.name)


def parse_text(text: str, format: str = "txt", name: str = "<text>") -> Plan:
    """Parse a plan given as a string (``format`` "txt" or "md")."""
    return parse_bytes(text.encode("utf-8"), fmt=format, name=name)


def parse_bytes(data: bytes, *, fmt: str, name: str) -> Plan:
    return build_plan(*_read_bytes(data, fmt=fmt, name=name))


def _read_bytes(data: bytes, *, fmt: str, name: str) -> tuple[list[Block], Source]:
    if not data.strip():
        raise InputError("the file is empty")
    blocks, pages = read_blocks(data, fmt)
    if not any(b.text.strip() for b in blocks):
        raise InputError("the file has no text")
    return blocks, Source(file=name, format=fmt, sha256=hashlib.sha256(data).hexdigest(), pages=pages)
