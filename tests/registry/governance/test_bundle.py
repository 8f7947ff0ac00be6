"""Evidence bundles: exported by the CLI and GraphQL, verified offline, a changed byte fails."""

from __future__ import annotations

import argparse
import asyncio
import base64
import gzip
import hashlib
import io
import json
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from subgraphs.registry.governance.bundle import verify_bundle
from subgraphs.registry.governance.command import export_command, verify_command
from tests.registry.governance.conftest import TENANT, PersonClient
from tests.registry.governance.journey import BUNDLE, approve, members, moved, registered_version

EXPECTED_FILES = [
    "approvals.json",
    "audit_events.json",
    "evaluations.json",
    "lineage.json",
    "policy_results.json",
    "transitions.json",
]


async def journey(person: Callable[..., PersonClient]) -> tuple[PersonClient, str]:
    alice, bob, carol = person("alice"), person("bob", "approver"), person("carol", "approver")
    _, version_id = await registered_version(alice, "evidence")
    await moved(alice, version_id, "SUBMITTED")
    assert "errors" not in await approve(bob, version_id, "APPROVED_STAGING")
    await moved(alice, version_id, "APPROVED_STAGING")
    await moved(alice, version_id, "STAGING")
    assert "errors" not in await approve(carol, version_id, "APPROVED_PROD")
    await moved(alice, version_id, "APPROVED_PROD")
    await moved(alice, version_id, "PRODUCTION")
    return alice, version_id


def repack(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


async def test_the_cli_exports_a_bundle_that_verifies_offline(
    person: Callable[..., PersonClient],
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, version_id = await journey(person)
    output = tmp_path / "evidence.tar.gz"
    export = argparse.Namespace(
        database_url=database_url, tenant=TENANT, version_id=version_id, output=str(output)
    )
    assert await asyncio.to_thread(export_command, export) == 0
    files = members(output.read_bytes())
    assert sorted(files) == sorted([*EXPECTED_FILES, "manifest.json"])
    manifest = json.loads(files["manifest.json"])
    assert manifest["modelVersionId"] == version_id
    for name in EXPECTED_FILES:
        assert manifest["files"][name] == hashlib.sha256(files[name]).hexdigest()
    lineage = json.loads(files["lineage.json"])
    assert lineage["modelVersion"]["stage"] == "PRODUCTION"
    assert lineage["artifacts"][0]["uri"] == "s3://b/evidence/v1"
    transitions = json.loads(files["transitions.json"])
    assert [t["to_stage"] for t in transitions][-1] == "PRODUCTION"
    approvals = json.loads(files["approvals.json"])
    assert {a["actor"] for a in approvals if a["decision"] == "APPROVED"} == {"bob", "carol"}
    events = json.loads(files["audit_events.json"])
    assert all(len(event["hash"]) == 64 for event in events)
    assert "version.transition" in {event["action"] for event in events}

    verify = argparse.Namespace(database_url=None, tenant=None, bundle=str(output))
    capsys.readouterr()
    assert verify_command(verify) == 0
    assert "OK bundle" in capsys.readouterr().out


async def test_one_changed_byte_fails_verification(
    person: Callable[..., PersonClient], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alice, version_id = await journey(person)
    bundle = (await alice.data(BUNDLE, {"id": version_id}))["evidenceBundle"]
    data = base64.b64decode(bundle["contentBase64"])
    assert hashlib.sha256(data).hexdigest() == bundle["sha256"]
    assert verify_bundle(data).ok

    files = members(data)
    original = files["transitions.json"]
    position = original.index(b"PRODUCTION")
    files["transitions.json"] = original[:position] + b"Q" + original[position + 1 :]
    report = verify_bundle(repack(files))
    assert not report.ok
    assert report.problems == ["transitions.json: sha256 does not match the manifest"]

    # A flipped byte in the compressed archive itself is caught too.
    raw = bytearray(data)
    raw[len(raw) // 2] ^= 0x01
    tampered = tmp_path / "tampered.tar.gz"
    tampered.write_bytes(bytes(raw))
    assert verify_command(argparse.Namespace(bundle=str(tampered))) == 1
    assert "FAIL" in capsys.readouterr().out


async def test_an_edited_event_with_a_fixed_manifest_still_fails(
    person: Callable[..., PersonClient],
) -> None:
    """Rewriting the manifest after editing an event does not help: the event's hash breaks."""
    alice, version_id = await journey(person)
    bundle = (await alice.data(BUNDLE, {"id": version_id}))["evidenceBundle"]
    files = members(base64.b64decode(bundle["contentBase64"]))
    events = json.loads(files["audit_events.json"])
    events[0]["actor"] = "mallory"
    files["audit_events.json"] = json.dumps(events).encode()
    manifest = json.loads(files["manifest.json"])
    manifest["files"]["audit_events.json"] = hashlib.sha256(files["audit_events.json"]).hexdigest()
    files["manifest.json"] = json.dumps(manifest).encode()
    report = verify_bundle(repack(files))
    assert not report.ok
    assert report.problems == [
        f"audit event seq {events[0]['seq']}: content does not match its hash"
    ]


def test_garbage_is_not_a_bundle() -> None:
    assert not verify_bundle(b"not a tarball").ok
    assert not verify_bundle(gzip.compress(b"still not a tarball")).ok


async def test_cli_errors_are_messages_not_tracebacks(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from subgraphs.registry.migrations import upgrade_database

    await upgrade_database(database_url)
    missing = argparse.Namespace(
        database_url=database_url, tenant=TENANT, version_id="424242", output=str(tmp_path / "x")
    )
    assert await asyncio.to_thread(export_command, missing) == 2
    assert "model version 424242 does not exist" in capsys.readouterr().err
    bad_id = argparse.Namespace(database_url=database_url, tenant=TENANT, version_id="v1")
    assert await asyncio.to_thread(export_command, bad_id) == 2
    no_file = argparse.Namespace(bundle=str(tmp_path / "absent.tar.gz"))
    assert verify_command(no_file) == 2
    assert "No such file" in capsys.readouterr().err
