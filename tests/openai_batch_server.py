"""A local server speaking OpenAI's Files and Batches endpoints as documented, for the batch tests.

``POST /v1/files`` (multipart, ``purpose = batch``) keeps the JSONL input; ``POST /v1/batches`` makes a
batch of it (``validating``), which each ``GET /v1/batches/{id}`` moves on (``in_progress``, then
``completed``, after ``polls`` polls); its output file answers every request as the scripted chat server
does (``model_server.hashed_line_answer``, the same ``usage``), and ``GET /v1/files/{id}/content`` serves
the output and error files. On a script: requests that fail (an error-file line with a non-200 response),
a batch that expires (the first half answered, the rest ``batch_expired``), a batch refused as a whole
(``failed`` with ``errors.data``), a malformed first line of the output file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from model_server import hashed_line_answer
from wireservers import Answer, Received, WireServer


def chat_completion(body: dict[str, Any]) -> dict[str, Any]:
    """The answer the scripted chat server gives to ``body`` (same content, same usage)."""
    user = next(message["content"] for message in body["messages"] if message["role"] == "user")
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": body.get("model", ""),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": hashed_line_answer(user)},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": len(user) // 4, "completion_tokens": 8, "total_tokens": len(user) // 4 + 8}}


@dataclass
class BatchAPI:
    polls: int = 2
    """Polls a batch takes to finish (validating, in_progress, ... completed)."""
    fails: Callable[[str], bool] = lambda custom_id: False
    expire: frozenset[int] = frozenset()
    """The batches (numbered from 1 as they are created) that expire half done."""
    refuse: frozenset[int] = frozenset()
    """The batches refused as a whole."""
    malformed_output: bool = False
    files: dict[str, bytes] = field(default_factory=dict)
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)
    submissions: int = 0
    uploads: int = 0

    def handle(self, request: Received) -> Answer:
        path = request.path.split("?")[0]
        if request.method == "POST" and path == "/v1/files":
            return self._upload(request)
        if request.method == "POST" and path == "/v1/batches":
            return self._create(request.json())
        if request.method == "GET" and (found := re.fullmatch(r"/v1/batches/([\w-]+)", path)):
            return self._poll(found.group(1))
        if request.method == "GET" and (found := re.fullmatch(r"/v1/files/([\w-]+)/content", path)):
            if found.group(1) not in self.files:
                return _error(404, f"No such File object: {found.group(1)}")
            return Answer(200, self.files[found.group(1)], {"content-type": "application/octet-stream"})
        return _error(404, f"no route {request.method} {path}")

    def _upload(self, request: Received) -> Answer:
        message = BytesParser(policy=HTTP).parsebytes(
            b"content-type: " + request.headers["content-type"].encode() + b"\r\n\r\n" + request.body)
        parts = {part.get_param("name", header="content-disposition"): part for part in message.iter_parts()}
        if parts["purpose"].get_content().strip() != "batch":
            return _error(400, "purpose must be batch")
        data = parts["file"].get_payload(decode=True)
        self.uploads += 1
        file_id = f"file-in{self.uploads}"
        self.files[file_id] = data
        return Answer.json({"id": file_id, "object": "file", "bytes": len(data), "created_at": 0,
                            "filename": parts["file"].get_filename(), "purpose": "batch"})

    def _create(self, body: dict[str, Any]) -> Answer:
        if body.get("endpoint") != "/v1/chat/completions" or body.get("completion_window") != "24h":
            return _error(400, "endpoint and completion_window must be /v1/chat/completions and 24h")
        if body.get("input_file_id") not in self.files:
            return _error(404, f"No such File object: {body.get('input_file_id')}")
        self.submissions += 1
        batch_id = f"batch_{self.submissions}"
        lines = self.files[body["input_file_id"]].decode().splitlines()
        self.batches[batch_id] = {
            "id": batch_id, "object": "batch", "endpoint": body["endpoint"], "errors": None,
            "input_file_id": body["input_file_id"], "completion_window": "24h", "status": "validating",
            "output_file_id": None, "error_file_id": None, "created_at": 0,
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0}, "_polls": 0}
        return Answer.json(self._public(batch_id))

    def _poll(self, batch_id: str) -> Answer:
        if batch_id not in self.batches:
            return _error(404, f"No such Batch object: {batch_id}")
        batch = self.batches[batch_id]
        if batch["status"] in ("validating", "in_progress"):
            batch["_polls"] += 1
            if int(batch_id.split("_")[1]) in self.refuse:
                batch.update(status="failed", errors={"object": "list", "data": [
                    {"code": "invalid_request", "message": "injected refusal", "param": None, "line": 1}]})
            elif batch["_polls"] >= self.polls:
                self._finish(batch)
            else:
                batch["status"] = "in_progress"
        return Answer.json(self._public(batch_id))

    def _finish(self, batch: dict[str, Any]) -> None:
        requests = [json.loads(line) for line in self.files[batch["input_file_id"]].decode().splitlines()]
        expire = int(batch["id"].split("_")[1]) in self.expire
        done, errors = [], []
        for index, request in enumerate(requests):
            custom_id = request["custom_id"]
            if expire and index >= len(requests) // 2:
                errors.append({"id": f"batch_req_{index}", "custom_id": custom_id, "response": None, "error": {
                    "code": "batch_expired",
                    "message": "This request could not be executed before the completion window expired."}})
            elif self.fails(custom_id):
                errors.append({"id": f"batch_req_{index}", "custom_id": custom_id, "error": None, "response": {
                    "status_code": 500, "request_id": f"req_{index}",
                    "body": {"error": {"message": "injected failure", "type": "server_error"}}}})
            else:
                done.append({"id": f"batch_req_{index}", "custom_id": custom_id, "error": None, "response": {
                    "status_code": 200, "request_id": f"req_{index}", "body": chat_completion(request["body"])}})
        output = [json.dumps(line) for line in done]
        if self.malformed_output and output:
            output[0] = output[0][: len(output[0]) // 2]
        for kind, lines in (("output", output), ("error", [json.dumps(line) for line in errors])):
            if lines:
                file_id = f"file-{kind}-{batch['id']}"
                self.files[file_id] = ("\n".join(lines) + "\n").encode()
                batch[f"{kind}_file_id"] = file_id
        batch["status"] = "expired" if expire else "completed"
        batch["request_counts"] = {"total": len(requests), "completed": len(done), "failed": len(errors)}

    def _public(self, batch_id: str) -> dict[str, Any]:
        return {key: value for key, value in self.batches[batch_id].items() if not key.startswith("_")}


def _error(status: int, message: str) -> Answer:
    return Answer.json({"error": {"message": message, "type": "invalid_request_error", "param": None,
                                  "code": None}}, status=status)


class BatchServer(WireServer):
    """The batch API on 127.0.0.1 until the ``with`` block ends; ``api`` is its state."""

    def __init__(self, api: BatchAPI | None = None) -> None:
        self.api = api or BatchAPI()
        super().__init__(self.api.handle)

    @property
    def base_url(self) -> str:
        return f"{self.url.rstrip('/')}/v1"
