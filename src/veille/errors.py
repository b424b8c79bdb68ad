"""One exception tree for veille. Every message names the input, the cause and the fix."""

from __future__ import annotations


class VeilleError(Exception):
    """Base of every error veille raises on purpose."""

    code = "V000"

    def __init__(self, cause: str, *, where: str | None = None, fix: str | None = None) -> None:
        self.cause = cause
        self.where = where
        self.fix = fix
        super().__init__(self.render())

    def render(self) -> str:
        head = f"{self.where}: " if self.where else ""
        tail = f" Fix: {self.fix}" if self.fix else ""
        return f"{self.code}: {head}{self.cause}.{tail}"


class InputError(VeilleError):
    """An input file or record cannot be read as an article."""

    code = "V100"


class ModelNotFoundError(VeilleError):
    """A spaCy model package is not installed."""

    code = "V200"


class DataError(VeilleError):
    """A shipped data file (gazetteer, lexicon) is missing or invalid."""

    code = "V300"


class StoreError(VeilleError):
    """The event store cannot be opened, migrated or written."""

    code = "V400"


class QueryError(VeilleError):
    """A filter on stored events names no country, type or date veille knows."""

    code = "V410"


class MissingExtraError(VeilleError):
    """An optional dependency group is not installed."""

    code = "V500"

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the optional package {package!r}",
            fix=f"pip install 'veille[{extra}]'",
        )


class SparkStartError(VeilleError):
    """Spark could not start (no Java, a wrong JAVA_HOME, an unreachable master)."""

    code = "V510"


class FetchError(VeilleError):
    """A URL could not be fetched safely (scheme, address, size, timeout)."""

    code = "V600"
