"""Word lists shared by the typography and casing rules."""

from __future__ import annotations


def words(spec: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long lists stay readable)."""
    return frozenset(spec.split())
