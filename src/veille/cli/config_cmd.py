"""`veille config show | components | check`: the pipeline config (``veille.config``)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from veille.cli.common import pipeline_config


class ConfigFormat(StrEnum):
    toml = "toml"
    json = "json"


def show(
    fmt: Annotated[
        ConfigFormat, typer.Option("--format", help="TOML (commented) or JSON.")
    ] = ConfigFormat.toml,
) -> None:
    """Print the default pipeline config: a file to start from for --config."""
    from veille.config import default_config_text

    typer.echo(default_config_text(fmt.value), nl=False)


def components() -> None:
    """List the registered component names, by kind (the [components] section's values)."""
    from typing import get_args

    from veille.config import ComponentKind
    from veille.registry import default_registry

    registry = default_registry()
    for kind in get_args(ComponentKind):
        typer.echo(f"{kind}: {', '.join(registry.of(kind).names())}")


def check(
    path: Annotated[Path, typer.Argument(help="A config file (.toml or .json).")],
) -> None:
    """Check a config file: exit 0 when it is valid, 2 with file, key and fix when not."""
    pipeline_config(path)
    typer.echo(f"{path}: valid", err=True)


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        help="The pipeline config read by --config.", no_args_is_help=True, rich_markup_mode=None
    )
    group.command("show")(show)
    group.command("components")(components)
    group.command("check")(check)
    app.add_typer(group, name="config")
