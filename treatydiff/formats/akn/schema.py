"""Validation against the OASIS Akoma Ntoso 3.0 schema, located by the caller.

The schema (``akomantoso30.xsd`` with the ``xml.xsd`` it imports beside it) is
not part of the package: pass its path, or set ``TREATYDIFF_AKN_SCHEMA``.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from treatydiff.errors import ParseError, SchemaError
from treatydiff.formats.safexml import parse_xml

if TYPE_CHECKING:
    from lxml.etree._docloader import _InputDocument

__all__ = ["SCHEMA_ENV", "validate_akn"]

#: Environment variable naming the path of ``akomantoso30.xsd``.
SCHEMA_ENV = "TREATYDIFF_AKN_SCHEMA"


class _SchemaResolver(etree.Resolver):
    """Resolves the schema's imports (``xml.xsd``) from the schema's own directory."""

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self._directory = directory

    def resolve(
        self, system_url: str | None, public_id: str | None, context: object, /
    ) -> _InputDocument | None:
        if system_url is None:
            return None
        local = self._directory / system_url.rsplit("/", 1)[-1]
        if local.is_file():
            return self.resolve_filename(str(local), context)
        return None


@functools.lru_cache(maxsize=4)
def _schema(path: Path) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_SchemaResolver(path.parent))
    try:
        return etree.XMLSchema(etree.parse(str(path), parser))
    except (OSError, etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise SchemaError(f"cannot load the Akoma Ntoso schema {path}: {exc}") from None


def _schema_path(schema: str | Path | None) -> Path:
    """The schema file from the argument, else from :data:`SCHEMA_ENV`."""
    if schema is None:
        schema = os.environ.get(SCHEMA_ENV) or None
    if schema is None:
        raise SchemaError(
            "no Akoma Ntoso schema given: pass schema=<path to akomantoso30.xsd> "
            f"or set {SCHEMA_ENV}"
        )
    path = Path(schema)
    if not path.is_file():
        raise SchemaError(f"Akoma Ntoso schema not available at {path}")
    return path.resolve()


def validate_akn(data: bytes, schema: str | Path | None = None) -> None:
    """Validate against the OASIS Akoma Ntoso 3.0 schema; raises SchemaError.

    ``schema`` is the path of ``akomantoso30.xsd`` (its ``xml.xsd`` import is
    read from the same directory); without it, ``$TREATYDIFF_AKN_SCHEMA``.
    """
    compiled = _schema(_schema_path(schema))
    try:
        doc = parse_xml(data)
    except ParseError as exc:
        raise SchemaError(str(exc)) from None
    if not compiled.validate(doc):
        errors = "; ".join(
            f"line {e.line}: {e.message}" for e in list(compiled.error_log)[:3]
        )
        raise SchemaError(f"not valid Akoma Ntoso 3.0: {errors}")
