"""A small OpenAI-compatible server on 127.0.0.1 for tests: real HTTP, streamed chunks.

Each request to /v1/chat/completions takes the next scripted answer: a stream of
text and tool-call deltas with a usage chunk, an error status, a stream that
breaks off, or silence. Every request body and Authorization header is kept, so
tests can check what the client sent.
"""

from __future__ import annotations

import json
import socket
import struct
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    """One scripted answer."""

    text: str = ""
    tool_calls: list[tuple[str, str]] = field(default_factory=list)  # (name, arguments JSON)
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    break_after: int | None = None  # close the connection after this many chunks
    hang: float = 0.0  # wait this long before answering
    usage: tuple[int, int] | None = (120, 30)  # None: a provider that sends no usage
    trickle: float = 0.0  # wait this long before each chunk (a slow, still-alive stream)
    error_after: int | None = None  # an SSE error event after this many chunks
    reset_after: int | None = None  # reset the connection (RST) after this many chunks
    error_message: str = ""  # the provider's error text (status errors and error events)
    argument_chunk: int = 16  # characters of tool arguments per chunk
    garbage_after: int | None = None  # a chunk that is not JSON after this many chunks


def chunks(answer: Answer, model: str) -> Iterator[dict[str, Any]]:
    base = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 1, "model": model}
    yield {**base, "choices": [{"index": 0, "delta": {"role": "assistant"}, "finish_reason": None}]}
    for start in range(0, len(answer.text), 7):  # several small deltas, as models stream
        piece = answer.text[start : start + 7]
        yield {
            **base,
            "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
        }
    for index, (name, arguments) in enumerate(answer.tool_calls):
        head = {
            "index": index,
            "id": f"call_{index}",
            "type": "function",
            "function": {"name": name, "arguments": ""},
        }
        yield {
            **base,
            "choices": [{"index": 0, "delta": {"tool_calls": [head]}, "finish_reason": None}],
        }
        size = answer.argument_chunk
        for start in range(0, len(arguments), size):
            part = {"index": index, "function": {"arguments": arguments[start : start + size]}}
            yield {
                **base,
                "choices": [{"index": 0, "delta": {"tool_calls": [part]}, "finish_reason": None}],
            }
    reason = "tool_calls" if answer.tool_calls else "stop"
    yield {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": reason}]}
    if answer.usage is None:
        return
    prompt, completion = answer.usage
    yield {
        **base,
        "choices": [],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        },
    }


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up (a timeout, a broken stream) is expected here, not an error."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, OSError):  # BrokenPipeError, ConnectionResetError
            return
        super().handle_error(request, client_address)


class FakeOpenAI:
    """Start with ``with FakeOpenAI([...]) as server:``; ``server.base_url`` for the client."""

    def __init__(self, answers: list[Answer]) -> None:
        self.answers = list(answers)
        self.requests: list[dict[str, Any]] = []
        self.authorizations: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                owner.requests.append(body)
                owner.authorizations.append(self.headers.get("Authorization", ""))
                if not owner.answers:
                    self._send_json(500, {"error": {"message": "no scripted answer left"}})
                    return
                answer = owner.answers.pop(0)
                if answer.hang and owner.stopping.wait(answer.hang):
                    return  # the test is over: answer nobody
                if answer.status != 200:
                    self._send_json(
                        answer.status,
                        {
                            "error": {
                                "message": answer.error_message or f"scripted {answer.status}",
                                "type": "test",
                            }
                        },
                        answer.headers,
                    )
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                for number, chunk in enumerate(chunks(answer, body.get("model", "m"))):
                    if answer.trickle and owner.stopping.wait(answer.trickle):
                        return
                    if number == answer.error_after:
                        error = {"error": {"message": answer.error_message, "type": "server_error"}}
                        self.wfile.write(b"data: " + json.dumps(error).encode() + b"\n\n")
                        self.wfile.flush()
                        self.close_connection = True
                        return
                    if number == answer.garbage_after:
                        self.wfile.write(b"data: {not json at all\n\n")
                        self.wfile.flush()
                    if number == answer.reset_after:
                        linger = struct.pack("ii", 1, 0)  # close with RST, as a crashed proxy
                        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                        self.close_connection = True
                        return
                    if answer.break_after is not None and number >= answer.break_after:
                        self.wfile.write(b'data: {"broken')  # half a chunk, then the line drops
                        self.wfile.flush()
                        self.close_connection = True
                        return
                    self.wfile.write(b"data: " + json.dumps(chunk).encode() + b"\n\n")
                    self.wfile.flush()
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True

            def _send_json(
                self, status: int, data: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                payload = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

        self.stopping = threading.Event()
        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
