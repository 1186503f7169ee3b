"""A warm start: the checked atlas and its matching index, kept in the user's cache folder between runs.

Loading validates every YAML and SVG file and builds the index; both only depend on the files, so the result is
pickled once, keyed by a hash of every file under data/ and assets/ (names and contents), the loader's source, the
language, and the hipmap, Python, numpy and shapely versions. Anything wrong with the cache file (missing, stale,
truncated, garbage, another version, unreadable, a symlink) means: load from the sources and write it again,
silently. ``check-data`` never comes here: it always checks the sources.

The file sits in a folder only its owner can open (0700, never followed through a symlink); before anything is
unpickled its header must match exactly: magic, format, the key computed from the current files, the length.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import struct
import sys
from pathlib import Path
from types import MappingProxyType

from .. import PACKAGE_DIR, __version__, default_assets_dir, default_data_dir
from .fileio import atomic_write_bytes

MAGIC = b"HIPMAP-WARM\x00"
FORMAT = 5  # 2: the payload holds the red-flag screen too; 3: the light part (views-*.pickle) beside it; 4: the matcher's tile
# index; 5: the matcher without its build-only per-cell index, the light part without the regions
_HEADER = struct.Struct(">12sI32sQ")  # magic, format, key (sha256), payload length
ENV_DIR = "HIPMAP_CACHE_DIR"  # where the cache lives; the bench points it at a temporary folder
ENV_OFF = "HIPMAP_NO_CACHE"  # set (to anything but "" or "0") to always load from the sources
# The code whose output is cached: a change to any of it makes the old cache stale, version bump or not.
_CODE_DIRS = ("core/content", "core/geometry", "core/pain")


def cache_dir() -> Path:
    """$HIPMAP_CACHE_DIR, else the platform's per-user cache folder (on Linux $XDG_CACHE_HOME/hipmap, ~/.cache/hipmap)."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "hipmap" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "hipmap"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hipmap"


def enabled() -> bool:
    return os.environ.get(ENV_OFF, "") in ("", "0")


def _relative_files(root: Path):
    """(path relative to ROOT with "/" between folders, full path) of every file under ROOT but hidden ones and
    bytecode, folders and names sorted; plain strings: the key reads ~140 files on every start, and a Path made
    and cut per file cost half of its ~8 ms."""
    top = os.fspath(root)
    for folder, dirs, names in os.walk(top):
        dirs.sort()
        rel = os.path.relpath(folder, top)
        prefix = "" if rel == os.curdir else rel.replace(os.sep, "/") + "/"
        for name in sorted(names):
            if not name.startswith(".") and not name.endswith((".pyc", ".pyo")):
                yield prefix + name, os.path.join(folder, name)


def _installed_version(package: str) -> str:
    """The installed version of PACKAGE without importing it (numpy and shapely take 100-250 ms to import, and
    the first frame's light geometry needs neither): the name of its dist-info folder beside it, else its
    ``__version__`` after all."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin:
            folder = Path(spec.origin).parent.parent
            found = sorted(e for e in os.listdir(folder) if e.startswith(package + "-") and e.endswith(".dist-info"))
            if len(found) == 1:
                return found[0][len(package) + 1:-len(".dist-info")] + " at " + str(folder)
    except (OSError, ValueError, ImportError):
        pass
    return str(__import__(package).__version__)


def content_key(data_dir: Path, assets_dir: Path, language: str | None) -> bytes:
    """sha256 of everything the cached objects depend on (imports neither numpy nor shapely)."""
    h = hashlib.sha256()
    for part in (f"format {FORMAT}", f"hipmap {__version__}", f"python {sys.version}", f"numpy {_installed_version('numpy')}",
                 f"shapely {_installed_version('shapely')}", f"language {language or ''}"):  # fmt: skip
        h.update(part.encode() + b"\x00")
    roots = [("data", Path(data_dir)), ("assets", Path(assets_dir))]
    roots += [(f"code/{d}", PACKAGE_DIR / d) for d in _CODE_DIRS]
    for label, root in roots:
        h.update(f"root {label}\x00".encode())
        code = label.startswith("code/")
        for relative, path in _relative_files(root):
            if code and not relative.endswith(".py"):
                continue
            h.update(relative.encode("utf-8", "surrogateescape") + b"\x00")
            with open(path, "rb") as handle:
                body = handle.read()
            h.update(struct.pack(">Q", len(body)) + body)
    return h.digest()


def cache_file(language: str | None) -> Path:
    return cache_dir() / f"atlas-{language or 'en'}.pickle"


def light_file(language: str | None) -> Path:
    """The first frame's part: each view's outline and regions as plain coordinates (see light_views)."""
    return cache_dir() / f"views-{language or 'en'}.pickle"


# --------------------------------------------------------------------------------------------- the light part

def _rings(geometry) -> list:
    """A shapely (multi)polygon as plain rings: [[(x, y), ...], ...], exteriors and holes alike (drawn and
    hit-tested with the odd-even rule, as painter_path draws them)."""
    rings = []
    for polygon in getattr(geometry, "geoms", (geometry,)):
        if polygon.is_empty or polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            rings.append([(float(x), float(y)) for x, y in ring.coords])
    return rings


def light_views(atlas) -> dict:
    """What the first frame needs to take marks before numpy and shapely are loaded, made from the atlas itself
    (one source of truth): for each view, its viewbox, drawing and body outline (per side) as plain coordinate
    rings. Only builtins: reading it back imports nothing. Only what the first frame reads: every point here is
    read on every warm start before the first mark (the regions' rings would be seven times the body's)."""
    views = {}
    for view_id, view in atlas.views.items():
        views[view_id] = {
            "title": view.title,
            "viewbox": tuple(float(v) for v in view.viewbox),
            "svg_file": str(view.svg_file),
            "mirrored": bool(view.mirrored),
            "body": {side: _rings(shape) for side, shape in view.body.items()},
        }
    return views


class _BuiltinsOnly(pickle.Unpickler):
    def find_class(self, module, name):  # the light part is plain data: nothing to import, ever
        raise pickle.UnpicklingError  # (never shown: any problem means the light part is not used)


# --------------------------------------------------------------------------------------------- pickling

def _proxy(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)


def _dumps(payload) -> bytes:
    import copyreg
    import io

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[MappingProxyType] = lambda m: (_proxy, (dict(m),))  # the atlas's frozen mappings
    pickler.dump(payload)
    return buffer.getvalue()


def _matcher_state(matcher) -> dict:
    state = dict(matcher.__dict__)
    state.pop("_mark_cells", None)  # weak references to this run's marks
    state.pop("_view_pain", None)  # weak references to this run's last marks
    state.pop("phrases", None)  # the interface's words: given again on every load
    return state


def _matcher_from(state: dict, phrases):
    from .pain.matching import PHRASES, Matcher

    matcher = Matcher.__new__(Matcher)
    matcher.__dict__.update(state)
    matcher.phrases = {**PHRASES, **(phrases or {})}
    matcher._mark_cells = {}
    matcher._view_pain = {}
    return matcher


# --------------------------------------------------------------------------------------------- the file

def _safe_folder(folder: Path, create: bool) -> bool:
    """The folder exists (made 0700 if asked), is a real folder (not a symlink) and belongs to this user."""
    try:
        if create and not os.path.lexists(folder):
            folder.mkdir(parents=True, mode=0o700)
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    if hasattr(os, "getuid") and stat.S_IMODE(info.st_mode) & 0o077:
        try:
            os.chmod(folder, 0o700)
        except OSError:
            return False
    return True


def read(path: Path, key: bytes, light: bool = False):
    """The payload stored under ``key``, or None for any problem at all (no file, stale, damaged, unreadable).
    LIGHT: plain data only (no class is looked up, so nothing is imported)."""
    try:
        if not _safe_folder(path.parent, create=False):
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None
            head = handle.read(_HEADER.size)
            if len(head) != _HEADER.size:
                return None
            magic, version, stored_key, length = _HEADER.unpack(head)
            if magic != MAGIC or version != FORMAT or stored_key != key or length != info.st_size - _HEADER.size:
                return None
            body = handle.read(length + 1)
        # The payload opens with the sha256 of the rest: a damaged pickle is refused before it is loaded.
        view = memoryview(body)
        if len(body) != length or length < 32 or hashlib.sha256(view[32:]).digest() != body[:32]:
            return None
        if light:
            import io

            return _BuiltinsOnly(io.BytesIO(view[32:])).load()
        return pickle.loads(view[32:])
    except Exception:  # truncated, garbage, a class that no longer exists, no permission, ...: rebuild
        return None


def write(path: Path, key: bytes, payload) -> bool:
    """Store the payload atomically; False (and nothing written) if the folder is not safe to use."""
    try:
        pickled = _dumps(payload)
    except Exception:
        return False
    return store(path, key, pickled)


def store(path: Path, key: bytes, pickled: bytes) -> bool:
    """write() for a payload pickled already (by _dumps): hashing and writing, which release the GIL, so a thread
    can do them while the interface goes on."""
    try:
        if not _safe_folder(path.parent, create=True):
            return False
        if os.path.islink(path):
            os.unlink(path)  # replaced, never written through
        body = hashlib.sha256(pickled).digest() + pickled
        atomic_write_bytes(path, _HEADER.pack(MAGIC, FORMAT, key, len(body)) + body)
        return True
    except Exception:
        return False


def _store_all(key: bytes, files) -> bool:
    """store() each (path, pickled) in turn; the next only when the one before is written."""
    return all(store(path, key, pickled) for path, pickled in files)


# --------------------------------------------------------------------------------------------- the API

class WarmStart:
    """``load()`` gives the atlas and, from a warm cache, the matcher; ``save(matcher)`` stores them afterwards
    (so a cold start does not wait for the pickling)."""

    def __init__(self, language: str | None = None, data_dir: Path | None = None, assets_dir: Path | None = None,
                 use_cache: bool | None = None):  # fmt: skip
        self.language = language
        self.data_dir = Path(data_dir) if data_dir else default_data_dir()
        self.assets_dir = Path(assets_dir) if assets_dir else default_assets_dir()
        self.use_cache = enabled() if use_cache is None else use_cache
        self.key: bytes | None = None
        self.atlas = None
        self.from_cache = False
        self.writer = None  # the thread writing the files, after save_steps(background=True)

    def load(self, phrases=None):
        """(atlas, matcher or None); raises DataError as load_atlas does when the sources are invalid.
        (A warm start never imports the loaders: YAML, SVG parsing, the checks.)"""
        if self.use_cache:
            if self.key is None:  # (load_light computed it a moment ago)
                try:
                    self.key = content_key(self.data_dir, self.assets_dir, self.language)
                except Exception:  # an unreadable file: the loader reports it properly
                    self.key = None
            if self.key is not None:
                found = read(cache_file(self.language), self.key)
                if isinstance(found, tuple) and len(found) == 3 and isinstance(found[1], dict):
                    try:
                        atlas, state, red_flags = found
                        matcher = _matcher_from(state, phrases)
                        if matcher.atlas is atlas and atlas.data_dir == self.data_dir and atlas.assets_dir == self.assets_dir:
                            if red_flags is not None:  # the window's warning signs, without reading YAML
                                from .content.safety import use_cached_red_flags

                                use_cached_red_flags(red_flags, self._red_flags_file(), self.language)
                            self.atlas, self.from_cache = atlas, True
                            return atlas, matcher
                    except Exception:
                        pass
        from .content.atlas import load_atlas

        self.atlas = load_atlas(self.data_dir, self.assets_dir, language=self.language)
        return self.atlas, None

    def _red_flags_file(self) -> Path:
        from .content.safety import FILE_NAME

        return self.data_dir / FILE_NAME

    def save(self, matcher) -> bool:
        """Store the atlas and the matcher built from it, unless they came from the cache; and the red-flag screen
        (None when its files have problems: then the window reads them again, and says what is wrong)."""
        steps = self.save_steps(matcher)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return bool(done.value)

    def save_steps(self, matcher, background: bool = False):
        """save() in steps, for an event loop to run one at a time: a generator that yields between them (the red-flag
        screen and the pickled atlas and matcher, ~20 ms; the first frame's light views pickled, ~15 ms). Hashing and
        writing the two files (~40 ms, the GIL released) then happen at once, or with BACKGROUND in a thread
        (self.writer; not a daemon, so the interpreter waits for it at exit). Its value (StopIteration.value): whether
        the files are written (or being written)."""
        if not self.use_cache or self.from_cache or self.key is None or matcher is None or matcher.atlas is not self.atlas:
            return False
        from .content.problems import DataError
        from .content.safety import load_red_flags

        try:
            red_flags = load_red_flags(self._red_flags_file(), language=self.language)
        except DataError:
            red_flags = None
        try:
            main = _dumps((self.atlas, _matcher_state(matcher), red_flags))
        except Exception:
            return False
        yield
        try:
            light = _dumps(light_views(self.atlas))
        except Exception:
            return False
        files = [(cache_file(self.language), main), (light_file(self.language), light)]
        if not background:
            return _store_all(self.key, files)
        import threading

        self.writer = threading.Thread(target=_store_all, args=(self.key, files), name="hipmap warm-start cache")
        self.writer.start()
        return True

    def load_light(self) -> dict | None:
        """The first frame's views (light_views) from the cache, when it matches the files; else None. Imports
        neither numpy nor shapely, nor the loaders."""
        if not self.use_cache:
            return None
        try:
            self.key = content_key(self.data_dir, self.assets_dir, self.language)
        except Exception:
            self.key = None
            return None
        found = read(light_file(self.language), self.key, light=True)
        if not isinstance(found, dict):
            return None
        return found


def load_with_matcher(language: str | None = None, phrases=None, data_dir=None, assets_dir=None):
    """(atlas, matcher): from the cache when it is good, else from the sources (and then the cache is written)."""
    from .pain.matching import Matcher

    warm = WarmStart(language, data_dir, assets_dir)
    atlas, matcher = warm.load(phrases)
    if matcher is None:
        matcher = Matcher(atlas, phrases)
        warm.save(matcher)
    return atlas, matcher
