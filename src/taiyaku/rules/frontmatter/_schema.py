"""Shared by FM002–FM004: the site's front-matter schema, loaded and applied once per run.

The schema is ``frontmatter.schema.yaml`` in the site's ``checks-dir``.  A site without
that file has no schema: FM002–FM004 then report nothing (the other FM rules need no
schema).  A schema file that cannot be used stops the run with a one-line configuration
error (exit code 2), because every schema check would otherwise be silently skipped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from taiyaku.errors import ConfigError, SchemaConfigError
from taiyaku.rules.context import RunState
from taiyaku.rules.frontmatter.schema import (
    SchemaProblem,
    SchemaSet,
    load_schema_set,
    validate_front_matter,
)

if TYPE_CHECKING:
    from taiyaku.parse.document import Document
    from taiyaku.rules.context import Context

__all__ = ["SCHEMA_FILE", "UsesSchema", "key_column", "schema_problems", "schema_set"]

SCHEMA_FILE = "frontmatter.schema.yaml"


def schema_set(ctx: Context, *, verify: bool = True) -> SchemaSet | None:
    """The run's schema set, or None when the site has no schema file.

    ``verify=False`` (for :meth:`UsesSchema.prepare`) leaves the meta-schema check of a
    schema set loaded now to :meth:`UsesSchema.verify`.
    """
    schemas = ctx.state(SCHEMA)
    if verify and schemas is not None and not schemas.verified:
        path = ctx.checks_file(SCHEMA_FILE)
        assert path is not None
        with _as_config_error(ctx, path):
            schemas.verify()
    return schemas


def _load(ctx: Context) -> SchemaSet | None:
    path = ctx.checks_file(SCHEMA_FILE)
    if path is None:
        return None
    with _as_config_error(ctx, path):
        return load_schema_set(path, verify=False)


# The run's schema set (None: the site has none), and each page's problems by path.
SCHEMA: RunState[SchemaSet | None] = RunState("frontmatter-schema", _load)
SCHEMA_PROBLEMS: RunState[dict[str, list[SchemaProblem]]] = RunState(
    "frontmatter-schema-problems", lambda _: {}
)


@contextlib.contextmanager
def _as_config_error(ctx: Context, path: Path) -> Iterator[None]:
    """A SchemaConfigError as a one-line ConfigError naming the file as the user would."""
    try:
        yield
    except SchemaConfigError as error:
        message = error.message.replace(str(path), ctx.display_path(path), 1)
        raise ConfigError(" ".join(message.split())) from None


def schema_problems(doc: Document, ctx: Context) -> list[SchemaProblem]:
    """The schema problems of one page, validated once per run and shared by FM002–FM004."""
    schemas = schema_set(ctx)
    if schemas is None or not doc.readable:
        return []
    cache = ctx.state(SCHEMA_PROBLEMS)
    found = cache.get(doc.rel)
    if found is None:
        found = validate_front_matter(schemas, doc.rel, doc.frontmatter)
        cache[doc.rel] = found
    return found


def key_column(doc: Document, line: int) -> int:
    """The column where the key (or list item) on ``line`` starts: its indentation + 1."""
    text = doc.line_text(line)
    return len(text) - len(text.lstrip(" ")) + 1


class UsesSchema:
    """Mixin of the rules that read the schema: it is loaded before workers fork."""

    @classmethod
    def prepare(cls, ctx: Context) -> None:
        schema_set(ctx, verify=False)  # the meta-schema check is most of the cost

    @classmethod
    def verify(cls, ctx: Context) -> None:
        schema_set(ctx)  # verifies what prepare() left unverified
