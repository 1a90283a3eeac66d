"""The IVR prompt sets (admins): `GET /ivr/prompts` lists the languages and their prompts, each marked as the
product's or replaced by the operator; `GET /ivr/prompts/{language}/{name}.wav` is the file callers hear now;
`PUT` of that path stores the operator's recording (WAV or MP3, converted to 8 kHz mono 16-bit PCM; a file that
cannot be a prompt is a 422 naming why, and nothing changes); `DELETE` brings the product's recording back.

The media workers look a prompt up each time they play it (media/prompt_sets.py), so the next call hears the
change; no restart."""

from __future__ import annotations

from typing import Annotated, Any

from babel import Locale, UnknownLocaleError
from fastapi import Depends, Path, Query, Request, Response, status

from switch_service.api.audit import record_audit
from switch_service.api.deps import Admin, Context, DbSession
from switch_service.api.request_errors import error_responses, invalid, not_found
from switch_service.api.routes.router import api_router
from switch_service.api.schemas.ivr import PromptLanguageOut, PromptOut, PromptSetsOut, PromptStoredOut
from switch_service.media.prompt_import import MAX_SECONDS, SAMPLE_RATE, PromptFileError, convert
from switch_service.media.prompt_sets import PromptSets, operator_folder
from switch_service.media.prompts import PromptMissingError

router = api_router(prefix="/ivr/prompts", tags=["ivr"])

Language = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="language code, e.g. en")]
Name = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="prompt name, e.g. enter_pin")]
_AUDIO_SCHEMA = {"type": "string", "format": "binary"}
UPLOAD: dict[str, Any] = {"requestBody": {"required": True, "description": (
    f"the recording: a WAV (PCM, A-law or µ-law, any rate, mono or stereo) or MP3 file of at most {MAX_SECONDS} s; "
    "the file is judged by its content, whatever the Content-Type (audio/* bodies may be api_max_upload_mib large, "
    "others api_max_body_kib)"),
    "content": {media_type: {"schema": _AUDIO_SCHEMA}
                for media_type in ("audio/wav", "audio/mpeg", "application/octet-stream")}}}
WAV: dict[int | str, dict[str, Any]] = {200: {"content": {"audio/wav": {}},
                                               "description": "the WAV file played to callers (8 kHz mono)"}}


def prompt_sets(context: Context) -> PromptSets:
    typed = context.settings.typed
    return PromptSets(operator_folder(typed.ivr_prompts_dir, typed.data_dir))


Sets = Annotated[PromptSets, Depends(prompt_sets)]


async def upload(request: Request) -> bytes:
    return await request.body()


def _language_names(code: str) -> tuple[str, str]:
    try:
        locale = Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return code, code
    return locale.get_display_name("en") or code, locale.get_display_name(locale) or code


def _language(sets: PromptSets, code: str) -> PromptLanguageOut:
    prompts = [PromptOut(name=p.name, text=p.text, replaced=p.replaced, shipped=p.shipped)
               for p in sets.prompts(code)]
    name, native = _language_names(code)
    return PromptLanguageOut(language=code, name=name, native_name=native,
                             replaced=sum(p.replaced for p in prompts), prompts=prompts)


@router.get("", responses=error_responses(401, 403, 404))
def list_prompts(_user: Admin, sets: Sets,
                 language: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_-]{1,64}$",
                                                       description="only this language")] = None) -> PromptSetsOut:
    """Every language's prompts (or one language's), each marked as the product's or the operator's."""
    codes = sets.languages()
    if language is not None:
        if language not in codes:
            raise not_found("prompt language", language)
        codes = [language]
    return PromptSetsOut(languages=[_language(sets, code) for code in codes])


@router.get("/{language}/{name}.wav", response_class=Response, responses={**WAV, **error_responses(401, 403, 404)})
def get_prompt(language: Language, name: Name, _user: Admin, sets: Sets) -> Response:
    """The file callers hear for this prompt now: the operator's recording, else the product's (English's when the
    language has none)."""
    if not sets.known(language, name):
        raise not_found(f"prompt of language {language}", name)
    try:
        path = sets.file(language, name)
    except PromptMissingError:
        raise not_found(f"prompt of language {language}", name) from None
    return Response(path.read_bytes(), media_type="audio/wav",
                    headers={"X-Prompt-Replaced": "true" if sets.replaced(language, name) else "false"})


@router.put("/{language}/{name}.wav", openapi_extra=UPLOAD, responses=error_responses(401, 403, 404, 413))
def put_prompt(language: Language, name: Name, *, user: Admin, sets: Sets, session: DbSession,
               data: Annotated[bytes, Depends(upload)]) -> PromptStoredOut:
    """Play the operator's recording for this prompt from the next call on. 422 naming why for a file that cannot
    be a prompt (empty, not WAV nor MP3, damaged, longer than the limit, silent); nothing is changed then."""
    if not sets.known(language, name):
        raise not_found(f"prompt of language {language}", name)
    try:
        prompt = convert(data)
    except PromptFileError as problem:
        raise invalid(("body",), str(problem), f"{len(data)} bytes") from None
    sets.replace(language, name, prompt.wav)
    out = PromptStoredOut(language=language, name=name, source_format=prompt.kind, seconds=round(prompt.seconds, 3),
                          size=len(prompt.wav), sample_rate=SAMPLE_RATE)
    record_audit(session, user, "update", "ivr_prompt", f"{language}/{name}", out.model_dump(mode="json"))
    return out


@router.delete("/{language}/{name}.wav", status_code=status.HTTP_204_NO_CONTENT,
               responses=error_responses(401, 403, 404))
def restore_prompt(language: Language, name: Name, user: Admin, sets: Sets, session: DbSession) -> None:
    """Drop the operator's recording: the product's plays again from the next call on. 404 when the prompt was
    not replaced."""
    if not sets.known(language, name) or not sets.restore(language, name):
        raise not_found(f"replaced prompt of language {language}", name)
    record_audit(session, user, "delete", "ivr_prompt", f"{language}/{name}", {})
