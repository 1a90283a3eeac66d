"""A blocking client of the Carrierdesk HTTP API. Call it from ops (`desktop.ops.Op`), never on the GUI
thread: every method may wait for the network.

Answers are parsed into the models of `switch_service.api.schemas`; any refusal becomes `ApiError` with
the service's own `detail` text, so the GUI can show exactly what the service said.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import pydantic
import requests

from desktop.id_list import decode_id_list
from switch_service.api.schemas import (
    API_PREFIX,
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    AccountCreate,
    AccountOut,
    AccountPage,
    Health,
    LoginIn,
    LoginOut,
    UserOut,
)
from switch_service.api.schemas.setup import SetupIn, SetupStatus

M = TypeVar("M", bound=pydantic.BaseModel)

HTTP_UNAUTHORIZED = 401


class ApiError(Exception):
    """The service refused (status is its HTTP status) or could not be asked (status 0). `message` is the service's
    own words (English); `code`, `field`, `params` and a 422's `problems` let the desktop say it in its own
    (`desktop.service_errors`)."""

    def __init__(self, status: int, message: str, *, code: str = "", field: str | None = None,
                 params: dict[str, str] | None = None, problems: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.field = field
        self.params = params or {}
        self.problems = problems or []


class ServiceUnreachableError(ApiError):
    """Nothing answers at the URL (refused, timed out, unknown host)."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(0, f"No Carrierdesk service answers at {url} ({reason})")
        self.url = url
        self.reason = reason


def describe_validation(errors: list[dict[str, Any]] | Any) -> str:
    """'field: message' lines from pydantic/FastAPI validation errors (the 422 `detail` list)."""
    if not isinstance(errors, list):
        return str(errors)
    lines = []
    for error in errors:
        if not isinstance(error, dict):
            lines.append(str(error))
            continue
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")]
        message = str(error.get("msg", "invalid"))
        lines.append(f"{'.'.join(location)}: {message}" if location else message)
    return "; ".join(lines)


def normalise_base_url(url: str) -> str:
    """'127.0.0.1:8470/' or '.../api/v1' -> 'http://127.0.0.1:8470'."""
    url = url.strip().rstrip("/")
    if url.endswith(API_PREFIX):
        url = url[: -len(API_PREFIX)]
    if "://" not in url:
        url = f"http://{url}"
    return url


class ApiClient:
    def __init__(self, base_url: str, *, timeout: float = 15.0) -> None:
        self.base_url = normalise_base_url(base_url)
        self.timeout = timeout
        self._http = requests.Session()
        self._http.headers["Accept"] = "application/json"
        self._token: str | None = None

    @property
    def signed_in(self) -> bool:
        return self._token is not None

    # --- service and sign-in ---------------------------------------------------------------------

    def health(self) -> Health:
        return self._parse(Health, self._request("GET", "/health", auth=False))

    def login(self, username: str, password: str) -> LoginOut:
        body = LoginIn(username=username, password=password)
        return self._take_token(
            self._parse(LoginOut, self._request("POST", "/auth/login", json=body.model_dump(), auth=False)))

    def setup_status(self) -> SetupStatus:
        """Whether the service still needs its first admin (asked before anyone can sign in)."""
        return self._parse(SetupStatus, self._request("GET", "/setup", auth=False))

    def first_setup(self, body: SetupIn) -> LoginOut:
        """Create the first admin and the company settings; signed in as that admin afterwards."""
        return self._take_token(self._parse(LoginOut, self._request("POST", "/setup", json=_body(body), auth=False)))

    def _take_token(self, answer: LoginOut) -> LoginOut:
        self._token = answer.token
        return answer

    def drop_token(self) -> str | None:
        """Forget the token locally (no I/O; fine on the GUI thread); returns it for `revoke`."""
        token, self._token = self._token, None
        return token

    def logout(self) -> None:
        """Drop the token at once, then ask the service to forget it."""
        self.revoke(self.drop_token())

    def revoke(self, token: str | None) -> None:
        """Ask the service to forget a token (an already expired or unknown one is fine)."""
        if token is None:
            return
        try:
            self._request("POST", "/auth/logout", token=token)
        except ApiError as exc:
            if exc.status != HTTP_UNAUTHORIZED:
                raise

    def me(self) -> UserOut:
        return self._parse(UserOut, self._request("GET", "/auth/me"))

    # --- accounts --------------------------------------------------------------------------------

    def list_accounts(self, after: int | None = None, limit: int = DEFAULT_PAGE_SIZE,
                      q: str | None = None, selection: Mapping[str, Any] | None = None) -> AccountPage:
        """A page of accounts; `selection`: more query parameters (filters, `sort`/`order`)."""
        params: dict[str, Any] = {"limit": limit, "after": after, "q": q or None, **(selection or {})}
        return self._parse(AccountPage, self._request("GET", "/accounts", params=_present(params)))

    def account_ids(self, q: str | None = None, selection: Mapping[str, Any] | None = None) -> array[int]:
        """Every id `list_accounts` would page through for this search and selection, in its order."""
        return self.get_ids("/accounts/ids", {"q": q or None, **(selection or {})})

    def accounts_by_id(self, ids: Iterable[int]) -> list[AccountOut]:
        """The accounts of these ids that this user may see, in as few requests as the API allows."""
        wanted = sorted(set(ids))
        found: list[AccountOut] = []
        for first in range(0, len(wanted), MAX_PAGE_SIZE):
            found += self.get("/accounts", AccountPage, {"ids": wanted[first:first + MAX_PAGE_SIZE]}).items
        return found

    def get_account(self, account_id: int) -> AccountOut:
        return self._parse(AccountOut, self._request("GET", f"/accounts/{account_id}"))

    def create_account(self, account: AccountCreate) -> AccountOut:
        body = account.model_dump(mode="json", exclude_none=True)
        return self._parse(AccountOut, self._request("POST", "/accounts", json=body))

    # --- any resource: pages call these with the schema model of the answer -----------------------

    def get(self, path: str, model: type[M], params: dict[str, Any] | None = None) -> M:
        """GET `path` (under /api/v1); None-valued params are left out."""
        return self._parse(model, self._request("GET", path, params=_present(params)))

    def get_ids(self, path: str, params: dict[str, Any] | None = None) -> array[int]:
        """GET an id list (`IdList`), decoded in slices here in the worker (see desktop.id_list)."""
        body = self._request("GET", path, params=_present(params), raw=True)
        try:
            return decode_id_list(body)
        except ValueError as exc:
            raise ApiError(0, f"unexpected answer from {self.base_url}: {exc}") from None

    def post(self, path: str, model: type[M], body: pydantic.BaseModel | None = None, *,
             idempotency_key: str | None = None) -> M:
        """POST `body`; with `idempotency_key` (a payment's), sending it again returns the first answer."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key is not None else None
        return self._parse(model, self._request("POST", path, json=_body(body), headers=headers))

    def patch(self, path: str, model: type[M], body: pydantic.BaseModel) -> M:
        """Only the fields set on `body` are sent: a PATCH changes what the user changed."""
        return self._parse(model, self._request("PATCH", path, json=_json(body, exclude_unset=True)))

    def put(self, path: str, model: type[M], body: pydantic.BaseModel) -> M:
        """PUT `body` whole: the resource becomes what it says."""
        return self._parse(model, self._request("PUT", path, json=_body(body)))

    def delete(self, path: str) -> None:
        self._request("DELETE", path)

    def delete_for(self, path: str, model: type[M]) -> M:
        """A DELETE whose answer says what was done (a DID still named by call records is deactivated instead)."""
        return self._parse(model, self._request("DELETE", path))

    def upload(self, path: str, model: type[M], file_name: str, content: bytes,
               fields: dict[str, str] | None = None) -> M:
        """POST a file as multipart/form-data (rate decks)."""
        return self._parse(model, self._request("POST", path, files={"file": (file_name, content)}, data=fields))

    def put_file(self, path: str, model: type[M], content: bytes, media_type: str) -> M:
        """PUT a file as the body itself (a reseller's logo)."""
        return self._parse(model, self._request("PUT", path, data=content, headers={"Content-Type": media_type}))

    def download(self, path: str, params: dict[str, Any] | None = None) -> bytes:
        """The raw body of a GET (CSV exports)."""
        return self._request("GET", path, params=_present(params), raw=True)  # type: ignore[no-any-return]

    def open_stream(self, path: str, *, read_timeout: float) -> requests.Response:
        """GET `path` with the body left unread (server-sent events), on a connection of its own so it never holds
        up other calls. Read it with `iter_lines`; `raw.shutdown()` from another thread ends a blocked read;
        close it when done. `read_timeout` bounds a silence (the stream's keep-alive comes more often)."""
        token = self._token
        if token is None:
            raise ApiError(HTTP_UNAUTHORIZED, "not signed in")
        url = f"{self.base_url}{API_PREFIX}{path}"
        headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
        try:
            response = requests.get(url, headers=headers, stream=True, timeout=(self.timeout, read_timeout))
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise ServiceUnreachableError(self.base_url, type(exc).__name__) from None
        except requests.RequestException as exc:
            raise ApiError(0, f"{self.base_url} is not a usable service address: {exc}") from None
        if not response.ok:
            with response:
                raise _refusal(response)
        return response

    # --- plumbing --------------------------------------------------------------------------------

    def close(self) -> None:
        self._http.close()

    def _request(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
                 auth: bool = True, token: str | None = None, files: dict[str, Any] | None = None,
                 data: dict[str, str] | bytes | None = None, raw: bool = False,
                 headers: dict[str, str] | None = None) -> Any:
        headers = dict(headers or {})
        token = token or (self._token if auth else None)
        if auth:
            if token is None:
                raise ApiError(HTTP_UNAUTHORIZED, "not signed in")
            headers["Authorization"] = f"Bearer {token}"
        url = f"{self.base_url}{API_PREFIX}{path}"
        try:
            response = self._http.request(method, url, json=json, params=params, headers=headers,
                                          files=files, data=data, timeout=self.timeout)
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise ServiceUnreachableError(self.base_url, type(exc).__name__) from None
        except requests.RequestException as exc:  # malformed URL and the like
            raise ApiError(0, f"{self.base_url} is not a usable service address: {exc}") from None
        if not response.ok:
            raise _refusal(response)
        if raw:
            return response.content
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            raise ApiError(response.status_code,
                           f"the answer from {self.base_url} is not JSON; is this a Carrierdesk service?") from None

    def _parse(self, model: type[M], data: Any) -> M:
        try:
            return model.model_validate(data)
        except pydantic.ValidationError as exc:
            raise ApiError(0, f"unexpected answer from {self.base_url}: "
                              f"{describe_validation(exc.errors(include_url=False))}") from None


def _present(params: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if params is None else {key: value for key, value in params.items() if value is not None}


def _body(body: pydantic.BaseModel | None) -> Any:
    return None if body is None else _json(body, exclude_none=True)


def _json(body: pydantic.BaseModel, *, exclude_none: bool = False, exclude_unset: bool = False) -> dict[str, Any]:
    """The body as JSON, with its secrets (a PIN to look up, a voucher code, a trunk password) in clear: pydantic
    writes a SecretStr as '**********', which the service would take for the value."""
    data: dict[str, Any] = body.model_dump(mode="json", exclude_none=exclude_none, exclude_unset=exclude_unset)
    for name in data:
        value = getattr(body, name)
        if isinstance(value, pydantic.SecretStr):
            data[name] = value.get_secret_value()
    return data


def _refusal(response: requests.Response) -> ApiError:
    """The service's error answer: its words (`detail`), its code, field and params, and a 422's problems."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict) or "detail" not in body:
        return ApiError(response.status_code, f"{response.status_code} {response.reason}")
    detail = body["detail"]
    params = body.get("params")
    return ApiError(response.status_code, detail if isinstance(detail, str) else describe_validation(detail),
                    code=str(body.get("code") or ""), field=body.get("field") or None,
                    params={str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else None,
                    problems=[item for item in detail if isinstance(item, dict)] if isinstance(detail, list) else None)
