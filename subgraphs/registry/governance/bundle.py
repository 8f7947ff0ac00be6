"""Evidence bundles: one .tar.gz per model version, with a manifest of SHA-256 digests."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from subgraphs.registry.entities import MODEL_VERSION, REGISTERED_MODEL
from subgraphs.registry.governance.approvals import fetch_approvals
from subgraphs.registry.governance.audit import hash_event
from subgraphs.registry.governance.evaluations import fetch_results
from subgraphs.registry.governance.lifecycle import fetch_transitions
from subgraphs.registry.repository import writes
from subgraphs.registry.tables import artifacts, audit_events

MANIFEST = "manifest.json"
BUNDLE_FORMAT = "modelplane-evidence/1"


def _document(value: Any) -> bytes:
    return (json.dumps(value, indent=2, sort_keys=True, default=str) + "\n").encode()


def _plain(row: Any) -> dict[str, Any]:
    return {key: value for key, value in row._mapping.items()}


async def collect_evidence(
    connection: AsyncConnection, tenant: str, version_id: int
) -> dict[str, bytes]:
    """The bundle's files (name -> bytes), manifest excluded."""
    version = await writes.require_row(connection, MODEL_VERSION, tenant, version_id)
    model = await writes.require_row(
        connection, REGISTERED_MODEL, tenant, version.registered_model_id
    )
    artifact_rows = (
        await connection.execute(
            select(artifacts)
            .where(
                artifacts.c.tenant_id == tenant,
                artifacts.c.parent_kind == "version",
                artifacts.c.parent_id == version_id,
            )
            .order_by(artifacts.c.id)
        )
    ).all()
    entity_filters = [
        (audit_events.c.entity_type == "model_version")
        & (audit_events.c.entity_id == str(version_id)),
        (audit_events.c.entity_type == "registered_model")
        & (audit_events.c.entity_id == str(model.id)),
    ]
    if artifact_rows:
        entity_filters.append(
            (audit_events.c.entity_type == "artifact")
            & audit_events.c.entity_id.in_([str(row.id) for row in artifact_rows])
        )
    events = (
        await connection.execute(
            select(audit_events)
            .where(audit_events.c.tenant_id == tenant, or_(*entity_filters))
            .order_by(audit_events.c.seq)
        )
    ).all()
    lineage = {
        "registeredModel": _plain(model),
        "modelVersion": _plain(version),
        "artifacts": [
            {
                "id": row.id,
                "name": row.name,
                "type": row.artifact_type,
                "uri": row.uri,
                "digest": row.digest,
                "state": row.state,
            }
            for row in artifact_rows
        ],
    }
    return {
        "lineage.json": _document(lineage),
        "transitions.json": _document(await fetch_transitions(connection, tenant, version_id)),
        "approvals.json": _document(await fetch_approvals(connection, tenant, version_id)),
        "policy_results.json": _document(
            [
                {"seq": row.seq, "occurredAt": row.occurred_at, **json.loads(row.diff)["after"]}
                for row in events
                if row.action == "policy.evaluate"
            ]
        ),
        "evaluations.json": _document(await fetch_results(connection, tenant, version_id)),
        "audit_events.json": _document([_plain(row) for row in events]),
    }


def pack_bundle(files: dict[str, bytes], *, tenant: str, version_id: int) -> bytes:
    manifest = {
        "format": BUNDLE_FORMAT,
        "tenant": tenant,
        "modelVersionId": str(version_id),
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())},
    }
    buffer = io.BytesIO()
    # mtime 0 and fixed owners: the same evidence always packs to the same bytes.
    with tarfile.open(fileobj=buffer, mode="w:gz", format=tarfile.PAX_FORMAT) as archive:
        for name, data in [*sorted(files.items()), (MANIFEST, _document(manifest))]:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


async def build_bundle(connection: AsyncConnection, tenant: str, version_id: int) -> bytes:
    files = await collect_evidence(connection, tenant, version_id)
    return pack_bundle(files, tenant=tenant, version_id=version_id)


@dataclass(slots=True)
class BundleReport:
    ok: bool
    problems: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _read_members(data: bytes) -> dict[str, bytes]:
    members: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                raise ValueError(f"unexpected entry {member.name!r} in the bundle")
            extracted = archive.extractfile(member)
            if extracted is None:
                raise ValueError(f"cannot read {member.name!r}")
            members[member.name] = extracted.read()
    return members


def verify_bundle(data: bytes) -> BundleReport:
    """Checks the archive offline: every digest in the manifest, and the events' hash links."""
    try:
        members = _read_members(data)
        manifest = json.loads(members.pop(MANIFEST))
    except (tarfile.TarError, OSError, EOFError, KeyError, ValueError) as error:
        return BundleReport(ok=False, problems=[f"unreadable bundle: {error}"])
    report = BundleReport(ok=True, files=sorted(members))
    expected: dict[str, str] = manifest.get("files", {})
    for name in sorted(set(expected) | set(members)):
        if name not in members:
            report.problems.append(f"{name}: listed in the manifest but missing")
        elif name not in expected:
            report.problems.append(f"{name}: not listed in the manifest")
        elif hashlib.sha256(members[name]).hexdigest() != expected[name]:
            report.problems.append(f"{name}: sha256 does not match the manifest")
    if "audit_events.json" in members and not report.problems:
        events = json.loads(members["audit_events.json"])
        report.problems.extend(_event_problems(events))
    report.ok = not report.problems
    return report


def _event_problems(events: list[dict[str, Any]]) -> list[str]:
    """The bundle holds part of the tenant's chain: each event must still match its hash."""
    return [
        f"audit event seq {event['seq']}: content does not match its hash"
        for event in events
        if hash_event(event) != event["hash"]
    ]
