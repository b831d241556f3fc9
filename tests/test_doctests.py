"""The examples in the modules' docstrings are tests too."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["planparse.targets.numbers", "planparse.targets.extract", "planparse.targets.units",
           "planparse.structure.sentences", "planparse.structure.metadata"]


@pytest.mark.parametrize("name", MODULES)
def test_module_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
