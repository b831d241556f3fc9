"""Zip packages (Word's .docx, OpenDocument's .odt): opened and measured from the zip
directory before anything is inflated, so a zip bomb or a giant text part is refused
without being unpacked (README, "Limits")."""
from __future__ import annotations

import io
import zipfile

from ..errors import InputError

#: what a package may unpack to in all (read from the zip directory)
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
#: the text part (``word/document.xml``, ``content.xml``) unpacked: more is no plan
MAX_DOCUMENT_XML_BYTES = 32 * 1024 * 1024


def open_package(data: bytes, suffix: str, text_part: str, kind: str) -> zipfile.ZipFile:
    """The zip archive of a ``suffix`` file (``.docx``) whose text is in ``text_part``,
    refused with a reason when it is no zip, lacks that part or is too large unpacked;
    ``kind`` names the format for the reason ("a Word file")."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"not a valid {suffix}: the file is not a zip archive (corrupt, or not {kind})") from None
    if text_part not in set(archive.namelist()):
        archive.close()
        raise InputError(f"not a valid {suffix}: {text_part} is missing")
    if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES:
        archive.close()
        raise InputError(f"refused: the {suffix} would unpack to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB "
                         "(a zip bomb?)")
    if archive.getinfo(text_part).file_size > MAX_DOCUMENT_XML_BYTES:
        archive.close()
        raise InputError(f"refused: the text of the {suffix} is over {MAX_DOCUMENT_XML_BYTES // (1024 * 1024)} MB "
                         "(not a plan)")
    return archive
