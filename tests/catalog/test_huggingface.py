from __future__ import annotations

from pathlib import Path

import pytest

from subgraphs.catalog.cache import build_cache
from subgraphs.catalog.catalog import HUB_PENDING, Catalog, CatalogSnapshot
from subgraphs.catalog.records import PropertyValue
from tests.catalog.conftest import write
from tests.catalog.hub_server import FakeHub, hub_model

TOKEN = "hf_good_token"


def hub_sources(tmp_path: Path, url: str, patterns: str = '["acme/*", "other/exact-model"]',
                extra: str = "") -> Path:  # fmt: skip
    return write(
        tmp_path / "sources.yaml",
        f"""
        catalogs:
          - id: hub
            name: Acme on the Hub
            type: hf
            labels: [Community]
            includedModels: {patterns}
            excludedModels: ["*-base"]
            properties:
              url: {url}
              apiKeyEnvVar: TEST_CATALOG_HF_TOKEN
              maxModels: 10
              syncInterval: 1h
              {extra}
        """,
    )


def synced(snapshot: CatalogSnapshot) -> bool:
    return snapshot.sources["hub"].error != HUB_PENDING


@pytest.fixture
def acme_hub(fake_hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> FakeHub:
    fake_hub.token = TOKEN
    fake_hub.models = [
        hub_model("acme/chat-7b"),
        hub_model("acme/chat-7b-base"),
        hub_model(
            "acme/vision-2b",
            pipeline_tag="image-classification",
            library_name="timm",
            gated="manual",
            private=True,
            tags=["timm", "license:mit"],
            cardData={"language": "fr", "tasks": ["image-feature-extraction"]},
            config={"architectures": ["ViT", "Head"]},
        ),
        hub_model("acme/speech-1b", pipeline_tag="automatic-speech-recognition"),
        hub_model("acme/embed-small", pipeline_tag="feature-extraction"),
        hub_model("other/exact-model"),
        hub_model("other/not-wanted"),
    ]
    monkeypatch.setenv("TEST_CATALOG_HF_TOKEN", TOKEN)
    return fake_hub


async def start_catalog(sources: Path, **options: object) -> Catalog:
    catalog = Catalog([sources], cache=build_cache(redis_url=""), hub_timeout=2.0, **options)  # type: ignore[arg-type]
    await catalog.start()
    return catalog


async def test_models_are_listed_paged_and_mapped(acme_hub: FakeHub, tmp_path: Path) -> None:
    catalog = await start_catalog(hub_sources(tmp_path, acme_hub.url))
    try:
        snapshot = await catalog.wait_for(synced)
    finally:
        await catalog.stop()
    state = snapshot.sources["hub"]
    assert (state.status, state.error) == ("available", None)
    names = sorted(m.name for m in state.models)
    assert names == ["acme/chat-7b", "acme/embed-small", "acme/speech-1b", "acme/vision-2b",
                     "other/exact-model"]  # fmt: skip
    listing = [(p, q) for p, q, _ in acme_hub.requests if p == "/api/models"]
    assert len(listing) == 3  # five acme models, two per page, followed through the Link header
    assert all(q["author"] == "acme" for _, q in listing)
    assert ("/api/models/other/exact-model", {}, f"Bearer {TOKEN}") in acme_hub.requests
    assert all(auth == f"Bearer {TOKEN}" for _, _, auth in acme_hub.requests)

    vision = snapshot.model("hub", "acme/vision-2b")
    assert vision is not None
    assert vision.provider == "acme"
    assert vision.tasks == ("image-classification", "image-feature-extraction")
    assert (vision.license, vision.language, vision.library_name) == ("mit", ("fr",), "timm")
    assert vision.create_time == 1714557600000 and vision.last_update_time == 1736929800000
    props = vision.custom_properties
    assert props["gated"] == PropertyValue("STRING", "manual")
    assert props["private"] == PropertyValue("BOOL", True)
    assert props["tags"] == PropertyValue("STRING", "timm,license:mit")
    assert props["architectures"] == PropertyValue("STRING", "ViT,Head")
    assert [a.uri for a in vision.artifacts] == ["hf://acme/vision-2b"]
    chat = snapshot.model("hub", "acme/chat-7b")
    assert (
        chat is not None
        and chat.description == "acme/chat-7b card"
        and chat.license == "apache-2.0"
    )


async def test_prefix_pattern_searches_and_caps_at_max_models(
    acme_hub: FakeHub, tmp_path: Path
) -> None:
    acme_hub.models += [hub_model(f"acme/chat-extra-{n}") for n in range(12)]
    catalog = await start_catalog(hub_sources(tmp_path, acme_hub.url, '["acme/chat*"]'))
    try:
        snapshot = await catalog.wait_for(synced)
    finally:
        await catalog.stop()
    names = [m.name for m in snapshot.sources["hub"].models]
    assert all(n.startswith("acme/chat") for n in names)
    assert len(names) == 9  # maxModels 10 fetched, chat-7b-base excluded afterwards
    assert {q.get("search") for p, q, _ in acme_hub.requests} == {"chat"}


async def test_bad_token_is_a_401_error(acme_hub: FakeHub, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("TEST_CATALOG_HF_TOKEN", "hf_wrong")
    catalog = await start_catalog(hub_sources(tmp_path, acme_hub.url))
    try:
        state = (await catalog.wait_for(synced)).sources["hub"]
    finally:
        await catalog.stop()
    assert state.status == "error" and state.models == ()
    assert state.error is not None and "401" in state.error and "token" in state.error


async def test_rate_limit_keeps_the_last_good_data(acme_hub: FakeHub, tmp_path: Path) -> None:
    catalog = await start_catalog(hub_sources(tmp_path, acme_hub.url))
    try:
        good = (await catalog.wait_for(synced)).sources["hub"]
        assert good.status == "available"
        acme_hub.status = 429
        await catalog.resync_hub_source("hub")
        state = catalog.snapshot.sources["hub"]
    finally:
        await catalog.stop()
    assert state.status == "partially-available"
    assert state.error is not None and "429" in state.error and "last good" in state.error
    assert sorted(m.name for m in state.models) == sorted(m.name for m in good.models)
    assert catalog.snapshot.model("hub", "acme/chat-7b") is not None


async def test_rate_limit_without_data_is_an_error(acme_hub: FakeHub, tmp_path: Path) -> None:
    acme_hub.status = 429
    catalog = await start_catalog(hub_sources(tmp_path, acme_hub.url))
    try:
        state = (await catalog.wait_for(synced)).sources["hub"]
    finally:
        await catalog.stop()
    assert state.status == "error" and "rate-limiting" in (state.error or "")
    # The Hub client's own retries are off: one request per pattern, no sleeping.
    assert len(acme_hub.requests) == 2


async def test_timeout(acme_hub: FakeHub, tmp_path: Path) -> None:
    acme_hub.delay = 1.5
    catalog = Catalog(
        [hub_sources(tmp_path, acme_hub.url, '["acme/*"]')],
        cache=build_cache(redis_url=""),
        hub_timeout=0.2,
    )
    await catalog.start()
    try:
        state = (await catalog.wait_for(synced)).sources["hub"]
    finally:
        await catalog.stop()
    assert state.status == "error" and "did not answer within 0.2s" in (state.error or "")


async def test_hub_down(tmp_path: Path, unused_tcp_port: int) -> None:
    catalog = await start_catalog(hub_sources(tmp_path, f"http://127.0.0.1:{unused_tcp_port}"))
    try:
        state = (await catalog.wait_for(synced)).sources["hub"]
    finally:
        await catalog.stop()
    assert state.status == "error" and "unreachable" in (state.error or "")


async def test_a_partial_failure_serves_what_worked(acme_hub: FakeHub, tmp_path: Path) -> None:
    sources = hub_sources(tmp_path, acme_hub.url, '["acme/*", "other/missing"]')
    catalog = await start_catalog(sources)
    try:
        state = (await catalog.wait_for(synced)).sources["hub"]
    finally:
        await catalog.stop()
    assert state.status == "partially-available"
    assert "other/missing" in (state.error or "") and "404" in (state.error or "")
    assert len(state.models) == 4


async def test_results_are_cached_in_redis(
    acme_hub: FakeHub, tmp_path: Path, redis_url: str
) -> None:
    sources = hub_sources(tmp_path, acme_hub.url)
    first = Catalog([sources], cache=build_cache(redis_url=redis_url), hub_timeout=2.0)
    await first.start()
    try:
        await first.wait_for(synced)
    finally:
        await first.stop()
    calls = len(acme_hub.requests)
    acme_hub.status = 503  # a second replica must not need the Hub at all
    second = Catalog([sources], cache=build_cache(redis_url=redis_url), hub_timeout=2.0)
    await second.start()
    try:
        state = (await second.wait_for(synced)).sources["hub"]
    finally:
        await second.stop()
    assert len(acme_hub.requests) == calls
    assert state.status == "available" and len(state.models) == 5


async def test_periodic_resync_picks_up_new_models(acme_hub: FakeHub, tmp_path: Path) -> None:
    sources = hub_sources(tmp_path, acme_hub.url, '["acme/*"]').read_text()
    path = write(tmp_path / "sources.yaml", sources.replace("syncInterval: 1h", "syncInterval: 1s"))
    catalog = await start_catalog(path)
    try:
        await catalog.wait_for(synced)
        acme_hub.models.append(hub_model("acme/new-arrival"))
        snapshot = await catalog.wait_for(
            lambda s: s.model("hub", "acme/new-arrival") is not None, timeout=10
        )
    finally:
        await catalog.stop()
    assert snapshot.sources["hub"].status == "available"
