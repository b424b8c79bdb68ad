"""The README documents every CLI option and every API endpoint (checked, not hoped)."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from veille.cli import build_app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_and_option_is_in_the_readme() -> None:
    group = typer.main.get_command(build_app())
    missing = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if f"veille {name}" not in README:
            missing.append(f"veille {name}")
        for param in command.params:
            longs = [o for o in param.opts if o.startswith("--")]
            if longs and not any(o in README for o in longs) and longs != ["--help"]:
                missing.append(f"veille {name} {longs[0]}")
    assert missing == []


def test_every_api_endpoint_is_in_the_readme(tmp_path: Path) -> None:
    from veille.api import create_app
    from veille.store import open_store

    app = create_app(open_store(f"sqlite:///{tmp_path / 'v.db'}"))
    paths = {getattr(r, "path", "") for r in app.routes}
    api = sorted(p for p in paths if p.startswith("/api/") or p == "/openapi.json")
    missing = [
        p for p in api if re.sub(r"\{[^}]+\}", "{id}", p) not in README.replace("{ID}", "{id}")
    ]
    assert missing == [], missing
