"""Word 97-2003 (.doc) and RTF plans, converted to .docx by LibreOffice when it is
installed, then read as Word documents. Conversion runs headless in a private temporary
folder and profile, bounded by a timeout, and never touches the user's files."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..blocks import Block
from ..errors import InputError

#: seconds LibreOffice may take to convert one file (README, "Limits")
CONVERT_TIMEOUT = 60
NAMES = {"doc": "Word 97-2003 (.doc)", "rtf": "RTF"}


def soffice() -> str | None:
    """LibreOffice's command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_converted(data: bytes, fmt: str) -> tuple[list[Block], None]:
    program = soffice()
    if program is None:
        raise InputError(f"{NAMES[fmt]} needs LibreOffice, which is not installed; install it or convert the "
                         f"file first, e.g. `soffice --headless --convert-to docx plan.{fmt}`")
    from .docx import read_docx

    with tempfile.TemporaryDirectory(prefix="planparse-") as tmp:
        source = Path(tmp) / f"plan.{fmt}"
        source.write_bytes(data)
        profile = Path(tmp) / "profile"
        try:
            proc = subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                   "--convert-to", "docx", "--outdir", tmp, str(source)],
                                  capture_output=True, timeout=CONVERT_TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise InputError(f"LibreOffice did not convert the file within {CONVERT_TIMEOUT} s") from None
        except OSError as e:
            raise InputError(f"LibreOffice could not be started ({e.strerror})") from None
        converted = Path(tmp) / "plan.docx"
        if proc.returncode != 0 or not converted.exists():
            raise InputError(f"LibreOffice could not convert the file (not a readable {NAMES[fmt]}?)")
        return read_docx(converted.read_bytes()), None
