"""The server extra gives ranges; the exact versions tested live in constraints.txt, inside those ranges."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[3]


def test_the_server_extra_pins_ranges_and_the_constraints_pin_each_exactly_within_them() -> None:
    extra = [Requirement(line) for line in tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]["server"]]
    pins = {
        Requirement(line).name: Requirement(line)
        for line in (REPO / "constraints.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    for requirement in extra:
        assert not any(spec.operator == "==" for spec in requirement.specifier), f"{requirement} is an exact pin"
        [exact] = list(pins[requirement.name].specifier)
        assert exact.operator == "==" and requirement.specifier.contains(exact.version), f"{exact} is outside {requirement}"
