"""A reader for the YAML the GitHub workflows are written in, for when PyYAML is not installed.

It knows block mappings and sequences, ``|`` and ``>`` block scalars (with ``-``/``+`` chomping), flow
sequences of scalars, quoted and plain scalars, and comments — and refuses anything else (anchors,
tags, flow mappings, multi-document files) instead of guessing. ``load`` gives what ``yaml.safe_load``
gives, except that keys stay strings (YAML 1.1 reads the key ``on`` as ``True``).
"""

from __future__ import annotations

import re
from typing import Any

_INT = re.compile(r"[-+]?[0-9]+$")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")


class YamlSubsetError(ValueError):
    pass


def _strip_comment(text: str) -> str:
    """``text`` without a trailing `` # comment`` (a # inside quotes is kept)."""
    quote = None
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or text[i - 1] in " [,:"):
            quote = ch
        elif ch == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i].rstrip()
    return text.rstrip()


def _scalar(text: str) -> Any:
    text = text.strip()
    if not text or text == "~" or text == "null":
        return None
    if text[0] in "&*!{" or text in ("|-", "|+", ">+"):
        raise YamlSubsetError(f"unsupported YAML: {text!r}")
    if text[0] == '"':
        if not text.endswith('"') or len(text) < 2:
            raise YamlSubsetError(f"unterminated string: {text!r}")
        body = text[1:-1]
        return re.sub(r'\\(["\\/nt])', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)
    if text[0] == "'":
        if not text.endswith("'") or len(text) < 2:
            raise YamlSubsetError(f"unterminated string: {text!r}")
        return text[1:-1].replace("''", "'")
    if text[0] == "[":
        if not text.endswith("]"):
            raise YamlSubsetError(f"unterminated flow sequence: {text!r}")
        inner = text[1:-1].strip()
        return [_scalar(part) for part in _split_flow(inner)] if inner else []
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


def _split_flow(inner: str) -> list[str]:
    parts, current, quote = [], "", None
    for ch in inner:
        if quote:
            current += ch
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
            current += ch
        elif ch == ",":
            parts.append(current)
            current = ""
        elif ch in "[]{}":
            raise YamlSubsetError(f"nested flow collections are not supported: {inner!r}")
        else:
            current += ch
    parts.append(current)
    return parts


class _Reader:
    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.i = 0

    def _next_content(self) -> tuple[int, str] | None:
        """(indent, line) of the next line that is not blank or a comment, without consuming it."""
        while self.i < len(self.lines):
            raw = self.lines[self.i]
            stripped = raw.strip()
            if stripped == "---" and self.i == 0:
                self.i += 1
                continue
            if stripped and not stripped.startswith("#"):
                if "\t" in raw[: len(raw) - len(raw.lstrip())]:
                    raise YamlSubsetError(f"tab in indentation, line {self.i + 1}")
                return len(raw) - len(raw.lstrip(" ")), raw
            self.i += 1
        return None

    def block(self, indent: int) -> Any:
        nxt = self._next_content()
        if nxt is None or nxt[0] < indent:
            return None
        ind, line = nxt
        if line.lstrip().startswith("- ") or line.strip() == "-":
            return self.sequence(ind)
        return self.mapping(ind)

    def sequence(self, indent: int) -> list[Any]:
        out: list[Any] = []
        while True:
            nxt = self._next_content()
            if nxt is None or nxt[0] < indent:
                return out
            ind, line = nxt
            if ind > indent:
                raise YamlSubsetError(f"bad indentation, line {self.i + 1}")
            body = line.strip()
            if not (body.startswith("- ") or body == "-"):
                return out
            rest = body[2:] if body != "-" else ""
            if not rest:
                self.i += 1
                out.append(self.block(indent + 1))
            elif re.match(r"[^\"'\[{][^:]*:( |$)", rest) or re.match(r"\"[^\"]*\":( |$)", rest):
                # "- key: value" starts a mapping whose keys sit two columns further in
                self.lines[self.i] = " " * (indent + 2) + rest
                out.append(self.mapping(indent + 2))
            else:
                self.i += 1
                out.append(self._value(_strip_comment(rest), indent))
        return out

    def mapping(self, indent: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while True:
            nxt = self._next_content()
            if nxt is None or nxt[0] < indent:
                return out
            ind, line = nxt
            if ind > indent:
                raise YamlSubsetError(f"bad indentation, line {self.i + 1}: {line!r}")
            body = line.strip()
            if body.startswith("- "):
                return out
            m = re.match(r"(\"[^\"]*\"|'[^']*'|[^:#]+?):(?: +(.*))?$", body)
            if not m:
                raise YamlSubsetError(f"not a key: value line, line {self.i + 1}: {line!r}")
            key = _scalar(m.group(1)) if m.group(1)[0] in "\"'" else m.group(1).strip()
            if key in out:
                raise YamlSubsetError(f"duplicate key {key!r}, line {self.i + 1}")
            self.i += 1
            rest = _strip_comment(m.group(2) or "")
            if not rest:
                nxt = self._next_content()
                if nxt is not None and (
                    nxt[0] > indent or (nxt[0] == indent and nxt[1].lstrip().startswith("- "))
                ):
                    out[str(key)] = self.block(nxt[0])
                else:
                    out[str(key)] = None
            else:
                out[str(key)] = self._value(rest, indent)

    def _value(self, rest: str, indent: int) -> Any:
        if rest[0] in "|>":
            return self._block_scalar(rest, indent)
        return _scalar(rest)

    def _block_scalar(self, header: str, indent: int) -> str:
        m = re.match(r"([|>])([-+]?)$", header)
        if not m:
            raise YamlSubsetError(f"unsupported block scalar header {header!r}")
        style, chomp = m.groups()
        body: list[str] = []
        block_indent = None
        while self.i < len(self.lines):
            raw = self.lines[self.i]
            if raw.strip():
                ind = len(raw) - len(raw.lstrip(" "))
                if block_indent is None:
                    if ind <= indent:
                        break
                    block_indent = ind
                if ind < block_indent:
                    break
                body.append(raw[block_indent:])
            else:
                body.append("")
            self.i += 1
        while body and body[-1] == "":
            body.pop()
            if chomp == "+":
                raise YamlSubsetError("keep chomping (+) is not supported")
        if style == "|":
            text = "\n".join(body)
        else:
            text = ""
            for k, line in enumerate(body):
                if k == 0:
                    text = line
                elif line == "" or body[k - 1] == "":
                    text += "\n" if line == "" else line
                else:
                    text += " " + line
        if not body:
            return ""
        return text if chomp == "-" else text + "\n"


def load(text: str) -> Any:
    reader = _Reader(text)
    data = reader.block(0)
    if reader._next_content() is not None:
        raise YamlSubsetError(f"unparsed content from line {reader.i + 1}")
    return data
