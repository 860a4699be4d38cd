"""SQLAlchemy column types for the house rules: aware datetimes and Decimal money stored as text."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator

from kami_desktop.core.util.money import to_money


class AwareDateTime(TypeDecorator):
    """Stores an aware datetime as ISO 8601 text with its UTC offset; refuses naive values."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime cannot be stored; attach a timezone")
        return value.isoformat()

    def process_result_value(self, value: str | None, dialect):
        if value is None:
            return None
        return datetime.fromisoformat(value)


class ISODate(TypeDecorator):
    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect):
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect):
        return None if value is None else date.fromisoformat(value)


class Money(TypeDecorator):
    """Decimal with two places, stored as text (never float)."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect):
        return None if value is None else f"{to_money(value):.2f}"

    def process_result_value(self, value: str | None, dialect):
        return None if value is None else Decimal(value)
