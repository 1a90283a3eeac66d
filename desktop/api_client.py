"""A blocking client of the Carrierdesk HTTP API. Call it from ops (`desktop.ops.Op`), never on the GUI
thread: every method may wait for the network.

Answers are parsed into the models of `switch_service.api.schemas`; any refusal becomes `ApiError` with
the service's own `detail` text, so the GUI can show exactly what the service said.
"""

from __future__ import annotations

from typing import Any, TypeVar

import pydantic
import requests

from switch_service.api.schemas import (
    API_PREFIX,
    DEFAULT_PAGE_SIZE,
    AccountCreate,
    AccountOut,
    AccountPage,
    Health,
    LoginIn,
    LoginOut,
    UserOut,
)

M = TypeVar("M", bound=pydantic.BaseModel)

HTTP_UNAUTHORIZED = 401


class ApiError(Exception):
    """The service refused (status is its HTTP status) or could not be asked (status 0)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


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
        result = self._parse(LoginOut, self._request("POST", "/auth/login", json=body.model_dump(), auth=False))
        self._token = result.token
        return result

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
                      q: str | None = None) -> AccountPage:
        params: dict[str, Any] = {"limit": limit}
        if after is not None:
            params["after"] = after
        if q:
            params["q"] = q
        return self._parse(AccountPage, self._request("GET", "/accounts", params=params))

    def get_account(self, account_id: int) -> AccountOut:
        return self._parse(AccountOut, self._request("GET", f"/accounts/{account_id}"))

    def create_account(self, account: AccountCreate) -> AccountOut:
        body = account.model_dump(mode="json", exclude_none=True)
        return self._parse(AccountOut, self._request("POST", "/accounts", json=body))

    # --- plumbing --------------------------------------------------------------------------------

    def close(self) -> None:
        self._http.close()

    def _request(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
                 auth: bool = True, token: str | None = None) -> Any:
        headers = {}
        token = token or (self._token if auth else None)
        if auth:
            if token is None:
                raise ApiError(HTTP_UNAUTHORIZED, "not signed in")
            headers["Authorization"] = f"Bearer {token}"
        url = f"{self.base_url}{API_PREFIX}{path}"
        try:
            response = self._http.request(method, url, json=json, params=params, headers=headers,
                                          timeout=self.timeout)
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise ServiceUnreachableError(self.base_url, type(exc).__name__) from None
        except requests.RequestException as exc:  # malformed URL and the like
            raise ApiError(0, f"{self.base_url} is not a usable service address: {exc}") from None
        if not response.ok:
            raise ApiError(response.status_code, _detail(response))
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


def _detail(response: requests.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict) and "detail" in body:
        detail = body["detail"]
        return detail if isinstance(detail, str) else describe_validation(detail)
    return f"{response.status_code} {response.reason}"
