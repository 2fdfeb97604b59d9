"""Validation against the OASIS Akoma Ntoso 3.0 schema, found by path, never shipped."""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from treatydiff.errors import ParseError, SchemaError
from treatydiff.formats.safexml import parse_xml

__all__ = ["SCHEMA_PATH", "validate_akn"]

# The OASIS schema lives beside the checkout (../shared), never inside it.
SCHEMA_PATH = (
    Path(__file__).resolve().parents[4]
    / "shared"
    / "schemas"
    / "akn"
    / "akomantoso30.xsd"
)


class _SchemaResolver(etree.Resolver):
    """Resolves the schema's imports (``xml.xsd``) from the schema's own directory."""

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self._directory = directory

    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        local = self._directory / url.rsplit("/", 1)[-1]
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


def validate_akn(data: bytes, schema: str | Path | None = None) -> None:
    """Validate against the OASIS Akoma Ntoso 3.0 schema; raises SchemaError.

    ``schema`` defaults to :data:`SCHEMA_PATH` (``../shared`` beside the checkout).
    """
    path = Path(schema) if schema is not None else SCHEMA_PATH
    if not path.is_file():
        raise SchemaError(f"Akoma Ntoso schema not available at {path}")
    compiled = _schema(path.resolve())
    try:
        doc = parse_xml(data)
    except ParseError as exc:
        raise SchemaError(str(exc)) from None
    if not compiled.validate(doc):
        errors = "; ".join(
            f"line {e.line}: {e.message}" for e in list(compiled.error_log)[:3]
        )
        raise SchemaError(f"not valid Akoma Ntoso 3.0: {errors}")
