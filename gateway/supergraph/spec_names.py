"""The names the supergraph gives the join, link, inaccessible and tag specs (`@link(as:)`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphql import (
    DirectiveNode,
    DocumentNode,
    SchemaDefinitionNode,
    SchemaExtensionNode,
    value_from_ast_untyped,
)

_SPEC_URL = re.compile(r"^https?://[^/]+/(?P<name>[^/]+)/v(?P<major>\d+)\.(?P<minor>\d+)")

SECURITY_SPECS = ("authenticated", "requiresScopes", "policy")
COST_SPECS = ("cost", "listSize")


@dataclass(frozen=True, slots=True)
class SpecNames:
    join_prefix: str = "join"
    link_prefixes: tuple[str, ...] = ("link", "core")
    inaccessible: str = "inaccessible"
    tag: str = "tag"
    federation_version: int = 2
    # names of the authorization and cost directives as the supergraph spells them
    aliases: dict[str, str] = field(default_factory=dict)

    @property
    def graph_enum(self) -> str:
        return f"{self.join_prefix}__Graph"

    def _join(self, name: str) -> str:
        return f"{self.join_prefix}__{name}"

    @property
    def graph(self) -> str:
        return self._join("graph")

    @property
    def type(self) -> str:
        return self._join("type")

    @property
    def field(self) -> str:
        return self._join("field")

    @property
    def owner(self) -> str:
        return self._join("owner")

    @property
    def implements(self) -> str:
        return self._join("implements")

    @property
    def union_member(self) -> str:
        return self._join("unionMember")

    @property
    def enum_value(self) -> str:
        return self._join("enumValue")

    @property
    def directive(self) -> str:
        return self._join("directive")

    def is_machinery(self, name: str) -> bool:
        """Types and directives that exist only for the gateway, never for clients."""
        prefixes = (
            self.join_prefix,
            *self.link_prefixes,
            # the scalars of the authorization and cost specs (requiresScopes__Scope, …)
            *(self.security_name(spec) for spec in (*SECURITY_SPECS, *COST_SPECS)),
        )
        return any(name.startswith(f"{p}__") for p in prefixes) or name in self.link_prefixes

    def is_machinery_directive(self, name: str) -> bool:
        return self.is_machinery(name) or name in (self.inaccessible, self.tag)

    def security_name(self, spec: str) -> str:
        return self.aliases.get(spec, spec)


def read_spec_names(document: DocumentNode) -> SpecNames:
    join_prefix = "join"
    link_prefixes = ["link", "core"]
    inaccessible = "inaccessible"
    tag = "tag"
    version = 2
    aliases: dict[str, str] = {}
    for definition in document.definitions:
        if not isinstance(definition, (SchemaDefinitionNode, SchemaExtensionNode)):
            continue
        for directive in definition.directives or ():
            url, alias = _link_arguments(directive)
            if url is None:
                continue
            match = _SPEC_URL.match(url)
            if match is None:
                continue
            spec = match.group("name")
            name = alias or spec
            if spec == "join":
                join_prefix = name
                if directive.name.value == "core" or (match.group("minor") == "1" and int(
                    match.group("major")
                ) == 0 and directive.name.value != "link"):
                    version = 1
            elif spec in ("link", "core"):
                link_prefixes.append(name)
            elif spec == "inaccessible":
                inaccessible = name
            elif spec == "tag":
                tag = name
            elif spec in SECURITY_SPECS or spec in COST_SPECS:
                aliases[spec] = name
    return SpecNames(join_prefix, tuple(link_prefixes), inaccessible, tag, version, aliases)


def _link_arguments(directive: DirectiveNode) -> tuple[str | None, str | None]:
    if directive.name.value not in ("link", "core"):
        return None, None
    args = {a.name.value: value_from_ast_untyped(a.value) for a in directive.arguments or ()}
    url = args.get("url") or args.get("feature")
    alias = args.get("as")
    return (str(url) if url else None, str(alias) if alias else None)
