"""The Kubeflow Model Registry `filterQuery` grammar: tokens, a parser and its syntax tree.

    expr       := or
    or         := and ("OR" and)*
    and        := unary ("AND" unary)*
    unary      := "(" expr ")" | comparison
    comparison := identifier op value | identifier ["NOT"] "IN" "(" value ("," value)* ")"
    op         := = | != | <> | < | > | <= | >= | LIKE | ILIKE
    identifier := name ("." name)*          (a name may be `back-quoted`)
    value      := 'string' | "string" | integer | float | true | false

Keywords are case-insensitive. An identifier that is not a built-in property of the entity
is a custom property; a trailing .string_value/.int_value/.double_value/.bool_value picks
its type, otherwise the value's own type decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from common.errors import BadUserInput

Scalar = str | int | float | bool
VALUE_SUFFIXES = ("string_value", "int_value", "double_value", "bool_value")
OPERATORS = ("=", "!=", "<>", "<", ">", "<=", ">=", "LIKE", "ILIKE", "IN", "NOT IN")


@dataclass(frozen=True, slots=True)
class Identifier:
    path: tuple[str, ...]
    value_type: str | None  # one of VALUE_SUFFIXES, or None when not given

    @property
    def name(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True, slots=True)
class Comparison:
    identifier: Identifier
    operator: str  # normalised: "<>" becomes "!="
    value: Scalar | tuple[Scalar, ...]


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Expression, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Expression, ...]


Expression = Comparison | And | Or


class FilterSyntaxError(BadUserInput):
    def __init__(self, message: str, position: int) -> None:
        super().__init__(
            f"filterQuery: {message} at position {position}",
            suggestion='e.g. name = "my-model" AND (state = "LIVE" OR budget.int_value > 10)',
            position=position,
        )
        self.position = position


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<number>-?\d+\.\d*(?:[eE][-+]?\d+)?|-?\d*\.\d+(?:[eE][-+]?\d+)?|-?\d+(?:[eE][-+]?\d+)?)
  | (?P<op><=|>=|!=|<>|=|<|>)
  | (?P<punct>[(),.])
  | (?P<quoted>`[^`]+`)
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-]*)
    """,
    re.VERBOSE,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"'}
_KEYWORDS = {"AND", "OR", "NOT", "IN", "LIKE", "ILIKE", "TRUE", "FALSE"}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    position: int


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None:
            raise FilterSyntaxError(f"unexpected character {source[position]!r}", position)
        kind = match.lastgroup or ""
        if kind != "ws":
            text = match.group()
            if kind == "word" and text.upper() in _KEYWORDS:
                kind, text = "keyword", text.upper()
            tokens.append(_Token(kind, text, position))
        position = match.end()
    tokens.append(_Token("end", "", len(source)))
    return tokens


def _unescape(literal: str) -> str:
    body = literal[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.index = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, kind: str, text: str | None = None) -> _Token:
        token = self.current
        if token.kind != kind or (text is not None and token.text != text):
            wanted = text or kind
            found = token.text or "end of input"
            raise FilterSyntaxError(f"expected {wanted!r} but found {found!r}", token.position)
        return self.advance()

    def parse(self) -> Expression:
        if self.current.kind == "end":
            raise FilterSyntaxError("empty filter", 0)
        expression = self.parse_or()
        if self.current.kind != "end":
            raise FilterSyntaxError(f"unexpected {self.current.text!r}", self.current.position)
        return expression

    def parse_or(self) -> Expression:
        items = [self.parse_and()]
        while self.current.kind == "keyword" and self.current.text == "OR":
            self.advance()
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Expression:
        items = [self.parse_unary()]
        while self.current.kind == "keyword" and self.current.text == "AND":
            self.advance()
            items.append(self.parse_unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self) -> Expression:
        if self.current.kind == "punct" and self.current.text == "(":
            self.advance()
            inner = self.parse_or()
            self.expect("punct", ")")
            return inner
        return self.parse_comparison()

    def parse_identifier(self) -> Identifier:
        parts = [self.parse_name()]
        while self.current.kind == "punct" and self.current.text == ".":
            self.advance()
            parts.append(self.parse_name())
        value_type = None
        if len(parts) > 1 and parts[-1] in VALUE_SUFFIXES:
            value_type = parts.pop()
        return Identifier(tuple(parts), value_type)

    def parse_name(self) -> str:
        token = self.current
        if token.kind == "word":
            return self.advance().text
        if token.kind == "quoted":
            return self.advance().text[1:-1]
        found = token.text or "end of input"
        raise FilterSyntaxError(f"expected a property name but found {found!r}", token.position)

    def parse_comparison(self) -> Comparison:
        identifier = self.parse_identifier()
        token = self.current
        if token.kind == "op":
            self.advance()
            operator = "!=" if token.text == "<>" else token.text
            return Comparison(identifier, operator, self.parse_value())
        if token.kind == "keyword" and token.text in ("LIKE", "ILIKE"):
            self.advance()
            value = self.parse_value()
            if not isinstance(value, str):
                raise FilterSyntaxError(f"{token.text} needs a string pattern", token.position)
            return Comparison(identifier, token.text, value)
        negate = False
        if token.kind == "keyword" and token.text == "NOT":
            self.advance()
            negate = True
            token = self.current
        if token.kind == "keyword" and token.text == "IN":
            self.advance()
            self.expect("punct", "(")
            values = [self.parse_value()]
            while self.current.kind == "punct" and self.current.text == ",":
                self.advance()
                values.append(self.parse_value())
            self.expect("punct", ")")
            return Comparison(identifier, "NOT IN" if negate else "IN", tuple(values))
        found = token.text or "end of input"
        raise FilterSyntaxError(f"expected an operator but found {found!r}", token.position)

    def parse_value(self) -> Scalar:
        token = self.current
        if token.kind == "string":
            self.advance()
            return _unescape(token.text)
        if token.kind == "number":
            self.advance()
            if re.fullmatch(r"-?\d+", token.text):
                return int(token.text)
            return float(token.text)
        if token.kind == "keyword" and token.text in ("TRUE", "FALSE"):
            self.advance()
            return token.text == "TRUE"
        found = token.text or "end of input"
        raise FilterSyntaxError(f"expected a value but found {found!r}", token.position)


def parse_filter(source: str) -> Expression:
    """Parse a filterQuery string; raises FilterSyntaxError (BAD_USER_INPUT) with a position."""
    return _Parser(source).parse()


def like_to_regex(pattern: str, *, case_insensitive: bool) -> re.Pattern[str]:
    """A SQL LIKE pattern (% and _, backslash escapes) as a compiled regular expression."""
    out = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            out.append(re.escape(pattern[index + 1]))
            index += 2
            continue
        out.append(".*" if char == "%" else "." if char == "_" else re.escape(char))
        index += 1
    flags = re.DOTALL | (re.IGNORECASE if case_insensitive else 0)
    return re.compile("".join(out) + r"\Z", flags)
