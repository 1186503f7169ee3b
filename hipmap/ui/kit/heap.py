"""The session's long-lived objects, kept out of the way of the garbage collector's full passes; and the
collector's passes moved out of the clicks, into the idle moment after each change is painted.

The atlas, its index and the window are made once and last as long as the app: a few hundred thousand Python
objects. The cyclic garbage collector's full passes walk every one of them, 30-40 ms each on a modest machine,
and one comes every few dozen marks: a frame dropped under the pointer. Frozen (gc.freeze), they are skipped;
what is made later is collected as usual. Only the app settles its heap: a test or a script that makes windows
by the hundred keeps Python's usual collection.

Python starts a pass when the objects made minus the objects freed pass a threshold (700). A mark makes a new
ranking, rows and words that replace older ones in the list's caches: about as many old objects are freed as new
ones are made, so that count hardly moves while the youngest generation fills up with what each mark keeps. After
forty marks it held some 20,000 objects, and the pass that finally came, in the middle of a click, took 10-20 ms.
So once settled, the window calls tidy() in the event loop's turn after each change is painted: it runs the pass
Python would run next (the youngest generation, or the middle one every tenth time, or the whole unfrozen heap
every hundredth), over what the last mark made. Its counts start again from zero, so a click that makes fewer
than 700 objects never starts a pass, and one that makes more scans only its own.
"""

from __future__ import annotations

import gc

_settled = False


def pause() -> None:
    """Start-up makes some hundred thousand objects that live as long as the app and hardly any garbage; the
    collector would walk them over and over while they are made (~150 passes, 40-100 ms of a cold start, one of
    them a full pass). It waits until settle()."""
    gc.disable()


def settle() -> None:
    """The atlas, its index and the window are made: freeze what exists now (the little garbage of loading, about
    2,000 objects, goes with it) and let the collector look after what is made from here on. (An atlas replaced
    later, in another language, is still freed: nothing in it refers back to itself.)"""
    global _settled
    gc.freeze()
    gc.enable()
    _settled = True


def unsettle() -> None:
    """Back to Python's usual collection (the bench, between its measures)."""
    global _settled
    _settled = False
    gc.unfreeze()


def tidy() -> int | None:
    """In idle time (a change has been painted), the collector's next pass, the one Python would start on its own
    in the middle of a later click: the generation collected, or None if the heap is not settled (Python's usual
    collection) or the collector is off. A generation is collected one pass before its own count would make Python
    collect it, so that an automatic pass in a click is always of the youngest generation."""
    if not _settled or not gc.isenabled():
        return None
    _young, middle, old = gc.get_count()
    _t0, t1, t2 = gc.get_threshold()
    generation = 2 if old >= t2 - 1 else 1 if middle >= t1 - 1 else 0
    gc.collect(generation)
    return generation
