"""The wheel holds every subpackage: ``pip install .`` (not only an editable install) must
ship each folder of the package, or a format's reader is missing on a user's machine."""
from __future__ import annotations

import tomllib

import planparse

from conftest import ROOT


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    source = ROOT / "src" / "planparse"
    found = {".".join(("planparse", *init.parent.relative_to(source).parts)) for init in source.rglob("__init__.py")}
    assert found - listed == set()
