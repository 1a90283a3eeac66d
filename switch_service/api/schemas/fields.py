"""Field types and the PATCH body base the schemas share (percentages: `switch_service.api.schemas.rates.Percent`;
ids, money and times: `switch_service.api.schemas`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, ValidationInfo, field_validator

from switch_service.api.schemas import InputModel

# A computed decimal in an answer (a margin percentage): a string in JSON, no precision limit.
DecimalText = Annotated[Decimal, PlainSerializer(str, return_type=str, when_used="json")]

# Dialled digits a route or a commission applies to; "" matches every number.
Prefix = Annotated[str, Field(max_length=20, pattern=r"^[0-9]*$", description="digits; empty matches every number")]


def _null_only_where_allowed_in_schema(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """The JSON schema says what the validator below enforces: null only for the fields in `nullable`."""
    nullable: frozenset[str] = getattr(model, "nullable", frozenset())
    for name, field in schema.get("properties", {}).items():
        options = field.get("anyOf")
        if name not in nullable and options and {"type": "null"} in options:
            options.remove({"type": "null"})
            if len(options) == 1:
                del field["anyOf"]
                field.update(options[0])
            if "default" in field and field["default"] is None:
                del field["default"]  # left out, it keeps the stored value; null it is not


class PatchModel(InputModel):
    """A PATCH body: fields left out keep their value. Null is refused (422 naming the field) except for the
    fields listed in `nullable`, where it clears the value."""

    model_config = ConfigDict(json_schema_extra=_null_only_where_allowed_in_schema)

    nullable: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="after")
    @classmethod
    def _null_only_where_allowed(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name not in cls.nullable:
            raise ValueError("cannot be null; leave the field out to keep its value")
        return value

    def changes(self) -> dict[str, Any]:
        """The fields the client sent, with their values."""
        return {name: getattr(self, name) for name in self.model_fields_set}
