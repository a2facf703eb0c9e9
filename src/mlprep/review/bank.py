"""Load the breadth bank: ``topics.toml`` and ``questions/<topic>/<name>.toml``."""

from __future__ import annotations

import functools
from pathlib import Path

from mlprep.content import ContentError, load_bank, load_item
from mlprep.review.schema import Question, TopicList

HERE = Path(__file__).parent


@functools.cache
def topics() -> dict[str, str]:
    """Topic key -> title, in the order of ``topics.toml``."""
    listing = load_item(HERE / "topics.toml", TopicList)
    return {key: topic.title for key, topic in listing.topics.items()}


def load_questions(root: Path | None = None) -> dict[str, Question]:
    """Every question by id (``topic/name``); raises :class:`ContentError` for a bad file."""
    known = topics()

    def topic_is_known(item_id: str, _question: Question) -> str | None:
        topic = item_id.split("/")[0]
        return None if topic in known else f"'{topic}' is not a topic of topics.toml"

    return load_bank(root or HERE / "questions", Question, depth=2, check=topic_is_known)


@functools.cache
def questions() -> dict[str, Question]:
    """The installed bank, loaded once per process."""
    return load_questions()


def topic_of(question_id: str) -> str:
    return question_id.split("/", 1)[0]


__all__ = ["ContentError", "Question", "load_questions", "questions", "topic_of", "topics"]
