"""Named routines the user saved, one JSON file each in a folder of the user's data location.

A file that cannot be read is listed with its problem rather than hidden or deleted: the user may want it back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..fileio import atomic_write_bytes, private_dir
from ..messages import again, coded, said
from ..reading import FileTooLarge, read_bytes
from .model import Routine, RoutineError, routine_from_dict

SUFFIX = ".hipmap-routine.json"
MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class SavedRoutine:
    name: str
    path: Path
    routine: Routine | None  # None when the file could not be read
    problem: str = ""


def file_stem(name: str) -> str:
    """A file name from a routine name: lower case letters, digits and dashes, so that any file system takes it."""
    stem = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return stem[:60] or "routine"


def read_routine(path: Path) -> Routine:
    path = Path(path)
    try:
        data = json.loads(read_bytes(path, MAX_FILE_BYTES))
    except FileTooLarge:
        raise coded(RoutineError, "too large to be a routine", path.name) from None
    except OSError as exc:
        raise coded(RoutineError, "cannot be read ({reason})", path.name, reason=said(exc, str(exc.strerror or exc))) from None
    except (ValueError, RecursionError) as exc:
        raise coded(RoutineError, "not valid JSON ({reason})", path.name, reason=str(exc)) from None
    return routine_from_dict(data, where=path.name)


class RoutineLibrary:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def saved(self) -> list[SavedRoutine]:
        """Every saved routine, sorted by name; unreadable files included, with their problem."""
        if not self.directory.is_dir():
            return []
        found = []
        for path in self.directory.glob("*" + SUFFIX):
            try:
                routine = read_routine(path)
                found.append(SavedRoutine(routine.name or path.name[: -len(SUFFIX)], path, routine))
            except RoutineError as exc:
                found.append(SavedRoutine(path.name[: -len(SUFFIX)], path, None, said(exc)))
        return sorted(found, key=lambda s: (s.name.casefold(), s.path.name))

    def path_for(self, name: str) -> Path:
        """The file a routine of this name is saved to: the same name (ignoring case) replaces the old one."""
        for saved in self.saved():
            if saved.routine is not None and saved.name.casefold() == name.casefold():
                return saved.path
        stem, n = file_stem(name), 1
        path = self.directory / (stem + SUFFIX)
        while path.exists():
            n += 1
            path = self.directory / f"{stem}-{n}{SUFFIX}"
        return path

    def save(self, routine: Routine) -> Path:
        if not routine.name.strip():
            raise coded(RoutineError, "a saved routine needs a name", "name")
        if not routine.steps:
            raise coded(RoutineError, "a saved routine needs at least one step", "steps")
        private_dir(self.directory)
        path = self.path_for(routine.name)
        atomic_write_bytes(path, json.dumps(routine.to_dict(), indent=2, ensure_ascii=False).encode("utf-8") + b"\n")
        return path

    def load(self, name: str) -> Routine:
        for saved in self.saved():
            if saved.name.casefold() == name.casefold():
                if saved.routine is None:
                    raise again(saved.problem, RoutineError(saved.problem))
                return saved.routine
        raise KeyError(name)

    def delete(self, path: Path) -> None:
        """Delete the saved routine in this file (the one the user picked: names need not be unique, since an
        unreadable file keeps its name); KeyError if it is not one of this library's files."""
        path = Path(path)
        if path.parent != self.directory or not path.name.endswith(SUFFIX) or not path.is_file():
            raise KeyError(path.name)
        path.unlink()
