"""lawcheck: how far a country's anti-trafficking law falls short of international standards.

The library is usable without the CLI::

    from lawcheck import load_checklists, load_profile, evaluate, render, Format
    catalogue, checklists = load_checklists()
    profile = load_profile("country_profiles/gb.yaml", catalogue)
    print(render(evaluate(profile, catalogue, checklists), Format.MARKDOWN))
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

# Exported lazily so that `lawcheck --help` does not import pydantic and jinja2.
_EXPORTS = {
    "load_checklists": "loading",
    "load_profile": "loading",
    "evaluate": "evaluation",
    "render": "report",
    "Format": "report",
    "InputError": "errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'lawcheck' has no attribute {name!r}")
