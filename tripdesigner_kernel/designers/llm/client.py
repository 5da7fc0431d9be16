"""Talking to an OpenAI-compatible model: the real client, a recorder and a replayer.

All three stream chat-completion chunks read by attribute (``chunk.choices[0].delta``).
A cassette is readable JSON: each exchange is the request we sent (never a key or
header) and the chunks that came back. Replay checks every request against the
recording and fails loudly at the first difference.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Protocol

from tripdesigner_kernel.designers.base import DesignerError

CASSETTE_FORMAT = "tripdesigner.cassette/1"
PRESETS = {
    "openai": "https://api.openai.com/v1",
    "openrouter": "https://openrouter.ai/api/v1",
    "ollama": "http://localhost:11434/v1",
}


class ModelClient(Protocol):
    def stream(self, request: dict[str, Any]) -> Iterator[Any]:
        """Stream the chunks of one chat completion for ``request``."""

    def close(self) -> None: ...


_KEYLIKE = re.compile(r"\b(sk|pk|rk|or)-[A-Za-z0-9_*\-]{6,}")


def scrub(text: str, key: str | None) -> str:
    """Remove the key (and anything shaped like one) from a provider's message."""
    if key:
        text = text.replace(key, "[key]")
    return _KEYLIKE.sub("[key]", text)


class OpenAIClient:
    """The official ``openai`` SDK; it retries 429 and 5xx honouring Retry-After."""

    def __init__(
        self, base_url: str, api_key: str | None, timeout: float, max_retries: int
    ) -> None:
        try:
            import openai
        except ImportError:
            raise DesignerError(
                "The model designer needs the openai package: "
                "pip install 'tripdesigner-kernel[llm]'."
            ) from None
        self.base_url = base_url
        self._key = api_key
        self._openai = openai
        self._client = openai.OpenAI(
            api_key=api_key or "no-key", base_url=base_url, timeout=timeout, max_retries=max_retries
        )
        self.timeout, self.max_retries = timeout, max_retries

    def stream(self, request: dict[str, Any]) -> Iterator[Any]:
        openai = self._openai
        try:
            stream = self._client.chat.completions.create(
                **request, stream=True, stream_options={"include_usage": True}
            )
            yield from stream
        except openai.APITimeoutError:
            raise DesignerError(
                f"The model at {self.base_url} did not answer within {self.timeout:g} s "
                f"({self.max_retries} retries). Try again, or raise --timeout."
            ) from None
        except openai.AuthenticationError:
            raise DesignerError(
                "The provider refused the API key (401). Set another with `%tripchat key`."
            ) from None
        except openai.RateLimitError:
            raise DesignerError(
                f"The provider is rate-limiting requests (429) after {self.max_retries} retries. "
                "Wait a little and send again."
            ) from None
        except openai.APIStatusError as error:
            detail = scrub(str(getattr(error, "message", "") or error), self._key)[:300]
            raise DesignerError(f"The provider answered {error.status_code}: {detail}") from None
        except openai.APIConnectionError:
            raise DesignerError(
                f"The connection to {self.base_url} failed or broke during the reply. "
                "Check the address and your network, then send again."
            ) from None
        except openai.APIError as error:
            raise DesignerError(
                f"The model's reply broke off: {scrub(str(error), self._key)[:300]}"
            ) from None

    def close(self) -> None:
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

    def stream(self, request: dict[str, Any]) -> Iterator[Any]:
        chunks: list[dict[str, Any]] = []
        request = json.loads(json.dumps(request))  # as sent: later turns extend the lists
        for chunk in self.inner.stream(request):
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

    def stream(self, request: dict[str, Any]) -> Iterator[Any]:
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
