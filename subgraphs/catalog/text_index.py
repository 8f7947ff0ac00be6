"""Free text: each model's lowercased text, and an inverted index from word tokens to rows.

A query term made of word characters occurs in a text exactly when it occurs inside one of
the text's maximal word runs (its tokens), so a term is answered from the vocabulary
(small) and the rows of the matching tokens (merged at C speed), never by scanning every
model. Terms with punctuation are narrowed the same way by their word parts and then
checked against the texts they narrowed to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

WORD = re.compile(r"\w+")


@dataclass(slots=True)
class TextIndex:
    texts: list[str]
    vocabulary: str  # every token, joined by newlines
    token_starts: list[int]
    postings: list[Collection[int]]  # rows of each token, parallel to token_starts

    @classmethod
    def build(cls, texts: Sequence[str]) -> TextIndex:
        by_token: dict[str, list[int]] = {}
        for row, text in enumerate(texts):
            for token in set(WORD.findall(text)):
                rows = by_token.get(token)
                if rows is None:
                    by_token[token] = [row]
                else:
                    rows.append(row)
        starts: list[int] = []
        offset = 0
        for token in by_token:
            starts.append(offset)
            offset += len(token) + 1
        postings: list[Collection[int]] = [
            frozenset(rows) if len(rows) >= 16 else rows for rows in by_token.values()
        ]
        return cls(list(texts), "\n".join(by_token), starts, postings)

    def match(self, term: str, candidates: AbstractSet[int] | None) -> AbstractSet[int]:
        """Rows whose text contains `term` (already lowercased), within `candidates`."""
        texts = self.texts
        parts = WORD.findall(term)
        if not parts:
            pool = range(len(texts)) if candidates is None else candidates
            return {row for row in pool if term in texts[row]}
        rows = candidates
        exact = parts == [term]
        for part in sorted(parts, key=len, reverse=True):  # the longest part narrows most
            if rows is not None and len(rows) * 16 < len(texts):
                exact = False  # few enough left to check each text directly
                break
            found = self._rows_with_token_containing(part)
            rows = (
                found
                if rows is None
                else (rows & found if len(rows) <= len(found) else found & rows)
            )
            if not rows:
                return set()
        assert rows is not None
        return rows if exact else {row for row in rows if term in texts[row]}

    def estimate(self, term: str) -> int:
        """Rows of the tokens containing the term's longest word part: an upper bound."""
        parts = WORD.findall(term)
        if not parts:
            return len(self.texts)
        return sum(len(self.postings[t]) for t in self._tokens_containing(max(parts, key=len)))

    def _tokens_containing(self, part: str) -> list[int]:
        vocabulary, starts = self.vocabulary, self.token_starts
        tokens: list[int] = []
        last = len(starts) - 1
        position = vocabulary.find(part)
        while position != -1:
            token = bisect_right(starts, position) - 1
            tokens.append(token)
            if token >= last:
                break
            position = vocabulary.find(part, starts[token + 1])
        return tokens

    def _rows_with_token_containing(self, part: str) -> AbstractSet[int]:
        tokens = self._tokens_containing(part)
        if len(tokens) == 1 and isinstance(self.postings[tokens[0]], frozenset):
            return self.postings[tokens[0]]  # type: ignore[return-value]
        rows: set[int] = set()
        for token in tokens:
            rows.update(self.postings[token])
        return rows
