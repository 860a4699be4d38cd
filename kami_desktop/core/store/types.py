"""SQLAlchemy column types for the house rules: aware datetimes, Decimal money and string lists, all
stored as text."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from kami_desktop.core.util.money import to_money


class AwareDateTime(TypeDecorator[datetime]):
    """Stores an aware datetime as ISO 8601 text with its UTC offset; refuses naive values."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime cannot be stored; attach a timezone")
        return value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


class ISODate(TypeDecorator[date]):
    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


class Money(TypeDecorator[Decimal]):
    """Decimal with two places, stored as text (never float)."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else f"{to_money(value):.2f}"

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class JSONList(TypeDecorator[list[str]]):
    """A list of strings stored as a JSON array in a TEXT column; reads back a new ``list[str]``.

    Assign a new list to change it (an in-place ``append`` is not seen by the session). Text that is
    empty, not JSON or not an array reads as ``[]``, as the hand-written decoders it replaces did.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Iterable[str] | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, str | bytes):
            raise TypeError("JSONList takes a list of strings, not text")
        return json.dumps([str(v) for v in value], ensure_ascii=False)

    def process_result_value(self, value: str | None, dialect: Dialect) -> list[str]:
        if not value or value == "[]":
            return []
        try:
            data = json.loads(value)
        except ValueError:
            return []
        return [str(v) for v in data] if isinstance(data, list) else []
