"""API tokens: generation, and salted hashes so that config files never hold a usable token."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

TOKEN_PREFIX = "mpt_"
# scrypt cost for tokens hashed with a salt: ~30 ms per check, cached after the first success.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1


def generate_token() -> str:
    """A new random API token (shown once to its owner, stored only as a hash)."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str, *, algorithm: str = "scrypt") -> str:
    """The string to store in the auth config for `token`.

    "scrypt" (salted, slow) is the default; "sha256" (unsalted, fast) is enough for
    tokens from `generate_token`, whose 256 random bits need no stretching.
    """
    if algorithm == "sha256":
        return "sha256:" + hashlib.sha256(token.encode()).hexdigest()
    if algorithm == "scrypt":
        salt = secrets.token_bytes(16)
        digest = _scrypt(token, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        return f"scrypt:{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}:{_b64(salt)}:{_b64(digest)}"
    raise ValueError(f"unknown token hash algorithm {algorithm!r}; use 'scrypt' or 'sha256'")


def verify_token(token: str, stored: str) -> bool:
    """Whether `token` matches a hash made by `hash_token`; malformed hashes never match."""
    kind, _, rest = stored.partition(":")
    if kind == "sha256":
        expected = hashlib.sha256(token.encode()).hexdigest()
        return hmac.compare_digest(expected, rest.lower())
    if kind == "scrypt":
        try:
            n, r, p, salt, digest = rest.split(":")
            actual = _scrypt(token, _unb64(salt), int(n), int(r), int(p))
            return hmac.compare_digest(actual, _unb64(digest))
        except ValueError:
            return False
    return False


def is_token_hash(value: str) -> bool:
    return value.startswith(("sha256:", "scrypt:"))


def _scrypt(token: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        token.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
