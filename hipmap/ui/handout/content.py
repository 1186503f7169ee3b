"""What the handout holds: the muscles (numbered, with why each fits the pain), the routine, the warning signs,
the page size; ``build_handout`` checks and gathers them. Nothing here measures or paints."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path

from PySide6.QtGui import QPageSize

from ...core.content.model import Atlas, Muscle
from ...core.pain.painmap import PainMap
from ...core.routine.model import Routine
from ..kit.i18n import QT_TRANSLATE_NOOP, current_language, matching_phrases, routine_name_phrases, translate

TITLE = QT_TRANSLATE_NOOP("handout", "hipmap — self-care handout")
PAGE_SIZES = {"A4": QPageSize.A4, "Letter": QPageSize.Letter}


class HandoutError(ValueError):
    """The handout cannot be made from what was given (an unknown muscle or side, no muscle, a bad page size)."""


@dataclass(frozen=True)
class HandoutMuscle:
    number: int  # 1-based; the diagrams on page 1 label each trigger point with it
    muscle: Muscle
    side: str
    reasons: tuple[str, ...] = ()  # why the match suggests it, when a pain map was matched


@dataclass(frozen=True)
class Handout:
    atlas: Atlas
    painmap: PainMap
    muscles: tuple[HandoutMuscle, ...]
    routine: Routine | None
    page_size: str  # "A4" or "Letter"
    red_flags: object  # hipmap.core.content.safety.RedFlags
    title: str = TITLE
    date: _date = field(default_factory=_date.today)
    summary: str = ""  # the match's summary of the marked pain, when there is one

    @property
    def sides(self) -> tuple[str, ...]:
        """The body's sides the muscles are on ("both", a bilateral pattern, is right and left)."""
        return tuple(dict.fromkeys(one for m in self.muscles for one in (("right", "left") if m.side == "both" else (m.side,))))


def combined_routine(atlas: Atlas, muscles) -> Routine:
    """The routine the routine builder makes for these (Muscle, side) pairs: each muscle's tennis ball, then its
    stretches, one side at a time, a shared stretch once. Muscles without self-care data add nothing."""
    from ...core.routine.builder import build_routine

    return build_routine([(m, side) for m, side in muscles if m.self_care is not None], atlas.exercises, phrases=routine_name_phrases())


def build_handout(
    atlas: Atlas,
    painmap: PainMap | None,
    muscles: list[tuple[str, str]],
    routine: Routine | None = None,
    page_size: str = "A4",
    red_flags=None,
    title: str | None = None,
    *,
    match=None,
    date: _date | None = None,
) -> Handout:
    """What the handout will show: ``muscles`` are (muscle id, side) pairs in the order to print them.

    ``routine`` defaults to the muscles' routines combined; ``red_flags`` to data/red_flags.yaml. ``match`` is a
    MatchResult for ``painmap`` (computed here when the map has marks and none is given): it adds why each muscle
    fits the pain. Raises HandoutError for an unknown muscle or side, no muscle, or a page size other than A4 or
    Letter; a broken red_flags.yaml raises its DataError.
    """
    size = {k.lower(): k for k in PAGE_SIZES}.get(str(page_size).lower())
    if size is None:
        raise HandoutError(translate("handout", "page size must be A4 or Letter, got {page_size!r}").format(page_size=page_size))
    painmap = painmap if painmap is not None else PainMap()
    chosen: list[tuple[Muscle, str]] = []
    for muscle_id, side in muscles:
        if muscle_id not in atlas.muscles:
            raise HandoutError(translate("handout", "unknown muscle {muscle_id!r}").format(muscle_id=muscle_id))
        if atlas.muscles[muscle_id].bilateral:
            side = "both"  # one pattern spanning both sides: there is no one side to choose
        elif side not in ("left", "right"):
            raise HandoutError(translate("handout", "side must be 'left' or 'right', got {side!r}").format(side=side))
        if not any(m.id == muscle_id and s == side for m, s in chosen):
            chosen.append((atlas.muscles[muscle_id], side))
    if not chosen:
        raise HandoutError(translate("handout", "choose at least one muscle for the handout"))
    if match is None and not painmap.is_empty():
        from ...core.pain.matching import Matcher

        match = Matcher(atlas, matching_phrases()).match(painmap)
    entries = []
    for i, (muscle, side) in enumerate(chosen, start=1):
        found = match.find(muscle.id, side) if match is not None else None
        entries.append(HandoutMuscle(i, muscle, side, tuple(found.reasons) if found else ()))
    if red_flags is None:
        from ...core.content.safety import FILE_NAME, load_red_flags

        path = Path(atlas.data_dir) / FILE_NAME if atlas.data_dir else None
        red_flags = load_red_flags(path if path is not None and path.is_file() else None, language=current_language())
    if routine is None:
        routine = combined_routine(atlas, chosen)
    return Handout(
        atlas, painmap, tuple(entries), routine, size, red_flags, title or translate("handout", TITLE), date or _date.today(),
        _summary(match, chosen, painmap),
    )  # fmt: skip


def _summary(match, chosen, painmap) -> str:
    """The match's summary, but only when it speaks of exactly the muscles in the handout."""
    if match is None or painmap.is_empty():
        return ""
    explaining = [(c.muscle_id, c.side) for c in match.explaining]
    return match.summary if explaining == [(m.id, side) for m, side in chosen] else ""
