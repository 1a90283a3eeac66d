"""The IVR prompt sets as the API shows them (`/ivr/prompts`)."""

from __future__ import annotations

from pydantic import Field

from switch_service.api.schemas import OutputModel


class PromptOut(OutputModel):
    name: str = Field(description="the file name without .wav, e.g. enter_pin")
    text: str = Field(description="what the product's recording says (empty when not known)")
    replaced: bool = Field(description="true: the operator's recording plays; false: the product's")
    shipped: bool = Field(description="the product has a recording of its own, which DELETE restores")


class PromptLanguageOut(OutputModel):
    language: str = Field(description="language code, e.g. en, es, zh")
    name: str = Field(description="the language's name in English")
    native_name: str = Field(description="the language's name in itself")
    replaced: int = Field(description="prompts of this language the operator replaced")
    prompts: list[PromptOut]


class PromptSetsOut(OutputModel):
    languages: list[PromptLanguageOut]


class PromptStoredOut(OutputModel):
    """An operator's recording, stored in place of a prompt after conversion to 8 kHz mono 16-bit PCM."""

    language: str
    name: str
    source_format: str = Field(description="what was sent: WAV or MP3")
    seconds: float = Field(description="length of the stored recording")
    size: int = Field(description="bytes of the stored WAV file")
    sample_rate: int = Field(description="always 8000")
