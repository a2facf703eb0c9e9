"""Find problem folders, validate them against the schema and load their parts on demand."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from mlprep.files import cache_root, write_atomically
from mlprep.problems.cases import Case
from mlprep.problems.schema import SLUG_PATTERN, ProblemMeta, validate

REQUIRED_FILES = ("problem.toml", "statement.md", "starter.py", "reference.py", "tests.py")


class ProblemError(Exception):
    """A problem folder is malformed: names the file (and field) at fault."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class UnknownProblem(LookupError):
    """No problem has this slug; the message suggests the closest ones (or `mlprep list`)."""

    def __init__(self, slug: str, known: list[str]) -> None:
        from mlprep.suggest import did_you_mean

        hint = did_you_mean(slug, known, "see `mlprep list`")
        super().__init__(f"unknown problem '{slug}'{hint}")
        self.slug = slug


def bank_dir() -> Path:
    return Path(__file__).with_name("bank")


def problem_slugs(bank: Path | None = None) -> list[str]:
    root = bank or bank_dir()
    return sorted(p.name for p in root.iterdir() if (p / "problem.toml").is_file())


def load_problem(slug: str, bank: Path | None = None) -> Problem:
    root = bank or bank_dir()

    folder = root / slug
    if not re.match(SLUG_PATTERN, slug) or not (folder / "problem.toml").is_file():
        raise UnknownProblem(slug, problem_slugs(root))
    return Problem.from_folder(folder)


def list_problems(bank: Path | None = None) -> list[Problem]:
    root = bank or bank_dir()
    return [Problem.from_folder(root / slug) for slug in problem_slugs(root)]


@functools.cache
def _schema_source() -> bytes:
    here = Path(__file__).parent
    return (here / "schema.py").read_bytes() + (here / "topics.toml").read_bytes()


def read_meta(folder: Path) -> ProblemMeta:
    """Parse and validate ``problem.toml``; a text that validated before is not re-validated."""
    path = folder / "problem.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProblemError(path, f"cannot be read: {exc}") from None
    # Keyed by the text, the schema and the topic vocabulary: a change re-validates every file.
    key = hashlib.sha256(text.encode() + _schema_source()).hexdigest()
    remembered = cache_root() / "meta" / f"{key}.json"
    try:
        meta = ProblemMeta.from_validated(json.loads(remembered.read_bytes()))
    except (OSError, ValueError, TypeError, KeyError):
        meta = _validate(path, text)
        write_atomically(remembered, json.dumps(meta.to_dict()).encode())
    if meta.slug != folder.name:
        raise ProblemError(path, f"field 'slug': '{meta.slug}' differs from folder '{folder.name}'")
    return meta


def _validate(path: Path, text: str) -> ProblemMeta:
    # mlprep uses no pydantic plugins; looking for them scans every installed package's metadata.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from pydantic import ValidationError

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProblemError(path, f"not valid TOML: {exc}") from None
    try:
        return validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        text = f"field '{where}': {message}" if where else message
        extra = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ProblemError(path, f"{text}{extra}") from None


def _import_file(path: Path, name: str) -> ModuleType:
    """Import one trusted file of the problem bank as a module of its own."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # a broken bank file must name itself, not crash the CLI
        raise ProblemError(path, f"cannot be imported: {type(exc).__name__}: {exc}") from exc
    return module


@dataclass
class Problem:
    """A validated problem folder. Code files are imported only when first needed."""

    folder: Path
    meta: ProblemMeta

    @classmethod
    def from_folder(cls, folder: Path) -> Problem:
        for name in REQUIRED_FILES:
            if not (folder / name).is_file():
                raise ProblemError(folder / name, "missing file")
        return cls(folder=folder, meta=read_meta(folder))

    @property
    def slug(self) -> str:
        return self.meta.slug

    @property
    def statement(self) -> str:
        return (self.folder / "statement.md").read_text(encoding="utf-8")

    @property
    def editorial(self) -> str | None:
        path = self.folder / "editorial.md"
        return path.read_text(encoding="utf-8") if path.is_file() else None

    @property
    def reference_source(self) -> str:
        """The reference solution's file, as the editorial shows it once the problem is solved."""
        return (self.folder / "reference.py").read_text(encoding="utf-8")

    @property
    def starter(self) -> str:
        return (self.folder / "starter.py").read_text(encoding="utf-8")

    @cached_property
    def reference(self) -> Callable[..., Any]:
        path = self.folder / "reference.py"
        module = _import_file(path, f"mlprep_bank_{self.slug}_reference")
        function = getattr(module, self.meta.function, None)
        if not callable(function):
            raise ProblemError(path, f"defines no function '{self.meta.function}'")
        return function

    @cached_property
    def custom_check(self) -> Callable[..., str | None] | None:
        path = self.folder / "checker.py"
        if not path.is_file():
            return None
        check = getattr(_import_file(path, f"mlprep_bank_{self.slug}_checker"), "check", None)
        if not callable(check):
            raise ProblemError(path, "defines no function 'check(expected, actual, args)'")
        return check

    @cached_property
    def cases(self) -> list[Case]:
        """Every test, samples first, in a fixed order; the seed makes the generator repeatable."""
        path = self.folder / "tests.py"
        make = getattr(_import_file(path, f"mlprep_bank_{self.slug}_tests"), "cases", None)
        if not callable(make):
            raise ProblemError(path, "defines no function 'cases(rng)'")
        try:
            cases = list(make(np.random.default_rng(self.meta.seed)))
        except Exception as exc:
            raise ProblemError(path, f"cases() raised {type(exc).__name__}: {exc}") from exc
        return self._order_and_validate(cases, path)

    def _order_and_validate(self, cases: list[Case], path: Path) -> list[Case]:
        names = [case.name for case in cases]
        duplicated = sorted({n for n in names if names.count(n) > 1})
        if duplicated:
            raise ProblemError(path, f"duplicate case names: {', '.join(duplicated)}")
        missing = [name for name in self.meta.samples if name not in names]
        if missing:
            raise ProblemError(
                self.folder / "problem.toml",
                f"field 'samples': no case named {', '.join(missing)} in tests.py",
            )
        plot = self.meta.plot
        if plot is not None and plot.case not in self.meta.samples:
            raise ProblemError(
                self.folder / "problem.toml",
                f"field 'plot.case': '{plot.case}' is not a sample (pictures show samples only)",
            )
        by_name = {case.name: case for case in cases}
        samples = [by_name[name] for name in self.meta.samples]
        hidden = [case for case in cases if case.name not in self.meta.samples]
        return samples + hidden

    def is_sample(self, case: Case) -> bool:
        return case.name in self.meta.samples

    @property
    def wrong_solutions(self) -> list[Path]:
        return sorted((self.folder / "wrong").glob("*.py"))
