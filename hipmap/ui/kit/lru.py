"""Caches kept least-recently-used first out, one entry at a time.

A bounded cache that is emptied all at once when full frees hundreds of entries (each a few Qt objects) in one
click: 6-9 ms for the candidate list's laid-out rows. These let go of the oldest entry as each new one comes.
"""

from __future__ import annotations

from collections import OrderedDict


def keep(cache: OrderedDict, key, value, limit: int):
    """Put VALUE in CACHE, used last; beyond LIMIT the least recently used entry goes. Returns VALUE."""
    cache[key] = value
    cache.move_to_end(key)
    if len(cache) > limit:
        cache.popitem(last=False)
    return value


def found(cache: OrderedDict, key):
    """CACHE's entry for KEY (now its most recently used), or None."""
    value = cache.get(key)
    if value is not None:
        cache.move_to_end(key)
    return value
