import shutil

import pytest

from hipmap import default_assets_dir, default_data_dir


@pytest.fixture
def copy(tmp_path):
    """A writable copy of data/ and assets/ to break in tests: (data dir, assets dir)."""
    data = tmp_path / "data"
    assets = tmp_path / "assets"
    shutil.copytree(default_data_dir(), data)
    shutil.copytree(default_assets_dir(), assets)
    return data, assets
