"""Paragraph roles: the job each paragraph of a news story does (lede, quote, background ...).

Students tag a paragraph with one role; it is saved as a tagging annotation `role:<name>` on the
paragraph's span in their work file (by `kit.work.role_tags`). The roles are data
(`data/paragraph_roles.yaml`); a teacher may pass their own file of the same shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.articles.article import Article
from kit.articles.segment import Paragraph
from kit.errors import KitError
from kit.files import parse_yaml, read_text
from kit.reading.lexicon import package_yaml

#: The tag kind under which roles are saved (`role:lede`).
KIND = "role"
_NAME = re.compile(r"^[a-z][a-z0-9 _-]{0,39}$")


@dataclass(frozen=True)
class Role:
    """One paragraph role: its name (part of the saved tag) and what students read about it."""

    name: str
    description: str


@dataclass(frozen=True)
class RoleSet:
    """The roles students choose from, in the order they see them."""

    name: str
    roles: tuple[Role, ...]
    path: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.roles)

    def description(self, name: str) -> str:
        return next((r.description for r in self.roles if r.name == name), "")


def load_roles(path: str | Path | None = None) -> RoleSet:
    """A role set from a YAML file (default: the kit's own); KitError names the problem."""
    if path is None:
        return roles_from_dict(
            package_yaml("paragraph_roles.yaml"), "kit/data/paragraph_roles.yaml"
        )
    text, _ = read_text(path)
    fix = "compare it with kit/data/paragraph_roles.yaml (indentation, colons, quotes)"
    return roles_from_dict(parse_yaml(text, path, "the role list", fix), str(path))


def roles_from_dict(data: Any, path: str | None = None) -> RoleSet:
    """Check parsed YAML and build the RoleSet."""
    example = "see kit/data/paragraph_roles.yaml for an example"
    if not isinstance(data, dict) or not isinstance(data.get("roles"), list) or not data["roles"]:
        raise KitError("the role list needs a 'roles:' list", path=path, fix=example)
    roles, seen = [], set()
    for i, raw in enumerate(data["roles"]):
        name = raw.get("name") if isinstance(raw, dict) else None
        if not isinstance(name, str) or not _NAME.match(name.strip()):
            raise KitError(
                f"role {i + 1} needs a 'name': short lower-case words, like 'lede'",
                path=path,
                fix=example,
            )
        name = name.strip()
        if name in seen:
            raise KitError(f"the role '{name}' is listed twice", path=path)
        seen.add(name)
        roles.append(Role(name, str(raw.get("description") or "").strip()))
    return RoleSet(str(data.get("name") or "paragraph roles"), tuple(roles), path)


def resolve_roles(roles: RoleSet | str | Path | None) -> RoleSet:
    """The role set to use: the kit's own (None), a RoleSet, or a teacher's file."""
    if roles is None:
        return load_roles()
    return roles if isinstance(roles, RoleSet) else load_roles(roles)


def body_paragraphs(article: Article) -> tuple[Paragraph, ...]:
    """The paragraphs a student tags: the body, without headline and standfirst."""
    return tuple(p for p in article.paragraphs if p.role == "body")
