"""The layers as a checked contract: the app keeps pyproject's [tool.importlinter], and a db module that
imports integrations is caught."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _contracts() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [contract["id"] for contract in config["tool"]["importlinter"]["contracts"]]


def lint_imports(where: Path, *contracts: str) -> subprocess.CompletedProcess[str]:
    """Run lint-imports on the naesone_app package found in `where` (its own pyproject)."""
    environment = {**os.environ, "PYTHONPATH": str(where)}
    arguments = [str(LINT_IMPORTS), "--no-cache", "--no-logo"]
    for contract in contracts:
        arguments += ["--contract", contract]
    return subprocess.run(arguments, cwd=where, env=environment, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("contract", _contracts())
def test_the_app_keeps_its_import_contract(contract: str) -> None:
    result = lint_imports(ROOT, contract)
    assert result.returncode == 0, result.stdout + result.stderr


def _copy_of_the_app(to: Path) -> Path:
    shutil.copytree(
        ROOT / "naesone_app",
        to / "naesone_app",
        ignore=shutil.ignore_patterns("*.mo", "*.po", "*.pot", "*.json", "__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", to / "pyproject.toml")
    return to


@pytest.mark.parametrize(
    ("module", "added", "contract"),
    [
        ("db/engine.py", "naesone_app.integrations.webpush", "db-no-integrations"),
        ("db/engine.py", "naesone_app.state.session", "layers"),
        ("core/dates.py", "reflex", "core-pure"),
    ],
)
def test_an_import_against_the_layers_breaks_the_contract(
    tmp_path: Path, module: str, added: str, contract: str
) -> None:
    app = _copy_of_the_app(tmp_path)
    source = app / "naesone_app" / module
    importer = "naesone_app." + module.removesuffix(".py").replace("/", ".")
    before = lint_imports(app, contract)
    assert f"{importer} -> {added}" not in before.stdout

    source.write_text(source.read_text(encoding="utf-8") + f"\nimport {added}  # noqa\n")
    after = lint_imports(app, contract)

    assert after.returncode != 0
    assert f"{importer} -> {added}" in after.stdout
