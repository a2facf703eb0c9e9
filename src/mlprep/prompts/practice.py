"""Answering behavioral and deep-dive prompts: choosing one, estimating, saving with a rating.

An answer is stored as one row per part (``round`` = ``behavioral`` or ``deep_dive``, ``item`` =
the prompt id, ``part`` = the STAR section, or ``answer`` for a deep dive), each carrying the
matcher's estimate of how much of "what a strong answer shows" the whole answer covers
(``auto_score``) and the user's 1-4 self-rating as 0..1 (``self_score``).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from mlprep.prompts import bank
from mlprep.prompts.schema import Prompt
from mlprep.rubric import PointMatch, coverage, match
from mlprep.store.db import Store
from mlprep.store.practice import Answer, answers, finish_session, save_answer, start_session

ROUNDS = ("behavioral", "deep_dive")
ROUND_TITLES = {"behavioral": "Behavioral", "deep_dive": "Project deep dive"}
FREE_ANSWER = "answer"
RATINGS = {1: "Again: could not answer well", 2: "Hard", 3: "Good", 4: "Easy: interview-ready"}


class UnknownPrompt(LookupError):
    """No such round or prompt id; the message says which exist."""


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    guide: str


def check_round(round_name: str) -> str:
    if round_name not in ROUNDS:
        raise UnknownPrompt(f"unknown round '{round_name}'; the rounds are {', '.join(ROUNDS)}")
    return round_name


def get_prompt(round_name: str, prompt_id: str) -> Prompt:
    """The prompt, or :class:`UnknownPrompt` with a hint of how to list them."""
    found = bank.prompts(check_round(round_name)).get(prompt_id)
    if found is None:
        command = round_name.replace("_", "-")
        raise UnknownPrompt(
            f"unknown {round_name.replace('_', '-')} prompt '{prompt_id}' "
            f"(see `mlprep {command} --list`)"
        )
    return found


def parts(round_name: str) -> list[Part]:
    """What the user writes: the four STAR sections for behavioral, one answer for a deep dive."""
    if check_round(round_name) == "behavioral":
        return [Part(s.key, s.title, s.guide) for s in bank.star().sections]
    return [Part(FREE_ANSWER, "Your answer", "Walk through your own project, concretely.")]


def practised(store: Store, round_name: str) -> dict[str, datetime]:
    """When each prompt of the round was last answered."""
    latest: dict[str, datetime] = {}
    for answer in answers(store, round_name=round_name):
        latest[answer.item] = max(answer.created_at, latest.get(answer.item, answer.created_at))
    return latest


def choose_prompt(store: Store, round_name: str, rng: random.Random | None = None) -> str:
    """A prompt not practised yet (the first, or a random one given ``rng``), else the oldest."""
    ids = list(bank.prompts(check_round(round_name)))
    seen = practised(store, round_name)
    fresh = [i for i in ids if i not in seen]
    if fresh:
        return rng.choice(fresh) if rng else fresh[0]
    return min(ids, key=lambda i: seen[i])


def estimate(prompt: Prompt, texts: Iterable[str]) -> list[PointMatch]:
    """The matcher's first guess of which "strong answer shows" points the answer covers."""
    return match("\n".join(texts), prompt.strong_answer_shows)


def suggested_rating(ticked: int, total: int) -> int:
    """A 1-4 rating from the share of checklist points covered, as the default to accept."""
    return 1 + round(3 * ticked / total) if total else 1


def rating_score(rating: int) -> float:
    if rating not in RATINGS:
        raise ValueError(f"a rating is 1 to 4 (1 Again, 2 Hard, 3 Good, 4 Easy), not {rating}")
    return (rating - 1) / 3


def save(
    store: Store,
    round_name: str,
    prompt_id: str,
    written: Mapping[str, str],
    rating: int,
    *,
    session_id: int | None = None,
    now: datetime | None = None,
) -> list[Answer]:
    """Check, then store an answer's parts with the estimate and the rating.

    Without ``session_id`` the answer gets its own practice session (kind = the round), closed
    with a short report. Raises ValueError (nothing stored) for a bad rating or parts.
    """
    prompt = get_prompt(round_name, prompt_id)
    texts = _checked_parts(round_name, written)
    self_score = rating_score(rating)
    auto_score = coverage("\n".join(texts.values()), prompt.strong_answer_shows)
    practice = None
    with store.writing():  # one transaction: a failure (a full disk) saves no part of it
        if session_id is None:
            practice = start_session(store, round_name, 0, {"prompt": prompt_id}, now=now)
            session_id = practice.id
        saved = [
            save_answer(
                store,
                round_name,
                prompt_id,
                text,
                part=key,
                session_id=session_id,
                auto_score=auto_score,
                self_score=self_score,
                now=now,
            )
            for key, text in texts.items()
        ]
        if practice is not None:
            text = report(round_name, prompt_id, texts, rating)
            finish_session(store, practice.uid, text, now=now)
    return saved


def report(round_name: str, prompt_id: str, texts: Mapping[str, str], rating: int) -> str:
    prompt = get_prompt(round_name, prompt_id)
    titles = {p.key: p.title for p in parts(round_name)}
    covered = estimate(prompt, texts.values())
    lines = [f"# {ROUND_TITLES[round_name]}: {prompt_id}", "", f"> {prompt.prompt}", ""]
    for key, text in texts.items():
        lines += [f"**{titles[key]}**", "", text.strip() or "_(empty)_", ""]
    lines += [f"Self-rating: **{rating}/4** ({RATINGS[rating]})", ""]
    lines += ["## What a strong answer shows (the matcher's estimate)", ""]
    lines += [f"- {'found' if m.covered else '**not found**'}: {m.point}" for m in covered]
    lines += ["", "## Follow-ups to rehearse", "", *[f"- {q}" for q in prompt.follow_ups]]
    return "\n".join(lines) + "\n"


def _checked_parts(round_name: str, written: Mapping[str, str]) -> dict[str, str]:
    keys = [p.key for p in parts(round_name)]
    unknown = [k for k in written if k not in keys]
    if unknown:
        raise ValueError(f"'{unknown[0]}' is not a part of a {round_name} answer: use {keys}")
    texts = {key: written.get(key, "") for key in keys}
    if not any(t.strip() for t in texts.values()):
        raise ValueError("the answer is empty: write at least one part")
    return texts
