"""The library entry points: a file or a string in, a Plan out."""
from __future__ import annotations

import hashlib
import os
import stat
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
    return _read_bytes(read_file(path, max_bytes=max_bytes), fmt=fmt, name=display_name(path))


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most ``max_bytes``. A FIFO would block and a device
    such as /dev/zero never end, so only regular files are read (opened without blocking,
    checked on the open file), and no further than the limit even if the file grows."""
    try:
        with open(path, "rb", opener=_open_nonblocking) as f:
            info = os.fstat(f.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError("is a directory, not a file")
            if not stat.S_ISREG(info.st_mode):
                raise InputError("not a regular file (a device, a pipe or a socket)")
            if info.st_size > max_bytes:
                raise InputError(f"file is {info.st_size} bytes, over the limit of {max_bytes} (--max-bytes)")
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from None
    if len(data) > max_bytes:  # it grew while it was read
        raise InputError(f"file is over the limit of {max_bytes} bytes (--max-bytes)")
    return data


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def display_name(path: Path) -> str:
    """The file's name as text that can be written out: a name that is not UTF-8 (kept by
    Python as lone surrogates) gets U+FFFD for its undecodable bytes."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


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
