"""YAML files in, models out.

The only module that knows about files, schema errors and cross-references. Every problem is
reported as a :class:`~lawcheck.errors.Problem` naming file, line, column and field path; all
problems in a file are collected before raising, so a user fixes them in one pass.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import criteria as crit
from .errors import InputError, Path_, Problem
from .model import (
    Catalogue,
    CatalogueFile,
    Checklist,
    ChecklistFile,
    Evidence,
    Fact,
    FactSpec,
    FactType,
    Instrument,
    Profile,
    ProfileInstrument,
    Requirement,
    Source,
)
from .yamlread import Document, read_file

M = TypeVar("M", bound=BaseModel)
YAML_SUFFIXES = (".yaml", ".yml")


# --- built-in data ------------------------------------------------------------------------


def builtin_dir() -> Path:
    """Where the built-in checklists live: package data, or ``checklists/`` in a source tree."""
    packaged = resources.files("lawcheck").joinpath("checklists")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "checklists"


@functools.lru_cache(maxsize=1)
def builtin_files() -> tuple[tuple[str, Document], ...]:
    """Every built-in YAML file, parsed once per process, sorted by name."""
    base = builtin_dir()
    names = sorted(p.name for p in base.iterdir() if p.suffix in YAML_SUFFIXES)
    return tuple((name, read_file(base / name)) for name in names)


_VALIDATED: dict[str, CatalogueFile] = {}


def _validated(doc: Document, model: type[CatalogueFile]) -> CatalogueFile:
    """Validate a document; built-in files are validated once per process, not on every load."""
    builtin = any(d is doc for _, d in builtin_files())
    if builtin and doc.file in _VALIDATED:
        return _VALIDATED[doc.file]
    result = validate(doc, model)
    if builtin:
        _VALIDATED[doc.file] = result
    return result


def builtin_checklists() -> dict[str, Document]:
    """Built-in checklist documents by checklist id."""
    return {
        doc.data["checklist"]: doc
        for _, doc in builtin_files()
        if isinstance(doc.data, dict) and "checklist" in doc.data
    }


def default_checklist_names() -> list[str]:
    return sorted(k for k, d in builtin_checklists().items() if d.data.get("default") is True)


# --- schema validation with positions -------------------------------------------------------


def _known_keys() -> set[str]:
    models: list[type[BaseModel]] = [
        Profile,
        ProfileInstrument,
        Fact,
        Evidence,
        ChecklistFile,
        Requirement,
        FactSpec,
        Instrument,
        Source,
        *crit.CRITERIA.values(),
    ]
    return {name for m in models for name in m.model_fields}


def suggest(word: str, choices: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" hint, or an empty string."""
    match = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""


def _data_path(data: Any, loc: Sequence[str | int]) -> Path_:
    """Map a pydantic error location onto the YAML data, dropping union-tag segments."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node)
        ):
            node = node[part]
            path.append(part)
        elif i == len(loc) - 1 and isinstance(node, dict):
            path.append(part)  # a missing key: name it, locate its parent
        # otherwise a segment pydantic adds (a criterion's type tag): skip it
    return tuple(path)


def _message(err: dict[str, Any], path: Path_) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"unknown key {path[-1]!r}{suggest(str(path[-1]), _known_keys())}"
    if kind == "missing":
        return f"missing required key {path[-1]!r}" if path else "missing required key"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        names = ", ".join(sorted(crit.CRITERIA))
        given = err.get("ctx", {}).get("tag", "")
        hint = suggest(given, crit.CRITERIA) if given else ""
        return f"unknown criterion type {given!r}{hint}; known types: {names}"
    if kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == r"\S":
        return "must not be empty or blank"
    if kind == "string_too_short":
        return "must not be empty"
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if (
        kind == "string_pattern_mismatch"
        or kind.endswith("_type")
        or kind.startswith("enum")
        or kind.endswith("_parsing")
    ):
        msg = f"{msg} (got {err.get('input')!r})"
    return msg


def validate(doc: Document, model: type[M]) -> M:
    """Validate a parsed document against ``model``, or raise naming every problem's position."""
    if not isinstance(doc.data, dict):
        what = "empty" if doc.data is None else f"a {type(doc.data).__name__}"
        raise InputError(doc.problem((), f"expected a mapping of keys at the top, got {what}"))
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            path = _data_path(doc.data, err["loc"])
            problems.append(doc.problem(path, _message(err, path)))
        raise InputError(_dedupe(problems)) from None


def _dedupe(problems: Iterable[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


# --- checklists and the catalogue -----------------------------------------------------------


def _merge(
    target: dict[str, Any],
    origin: dict[str, str],
    doc: Document,
    section: str,
    entries: dict[str, Any],
    problems: list[Problem],
) -> None:
    for key, value in entries.items():
        if key in target:
            problems.append(
                doc.problem((section, key), f"{section[:-1]} {key!r} is already defined in {origin[key]}")
            )
        else:
            target[key] = value
            origin[key] = doc.file


def resolve_checklists(names: Sequence[str] | None) -> list[Document]:
    """Documents for checklist names or paths; the defaults when ``names`` is empty."""
    available = builtin_checklists()
    wanted = list(names) if names else default_checklist_names()
    docs: list[Document] = []
    for name in wanted:
        looks_like_path = os.sep in name or "/" in name or name.endswith(YAML_SUFFIXES)
        if name in available and not looks_like_path:
            docs.append(available[name])
        elif looks_like_path or os.path.exists(name):
            docs.append(read_file(name))
        else:
            raise InputError(
                Problem(
                    "--checklist",
                    f"unknown checklist {name!r}{suggest(name, available)}; "
                    f"built-in checklists: {', '.join(sorted(available))}; or give a path to a .yaml file",
                )
            )
    return docs


def load_checklists(names: Sequence[str] | None = None) -> tuple[Catalogue, list[Checklist]]:
    """Load the built-in catalogue plus the chosen checklists, and check every cross-reference."""
    docs = resolve_checklists(names)
    seen: set[str] = set()
    unique = [d for d in docs if not (d.file in seen or seen.add(d.file))]  # type: ignore[func-returns-value]
    catalogue_docs = [doc for _, doc in builtin_files() if "checklist" not in (doc.data or {})]
    problems: list[Problem] = []
    parsed: list[tuple[Document, CatalogueFile]] = []
    for doc in [*catalogue_docs, *unique]:
        model = ChecklistFile if isinstance(doc.data, dict) and "checklist" in doc.data else CatalogueFile
        try:
            parsed.append((doc, _validated(doc, model)))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)

    merged: dict[str, dict[str, Any]] = {s: {} for s in ("areas", "instruments", "sources")}
    origins: dict[str, dict[str, str]] = {s: {} for s in merged}
    facts: dict[str, dict[str, FactSpec]] = {}
    fact_origin: dict[str, str] = {}
    for doc, part in parsed:
        for section in merged:
            _merge(merged[section], origins[section], doc, section, getattr(part, section), problems)
        for area, specs in part.facts.items():
            for name, spec in specs.items():
                key = f"{area}.{name}"
                if key in fact_origin:
                    problems.append(
                        doc.problem(
                            ("facts", area, name), f"fact {key!r} is already defined in {fact_origin[key]}"
                        )
                    )
                else:
                    facts.setdefault(area, {})[name] = spec
                    fact_origin[key] = doc.file
    catalogue = Catalogue(facts=facts, **merged)

    checklists: list[Checklist] = []
    req_origin: dict[str, str] = {}
    defined = _all_defined_requirements(parsed)
    for doc, part in parsed:
        problems.extend(_check_catalogue_refs(doc, part, catalogue))
        if not isinstance(part, ChecklistFile):
            continue
        for i, req in enumerate(part.requirements):
            if req.id in req_origin:
                problems.append(
                    doc.problem(
                        ("requirements", i, "id"),
                        f"requirement {req.id!r} is already defined in {req_origin[req.id]}",
                    )
                )
            req_origin[req.id] = doc.file
            problems.extend(_check_requirement(doc, i, req, catalogue))
        for i, rid in enumerate(part.includes):
            if rid not in defined:
                problems.append(
                    doc.problem(("includes", i), f"unknown requirement {rid!r}{suggest(rid, defined)}")
                )
        checklists.append(
            Checklist(
                id=part.checklist,
                title=part.title,
                version=part.version,
                description=part.description,
                default=part.default,
                file=doc.file,
                requirements=tuple(part.requirements),
                included=tuple(defined[i] for i in part.includes if i in defined),
            )
        )
    if problems:
        raise InputError(_dedupe(problems))
    return catalogue, checklists


def _all_defined_requirements(parsed: list[tuple[Document, CatalogueFile]]) -> dict[str, Requirement]:
    """Requirements defined in the loaded files and in every built-in checklist (for `includes`)."""
    defined: dict[str, Requirement] = {}
    for _, part in parsed:
        if isinstance(part, ChecklistFile):
            defined.update((r.id, r) for r in part.requirements)
    for doc in builtin_checklists().values():
        if any(d is doc for d, _ in parsed):
            continue
        try:
            part = _validated(doc, ChecklistFile)
            defined.update((r.id, r) for r in part.requirements if r.id not in defined)
        except InputError:  # a broken built-in is reported when it is itself selected
            continue
    return defined


def _check_catalogue_refs(doc: Document, part: CatalogueFile, cat: Catalogue) -> list[Problem]:
    problems = []
    for key, source in part.sources.items():
        if source.instrument not in cat.instruments:
            problems.append(
                doc.problem(
                    ("sources", key, "instrument"),
                    f"unknown instrument {source.instrument!r}{suggest(source.instrument, cat.instruments)}",
                )
            )
    for area in part.facts:
        if area not in cat.areas:
            problems.append(doc.problem(("facts", area), f"unknown area {area!r}{suggest(area, cat.areas)}"))
    return problems


def _check_requirement(doc: Document, index: int, req: Requirement, cat: Catalogue) -> list[Problem]:
    base: Path_ = ("requirements", index)
    problems = []
    if req.area not in cat.areas:
        problems.append(
            doc.problem((*base, "area"), f"unknown area {req.area!r}{suggest(req.area, cat.areas)}")
        )
    for j, source in enumerate(req.sources):
        if source not in cat.sources:
            problems.append(
                doc.problem((*base, "sources", j), f"unknown source {source!r}{suggest(source, cat.sources)}")
            )
    for key in ("criterion", "applies_if"):
        criterion = getattr(req, key)
        if criterion is not None:
            problems.extend(_check_criterion(doc, (*base, key), criterion, cat))
    return problems


def _check_criterion(doc: Document, path: Path_, criterion: Any, cat: Catalogue) -> list[Problem]:
    if criterion.type in ("all_of", "any_of"):
        return [
            p
            for j, child in enumerate(criterion.criteria)
            for p in _check_criterion(doc, (*path, "criteria", j), child, cat)
        ]
    spec = cat.spec(criterion.fact)
    if spec is None:
        known = [f"{a}.{n}" for a, names in cat.facts.items() for n in names]
        return [
            doc.problem((*path, "fact"), f"unknown fact {criterion.fact!r}{suggest(criterion.fact, known)}")
        ]
    wanted = crit.READS_TYPE[criterion.type]
    if spec.type.value != wanted:
        return [
            doc.problem(
                (*path, "fact"),
                f"criterion {criterion.type!r} needs a fact of type "
                f"{wanted!r}, but {criterion.fact!r} is {spec.type.value!r}",
            )
        ]
    return [
        doc.problem(
            (*path, "terms"), f"unknown term {term!r} for {criterion.fact!r}{suggest(term, spec.terms)}"
        )
        for term in criterion.terms_used()
        if term not in spec.terms
    ]


# --- profiles -----------------------------------------------------------------------------


def load_profile(path: str | os.PathLike[str], catalogue: Catalogue) -> Profile:
    """Read and validate a country profile against the schema and the fact vocabulary."""
    doc = read_file(path)
    return check_profile(doc, validate(doc, Profile), catalogue)


def check_profile(doc: Document, profile: Profile, catalogue: Catalogue) -> Profile:
    """Cross-checks a schema cannot express: facts and terms exist, evidence cites declared instruments."""
    problems: list[Problem] = []
    declared: dict[str, int] = {}
    for i, inst in enumerate(profile.instruments):
        if inst.id in declared:
            problems.append(
                doc.problem(("instruments", i, "id"), f"instrument id {inst.id!r} is declared twice")
            )
        declared.setdefault(inst.id, i)
    for j, party in enumerate(profile.party_to):
        if party not in catalogue.instruments:
            problems.append(
                doc.problem(
                    ("party_to", j),
                    f"unknown international instrument {party!r}{suggest(party, catalogue.instruments)}",
                )
            )
    for area, named in profile.facts.items():
        if area not in catalogue.facts:
            problems.append(
                doc.problem(("facts", area), f"unknown area {area!r}{suggest(area, catalogue.facts)}")
            )
            continue
        for name, fact in named.items():
            where: Path_ = ("facts", area, name)
            spec = catalogue.facts[area].get(name)
            if spec is None:
                problems.append(
                    doc.problem(
                        where, f"unknown fact {name!r} in area {area!r}{suggest(name, catalogue.facts[area])}"
                    )
                )
                continue
            if fact.assessed:
                problems.extend(_check_value(doc, (*where, "value"), fact.value, spec))
            for term in fact.not_assessed_terms:
                at = (*where, "not_assessed_terms", term)
                if spec.type is not FactType.TERMS:
                    problems.append(doc.problem(at, "'not_assessed_terms' is only for lists of terms"))
                elif term not in spec.terms:
                    problems.append(doc.problem(at, f"unknown term {term!r}{suggest(term, spec.terms)}"))
                elif isinstance(fact.value, list) and term in fact.value:
                    problems.append(doc.problem(at, f"term {term!r} is both in 'value' and not assessed"))
            for k, ev in enumerate(fact.evidence):
                if ev.instrument not in declared:
                    problems.append(
                        doc.problem(
                            (*where, "evidence", k, "instrument"),
                            f"instrument {ev.instrument!r} is not declared under "
                            f"'instruments'{suggest(ev.instrument, declared)}",
                        )
                    )
            for k, ident in enumerate(fact.checked):
                if ident not in declared:
                    problems.append(
                        doc.problem(
                            (*where, "checked", k),
                            f"instrument {ident!r} is not declared under "
                            f"'instruments'{suggest(ident, declared)}",
                        )
                    )
    if problems:
        raise InputError(problems)
    return profile


def _check_value(doc: Document, path: Path_, value: Any, spec: FactSpec) -> list[Problem]:
    kind = spec.type
    if kind is FactType.BOOLEAN and not isinstance(value, bool):
        return [doc.problem(path, f"expected true or false, got {value!r}")]
    if kind is FactType.NUMBER and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return [doc.problem(path, f"expected a number, got {value!r}")]
    if kind is FactType.TERM:
        if not isinstance(value, str):
            return [doc.problem(path, f"expected one term, got {value!r}")]
        values: list[Any] = [value]
    elif kind is FactType.TERMS:
        if not isinstance(value, list):
            return [doc.problem(path, f"expected a list of terms, got {value!r}")]
        values = value
    else:
        return []
    problems = []
    for k, term in enumerate(values):
        where = (*path, k) if kind is FactType.TERMS else path
        if not isinstance(term, str) or term not in spec.terms:
            problems.append(
                doc.problem(
                    where,
                    f"unknown term {term!r}{suggest(str(term), spec.terms)}; "
                    f"known terms: {', '.join(spec.terms)}",
                )
            )
        elif kind is FactType.TERMS and term in values[:k]:
            problems.append(doc.problem(where, f"term {term!r} is listed twice"))
    return problems


def profile_files(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Expand directories into the YAML files they hold (sorted); keep files as given."""
    found: list[str] = []
    for path in paths:
        name = os.fspath(path)
        if os.path.isdir(name):
            for root, dirs, files in os.walk(name):
                dirs.sort()
                found.extend(os.path.join(root, f) for f in sorted(files) if f.endswith(YAML_SUFFIXES))
        else:
            found.append(name)
    return found


def load_profile_or_draft(
    path: str | os.PathLike[str], catalogue: Catalogue, language: str = "en", **details: Any
) -> Profile:
    """A profile from a YAML file, or from a draft law (.txt, .md, .docx, .pdf) by extraction.

    ``details`` (jurisdiction, name, title, status, as_of) go to the extracted profile.
    """
    return load_located(path, catalogue, language, **details)[0]


def load_located(
    path: str | os.PathLike[str], catalogue: Catalogue, language: str = "en", **details: Any
) -> tuple[Profile, dict[Path_, tuple[int, int]]]:
    """As :func:`load_profile_or_draft`, with the line and column of each field of a YAML profile."""
    from .extract.readers import is_draft

    if not is_draft(path):
        doc = read_file(path)
        return check_profile(doc, validate(doc, Profile), catalogue), doc.positions
    from .extract import extract_file, profile_data

    return profile_from_data(
        os.fspath(path), profile_data(extract_file(path, language), **details), catalogue
    ), {}


def profile_from_data(name: str, data: dict[str, Any], catalogue: Catalogue) -> Profile:
    """Validate profile data built in memory (by extraction) with the same rules as a profile file."""
    doc = Document(name, data)
    return check_profile(doc, validate(doc, Profile), catalogue)


@functools.lru_cache(maxsize=1)
def _builtin_requirement_ids() -> frozenset[str]:
    _, every = load_checklists(sorted(builtin_checklists()))
    return frozenset(r.id for c in every for r in c.all_requirements)


def check_reservations(
    name: str,
    profile: Profile,
    positions: dict[Path_, tuple[int, int]],
    checklists: Iterable[Checklist] = (),
) -> None:
    """A reservation must name a requirement that exists: a misspelt id would silently waive nothing.

    Known are the built-in checklists' requirements and those of ``checklists`` (e.g. files given with -c).
    """
    if not profile.reservations:
        return
    known = _builtin_requirement_ids() | {r.id for c in checklists for r in c.all_requirements}
    problems = []
    for rid in profile.reservations:
        if rid not in known:
            line, column = positions.get(("reservations", rid), (None, None))
            message = f"no requirement {rid!r} in any checklist{suggest(rid, known)}"
            problems.append(Problem(name, message, line, column, ("reservations", rid)))
    if problems:
        raise InputError(problems)
