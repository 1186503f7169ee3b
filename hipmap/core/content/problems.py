"""Problems found in files the app reads, reported as ``FILE:LINE: message``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def display_path(path: str | os.PathLike) -> str:
    """A path as short as is still unambiguous: relative to the working directory when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str
    # The English template and values the message was made from, for the interface to say it in its language
    # (hipmap.core.messages): "where: template" filled with params. Empty for a message made otherwise.
    template: str = field(default="", compare=False)
    where: str = field(default="", compare=False)
    params: tuple = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class DataError(Exception):
    """One or more problems in the data; all of them, not only the first."""

    def __init__(self, problems):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Collector:
    """Gathers problems during a load so that one pass reports all of them."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file, line: int, message: str) -> None:
        self.problems.append(Problem(display_path(file), max(int(line), 1), message))

    def add_coded(self, file, line: int, where: str, template: str, /, **params) -> None:
        """A problem whose message is "WHERE: TEMPLATE" filled with PARAMS (the interface can translate it)."""
        text = template.format(**params)
        self.problems.append(Problem(display_path(file), max(int(line), 1), f"{where}: {text}" if where else text,
                                     template, where, tuple(params.items())))  # fmt: skip

    def add_error(self, file, line: int, exc, where: str = "") -> None:
        """A problem saying what EXC says, after "WHERE: " when there is a where; translatable when EXC is coded."""
        template = getattr(exc, "template", None)
        if template:
            inner = exc.where
            self.add_coded(file, line, f"{where}: {inner}" if where and inner else where or inner, template, **exc.params)
        else:
            self.add(file, line, f"{where}: {exc}" if where else str(exc))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataError(self.problems)
