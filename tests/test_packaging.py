"""The built wheel carries every data file the code reads (model, tables, templates, ontology, queries),
and setuptools has nothing to warn about the package layout."""
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# folder in the checkout -> where it lands in the installed package
DATA = {"kg/resources": "kg/resources", "kg/templates": "kg/templates",
        "kg/serve/templates": "kg/serve/templates", "kg/serve/static": "kg/serve/static",
        "ontology": "kg/ontology"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                         capture_output=True, text=True, timeout=600, check=False)
    built = sorted(out.glob("kg-*.whl"))
    if run.returncode != 0 or not built:
        pytest.skip("pip could not build the wheel here (no package index?): "
                    + (run.stderr.strip().splitlines() or ["?"])[-1])
    return built[0], run.stderr


def test_every_data_file_is_in_the_wheel(wheel):
    path, _ = wheel
    names = set(zipfile.ZipFile(path).namelist())
    expected = {f"{home}/{f.relative_to(ROOT / folder).as_posix()}"
                for folder, home in DATA.items()
                for f in (ROOT / folder).rglob("*")
                if f.is_file() and f.suffix != ".py" and "__pycache__" not in f.parts}
    assert expected, "no data files found in the checkout"
    assert expected - names == set()


def test_setuptools_does_not_warn_of_ignored_folders(wheel):
    _, stderr = wheel
    assert "Package would be ignored" not in stderr
