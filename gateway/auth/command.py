"""`modelplane auth token`: make an API token and the hash to put in the auth config."""

from __future__ import annotations

import argparse
import sys

from gateway.auth.tokens import generate_token, hash_token


def token_command(args: argparse.Namespace) -> int:
    """Prints a new token (or hashes `--token`, `-` for standard input) and its config line."""
    given = getattr(args, "token", None)
    token = sys.stdin.readline().strip() if given == "-" else given or generate_token()
    algorithm = getattr(args, "algorithm", None) or "scrypt"
    if not given:
        print(f"token: {token}    # give this to its owner; it is not stored anywhere")
    print(f'hash: "{hash_token(token, algorithm=algorithm)}"')
    return 0


def add_token_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--token", help="hash this token instead of making one ('-': read stdin)")
    parser.add_argument("--algorithm", choices=["scrypt", "sha256"], default="scrypt")
