"""OpenAI's Batch API on the wire (flipbench.localizers.openai_batch) against a local server that speaks the
Files and Batches endpoints as documented: upload, create, poll, the output and error files matched by
``custom_id``, partial failures, expired and refused batches, malformed lines, and the size limits."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openai_batch_server import BatchAPI, BatchServer

from flipbench.localizers.base import ModelSpec, PermanentError, Query, Sampling
from flipbench.localizers.openai_batch import BatchRequest, BatchState, OpenAIBatches, read_results, split
from flipbench.localizers.openai_chat import request

from model_server import hashed_line_answer

SCHEMA = {"type": "object", "properties": {"lines": {"type": "array", "items": {"type": "integer"}}},
          "required": ["lines"]}


def requests(count: int) -> list[BatchRequest]:
    spec = ModelSpec("openai", "scripted", None)
    return [BatchRequest(f"task-{index}", request(spec, Query("Find the bug.", f"1 def f():\n2     return {index}",
                                                              SCHEMA, Sampling(max_tokens=64)), "json_schema"))
            for index in range(count)]


def run_batch(server: BatchServer, batch: list[BatchRequest], polls: int = 10):
    with OpenAIBatches(server.base_url, "sk-test") as api:
        status = api.create(api.upload(batch))
        for _ in range(polls):
            if status.state.terminal:
                break
            status = api.status(status.id)
        return status, read_results([item.custom_id for item in batch], api.content(status.output_file_id),
                                    api.content(status.error_file_id), "json_schema", "openai/scripted")


def test_a_batch_is_uploaded_created_polled_and_its_answers_matched_by_custom_id():
    batch = requests(5)
    with BatchServer() as server:
        status, results = run_batch(server, batch)
        upload, create = server.received[0], server.received[1]
    assert status.state == BatchState.COMPLETED and (status.total, status.completed, status.failed) == (5, 5, 0)
    assert upload.path == "/v1/files" and upload.headers["authorization"] == "Bearer sk-test"
    assert create.json() == {"input_file_id": "file-in1", "endpoint": "/v1/chat/completions",
                             "completion_window": "24h"}
    for item in batch:
        user = item.body["messages"][-1]["content"]
        reply = results[item.custom_id].reply
        assert reply is not None and reply.text == hashed_line_answer(user)
        assert (reply.input_tokens, reply.output_tokens, reply.dialect) == (len(user) // 4, 8, "json_schema")


def test_the_input_file_is_one_chat_completions_request_per_line():
    batch = requests(3)
    with BatchServer() as server:
        with OpenAIBatches(server.base_url, None) as api:
            file_id = api.upload(batch)
        lines = [json.loads(line) for line in server.api.files[file_id].decode().splitlines()]
    assert lines == [{"custom_id": item.custom_id, "method": "POST", "url": "/v1/chat/completions",
                      "body": item.body} for item in batch]


def test_failed_requests_have_no_reply_and_say_why_the_others_are_answered():
    batch = requests(4)
    with BatchServer(BatchAPI(fails=lambda custom_id: custom_id in ("task-1", "task-3"))) as server:
        status, results = run_batch(server, batch)
    assert status.state == BatchState.COMPLETED and status.failed == 2
    assert [custom_id for custom_id, item in results.items() if item.reply is None] == ["task-1", "task-3"]
    assert results["task-1"].error == "HTTP 500: injected failure"


def test_an_expired_batch_keeps_what_finished_and_leaves_the_rest_to_be_asked_again():
    batch = requests(6)
    with BatchServer(BatchAPI(expire=frozenset({1}))) as server:
        status, results = run_batch(server, batch)
    assert status.state == BatchState.EXPIRED and status.state.terminal
    assert [item.reply is not None for item in results.values()] == [True] * 3 + [False] * 3
    assert results["task-5"].error.startswith("batch_expired: This request could not be executed")


def test_a_refused_batch_is_failed_with_its_validation_errors_and_no_results():
    batch = requests(2)
    with BatchServer(BatchAPI(refuse=frozenset({1}))) as server:
        status, results = run_batch(server, batch)
    assert status.state == BatchState.FAILED and status.errors == "injected refusal"
    assert all(item.reply is None for item in results.values())


def test_a_malformed_line_of_the_output_file_leaves_its_request_unanswered_not_guessed():
    batch = requests(3)
    with BatchServer(BatchAPI(malformed_output=True)) as server:
        _, results = run_batch(server, batch)
    assert results["task-0"].reply is None and "1 unreadable lines" in results["task-0"].error
    assert results["task-1"].reply is not None and results["task-2"].reply is not None


def test_a_batch_in_progress_is_polled_until_it_is_terminal():
    with BatchServer(BatchAPI(polls=3)) as server, OpenAIBatches(server.base_url, None) as api:
        created = api.create(api.upload(requests(1)))
        states = [created.state] + [api.status(created.id).state for _ in range(3)]
    assert states == [BatchState.VALIDATING, BatchState.IN_PROGRESS, BatchState.IN_PROGRESS, BatchState.COMPLETED]


def test_an_unknown_batch_is_a_permanent_error():
    with BatchServer() as server, OpenAIBatches(server.base_url, None) as api, \
            pytest.raises(PermanentError, match="HTTP 404: No such Batch object: batch_9"):
        api.status("batch_9")


@given(st.lists(st.integers(1, 300), max_size=60), st.integers(1, 7), st.integers(400, 2000))
def test_split_keeps_order_and_every_file_within_the_limits(sizes, max_requests, max_bytes):
    items = [BatchRequest(f"r{index}", {"pad": "x" * size}) for index, size in enumerate(sizes)]
    files = list(split(items, max_requests=max_requests, max_bytes=max_bytes))
    assert [item for batch in files for item in batch] == items
    assert all(0 < len(batch) <= max_requests and sum(len(item.line()) for item in batch) <= max_bytes
               for batch in files)
    # each file is full: the next request would not have fitted
    for batch, following in zip(files, files[1:]):
        assert len(batch) == max_requests or sum(len(item.line()) for item in batch) + len(following[0].line()) \
            > max_bytes


def test_a_request_larger_than_a_whole_batch_is_refused():
    with pytest.raises(PermanentError, match="over the batch limit of 100"):
        list(split([BatchRequest("big", {"pad": "x" * 200})], max_bytes=100))
