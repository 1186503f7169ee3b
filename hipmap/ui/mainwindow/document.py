"""The open pain map: edits as undoable commands, matching after every change, reading and writing files."""

from __future__ import annotations

from pathlib import Path

import shapely

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...core.pain import painmap as pm
from ...core.content.model import Atlas
from ...core.geometry.shapes import polygonal, stroke, union, valid
from ...core.pain.matching import EMPTY_SUMMARY, Matcher, MatchResult
from ...core.pain.painmap import Mark, PainMap
from ..kit.i18n import matching_phrases, side_name, translate


class SaveError(Exception):
    pass


class _ReplaceMap(QUndoCommand):
    """Every edit swaps one immutable map for another, so undo restores the exact previous map."""

    def __init__(self, document: "PainDocument", before: PainMap, after: PainMap, text: str):
        super().__init__(text)
        self.document, self.before, self.after = document, before, after

    def redo(self):
        self.document._set(self.after)

    def undo(self):
        self.document._set(self.before)


class PainDocument(QObject):
    changed = Signal(object, object)  # PainMap, MatchResult
    pathChanged = Signal(object)  # Path | None: the file the map is kept in (the window's title names it)

    def __init__(self, atlas: Atlas, matcher: Matcher | None = None, parent=None):
        super().__init__(parent)
        self.atlas = atlas
        self._matcher = matcher
        self.undo_stack = QUndoStack(self)
        self.painmap = PainMap()
        self.result = MatchResult(summary=translate("matching", EMPTY_SUMMARY))
        self.path: Path | None = None
        self._body = {v: union(view.body.values()) for v, view in atlas.views.items()}
        for body in self._body.values():
            shapely.prepare(body)  # (made on its first use)

    # ------------------------------------------------------------------------------------------ state

    @property
    def matcher(self) -> Matcher:
        """Built on first use: an empty map needs no matching, so the window can show before the index exists."""
        if self._matcher is None:
            self._matcher = Matcher(self.atlas, matching_phrases())  # reasons in the interface's language
        return self._matcher

    def _set(self, painmap: PainMap):
        self.painmap = painmap
        self.result = self.matcher.match(painmap)
        self.changed.emit(self.painmap, self.result)

    def rematch(self):
        """Match the same map again (the atlas's language changed): the views, the list and the panel follow."""
        self._set(self.painmap)

    def apply(self, painmap: PainMap, text: str) -> bool:
        if painmap == self.painmap:
            return False
        self.undo_stack.push(_ReplaceMap(self, self.painmap, painmap, text))
        return True

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # ------------------------------------------------------------------------------------------ edits

    def add_stroke(self, view_id: str, points, radius: float, intensity: int, qualities=()) -> bool:
        """Add a click (one point) or a painted stroke; the part off the body is dropped."""
        shape = valid(stroke(points, radius))
        body = self._body[view_id]
        # Most strokes lie wholly on the body: a prepared body answers that in microseconds, where cutting the
        # stroke by the body's outline (a thousand points) costs a click some 80-250 us.
        if not shapely.contains(body, shape):
            shape = polygonal(shape.intersection(body))
        if shape.is_empty or shape.area < 1.0:
            return False
        mark = Mark(view_id, shape, int(intensity), tuple(qualities), self.atlas.views[view_id].side_of(shape))
        return self.apply(self.painmap.add(mark), translate("document", "Mark pain") if len(points) <= 2 else translate("document", "Paint pain"))

    def add_region(self, region_id: str, side: str, intensity: int, qualities=()) -> bool:
        marks = pm.region_marks(self.atlas, region_id, side, int(intensity), tuple(qualities))
        name = self.atlas.regions[region_id].name
        painmap = self.painmap
        for mark in marks:
            painmap = painmap.add(mark)
        return self.apply(painmap, translate("document", "Mark {side} {lower}").format(side=side_name(side), lower=name.lower()))

    def erase(self, view_id: str, points, radius: float) -> bool:
        rubber = valid(stroke(points, radius))
        marks = []
        for mark in self.painmap.marks:
            if mark.view == view_id and mark.geometry.intersects(rubber):
                rest = polygonal(valid(mark.geometry.difference(rubber)))
                if rest.is_empty or rest.area < 1.0:
                    continue
                mark = mark.with_(geometry=rest, side=self.atlas.views[view_id].side_of(rest))
            marks.append(mark)
        return self.apply(PainMap(tuple(marks), self.painmap.note, self.painmap.created), translate("document", "Erase"))

    def clear(self) -> bool:
        return self.apply(self.painmap.cleared(), translate("document", "Clear all marks"))

    # ------------------------------------------------------------------------------------------ files

    def _set_path(self, path: Path | None):
        """The file first, then the undo stack: its signals redraw the title, which must name the new file."""
        self.path = path
        self.pathChanged.emit(path)

    def _reset(self, painmap: PainMap, path: Path | None):
        self._set_path(path)
        self.undo_stack.clear()
        self._set(painmap)
        self.undo_stack.setClean()

    def new(self):
        self._reset(PainMap(), None)

    def open(self, path: Path):
        """Read a pain map; on any error the current map is left exactly as it was."""
        painmap = pm.with_sides(pm.load(path), self.atlas)
        self._reset(painmap, Path(path))

    def restore(self, painmap: PainMap, text: str | None = None):
        """Marks from elsewhere (after a crash, or a past session): shown as unsaved work, so closing asks first."""
        text = text or translate("document", "Restore unsaved marks")
        painmap = pm.with_sides(painmap, self.atlas)
        self._reset(PainMap(), None)
        self.apply(painmap, text)

    def save(self, path: Path | None = None):
        path = Path(path or self.path)
        write_atomically(path, pm.dumps(self.painmap))
        self._set_path(path)
        self.undo_stack.setClean()


def write_atomically(path: Path, data: bytes):
    """Write beside the target and rename over it only when everything is on disk; readable by the user only (a
    pain map is health data). Raises SaveError with the reason."""
    from ...core.fileio import atomic_write_bytes

    try:
        atomic_write_bytes(Path(path), data)
    except OSError as exc:
        raise SaveError(translate("document", "cannot write {path}: {errorString}").format(path=path, errorString=exc.strerror or exc)) from None
