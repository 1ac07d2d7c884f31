"""JSON Schemas of the input files, generated from the models that `validate` uses.

Editors use them to complete keys and flag typos while a profile is written. They carry the
shape (keys, types, enums); the checks that need the fact vocabulary (which facts and terms
exist, evidence citing declared instruments) stay in `lawcheck validate`.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


class SchemaKind(str, Enum):
    """Which input file a schema describes; also the type of `lawcheck schema`'s argument."""

    PROFILE = "profile"
    CHECKLIST = "checklist"


def schema(kind: SchemaKind) -> dict[str, Any]:
    from .model import ChecklistFile, Profile  # here, so the CLI can import SchemaKind cheaply

    model = Profile if kind is SchemaKind.PROFILE else ChecklistFile
    generated = model.model_json_schema()
    return {"$schema": SCHEMA_URI, "$id": f"lawcheck-{kind.value}.schema.json", **generated}


def render(kind: SchemaKind) -> str:
    return json.dumps(schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
