"""Content banks as data: one TOML file per item, validated by a pydantic model at load time.

The breadth questions, the design case studies and the prompt banks all use this: an item's id is
its path under the bank folder without ``.toml`` (``metrics/f1-from-counts``), and a malformed file
is reported as ``path: field 'x': why`` so an author knows exactly what to fix.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

ID_PART = re.compile(r"^[a-z0-9][a-z0-9_-]{1,63}$")
Item = TypeVar("Item", bound=BaseModel)


class ContentError(Exception):
    """A content file is malformed: names the file (and field) at fault."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class Strict(BaseModel):
    """Base of every content model: unknown fields are errors, loaded items are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def describe_validation_error(exc: ValidationError) -> str:
    """The first problem of a pydantic error as ``field 'x': why (and N more)``."""
    return describe_errors(exc.errors())


def describe_errors(errors: Sequence[Mapping[str, Any]]) -> str:
    """Pydantic's error list (also FastAPI's) as one line naming the first field at fault."""
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    text = f"field '{where}': {message}" if where else message
    extra = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{text}{extra}"


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(path, f"cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(path, f"not valid TOML: {exc}") from None


def load_item(path: Path, model: type[Item], context: dict[str, Any] | None = None) -> Item:
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        return model.model_validate(read_toml(path), context=context)
    except ValidationError as exc:
        raise ContentError(path, describe_validation_error(exc)) from None


def load_bank(
    root: Path,
    model: type[Item],
    *,
    depth: int = 1,
    context: dict[str, Any] | None = None,
    check: Callable[[str, Item], str | None] | None = None,
) -> dict[str, Item]:
    """Every ``*.toml`` ``depth`` folders deep under ``root``, by id, in id order.

    ``check(id, item)`` may return a reason to reject an item that the model alone cannot see
    (a topic folder that is not a known topic, say).
    """
    if not root.is_dir():
        raise ContentError(root, "the content folder is missing")
    pattern = "/".join(["*"] * (depth - 1) + ["*.toml"])
    items: dict[str, Item] = {}
    for path in sorted(root.glob(pattern)):
        item_id = path.relative_to(root).with_suffix("").as_posix()
        bad = next((p for p in item_id.split("/") if not ID_PART.match(p)), None)
        if bad is not None:
            raise ContentError(path, f"'{bad}' is not a valid name: use a-z, 0-9, '-' and '_'")
        item = load_item(path, model, context)
        reason = check(item_id, item) if check else None
        if reason:
            raise ContentError(path, reason)
        items[item_id] = item
    return items
