"""Strict, position-aware YAML reading.

PyYAML's ``safe_load`` keeps the last of two duplicate keys, expands aliases without limit and
forgets where each value stood. lawcheck builds its own values from the parser's event stream
instead: one pass, no recursion, duplicate keys and non-string keys rejected, anchors/aliases
refused (profiles never need them and they are the vehicle of "billion laughs"), and the line and
column of every key and value remembered so that later errors can name them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .errors import InputError, Path_, Problem

MAX_BYTES = 5 * 1024 * 1024  # largest profile or checklist accepted; real ones are < 200 kB
MAX_DEPTH = 64  # deepest nesting accepted; real files nest < 10 levels

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_MAP_TAGS = {None, "!", "tag:yaml.org,2002:map"}
_SEQ_TAGS = {None, "!", "tag:yaml.org,2002:seq"}
# First characters of a plain scalar that may be a number, bool, null, date... rather than text.
# (A resolver for any first character, key None, would make every plain scalar a candidate.)
_TYPED_FIRST = (
    frozenset(k for k in Resolver.yaml_implicit_resolvers if k)
    if None not in Resolver.yaml_implicit_resolvers
    else None
)


@dataclass
class Document:
    """A parsed YAML file: plain Python data plus where each path stood in the file."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_) -> tuple[int | None, int | None]:
        """Line and column of ``path`` or of its nearest ancestor that is in the file."""
        for end in range(len(path), -1, -1):
            pos = self.positions.get(tuple(path[:end]))
            if pos:
                return pos
        return None, None

    def problem(self, path: Path_, message: str) -> Problem:
        line, column = self.locate(path)
        return Problem(self.file, message, line, column, tuple(path))


def read_file(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> Document:
    """Read a YAML file, refusing anything that is not a small regular file of UTF-8 text."""
    name = os.fspath(path)
    try:
        if os.path.isdir(name):
            raise InputError(Problem(name, "is a directory, not a file"))
        size = os.stat(name).st_size
        if size > max_bytes:
            raise InputError(Problem(name, f"file is {size:,} bytes; the limit is {max_bytes:,} bytes"))
        with open(name, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(Problem(name, "no such file")) from None
    except PermissionError:
        raise InputError(Problem(name, "permission denied")) from None
    except OSError as exc:
        raise InputError(Problem(name, f"cannot be read: {exc.strerror or exc}")) from None
    if len(raw) > max_bytes:  # grew between stat and read, or a special file
        raise InputError(Problem(name, f"file is larger than the limit of {max_bytes:,} bytes"))
    return parse_bytes(raw, name)


def parse_bytes(raw: bytes, name: str) -> Document:
    """Decode UTF-8 (a BOM is allowed) and parse."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(Problem(name, f"is not UTF-8 text (byte 0x{raw[exc.start]:02x})", line)) from None
    return parse_text(text, name)


def parse_text(text: str, name: str) -> Document:
    """Parse one YAML document from ``text`` into a :class:`Document`."""
    builder = _Builder(name)
    try:
        loader = _Parser(text)
        try:
            # the parser's own loop (yaml.parse wraps it in a generator, a call per event)
            for event in iter(loader.get_event, None):
                builder.feed(event)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(p for p in (exc.context, exc.problem) if p) or "malformed YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError(Problem(name, f"malformed YAML: {message}", line, column)) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(name, f"malformed YAML: {exc}")) from None
    return Document(name, builder.result, builder.positions)


class _Builder:
    """Turns parser events into dicts, lists and scalars with an explicit stack."""

    def __init__(self, name: str):
        self.name = name
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.result: Any = None
        self.documents = 0
        # each frame: [container, path, pending_key or None]
        self.stack: list[list[Any]] = []
        self.resolver = Resolver()
        self.constructor = SafeConstructor()

    def fail(self, event: events.Event, message: str, path: Path_ = ()) -> InputError:
        mark = event.start_mark
        return InputError(Problem(self.name, message, mark.line + 1, mark.column + 1, path))

    def feed(self, event: events.Event) -> None:
        if type(event) is events.ScalarEvent and event.anchor is None:  # the common case, first
            self._scalar(event)
            return
        if isinstance(event, events.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(event, "only one YAML document per file is allowed")
            return
        if isinstance(event, events.AliasEvent):
            raise self.fail(event, "YAML aliases (*name) are not supported", self._next_path())
        if isinstance(event, (events.MappingEndEvent, events.SequenceEndEvent)):
            container, _, _ = self.stack.pop()
            self._attach(container, event)
            return
        if isinstance(event, events.NodeEvent) and event.anchor is not None:
            raise self.fail(event, "YAML anchors (&name) are not supported", self._next_path())
        if isinstance(event, events.MappingStartEvent):
            self._open(event, {}, _MAP_TAGS, "mapping")
        elif isinstance(event, events.SequenceStartEvent):
            self._open(event, [], _SEQ_TAGS, "list")
        elif isinstance(event, events.ScalarEvent):
            self._scalar(event)

    def _next_path(self) -> Path_:
        if not self.stack:
            return ()
        container, path, key = self.stack[-1]
        if isinstance(container, list):
            return (*path, len(container))
        return (*path, key) if key is not None else path

    def _open(self, event: events.Event, container: Any, tags: set, kind: str) -> None:
        if event.tag not in tags:
            raise self.fail(event, f"unsupported YAML tag {event.tag!r} on a {kind}")
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event, f"nesting deeper than {MAX_DEPTH} levels")
        if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None:
            raise self.fail(event, "mapping keys must be plain strings", self.stack[-1][1])
        path = self._next_path()
        mark = event.start_mark
        self.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        self.stack.append([container, path, None])

    def _attach(self, value: Any, event: events.Event) -> None:
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
        else:
            container[frame[2]] = value
            frame[2] = None

    def _scalar(self, event: events.ScalarEvent) -> None:
        tag = event.tag
        value = event.value
        if tag is None or tag == "!":
            # Quoted text, and plain text that no implicit type can start with, is a string:
            # the resolver's regexes (its slowest part) are only needed for the rest.
            if not event.implicit[0] or (value and _TYPED_FIRST is not None and value[0] not in _TYPED_FIRST):
                tag = _STR
            else:
                tag = self.resolver.resolve(ScalarNode, value, event.implicit)
        frame = self.stack[-1] if self.stack else None
        in_mapping = frame is not None and type(frame[0]) is dict
        if in_mapping and frame[2] is None:  # this scalar is a key
            if tag != _STR:
                raise self.fail(event, f"key {value!r} is not a string (quote it)", frame[1])
            if value in frame[0]:
                first = self.positions.get((*frame[1], value), (None, None))[0]
                raise self.fail(event, f"duplicate key {value!r} (first defined on line {first})", frame[1])
            frame[2] = value
            mark = event.start_mark
            self.positions[(*frame[1], value)] = (mark.line + 1, mark.column + 1)
            return
        if tag != _STR:  # most values are text: no node to build, nothing to convert
            value = self._construct(event, tag)
        if not in_mapping:  # a mapping value's place is its key's, recorded with the key
            mark = event.start_mark
            self.positions.setdefault(self._next_path(), (mark.line + 1, mark.column + 1))
        self._attach(value, event)

    def _construct(self, event: events.ScalarEvent, tag: str) -> Any:
        construct = self.constructor.yaml_constructors.get(tag)
        if construct is None:
            raise self.fail(event, f"unsupported YAML tag {tag!r}", self._next_path())
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return construct(self.constructor, node)
        except (ValueError, TypeError, yaml.YAMLError) as exc:
            raise self.fail(
                event, f"invalid {tag.rsplit(':', 1)[-1]} value {event.value!r}: {exc}", self._next_path()
            ) from None
