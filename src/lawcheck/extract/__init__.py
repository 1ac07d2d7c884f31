"""From a draft law (.txt, .md, .docx, .pdf) to a profile whose facts cite the draft's lines.

Reading (``readers``), splitting into provisions (``provisions``) and detecting facts
(``detect``, driven by a lexicon in ``lexicons/``) are separate steps, so each can be tested and
a new language needs only a lexicon file. Every extracted fact is marked for human review.
"""

from __future__ import annotations

from .. import lazy_exports

# Exported lazily: checking a YAML profile asks only whether a file is a draft (readers), and
# should not pay for importing the detection machinery and its lexicons.
_EXPORTS = {
    "Detection": "detect",
    "Extraction": "detect",
    "extract": "detect",
    "extract_file": "detect",
    "Lexicon": "lexicon",
    "load_lexicon": "lexicon",
    "Provision": "provisions",
    "split_provisions": "provisions",
    "DRAFT_SUFFIXES": "readers",
    "DraftText": "readers",
    "is_draft": "readers",
    "read_draft": "readers",
    "profile_data": "writer",
    "profile_yaml": "writer",
}

__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
