"""Installing hipmap like an app: package data, entry points, the Linux desktop entry, icons and file type, and the
PyInstaller recipe. Fast and offline: configuration is checked, nothing is built."""

from __future__ import annotations

import configparser
import fnmatch
import glob
import importlib.util
import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

import hipmap

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "hipmap.desktop"
MIME = LINUX / "hipmap-mime.xml"
INSTALL_SCRIPT = LINUX / "install-desktop.sh"
SPEC = ROOT / "packaging" / "pyinstaller" / "hipmap.spec"
LAUNCHER = ROOT / "packaging" / "pyinstaller" / "hipmap_launcher.py"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def desktop():
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.fixture(scope="module")
def icon_sizes():
    return _load(ROOT / "packaging" / "build_icons.py", "hipmap_build_icons").SIZES


# ---- package data: pip, pipx and wheels carry data/ and assets/ inside the package


def _package_dir(pyproject, package: str) -> Path:
    """The folder setuptools builds `package` from: the longest package-dir prefix, else the dotted path."""
    mapping = pyproject["tool"]["setuptools"].get("package-dir", {})
    parts = package.split(".")
    for i in range(len(parts), 0, -1):
        prefix = ".".join(parts[:i])
        if prefix in mapping:
            return ROOT / mapping[prefix] / Path(*parts[i:]) if parts[i:] else ROOT / mapping[prefix]
    return ROOT / Path(*parts)


def test_every_data_and_asset_file_is_package_data(pyproject):
    """What setuptools puts in the wheel: each package's patterns, globbed (recursively) in its folder."""
    setuptools = pyproject["tool"]["setuptools"]
    packages = setuptools["packages"]
    mapping = setuptools["package-dir"]
    assert mapping["hipmap.data"] == "data" and mapping["hipmap.assets"] == "assets"
    included = set()
    for package, patterns in setuptools["package-data"].items():
        assert package in packages, f"package-data for {package}, which is not in packages"
        base = _package_dir(pyproject, package)
        for pattern in patterns:
            included |= {Path(p) for p in glob.glob(str(base / pattern), recursive=True) if Path(p).is_file()}
    files = [p for top in ("data", "assets") for p in sorted((ROOT / top).rglob("*")) if p.is_file()]
    assert len(files) > 30
    # compiled interface translations (hipmap.ui.kit.i18n reads translations/hipmap_<lang>.qm)
    files += sorted((ROOT / "translations").glob("*.qm"))
    missing = [str(p.relative_to(ROOT)) for p in files if p not in included]
    assert not missing, "not installed with the package; add a pattern to [tool.setuptools.package-data] in " \
        "pyproject.toml:\n" + "\n".join(missing)  # fmt: skip


def test_every_python_package_is_listed_and_every_listed_package_exists(pyproject):
    packages = pyproject["tool"]["setuptools"]["packages"]
    code = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "hipmap").rglob("__init__.py")}
    assert code <= set(packages), f"Python packages missing from pyproject.toml: {sorted(code - set(packages))}"
    for package in packages:
        assert _package_dir(pyproject, package).is_dir(), package


def test_installed_layout_is_where_the_app_looks_first(monkeypatch, tmp_path):
    """A wheel puts hipmap.data at hipmap/data: default_data_dir() must prefer it to the checkout's data/."""
    package = tmp_path / "site-packages" / "hipmap"
    (package / "data").mkdir(parents=True)
    (package / "assets").mkdir()
    monkeypatch.setattr(hipmap, "PACKAGE_DIR", package)
    assert hipmap.default_data_dir() == package / "data"
    assert hipmap.default_assets_dir() == package / "assets"


def test_entry_points_resolve(pyproject):
    project = pyproject["project"]
    assert project["scripts"] == {"hipmap": "hipmap.__main__:main"}
    assert project["gui-scripts"] == {"hipmap-gui": "hipmap.ui.app:main"}
    for target in (*project["scripts"].values(), *project["gui-scripts"].values()):
        module, _, func = target.partition(":")
        assert callable(getattr(importlib.import_module(module), func)), target


# ---- the desktop entry


def test_desktop_entry_has_the_required_keys(desktop):
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "hipmap"
    assert desktop["Icon"] == "hipmap"
    assert desktop["Terminal"] == "false"
    for key in ("GenericName", "Comment", "Keywords", "Categories", "MimeType", "Exec"):
        assert desktop.get(key, "").strip(), key
    for key in ("Categories", "MimeType", "Keywords"):
        assert desktop[key].endswith(";"), f"{key} is a list and must end with ';'"
    assert {"Education", "MedicalSoftware", "Science"} <= set(desktop["Categories"].split(";"))
    assert desktop["MimeType"].split(";")[:-1] == ["application/x-hipmap-painmap"]


def test_desktop_exec_is_the_installed_gui_entry_point(desktop, pyproject):
    program, *args = desktop["Exec"].split()
    assert program in pyproject["project"]["gui-scripts"], "Exec must start a GUI entry point defined in pyproject.toml"
    assert args == ["%F"], "a desktop entry with MimeType needs a file field code"
    assert desktop["TryExec"] == program


def test_desktop_entry_validates():
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = subprocess.run([validate, str(DESKTOP)], capture_output=True, text=True, timeout=30)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line or ": warning:" in line]
    assert result.returncode == 0 and not errors, result.stdout + result.stderr


# ---- icons


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_icon_exists_in_every_size(icon_sizes):
    assert set(icon_sizes) >= {16, 32, 48, 64, 128, 256}
    for size in icon_sizes:
        path = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "hipmap.png"
        assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run packaging/build_icons.py"
        assert _png_size(path) == (size, size), path


def test_icon_svgs_are_svg_tiny_and_square():
    for name in ("hipmap.svg", "hipmap-small.svg"):
        root = ET.parse(ROOT / "assets" / "icons" / name).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg", name
        assert root.get("baseProfile") == "tiny" and root.get("version") == "1.2", name
        x, y, w, h = (float(v) for v in root.get("viewBox").split())
        assert (x, y) == (0, 0) and w == h, name
        # SVG Tiny 1.2 has no clipping, masks, filters or CSS: none may creep in
        tags = {el.tag.split("}")[-1] for el in root.iter()}
        assert not tags & {"clipPath", "mask", "filter", "style", "foreignObject", "pattern"}, (name, tags)


def test_install_script_installs_every_icon_size(icon_sizes):
    text = INSTALL_SCRIPT.read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("sizes=("))
    assert tuple(int(n) for n in line[len("sizes=(") : line.index(")")].split()) == tuple(icon_sizes)


# ---- the file type


def test_mime_type_globs_pain_maps_only(desktop):
    root = ET.parse(MIME).getroot()
    types = root.findall(f"{MIME_NS}mime-type")
    assert [t.get("type") for t in types] == desktop["MimeType"].split(";")[:-1]
    globs = [g.get("pattern") for g in types[0].findall(f"{MIME_NS}glob")]
    assert globs == ["*.hipmap.json"]
    assert types[0].find(f"{MIME_NS}comment").text.strip()
    matches = lambda name: any(fnmatch.fnmatchcase(name, g) for g in globs)  # noqa: E731
    assert matches("my-pain.hipmap.json") and matches("2024-05-01 left hip.hipmap.json")
    for other in ("my-pain.json", "routine.hipmap-routine.json", "x.hipmap.json.bak", "hipmap.json"):
        assert not matches(other), other
    # the file dialogs offer the same pattern the desktop registers
    from hipmap.ui.mainwindow import files as app

    assert "(*.hipmap.json)" in app.FILE_FILTER


# ---- install-desktop.sh, for real into a temporary XDG_DATA_HOME


def test_install_desktop_script_installs_and_uninstalls(tmp_path, icon_sizes):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    home = tmp_path / "share"
    program = tmp_path / "my apps" / "hipmap"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    env = {**os.environ, "XDG_DATA_HOME": str(home), "HOME": str(tmp_path)}
    run = subprocess.run([bash, str(INSTALL_SCRIPT), "--exec", str(program)], env=env,
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert run.returncode == 0, run.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(home / "applications" / "hipmap.desktop", encoding="utf-8")
    # a path with a space is quoted; the desktop file's escaping doubles nothing here (no backslash)
    assert entry["Desktop Entry"]["Exec"] == f'"{program}" %F'
    assert "TryExec" not in entry["Desktop Entry"]
    assert (home / "mime" / "packages" / "hipmap.xml").read_bytes() == MIME.read_bytes()
    for size in icon_sizes:
        assert (home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "hipmap.png").is_file()
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "hipmap.svg").is_file()

    run = subprocess.run([bash, str(INSTALL_SCRIPT), "--uninstall"], env=env,
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert run.returncode == 0, run.stderr
    left = [p for p in home.rglob("*hipmap*") if p.is_file()]
    assert not left, left


# ---- PyInstaller


def test_pyinstaller_spec_bundles_data_beside_the_package():
    source = SPEC.read_text(encoding="utf-8")
    compile(source, str(SPEC), "exec")
    assert '(str(ROOT / "data"), "hipmap/data")' in source
    assert '(str(ROOT / "assets"), "hipmap/assets")' in source
    assert "console=False" in source and 'name="hipmap"' in source
    for used in ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport", "QtMultimedia", "QtTextToSpeech"):
        assert f'"{used}"' in source.split("QT_ALL")[0], f"{used} must stay in QT_USED"


def test_bundle_launcher_dispatches_like_the_hipmap_command(monkeypatch):
    launcher = _load(LAUNCHER, "hipmap_launcher_under_test")
    calls = []
    monkeypatch.setattr(launcher, "main", lambda argv: calls.append(("cli", argv)) or 0)
    import hipmap.ui.app

    monkeypatch.setattr(hipmap.ui.app, "main", lambda argv: calls.append(("gui", argv)) or 0)
    for argv in ([], ["--data-dir", "x"], ["check-data"], ["--version"], ["match", "--region", "lateral_thigh"]):
        launcher.run(argv)
    launcher.run(["/home/me/left hip.hipmap.json"])
    launcher.run(["Pain.HIPMAP.JSON", "--data-dir", "x"])
    assert calls == [
        ("cli", []), ("cli", ["--data-dir", "x"]), ("cli", ["check-data"]), ("cli", ["--version"]),
        ("cli", ["match", "--region", "lateral_thigh"]),
        ("gui", ["/home/me/left hip.hipmap.json"]), ("gui", ["Pain.HIPMAP.JSON", "--data-dir", "x"]),
    ]  # fmt: skip
