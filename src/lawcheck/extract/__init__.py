"""From a draft law (.txt, .md, .docx, .pdf) to a profile whose facts cite the draft's lines.

Reading (``readers``), splitting into provisions (``provisions``) and detecting facts
(``detect``, driven by a lexicon in ``lexicons/``) are separate steps, so each can be tested and
a new language needs only a lexicon file. Every extracted fact is marked for human review.
"""

from __future__ import annotations

from .detect import Detection, Extraction, extract, extract_file
from .lexicon import Lexicon, load_lexicon
from .provisions import Provision, split_provisions
from .readers import DRAFT_SUFFIXES, DraftText, is_draft, read_draft
from .writer import profile_data, profile_yaml

__all__ = [
    "DRAFT_SUFFIXES",
    "Detection",
    "DraftText",
    "Extraction",
    "Lexicon",
    "Provision",
    "extract",
    "extract_file",
    "is_draft",
    "load_lexicon",
    "profile_data",
    "profile_yaml",
    "read_draft",
    "split_provisions",
]
