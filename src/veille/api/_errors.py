"""One JSON error shape for the whole API: ``{"error": {"code", "message"}}``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from veille.errors import StoreError, VeilleError

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(StarletteHTTPException):
    """An error with our code and a message saying what to do."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(status_code=status, detail=message)
        self.code = code


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def error_response(status: int, code: str, message: str) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = exc.code if isinstance(exc, ApiError) else _CODES.get(exc.status_code, "error")
        message = str(exc.detail) if exc.detail else code.replace("_", " ")
        if exc.status_code == 404 and not isinstance(exc, ApiError):
            message = f"no such resource: {request.url.path}"
        return _respond(request, exc.status_code, code, message)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return _respond(request, 422, "invalid_request", "; ".join(parts) or "invalid request")

    async def store_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, VeilleError)
        status = 503 if isinstance(exc, StoreError) else 400
        return _respond(request, status, _CODES[status], exc.render())

    async def unexpected(request: Request, exc: Exception) -> Response:
        return _respond(
            request,
            500,
            "internal_error",
            f"unexpected {type(exc).__name__}; the server log has the details",
        )

    app.add_exception_handler(Exception, unexpected)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(VeilleError, store_error)


def _respond(request: Request, status: int, code: str, message: str) -> Response:
    """The error as a page for a browser on a dashboard page, else as JSON."""
    if not request.url.path.startswith("/api/") and _wants_html(request):
        from veille.api._pages import render_error

        return render_error(request, status, message)
    return error_response(status, code, message)


def _wants_html(request: Request) -> bool:
    """A page's error is a page, unless the client asks for JSON and not HTML."""
    accept = request.headers.get("accept", "")
    return "text/html" in accept or "application/json" not in accept
