/** Python noise: helper modules and a test of realistic length that state no port. */

/** Helper modules, `(service, n) => [path, text]`. */
export const pyModules = [
  (svc, n) => [`app/formatting.py`, `"""Formatting helpers shared by ${svc}'s handlers and reports."""

from __future__ import annotations

import re
import unicodedata

UNITS = ("B", "KiB", "MiB", "GiB", "TiB")


def format_bytes(size: float, digits: int = 1) -> str:
    """Return \`\`1536\`\` as \`\`'1.5 KiB'\`\`."""
    if size < 0:
        raise ValueError(f"not a size: {size}")
    unit = 0
    while size >= 1024 and unit < len(UNITS) - 1:
        size /= 1024
        unit += 1
    return f"{size:.{digits}f} {UNITS[unit]}" if unit else f"{int(size)} B"


def format_duration(ms: float) -> str:
    """Return 93784 ms as '1m 33s'; keep milliseconds below one second."""
    if ms < 1000:
        return f"{round(ms)}ms"
    seconds = int(ms // 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours}h"] if hours else []
    if minutes:
        parts.append(f"{minutes}m")
    if seconds or not parts:
        parts.append(f"{seconds}s")
    return " ".join(parts)


def slugify(text: str, max_length: int = ${40 + n}) -> str:
    """Lower-case ASCII with hyphens, for URLs."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text[:max_length]
`],
  (svc, n) => [`app/retry.py`, `"""Retries with exponential back-off for ${svc}'s calls to other services."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")

DEFAULT_ATTEMPTS = ${3 + (n % 3)}
BASE_DELAY_S = ${(0.1 + n / 100).toFixed(2)}
MAX_DELAY_S = ${5 + n}


class RetryError(Exception):
    """Raised when every attempt failed; carries the last error."""

    def __init__(self, attempts: int, last: BaseException) -> None:
        super().__init__(f"gave up after {attempts} attempts: {last}")
        self.attempts = attempts
        self.last = last


async def retry(
    fn: Callable[[int], Awaitable[T]],
    attempts: int = DEFAULT_ATTEMPTS,
    retryable: Callable[[BaseException], bool] = lambda _e: True,
) -> T:
    """Await \`\`fn(attempt)\`\` until it succeeds or the attempts run out."""
    last: BaseException | None = None
    for attempt in range(1, attempts + 1):
        try:
            return await fn(attempt)
        except Exception as error:  # noqa: BLE001 - the caller decides what is retryable
            last = error
            if attempt == attempts or not retryable(error):
                break
            delay = min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (attempt - 1))
            await asyncio.sleep(delay / 2 + random.random() * delay / 2)
    assert last is not None
    raise RetryError(attempts, last)


def is_retryable_status(status: int) -> bool:
    """Rate limits and the server's own trouble are worth another try."""
    return status in (408, 429) or (status >= 500 and status != 501)
`],
  (svc, n) => [`app/cache.py`, `"""A small LRU cache with time-to-live for ${svc}'s lookups."""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LruCache(Generic[K, V]):
    """Least-recently-used eviction, entries expire after \`\`ttl\`\` seconds."""

    def __init__(self, capacity: int = ${500 + n * 20}, ttl: float = ${60 + n}.0) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.ttl = ttl
        self._entries: OrderedDict[K, tuple[V, float]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: K) -> V | None:
        entry = self._entries.get(key)
        if entry is None or entry[1] <= time.monotonic():
            self._entries.pop(key, None)
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry[0]

    def set(self, key: K, value: V) -> None:
        self._entries[key] = (value, time.monotonic() + self.ttl)
        self._entries.move_to_end(key)
        while len(self._entries) > self.capacity:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
`],
];

/** A pytest module for the formatting helpers. */
export function pyTest(svc) {
  return [`tests/test_formatting.py`, `"""Tests of ${svc}'s formatting helpers."""

import pytest

from app.formatting import format_bytes, format_duration, slugify


def test_formats_sizes_with_binary_units():
    assert format_bytes(512) == "512 B"
    assert format_bytes(1536) == "1.5 KiB"


def test_rejects_negative_sizes():
    with pytest.raises(ValueError):
        format_bytes(-1)


def test_formats_durations():
    assert format_duration(250) == "250ms"
    assert format_duration(93_784) == "1m 33s"


def test_slugifies_titles():
    assert slugify("Café Menu 2024!") == "cafe-menu-2024"
`];
}
