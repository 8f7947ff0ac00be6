"""The token command prints a usable token and a hash the standalone provider accepts."""

from __future__ import annotations

import argparse

import pytest

from gateway.auth.command import add_token_arguments, token_command
from gateway.auth.tokens import verify_token


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, str]:
    parser = argparse.ArgumentParser()
    add_token_arguments(parser)
    assert token_command(parser.parse_args(list(argv))) == 0
    lines = capsys.readouterr().out.splitlines()
    return {
        line.split(":", 1)[0]: line.split(":", 1)[1].split("#")[0].strip().strip('"')
        for line in lines
    }


def test_a_new_token_and_its_hash(capsys: pytest.CaptureFixture[str]) -> None:
    printed = run(capsys)
    assert printed["token"].startswith("mpt_")
    assert printed["hash"].startswith("scrypt:")
    assert verify_token(printed["token"], printed["hash"])


def test_hashing_a_given_token(capsys: pytest.CaptureFixture[str]) -> None:
    printed = run(capsys, "--token", "mpt_mine", "--algorithm", "sha256")
    assert "token" not in printed
    assert verify_token("mpt_mine", printed["hash"])
