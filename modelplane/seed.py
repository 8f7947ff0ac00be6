"""Sample data for a first look: a few registered models, versions and artifacts."""

from __future__ import annotations

import argparse
import logging
from typing import Any

import aiohttp

from common.errors import Unavailable

log = logging.getLogger("modelplane.seed")

REGISTER = """
mutation Seed($input: RegisterModelInput!) {
  registerModel(input: $input) { registeredModel { id } modelVersion { id } }
}
"""

SAMPLES: list[dict[str, Any]] = [
    {
        "name": "fraud-detector", "versionName": "v1", "uri": "s3://models/fraud-detector/v1",
        "modelFormatName": "onnx", "modelFormatVersion": "1.15", "owner": "risk-team",
        "modelDescription": "Scores card transactions for fraud in real time.",
        "description": "Gradient-boosted trees on 2025 transactions.", "author": "ada",
        "modelCustomProperties": [
            {"name": "team", "type": "STRING", "stringValue": "risk"},
            {"name": "production", "type": "STRING", "stringValue": ""},
        ],
        "versionCustomProperties": [
            {"name": "auc", "type": "DOUBLE", "doubleValue": 0.942},
            {"name": "trainingRows", "type": "INT", "intValue": "18250000"},
        ],
    },
    {
        "name": "fraud-detector", "versionName": "v2", "uri": "s3://models/fraud-detector/v2",
        "modelFormatName": "onnx", "modelFormatVersion": "1.16", "author": "alan",
        "description": "Adds merchant embeddings.",
        "versionCustomProperties": [{"name": "auc", "type": "DOUBLE", "doubleValue": 0.951}],
    },
    {
        "name": "churn-forecaster", "versionName": "2026-10", "author": "grace",
        "uri": "hf://northwind/churn-forecaster", "modelFormatName": "sklearn",
        "owner": "growth-team", "modelDescription": "Registered from the organisation catalog.",
        "modelSourceKind": "catalog", "modelSourceClass": "organization_models",
        "modelSourceName": "northwind/churn-forecaster",
    },
    {
        "name": "support-assistant", "versionName": "8b-r1", "author": "ada",
        "uri": "oci://registry.example/northwind/support-assistant:8b-r1",
        "modelFormatName": "vllm", "owner": "support-team",
        "modelSourceKind": "catalog", "modelSourceClass": "organization_models",
        "modelSourceName": "northwind/support-assistant-8b",
    },
]


async def seed_over_http(graphql_url: str, headers: dict[str, str] | None = None) -> int:
    """Registers the samples through the gateway; ones already there are left alone."""
    created = 0
    try:
        async with aiohttp.ClientSession(headers=headers) as session:
            for sample in SAMPLES:
                async with session.post(
                    graphql_url, json={"query": REGISTER, "variables": {"input": sample}}
                ) as response:
                    body = await response.json(content_type=None)
                codes = {
                    (e.get("extensions") or {}).get("code") for e in body.get("errors") or ()
                }
                if not codes:
                    created += 1
                elif codes != {"CONFLICT"}:
                    log.warning("sample %s/%s not loaded: %s", sample["name"], sample["versionName"], body["errors"][0]["message"])
    except aiohttp.ClientError as error:
        raise Unavailable(f"cannot reach {graphql_url}: {error}") from None
    if created:
        log.info("loaded %d sample model versions", created)
    return created


def seed_command(args: argparse.Namespace) -> int:
    import asyncio

    headers = {"authorization": f"Bearer {args.token}"} if args.token else None
    try:
        created = asyncio.run(seed_over_http(args.url, headers))
    except Unavailable as error:
        print(f"error: {error.message}")
        return 1
    print(f"{created} sample model versions registered")
    return 0
