"""The lexicon's modules: every table is exported and known to the typo corrector."""

from __future__ import annotations

import importlib

from izer.analysis import lexicon
from izer.analysis.terms import Terms

MODULES = ("safety", "parts", "harm", "framing", "situations", "categories", "general")


def test_every_table_of_every_module_is_exported_and_read() -> None:
    seen: set[int] = set()
    for name in MODULES:
        module = importlib.import_module(f"izer.analysis.lexicon.{name}")
        tables = {key: value for key, value in vars(module).items() if isinstance(value, Terms) and key[0] != "_"}
        defined = {key for key, value in tables.items() if id(value) not in seen}  # not imported from another
        seen.update(id(value) for value in tables.values())
        assert defined <= set(module.__all__), f"{name}: {sorted(defined - set(module.__all__))} not exported"
        assert all(getattr(lexicon, key) in lexicon.READ_TABLES for key in defined)
