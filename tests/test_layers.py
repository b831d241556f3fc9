"""Imports run one way: each module imports only modules of its own layer or below.

To add a module, give it a layer in LAYERS (a module matches the longest prefix listed);
a module no prefix matches fails the test with a message that says so.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import planparse

PACKAGE = Path(planparse.__file__).parent

#: bottom to top; a module may import from its own layer and the layers below
LAYERS: list[tuple[str, ...]] = [
    ("lexicon", "model", "blocks", "errors"),
    ("readers",),
    ("nlp",),
    ("targets",),
    ("structure",),
    ("api",),
    ("outputs", "i18n", "check", "diff", "report", "workbook", "followup", "textview"),
    ("batch",),
    ("cli", "__main__", "__init__"),
]


def layer_of(module: str) -> int:
    """The layer of a dotted module name below planparse (``targets.extract`` -> 3);
    prefixes match whole names or a name's start (``report_html`` is a ``report``)."""
    top = module.split(".")[0]
    for n, names in enumerate(LAYERS):
        if any(top == name or top.startswith(name) for name in names):
            return n
    raise LookupError(f"planparse.{module} has no layer: add it to LAYERS in tests/test_layers.py")


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def dotted(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def imported(path: Path) -> set[str]:
    """The planparse modules ``path`` imports, at any depth of its code (deferred imports
    inside functions count too)."""
    here = dotted(path).split(".")
    package = ([] if here == ["__init__"] else here) if path.name == "__init__.py" else here[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name.removeprefix("planparse.") for a in node.names if a.name.startswith("planparse.")}
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if node.module and node.module.startswith("planparse"):
                    base = node.module.removeprefix("planparse").lstrip(".")
                    out |= {base or a.name for a in node.names}
                continue
            base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
            name = ".".join(base + ([node.module] if node.module else []))
            out |= {name} if node.module else {_module_or_package(name, a.name) for a in node.names}
    return {m for m in out if m and m != "__init__"}


def _module_or_package(package: str, name: str) -> str:
    """``from . import x``: x is a module of the package, or a name its __init__ defines."""
    candidate = f"{package}.{name}".strip(".")
    where = PACKAGE.joinpath(*candidate.split("."))
    return candidate if where.with_suffix(".py").exists() or where.is_dir() else package or "__init__"


@pytest.mark.parametrize("path", modules(), ids=lambda p: dotted(p))
def test_a_module_imports_no_layer_above_its_own(path):
    own = layer_of(dotted(path))
    above = sorted(m for m in imported(path) if layer_of(m) > own)
    assert not above, f"planparse.{dotted(path)} (layer {own}) imports from a layer above: {above}"


def test_an_unplaced_module_fails_with_a_clear_message():
    with pytest.raises(LookupError, match="add it to LAYERS"):
        layer_of("mystery")


def test_the_lexicon_imports_nothing_of_the_package():
    assert imported(PACKAGE / "lexicon.py") == set()
