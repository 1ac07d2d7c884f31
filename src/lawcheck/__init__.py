"""lawcheck: how far a country's anti-trafficking law falls short of international standards.

The library is usable without the CLI::

    from lawcheck import load_checklists, load_profile, evaluate, render, Format
    catalogue, checklists = load_checklists()
    profile = load_profile("country_profiles/gb.yaml", catalogue)
    print(render(evaluate(profile, catalogue, checklists), Format.MARKDOWN))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__version__ = "0.1.0"


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``package.<module>`` only when one of its names is used
    (``exports`` maps each name to its module), so importing the package stays cheap."""

    def __getattr__(name: str) -> Any:
        if name in exports:
            from importlib import import_module

            return getattr(import_module(f".{exports[name]}", package), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__


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
__getattr__ = lazy_exports(__name__, _EXPORTS)
