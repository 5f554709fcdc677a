"""The records that flow through the pipeline: small, frozen, offset-based.

Offsets in `Mention`, `Source` and `Article` are into the *cleaned* text of a document
until `kg.pipeline` maps them back; everything written to disk points into the original.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("person", "place", "organization", "company", "event")
MENTION_TYPES = ENTITY_TYPES + ("title",)
RELATIONS = (
    "holds_position", "participated", "met", "visited", "located_in",
    "part_of", "partner_of", "cooperates_with", "guarantees", "born_in",
)
SYMMETRIC_RELATIONS = frozenset({"partner_of", "cooperates_with"})


@dataclass(frozen=True)
class Document:
    """One input text as given: `text` is never modified."""

    id: str
    text: str
    date: str | None = None      # ISO publication date
    place: str | None = None     # home place that 我市/本市 refer to
    source: str | None = None    # file path or URL it came from
    kind: str = "text"           # text, pdf or html: what `kg.readers` read it from
    articles: tuple[tuple[int, int, str], ...] = ()   # stories a reader found: (start, end, title)
    layout: tuple[tuple[int, int, int, tuple[float, float, float, float]], ...] = ()  # span -> page, box
    meta: tuple[tuple[str, Any], ...] = ()            # paper, edition, headline, furniture ... as read


@dataclass(frozen=True)
class Article:
    """A span of a page's cleaned text that one story occupies."""

    id: str
    start: int
    end: int
    title: str = ""


@dataclass(frozen=True)
class Mention:
    """A recognised span. `key` is the recogniser's proposal for the entity it names."""

    start: int
    end: int
    text: str
    type: str
    key: str = ""                       # canonical name proposed by the recogniser
    attrs: tuple[tuple[str, Any], ...] = ()

    def attr(self, name: str, default: Any = None) -> Any:
        for key, value in reversed(self.attrs):   # the last of a repeated key, as a dict would have it;
            if key == name:                       # no dict made: this is asked half a million times
                return value                      # on an archive of 100,000 stories
        return default


def eid(m: Mention) -> str:
    """The entity id a mention proposes: "type/key".

    >>> eid(Mention(0, 3, "李长萍", "person", "李长萍"))
    'person/李长萍'
    """
    return f"{m.type}/{m.key}"


@dataclass(frozen=True)
class Source:
    document: str
    start: int
    end: int
    sentence: str
    article: str = ""


@dataclass
class Entity:
    id: str
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Fact:
    relation: str
    subject: str
    object: str | None
    attributes: dict[str, Any] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
