"""A chat model as a :class:`~flipbench.localizers.protocol.Localizer`: the prompt, the reading of the
answer, and a fresh ask when a reply names no line.

A :class:`~flipbench.localizers.base.ChatModel` only speaks its server's wire format, so this adapter
is written once for every provider: it renders the run's prompt for the subject with the draw's
sampling seed, asks through the task's context (the executor's cache, pacing and retries), and reads
the lines out of the reply; a reply with none is asked again, up to ``parse_retries`` times, and then
ends the task as ``error`` -- never as a wrong answer.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import ClassVar

from flipbench.localizers.answers import read_prediction
from flipbench.localizers.base import ChatModel, LearnsDialect, ModelSpec, Sampling, Server
from flipbench.localizers.content_writing import ContentAsk, WrittenContent, content_query, read_items
from flipbench.localizers.protocol import (
    Capabilities,
    Draw,
    LocalizerAnswer,
    LocalizerSettings,
    TaskContext,
    Unanswered,
)
from flipbench.model import Subject


def draw_seed(seed: int, draw: Draw, parse_try: int) -> int:
    """The sampling seed: stage 1 draws differ from stage 2 draws (a control is a genuine second ask),
    while a variant and its control share one, so they differ only in the code they show."""
    digest = hashlib.sha256(f"{seed}\x00{draw.stage}\x00{draw.index}\x00{parse_try}".encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


@dataclass(frozen=True)
class ChatLocalizer:
    """A chat model asked with the run's prompt; its replies are cached under the model's identity."""

    model: ChatModel
    settings: LocalizerSettings
    capabilities: ClassVar[Capabilities] = Capabilities(remote=True, prompted=True, writes_content=True)

    @staticmethod
    def around(model: ChatModel, settings: LocalizerSettings) -> ChatLocalizer:
        """The localizer for ``model``: one that passes on what its model learns of its server, if it learns."""
        kind = DialectLearningChatLocalizer if isinstance(model, LearnsDialect) else ChatLocalizer
        return kind(model, settings)

    @property
    def spec(self) -> ModelSpec:
        return self.model.spec

    async def localize(self, subject: Subject, draw: Draw, context: TaskContext) -> LocalizerAnswer:
        settings = self.settings
        for parse_try in range(settings.parse_retries + 1):
            sampling = Sampling(settings.temperature, settings.max_tokens, draw_seed(settings.seed, draw, parse_try))
            query = settings.prompt.render_subject(subject, sampling, settings.review)
            response = await context.ask(self.model, query, f"{draw.index}:{parse_try}")
            prediction = read_prediction(response.reply.text)
            if prediction is not None:
                return LocalizerAnswer(prediction.lines, prediction.parsed_from, response)
            context.unparseable(response, parse_try)
        raise Unanswered(f"unparseable: no line number in {settings.parse_retries + 1} replies")

    async def write_content(self, ask: ContentAsk, subject: Subject, count: int, context: TaskContext
                            ) -> WrittenContent:
        """``count`` items of SPM content of one kind for ``subject``, asked with the study's request (see
        :mod:`flipbench.localizers.content_writing`); a reply without a list of strings is asked again, up to
        ``parse_retries`` times, then :class:`Unanswered`."""
        settings = self.settings
        for parse_try in range(settings.parse_retries + 1):
            query = content_query(ask, source=subject.source, language=subject.language, count=count,
                                  seed=settings.seed, temperature=settings.temperature,
                                  max_tokens=settings.max_tokens, parse_try=parse_try)
            response = await context.ask(self.model, query, f"content:{parse_try}")
            items = read_items(ask, response.reply.text)
            if items is not None:
                return WrittenContent(items, response)
            context.unparseable(response, parse_try)
        raise Unanswered(f"unparseable: no list of {ask} in {settings.parse_retries + 1} replies")


@dataclass(frozen=True)
class DialectLearningChatLocalizer(ChatLocalizer):
    """A chat localizer whose model learns its server's structured-output dialect (it is a
    :class:`~flipbench.localizers.base.LearnsDialect`, so the executor can start it with what the run knows)."""

    @property
    def server(self) -> Server:
        return self.model.server  # type: ignore[attr-defined]

    def start_with(self, dialect: str) -> None:
        self.model.start_with(dialect)  # type: ignore[attr-defined]
