"""Reads a subgraph's `@link` imports: which federation version it uses and what its directives are called."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphql.language import (
    DirectiveDefinitionNode,
    DocumentNode,
    ListValueNode,
    ObjectValueNode,
    SchemaDefinitionNode,
    SchemaExtensionNode,
    StringValueNode,
)

FEDERATION_SPEC = "https://specs.apollo.dev/federation"
LINK_SPEC = "https://specs.apollo.dev/link"

# Everything a federation subgraph may use; the supergraph only keeps some of it.
FEDERATION_DIRECTIVES = (
    "key",
    "external",
    "requires",
    "provides",
    "shareable",
    "override",
    "inaccessible",
    "tag",
    "interfaceObject",
    "composeDirective",
    "extends",
    "authenticated",
    "requiresScopes",
    "policy",
    "cost",
    "listSize",
    "context",
    "fromContext",
)
FEDERATION_1 = "v1.0"
_VERSION = re.compile(r"/v(\d+)\.(\d+)$")


@dataclass(frozen=True, slots=True)
class LinkedSpec:
    """A `@link` other than federation's own, kept for directives named by @composeDirective."""

    url: str
    namespace: str
    imports: dict[str, str]  # local name -> name in the spec, both with their "@"


@dataclass(slots=True)
class FederationNames:
    """Maps the names a subgraph uses to federation's canonical directive names."""

    version: str = FEDERATION_1
    directive_names: dict[str, str] = field(default_factory=dict)  # local -> canonical
    link_names: set[str] = field(default_factory=lambda: {"link"})
    other_links: list[LinkedSpec] = field(default_factory=list)

    @property
    def is_federation_1(self) -> bool:
        return self.version == FEDERATION_1

    def canonical(self, local_name: str) -> str | None:
        return self.directive_names.get(local_name)

    @property
    def type_prefixes(self) -> tuple[str, ...]:
        """Prefixes of the type names (`federation__Scope`, `link__Import`) that specs define."""
        prefixes = {"federation__", "link__"} | {name + "__" for name in self.link_names}
        prefixes |= {link.namespace + "__" for link in self.other_links}
        prefixes |= {local.split("__")[0] + "__" for local in self.directive_names if "__" in local}
        return tuple(sorted(prefixes))


def version_tuple(version: str) -> tuple[int, int]:
    major, _, minor = version.lstrip("v").partition(".")
    return int(major), int(minor or 0)


def read_federation_names(document: DocumentNode) -> FederationNames:
    names = FederationNames()
    defined = {
        definition.name.value
        for definition in document.definitions
        if isinstance(definition, DirectiveDefinitionNode)
    }
    links = [
        directive
        for definition in document.definitions
        if isinstance(definition, SchemaDefinitionNode | SchemaExtensionNode)
        for directive in definition.directives or ()
        if directive.name.value == "link"
    ]
    federation_link = None
    for directive in links:
        url, namespace, imports = _read_link(directive)
        if url.startswith(FEDERATION_SPEC + "/"):
            federation_link = (url, namespace, imports)
        elif url.startswith(LINK_SPEC + "/"):
            names.link_names.add(namespace or "link")
        else:
            spec_name = _spec_name(url)
            names.other_links.append(LinkedSpec(url, namespace or spec_name, imports))
    if federation_link is None:
        names.directive_names = {name: name for name in FEDERATION_DIRECTIVES}
        return names
    url, namespace, imports = federation_link
    match = _VERSION.search(url)
    names.version = f"v{match.group(1)}.{match.group(2)}" if match else "v2.0"
    prefix = (namespace or "federation") + "__"
    names.directive_names = {prefix + name: name for name in FEDERATION_DIRECTIVES}
    for local, original in imports.items():
        if original.startswith("@") and original[1:] in FEDERATION_DIRECTIVES:
            names.directive_names[local[1:]] = original[1:]
    # Lenient where Apollo is strict: an unimported, unprefixed federation directive that the
    # subgraph does not define itself can only mean the federation one.
    renamed = {original[1:] for local, original in imports.items() if local != original}
    for name in FEDERATION_DIRECTIVES:
        if name not in names.directive_names and name not in defined and name not in renamed:
            names.directive_names[name] = name
    return names


def _read_link(directive: object) -> tuple[str, str | None, dict[str, str]]:
    url, namespace = "", None
    imports: dict[str, str] = {}
    for argument in getattr(directive, "arguments", None) or ():
        value = argument.value
        if argument.name.value == "url" and isinstance(value, StringValueNode):
            url = value.value
        elif argument.name.value == "as" and isinstance(value, StringValueNode):
            namespace = value.value
        elif argument.name.value == "import" and isinstance(value, ListValueNode):
            for item in value.values:
                if isinstance(item, StringValueNode):
                    imports[item.value] = item.value
                elif isinstance(item, ObjectValueNode):
                    fields = {
                        f.name.value: f.value.value
                        for f in item.fields
                        if isinstance(f.value, StringValueNode)
                    }
                    if "name" in fields:
                        imports[fields.get("as", fields["name"])] = fields["name"]
    return url.rstrip("/"), namespace, imports


def _spec_name(url: str) -> str:
    parts = [part for part in url.split("/") if part]
    if parts and _VERSION.search("/" + parts[-1]):
        parts.pop()
    return parts[-1] if parts else url
