"""``veille.spark`` without pyspark installed: a clear error naming the extra to install."""

from __future__ import annotations

import importlib
import importlib.util
import sys

import pytest

from veille.errors import MissingExtraError


def test_import_without_pyspark_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    for name in [m for m in sys.modules if m == "veille.spark" or m.startswith("veille.spark.")]:
        monkeypatch.delitem(sys.modules, name)
    with pytest.raises(MissingExtraError, match=r"pip install 'veille\[spark\]'"):
        importlib.import_module("veille.spark")
