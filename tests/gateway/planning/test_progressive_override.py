"""Progressive @override: which subgraph resolves a labelled field, per request."""

from __future__ import annotations

import random

from gateway.composition import compose
from gateway.planning.command import render_plan
from gateway.service import Gateway
from gateway.supergraph.labels import percent_of, with_override_labels
from gateway.supergraph.model import parse_supergraph
from tests.gateway.composition.harness import sources

A = """
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query { posts: [Post!]! }
type Post @key(fields: "id") { id: ID! title: String! likes: Int! views: Int! }
"""
B = """
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
type Post @key(fields: "id") {
  id: ID!
  title: String! @override(from: "a", label: "beta")
  likes: Int! @override(from: "a", label: "percent(25)")
  views: Int! @override(from: "a", label: "percent(0)")
}
"""
SUPERGRAPH = parse_supergraph(compose(sources({"a": A, "b": B})))


def test_a_label_decides_which_subgraph_resolves() -> None:
    assert SUPERGRAPH.override_labels == {"beta", "percent(25)", "percent(0)"}
    assert SUPERGRAPH.resolving_graphs("Post", "title") == ["A"]
    assert SUPERGRAPH.with_labels(frozenset({"beta"})).resolving_graphs("Post", "title") == ["B"]
    assert SUPERGRAPH.with_labels(frozenset({"beta"})).resolving_graphs("Post", "likes") == ["A"]


def test_percentages() -> None:
    assert percent_of("percent(25)") == 25.0
    assert percent_of("percent(0.5)") == 0.5
    assert percent_of("percent(150)") is None
    assert percent_of("beta") is None


def test_static_labels_percent_zero_and_unknown_labels() -> None:
    view, drawn = with_override_labels(SUPERGRAPH, ["beta", "no-such-label"])
    assert view.enabled_labels == {"beta"}  # unknown labels are ignored
    assert drawn == {"percent(25)": 25.0}  # percent(0) is never drawn
    assert "b" in render_plan(view, "{ posts { title } }", None)


def test_percent_labels_are_drawn_per_request_and_plans_cached_per_label_set() -> None:
    gateway = Gateway(SUPERGRAPH, rng=random.Random(7))
    prepared = gateway.prepare("{ posts { id likes } }", None)
    draws = [gateway.choose_labels() for _ in range(4000)]
    fired = [labels for labels in draws if labels is not None]
    assert all(labels == {"percent(25)"} for labels in fired)
    assert 0.22 < len(fired) / len(draws) < 0.28
    assert prepared.plan is not None and prepared.plan.fetch_count == 1  # likes from a
    labelled = gateway.labelled_plan(prepared, frozenset({"percent(25)"}))
    assert labelled.fetch_count == 2  # posts from a, likes from b
    assert gateway.labelled_plan(prepared, frozenset({"percent(25)"})) is labelled


def test_plan_command_takes_labels(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from modelplane.cli import main

    supergraph = tmp_path / "supergraph.graphql"
    supergraph.write_text(SUPERGRAPH.sdl)
    operation = tmp_path / "op.graphql"
    operation.write_text("{ posts { title } }")
    assert main(["plan", str(supergraph), str(operation)]) == 0
    assert 'service: "b"' not in capsys.readouterr().out
    assert main(["plan", str(supergraph), str(operation), "--override-labels", "beta"]) == 0
    assert 'Fetch(service: "b")' in capsys.readouterr().out
    assert main(["plan", str(supergraph), str(operation), "--override-labels", "nope"]) == 1
    assert "nope" in capsys.readouterr().err
