"""API token hashes: salted scrypt and plain sha256, and nothing else matches."""

from __future__ import annotations

import pytest

from gateway.auth.tokens import generate_token, hash_token, is_token_hash, verify_token


@pytest.mark.parametrize("algorithm", ["scrypt", "sha256"])
def test_a_token_matches_its_own_hash_only(algorithm: str) -> None:
    token = generate_token()
    stored = hash_token(token, algorithm=algorithm)
    assert is_token_hash(stored)
    assert token not in stored
    assert verify_token(token, stored)
    assert not verify_token(token + "x", stored)
    assert not verify_token(generate_token(), stored)


def test_scrypt_hashes_are_salted() -> None:
    assert hash_token("same") != hash_token("same")


@pytest.mark.parametrize(
    "stored", ["", "plain-token", "md5:abc", "scrypt:1:2", "scrypt:x:8:1:aa:bb"]
)
def test_malformed_hashes_never_match(stored: str) -> None:
    assert not verify_token("plain-token", stored)


def test_unknown_algorithms_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown token hash algorithm"):
        hash_token("t", algorithm="md5")


def test_generated_tokens_are_distinct_and_prefixed() -> None:
    tokens = {generate_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(t.startswith("mpt_") and len(t) > 40 for t in tokens)
