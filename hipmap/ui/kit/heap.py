"""The session's long-lived objects, kept out of the way of the garbage collector's full passes.

The atlas, its index and the window are made once and last as long as the app: a few hundred thousand Python
objects. The cyclic garbage collector's full passes walk every one of them, 30-40 ms each on a modest machine,
and one comes every few dozen marks: a frame dropped under the pointer. Frozen (gc.freeze), they are skipped;
what is made later is collected as usual. Only the app settles its heap: a test or a script that makes windows
by the hundred keeps Python's usual collection.
"""

from __future__ import annotations

import gc


def pause() -> None:
    """Start-up makes some hundred thousand objects that live as long as the app and hardly any garbage; the
    collector would walk them over and over while they are made (~150 passes, 40-100 ms of a cold start, one of
    them a full pass). It waits until settle()."""
    gc.disable()


def settle() -> None:
    """The atlas, its index and the window are made: freeze what exists now (the little garbage of loading, about
    2,000 objects, goes with it) and let the collector look after what is made from here on. (An atlas replaced
    later, in another language, is still freed: nothing in it refers back to itself.)"""
    gc.freeze()
    gc.enable()


def unsettle() -> None:
    """Back to Python's usual collection (the bench, between its measures)."""
    gc.unfreeze()
