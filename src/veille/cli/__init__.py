"""veille's command line: a thin Typer app over the library.

Each command group lives in its own module exposing ``register(app)``; this module
only assembles them, so a command never holds logic of its own.
"""

from __future__ import annotations

import importlib

import typer

# Modules that provide commands, each with ``register(app: typer.Typer) -> None``.
COMMAND_MODULES = (
    "veille.cli.extract_cmd",
    "veille.cli.geo_cmd",
    "veille.cli.store_cmd",
    "veille.cli.eval_cmd",
    "veille.cli.spark_cmd",
)


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="veille",
        help="Offline conflict-event extraction from news (fr, ar, en) with provenance.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        # Help texts are plain text: with rich markup, "pip install 'veille[spark]'"
        # lost its "[spark]" (read as a style tag).
        rich_markup_mode=None,
    )
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # command group not built yet
        module.register(app)
    return app


def main() -> None:
    build_app()()
