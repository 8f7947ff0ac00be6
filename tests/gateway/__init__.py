"""Tests of the federation gateway."""
