"""Talking to an OpenAI-compatible model: the real client, a recorder and a replayer.

All three stream chat-completion chunks read by attribute (``chunk.choices[0].delta``).
A cassette is readable JSON: each exchange is the request we sent (never a key or
header) and the chunks that came back. Replay checks every request against the
recording and fails loudly at the first difference.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Protocol, cast

from tripdesigner_kernel.designers.base import DesignerError
from tripdesigner_kernel.redaction import Secret, redact_text

CASSETTE_FORMAT = "tripdesigner.cassette/1"
PRESETS = {
    "openai": "https://api.openai.com/v1",
    "openrouter": "https://openrouter.ai/api/v1",
    "ollama": "http://localhost:11434/v1",
}


class ModelClient(Protocol):
    def stream(self, request: dict[str, Any], deadline: float | None = None) -> Iterator[Any]:
        """Stream the chunks of one chat completion for ``request``.

        ``deadline`` is a ``time.monotonic()`` instant the whole call must end by.
        """

    def close(self) -> None: ...


def scrub(text: str, key: Secret | str | None) -> str:
    """Remove the key (and anything shaped like one) from a provider's message."""
    return redact_text(text, key.reveal() if isinstance(key, Secret) else key)


_NETWORK = {"httpx", "httpx2", "httpcore", "httpcore2", "h11", "anyio", "ssl"}


class _DeadlineTransport:
    """Wraps the HTTP transport: each attempt (retries too) gets at most the time left.

    Out of time, it raises ``openai.APITimeoutError``, which the SDK passes on without
    retrying, so retries cannot stretch a turn past its deadline.
    """

    def __init__(self, inner: Any, timeout_error: Callable[..., Exception]) -> None:
        self.inner, self.timeout_error = inner, timeout_error
        self.deadline: float | None = None

    def handle_request(self, request: Any) -> Any:
        deadline = self.deadline
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self.timeout_error(request=request)
            limits = request.extensions.get("timeout") or {}
            request.extensions["timeout"] = {
                name: left if limit is None else min(limit, left)
                for name, limit in {"connect": None, "read": None, "write": None, "pool": None,
                                    **limits}.items()
            }  # fmt: skip
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()

    def __enter__(self) -> _DeadlineTransport:
        self.inner.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.inner.__exit__(*exc)


class _Watchdog:
    """At the armed deadline, shuts the armed response's socket: a blocked read ends at once.

    One thread per client, started on first use and kept: a thread a call would cost
    more than the stream's reading (measured with benchmarks/bench_llm.py).
    """

    def __init__(self) -> None:
        self.fired = False
        self._wakeup = threading.Condition()
        self._armed: tuple[float, Any] | None = None
        self._thread: threading.Thread | None = None
        self._closed = False

    def arm(self, deadline: float, response: Any) -> None:
        with self._wakeup:
            self._armed, self.fired = (deadline, response), False
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, daemon=True)
                self._thread.start()
            self._wakeup.notify()

    def disarm(self) -> None:
        with self._wakeup:
            self._armed = None  # the thread finds nothing armed when it next wakes

    def close(self) -> None:
        with self._wakeup:
            self._closed, self._armed = True, None
            self._wakeup.notify()

    def _watch(self) -> None:
        with self._wakeup:
            while not self._closed:
                if self._armed is None:
                    self._wakeup.wait()
                    continue
                deadline, response = self._armed
                left = deadline - time.monotonic()
                if left > 0:
                    self._wakeup.wait(min(left, threading.TIMEOUT_MAX))
                    continue
                self.fired, self._armed = True, None
                _shut(response)


def _shut(response: Any) -> None:
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class OpenAIClient:
    """The official ``openai`` SDK; it retries 429 and 5xx honouring Retry-After.

    The key is held as a ``Secret`` and errors are built outside ``except`` blocks, so
    no frame of a failed call holds the key or the provider's raw error in its locals
    (``%xmode Verbose`` prints them).
    """

    def __init__(
        self, base_url: str, api_key: str | None, timeout: float, max_retries: int
    ) -> None:
        secret = Secret(api_key) if api_key else None
        del api_key
        try:
            import httpx2
            import openai
        except ImportError:
            raise DesignerError(
                "The model designer needs the openai package: "
                "pip install 'tripdesigner-kernel[llm]'."
            ) from None
        self.base_url = base_url
        self._key = secret
        self._openai = openai
        self._transport = _DeadlineTransport(httpx2.HTTPTransport(), openai.APITimeoutError)
        self._client = openai.OpenAI(
            api_key=secret.reveal() if secret else "no-key",
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            # An httpx transport in all but base class (httpx is imported only when used).
            http_client=openai.DefaultHttpxClient(transport=cast(Any, self._transport)),
        )
        self.timeout, self.max_retries = timeout, max_retries
        self._watchdog = _Watchdog()

    def stream(self, request: dict[str, Any], deadline: float | None = None) -> Iterator[Any]:
        failure: DesignerError | None = None
        watchdog = self._watchdog
        self._transport.deadline = deadline
        try:
            stream = self._client.chat.completions.create(
                **request, stream=True, stream_options={"include_usage": True}
            )
            if deadline is not None:
                watchdog.arm(deadline, stream.response)
            yield from stream
        except Exception as error:  # the SDK's, the HTTP library's, the socket's
            failure = self._failure(error, deadline is not None and watchdog.fired)
        finally:
            self._transport.deadline = None
            watchdog.disarm()
        if failure is None and deadline is not None and watchdog.fired:
            failure = self._failure(TimeoutError(), out_of_time=True)  # a cut read looks like EOF
        if failure is not None:
            raise failure  # raised here, not in ``except``: the raw error is not chained

    def _failure(self, error: Exception, out_of_time: bool) -> DesignerError:
        """What to tell the person about ``error``; the provider's text is scrubbed."""
        openai = self._openai
        if out_of_time or isinstance(error, openai.APITimeoutError):
            return DesignerError(
                f"The model at {self.base_url} did not answer within {self.timeout:g} s "
                f"(the turn's time limit; {self.max_retries} retries). Try again, or raise "
                "--timeout."
            )
        if isinstance(error, openai.AuthenticationError):
            return DesignerError(
                "The provider refused the API key (401). Set another with `%tripchat key`."
            )
        if isinstance(error, openai.RateLimitError):
            return DesignerError(
                f"The provider is rate-limiting requests (429) after {self.max_retries} retries. "
                "Wait a little and send again."
            )
        if isinstance(error, openai.APIStatusError):
            detail = scrub(str(getattr(error, "message", "") or error), self._key)[:300]
            return DesignerError(f"The provider answered {error.status_code}: {detail}")
        if isinstance(error, openai.APIError) and not isinstance(error, openai.APIConnectionError):
            return DesignerError(
                f"The model's reply broke off: {scrub(str(error), self._key)[:300]}"
            )
        library = type(error).__module__.partition(".")[0]
        if isinstance(error, (openai.APIConnectionError, OSError)) or library in _NETWORK:
            return DesignerError(
                f"The connection to {self.base_url} failed or broke during the reply. "
                "Check the address and your network, then send again."
            )
        return DesignerError(  # the provider's raw text is not repeated: it may echo secrets
            f"The model's reply could not be read ({type(error).__name__}). Send the message "
            "again; if it keeps failing, the provider may not be OpenAI-compatible."
        )

    def close(self) -> None:
        self._watchdog.close()
        self._client.close()


def _as_dict(chunk: Any) -> dict[str, Any]:
    dumped: dict[str, Any] = chunk.model_dump(mode="json", exclude_none=True)
    return dumped


def _as_object(value: Any) -> Any:
    """Recorded JSON back to attribute access, with None for absent fields like the SDK's."""
    if isinstance(value, dict):
        return _Record({k: _as_object(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_as_object(v) for v in value]
    return value


class _Record(SimpleNamespace):
    def __init__(self, fields: dict[str, Any]) -> None:
        super().__init__(**fields)

    def __getattr__(self, name: str) -> Any:  # only called for missing attributes
        if name.startswith("__"):
            raise AttributeError(name)
        return None


class RecordingClient:
    """Passes every exchange through and writes it to a cassette file."""

    def __init__(self, inner: ModelClient, path: Path) -> None:
        self.inner, self.path = inner, path
        self.exchanges: list[dict[str, Any]] = []

    def stream(self, request: dict[str, Any], deadline: float | None = None) -> Iterator[Any]:
        chunks: list[dict[str, Any]] = []
        request = json.loads(json.dumps(request))  # as sent: later turns extend the lists
        for chunk in self.inner.stream(request, deadline):
            chunks.append(_as_dict(chunk))
            yield chunk
        self.exchanges.append({"request": request, "chunks": chunks})
        document = {"format": CASSETTE_FORMAT, "exchanges": self.exchanges}
        self.path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")

    def close(self) -> None:
        self.inner.close()


class ReplayMismatchError(DesignerError):
    """The conversation no longer matches the recording."""


class ReplayClient:
    """Answers from a cassette, offline and without a key."""

    def __init__(self, path: Path) -> None:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise DesignerError(f"Cannot read the cassette {path}: {error}.") from None
        if document.get("format") != CASSETTE_FORMAT:
            raise DesignerError(f"{path} is not a cassette ({CASSETTE_FORMAT}).")
        self.path = path
        self.exchanges: list[dict[str, Any]] = document["exchanges"]
        self.position = 0

    def stream(self, request: dict[str, Any], deadline: float | None = None) -> Iterator[Any]:
        if self.position >= len(self.exchanges):
            raise ReplayMismatchError(
                f"Replay of {self.path.name}: the recording has {len(self.exchanges)} model calls "
                "and this conversation makes more. Record it again."
            )
        recorded = self.exchanges[self.position]
        difference = _first_difference(recorded["request"], json.loads(json.dumps(request)))
        if difference:
            raise ReplayMismatchError(
                f"Replay of {self.path.name}, model call {self.position + 1}: the request differs "
                f"from the recording at {difference}. Record it again."
            )
        self.position += 1
        for chunk in recorded["chunks"]:
            yield _as_object(chunk)

    def close(self) -> None:
        """Nothing to release."""


def _first_difference(recorded: Any, actual: Any, where: str = "request") -> str | None:
    if type(recorded) is not type(actual):
        return f"{where} ({type(recorded).__name__} vs {type(actual).__name__})"
    if isinstance(recorded, dict):
        for key in sorted(set(recorded) | set(actual)):
            if key not in recorded or key not in actual:
                return f"{where}.{key} (present on one side only)"
            found = _first_difference(recorded[key], actual[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(recorded, list):
        if len(recorded) != len(actual):
            return f"{where} ({len(recorded)} items recorded, {len(actual)} now)"
        for index, (a, b) in enumerate(zip(recorded, actual, strict=True)):
            found = _first_difference(a, b, f"{where}[{index}]")
            if found:
                return found
        return None
    return (
        None if recorded == actual else f"{where} ({str(recorded)[:60]!r} vs {str(actual)[:60]!r})"
    )
