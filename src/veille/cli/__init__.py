"""veille's command line: a thin Typer app over the library.

Each command group lives in its own module exposing ``register(app)``; this module
only assembles them, so a command never holds logic of its own.
"""

from __future__ import annotations

import importlib

import typer

from veille.errors import VeilleError

# Modules that provide commands, each with ``register(app: typer.Typer) -> None``.
COMMAND_MODULES = (
    "veille.cli.extract_cmd",
    "veille.cli.geo_cmd",
    "veille.cli.store_cmd",
    "veille.cli.eval_cmd",
    "veille.cli.spark_cmd",
    "veille.cli.config_cmd",
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
        except ImportError as exc:
            # A command group that does not import is a broken install, never a command
            # to leave out quietly: the user would only see "No such command".
            raise VeilleError(
                f"the command module {module_name} cannot be imported "
                f"({exc.__class__.__name__}: {exc})",
                where=module_name,
                fix="reinstall veille (pip install --force-reinstall veille, or "
                "make .venv/.installed in a checkout)",
            ) from exc
        module.register(app)
    return app


def main() -> None:
    try:
        app = build_app()
    except VeilleError as exc:
        typer.echo(exc.render(), err=True)
        raise SystemExit(1) from exc
    app()
