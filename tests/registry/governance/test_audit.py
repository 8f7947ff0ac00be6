"""The audit trail: events for registry and governance changes, the hash chain, tampering."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from starlette.applications import Starlette

from subgraphs.registry.database import Database
from subgraphs.registry.governance.command import verify_command
from tests.registry.client import error_codes
from tests.registry.governance.conftest import TENANT, PersonClient
from tests.registry.governance.journey import approve, moved, registered_version
from tests.registry.operations import create_model

EVENTS = """
query($type: String, $id: ID, $actor: String, $since: DateTime, $first: Int!, $after: String) {
  auditEvents(entityType: $type, entityId: $id, actor: $actor, since: $since,
              first: $first, after: $after) {
    events { seq actor action entityType entityId occurredAt diff prevHash hash tenant }
    nextCursor
  }
}
"""
VERIFY = "{ verifyAuditTrail { ok tenant checked brokenSeq brokenEventId reason } }"


async def events(client: PersonClient, **variables: Any) -> dict[str, Any]:
    page: dict[str, Any] = (await client.data(EVENTS, {"first": 100, **variables}))["auditEvents"]
    return page


async def populate(person: Callable[..., PersonClient]) -> tuple[PersonClient, str]:
    alice, bob = person("alice"), person("bob", "approver")
    model = await create_model(alice, "audited", description="first")
    await alice.data(
        'mutation($id: ID!) { updateRegisteredModel(id: $id, input: {description: "second"}) { id } }',
        {"id": model["id"]},
    )
    await alice.data(
        "mutation($id: ID!) { archiveRegisteredModel(id: $id) { id } }", {"id": model["id"]}
    )
    _, version_id = await registered_version(alice, "journey")
    await moved(alice, version_id, "SUBMITTED")
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    await moved(alice, version_id, "APPROVED_STAGING")
    return alice, version_id


async def test_registry_and_governance_changes_are_events(
    person: Callable[..., PersonClient],
) -> None:
    alice, version_id = await populate(person)
    page = await events(alice)
    actions = [event["action"] for event in page["events"]]
    assert actions == [
        "registered_model.create",
        "registered_model.update",
        "registered_model.archive",
        "registered_model.register",
        "model_version.register",
        "artifact.register",
        "version.transition",
        "approval.approved",
        "version.transition",
    ]
    update = page["events"][1]
    assert update["diff"] == {
        "before": {"description": "first"},
        "after": {"description": "second"},
    }
    assert [event["seq"] for event in page["events"]] == list(range(1, 10))
    assert all(
        e["prevHash"] == p["hash"] for p, e in zip(page["events"], page["events"][1:], strict=False)
    )
    assert {event["tenant"] for event in page["events"]} == {TENANT}

    by_version = await events(alice, type="model_version", id=version_id)
    assert [e["action"] for e in by_version["events"]][-3:] == [
        "version.transition",
        "approval.approved",
        "version.transition",
    ]
    assert {e["actor"] for e in (await events(alice, actor="bob"))["events"]} == {"bob"}
    later = await events(alice, since="2999-01-01T00:00:00Z")
    assert later["events"] == []


async def test_events_page_through_a_cursor(person: Callable[..., PersonClient]) -> None:
    alice, _ = await populate(person)
    seen: list[int] = []
    after = None
    while True:
        page = await events(alice, first=4, after=after)
        seen.extend(event["seq"] for event in page["events"])
        after = page["nextCursor"]
        if after is None:
            break
    assert seen == list(range(1, 10))
    assert error_codes(await alice.execute(EVENTS, {"first": 0})) == ["BAD_USER_INPUT"]


async def test_an_intact_chain_verifies(
    person: Callable[..., PersonClient], database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    alice, _ = await populate(person)
    report = (await alice.data(VERIFY))["verifyAuditTrail"]
    assert report == {
        "ok": True,
        "tenant": TENANT,
        "checked": 9,
        "brokenSeq": None,
        "brokenEventId": None,
        "reason": None,
    }
    other = await alice.execute('{ verifyAuditTrail(tenant: "other") { ok } }')
    assert error_codes(other) == ["FORBIDDEN"]
    args = argparse.Namespace(database_url=database_url, tenant=TENANT, bundle=None)
    assert await asyncio.to_thread(verify_command, args) == 0
    assert "9 audit events, chain intact" in capsys.readouterr().out


async def test_the_database_refuses_updates_and_deletes(
    person: Callable[..., PersonClient], governed_app: Starlette
) -> None:
    await populate(person)
    database: Database = governed_app.state.database
    for statement in ("UPDATE audit_events SET actor = 'mallory'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"):
            async with database.write() as connection:
                await connection.execute(text(statement))
    async with database.read() as connection:
        actors = (await connection.execute(text("SELECT DISTINCT actor FROM audit_events"))).all()
    assert "mallory" not in {row[0] for row in actors}


async def drop_guards(database: Database) -> None:
    """What an attacker with direct database access would do first."""
    async with database.write() as connection:
        if database.sqlite:
            await connection.execute(text("DROP TRIGGER audit_events_no_update"))
            await connection.execute(text("DROP TRIGGER audit_events_no_delete"))
        else:
            await connection.execute(text("DROP TRIGGER audit_events_append_only ON audit_events"))


@pytest.mark.parametrize(
    ("statement", "broken_seq", "reason"),
    [
        ("UPDATE audit_events SET actor = 'mallory' WHERE seq = 5", 5, "altered"),
        ("UPDATE audit_events SET diff = '{}' WHERE seq = 2", 2, "altered"),
        ("DELETE FROM audit_events WHERE seq = 7", 8, "missing"),
        ("DELETE FROM audit_events WHERE seq = 9", None, None),
    ],
)
async def test_a_direct_edit_is_detected_at_its_link(
    person: Callable[..., PersonClient],
    governed_app: Starlette,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    statement: str,
    broken_seq: int | None,
    reason: str | None,
) -> None:
    alice, _ = await populate(person)
    database: Database = governed_app.state.database
    await drop_guards(database)
    async with database.write() as connection:
        await connection.execute(text(statement))
    report = (await alice.data(VERIFY))["verifyAuditTrail"]
    args = argparse.Namespace(database_url=database_url, tenant=TENANT, bundle=None)
    if broken_seq is None:
        # Dropping the newest event leaves a valid, shorter chain: that is why the bundle
        # and external copies of the head hash matter (see docs/governance.md).
        assert report["ok"] is True and report["checked"] == 8
        return
    assert report["ok"] is False
    assert report["brokenSeq"] == broken_seq
    # Events verified before the broken one: a deleted event is simply not there.
    assert report["checked"] == broken_seq - (1 if reason == "altered" else 2)
    assert reason in report["reason"]
    assert await asyncio.to_thread(verify_command, args) == 1
    assert f"first broken link at seq {broken_seq}" in capsys.readouterr().out


async def test_forged_hash_breaks_the_next_link(
    person: Callable[..., PersonClient], governed_app: Starlette
) -> None:
    """Recomputing the edited event's own hash does not help: the next event still links
    to the old hash."""
    from subgraphs.registry.governance.audit import hash_event

    alice, _ = await populate(person)
    database: Database = governed_app.state.database
    await drop_guards(database)
    async with database.write() as connection:
        row = (
            (await connection.execute(text("SELECT * FROM audit_events WHERE seq = 4")))
            .one()
            ._mapping
        )
        forged = {**dict(row), "actor": "mallory"}
        await connection.execute(
            text("UPDATE audit_events SET actor = 'mallory', hash = :hash WHERE seq = 4"),
            {"hash": hash_event(forged)},
        )
    report = (await alice.data(VERIFY))["verifyAuditTrail"]
    assert report["ok"] is False and report["brokenSeq"] == 5
    assert "prev_hash" in report["reason"]
