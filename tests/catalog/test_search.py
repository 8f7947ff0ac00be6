from __future__ import annotations

import dataclasses
import random
import re
from typing import Any

import pytest

from common.errors import BadUserInput
from subgraphs.catalog.index import CatalogIndex, build_index
from subgraphs.catalog.records import CatalogArtifact, CatalogModelRecord, PropertyValue
from subgraphs.catalog.search import ModelQuery, search_models

WORDS = ["granite", "llama", "Whisper", "embed", "vision", "chat", "coder", "tiny", "Reasoner"]
LICENSES = ["apache-2.0", "mit", "llama3.3", None]
TASKS = ["text-generation", "summarization", "feature-extraction", "image-classification"]
HARDWARE = ["H100", "A100", "L40S"]


def random_models(seed: int, count: int) -> list[CatalogModelRecord]:
    rng = random.Random(seed)
    models = []
    for number in range(count):
        artifacts: list[CatalogArtifact] = []
        for _ in range(rng.randint(0, 3)):
            if rng.random() < 0.3:
                artifacts.append(CatalogArtifact("model-artifact", uri=f"oci://r/m{number}"))
                continue
            artifacts.append(
                CatalogArtifact(
                    "metrics-artifact",
                    metrics_type="performance-metrics",
                    custom_properties={
                        "hardware_type": PropertyValue("STRING", rng.choice(HARDWARE)),
                        "ttft_p90": PropertyValue("DOUBLE", round(rng.uniform(20, 400), 1)),
                        "hardware_count": PropertyValue("INT", rng.randint(1, 8)),
                    },
                )
            )
        props: dict[str, PropertyValue] = {}
        if rng.random() < 0.5:
            props["size_b"] = PropertyValue("INT", rng.choice([1, 3, 8, 70]))
        if rng.random() < 0.3:
            props["validated"] = PropertyValue("BOOL", rng.random() < 0.5)
        name = f"{rng.choice(['org', 'Team'])}/{rng.choice(WORDS)}-{number}"
        models.append(
            CatalogModelRecord(
                source_id=rng.choice(["a", "b", "c"]),
                name=name,
                provider=rng.choice(["Acme", "Contoso", None]),
                description=f"{rng.choice(WORDS)} model for {rng.choice(WORDS)}",
                license=rng.choice(LICENSES),
                library_name=rng.choice(["transformers", "vllm", None]),
                tasks=tuple(rng.sample(TASKS, rng.randint(0, 2))),
                create_time=rng.choice([None, rng.randint(1_600_000_000_000, 1_700_000_000_000)]),
                last_update_time=rng.randint(1_600_000_000_000, 1_700_000_000_000),
                custom_properties=props,
                artifacts=tuple(artifacts),
            )
        )
    return models


# The reference: plain per-model predicates, written independently of the index.
def text_of(m: CatalogModelRecord) -> str:
    return " ".join(
        [m.name, m.description or "", m.provider or "", m.library_name or "", *m.tasks]
    ).lower()


def metric(a: CatalogArtifact, key: str) -> Any:
    value = a.custom_properties.get(key)
    return None if value is None else value.value


REFERENCE: list[tuple[str, Any]] = [
    ("license = 'mit'", lambda m: m.license == "mit"),
    ("license != 'mit'", lambda m: m.license is not None and m.license != "mit"),
    ("tasks = 'summarization'", lambda m: "summarization" in m.tasks),
    ("license IN ('mit', 'llama3.3') AND provider = 'Acme'",
     lambda m: m.license in ("mit", "llama3.3") and m.provider == "Acme"),
    ("license NOT IN ('mit')", lambda m: m.license is not None and m.license != "mit"),
    ("name LIKE 'org/%'", lambda m: m.name.startswith("org/")),
    ("name ILIKE 'ORG/%'", lambda m: m.name.lower().startswith("org/")),
    ("name LIKE 'Team/%-1_'", lambda m: re.fullmatch(r"Team/.*-1.", m.name, re.S) is not None),
    ("name ILIKE 'team/GRANITE%'", lambda m: m.name.lower().startswith("team/granite")),
    ("description ILIKE '%MODEL for tiny'", lambda m: (m.description or "").lower().endswith("model for tiny")),
    ("provider LIKE 'Acm_'", lambda m: m.provider == "Acme"),
    ("size_b >= 8", lambda m: "size_b" in m.custom_properties and m.custom_properties["size_b"].value >= 8),
    ("size_b.int_value < 8 OR validated = true",
     lambda m: ("size_b" in m.custom_properties and m.custom_properties["size_b"].value < 8)
     or ("validated" in m.custom_properties and m.custom_properties["validated"].value is True)),
    ("createTimeSinceEpoch > 1650000000000",
     lambda m: m.create_time is not None and m.create_time > 1650000000000),
    ("createTimeSinceEpoch <= '1650000000000'",
     lambda m: m.create_time is not None and m.create_time <= 1650000000000),
    ("artifacts.hardware_type = 'H100'",
     lambda m: any(metric(a, "hardware_type") == "H100" for a in m.artifacts)),
    ("artifacts.hardware_type = 'H100' AND artifacts.ttft_p90 < 150",
     lambda m: any(metric(a, "hardware_type") == "H100" and (metric(a, "ttft_p90") or 1e9) < 150
                   for a in m.artifacts)),
    ("(artifacts.ttft_p90 < 100 OR artifacts.hardware_count > 6) AND license = 'apache-2.0'",
     lambda m: m.license == "apache-2.0" and any(
         (metric(a, "ttft_p90") or 1e9) < 100 or (metric(a, "hardware_count") or 0) > 6
         for a in m.artifacts)),
    ("nonexistent = 'x'", lambda m: False),
]  # fmt: skip


@pytest.fixture(scope="module")
def models() -> list[CatalogModelRecord]:
    return random_models(seed=7, count=600)


@pytest.fixture(scope="module")
def index(models: list[CatalogModelRecord]) -> CatalogIndex:
    return build_index(models)


def every_page(index: Any, query: ModelQuery) -> list[CatalogModelRecord]:
    seen: list[CatalogModelRecord] = []
    after = None
    while True:
        page = search_models(index, dataclasses.replace(query, after=after))
        seen.extend(page.models)
        assert page.total_count >= len(seen)
        if not page.has_next_page:
            return seen
        after = page.cursors[-1]


@pytest.mark.parametrize(("filter_query", "predicate"), REFERENCE, ids=[f for f, _ in REFERENCE])
@pytest.mark.parametrize("q", [None, "granite", "Llama model"])
def test_filters_match_the_reference(
    models: list[CatalogModelRecord],
    index: CatalogIndex,
    filter_query: str,
    predicate: Any,
    q: str | None,
) -> None:
    terms = (q or "").lower().split()
    expected = [m for m in models if predicate(m) and all(t in text_of(m) for t in terms)]
    expected.sort(key=lambda m: (m.name.lower(), m.source_id, m.name))
    got = every_page(index, ModelQuery(q=q, filter_query=filter_query, first=37))
    assert [(m.source_id, m.name) for m in got] == [(m.source_id, m.name) for m in expected]
    page = search_models(index, ModelQuery(q=q, filter_query=filter_query, first=5))
    assert page.total_count == len(expected)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("order_by", ["NAME", "CREATE_TIME", "LAST_UPDATE_TIME"])
@pytest.mark.parametrize("first", [1, 25, 500])
def test_orders_and_pages_visit_every_model_once(
    models: list[CatalogModelRecord],
    index: CatalogIndex,
    order_by: str,
    descending: bool,
    first: int,
) -> None:
    field = {"NAME": lambda m: m.name.lower(), "CREATE_TIME": lambda m: m.create_time or -1,
             "LAST_UPDATE_TIME": lambda m: m.last_update_time}[order_by]  # fmt: skip
    expected = sorted(models, key=lambda m: (field(m), m.source_id, m.name), reverse=descending)
    for filter_query in (None, "license = 'mit'"):
        wanted = [m for m in expected if filter_query is None or m.license == "mit"]
        got = every_page(
            index,
            ModelQuery(
                filter_query=filter_query, order_by=order_by, descending=descending, first=first
            ),
        )
        assert [m.name for m in got] == [m.name for m in wanted]


@pytest.mark.parametrize("descending", [False, True])
def test_order_by_artifact_metric_puts_models_without_it_last(
    models: list[CatalogModelRecord], index: CatalogIndex, descending: bool
) -> None:
    got = every_page(
        index, ModelQuery(order_by="artifacts.ttft_p90", descending=descending, first=50)
    )
    assert len(got) == len(models)
    values = []
    for m in got:
        scores = [metric(a, "ttft_p90") for a in m.artifacts if metric(a, "ttft_p90") is not None]
        values.append((max if descending else min)(scores) if scores else None)
    present = [v for v in values if v is not None]
    assert values[: len(present)] == present  # the models without the metric come last
    assert present == sorted(present, reverse=descending)


def test_sources_and_text_narrow_results(
    models: list[CatalogModelRecord], index: CatalogIndex
) -> None:
    page = search_models(index, ModelQuery(source_ids=("a", "c"), q="WHISPER", first=500))
    expected = {m.name for m in models if m.source_id in ("a", "c") and "whisper" in text_of(m)}
    assert {m.name for m in page.models} == expected and page.total_count == len(expected)
    assert search_models(index, ModelQuery(source_ids=("zzz",))).total_count == 0


def test_bad_input_is_a_user_error(index: CatalogIndex) -> None:
    for query in (
        ModelQuery(filter_query="license = "),
        ModelQuery(after="not-a-cursor"),
        ModelQuery(order_by="size"),
        ModelQuery(first=-1),
        ModelQuery(filter_query="size_b.int_value = 'ten'"),
    ):
        with pytest.raises(BadUserInput):
            search_models(index, query)
    cursor = search_models(index, ModelQuery(first=1)).cursors[0]
    with pytest.raises(BadUserInput):
        search_models(index, ModelQuery(order_by="CREATE_TIME", after=cursor))


def test_empty_catalog() -> None:
    page = search_models(build_index([]), ModelQuery(q="x", filter_query="license = 'mit'"))
    assert (page.models, page.total_count, page.has_next_page) == ((), 0, False)


def test_text_never_matches_across_two_models() -> None:
    first = CatalogModelRecord(source_id="s", name="abc")
    second = CatalogModelRecord(source_id="s", name="def")
    index = build_index([first, second])
    assert search_models(index, ModelQuery(q="cdef")).total_count == 0
    assert search_models(index, ModelQuery(q="c")).total_count == 1


@pytest.mark.parametrize("q", ["-7", "/granite-", "org/Whisper", "del for", "ODEL", "1", "—", "é"])
def test_text_with_punctuation_matches_the_reference(
    models: list[CatalogModelRecord], index: CatalogIndex, q: str
) -> None:
    terms = q.lower().split()
    expected = {(m.source_id, m.name) for m in models if all(t in text_of(m) for t in terms)}
    page = search_models(index, ModelQuery(q=q, first=500))
    assert page.total_count == len(expected)
    assert {
        (m.source_id, m.name) for m in every_page(index, ModelQuery(q=q, first=200))
    } == expected
