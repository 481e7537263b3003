"""The package layout is the architecture (docs/architecture.md), checked by tools rather than memory."""

import ast
import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "flipbench"


def test_the_import_linter_contracts_hold():
    """Layers and forbidden imports as declared in pyproject.toml's [tool.importlinter]."""
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if command is None:
        pytest.fail("import-linter is not installed (it is in the test extra: pip install -e '.[test]')")
    done = subprocess.run([command, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "builtin" not in path.relative_to(PACKAGE).parts:
            yield path


def test_packages_use_each_other_only_through_their_public_face():
    """Inside flipbench, another package is imported from its ``__init__`` (its ``__all__``), never from one
    of its modules: a package's modules are its own business."""
    packages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    reaching_in = []
    for path in _modules():
        parts = path.relative_to(PACKAGE).parts
        own = parts[0] if len(parts) > 1 else None
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("flipbench."):
                target = node.module.split(".")
                if len(target) > 2 and target[1] in packages and target[1] != own:
                    reaching_in.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {node.module}")
    assert reaching_in == []


def test_every_name_a_public_face_exports_resolves():
    """A face lists names and where they live (imported on first use, :mod:`flipbench.public`); each must be
    there, and the package's ``__all__`` is that list."""
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        if init.parent.name == "cli":  # the command itself, not a library face
            continue
        package = importlib.import_module(f"flipbench.{init.parent.name}")
        assert package.__all__, init
        for name in package.__all__:
            assert getattr(package, name) is not None, (init.parent.name, name)


def test_no_exported_name_is_also_a_module_of_its_package():
    """Importing ``package.name`` binds the module as the package's attribute ``name``, over a lazily
    exported function of that name."""
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        if init.parent.name == "cli":
            continue
        modules = {path.stem for path in init.parent.glob("*.py")} | {path.name for path in init.parent.iterdir()
                                                                        if path.is_dir()}
        package = importlib.import_module(f"flipbench.{init.parent.name}")
        assert not set(package.__all__) & modules, init.parent.name


def test_the_command_line_starts_without_the_heavy_libraries():
    """``flipbench --help`` imports neither pandas, matplotlib, scipy nor the docker SDK."""
    code = ("import sys; from flipbench.cli import build_parser; build_parser(); "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'scipy', 'docker', 'jinja2') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_there_is_no_utils_module():
    assert not [path for path in _modules() if path.stem in ("utils", "util", "helpers", "misc", "common")]


SQL_STATEMENT = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE)\b")


def test_only_the_run_store_speaks_sql():
    """flipbench/runs/store.py owns every SQL statement and the sqlite3 module; the rest asks it by name."""
    store = PACKAGE / "runs" / "store.py"
    found = []
    for path in _modules():
        if path == store:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import) and any(alias.name.split(".")[0] == "sqlite3" for alias in node.names):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports sqlite3")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlite3":
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports from sqlite3")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_STATEMENT.match(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} has an SQL statement {node.value[:40]!r}")
    assert found == []
