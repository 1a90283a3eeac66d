"""Rows named the way people read them: an account by its number, a trunk or a reseller by its name.

Answers of the API carry ids (a DID's `account_id`, a batch's `reseller_id`); a table shows what the id stands
for, fetched once per id from the worker thread that loads the page (`IdLabels.fill` inside the page loader), so
drawing a cell never waits for the network. And a person types an account number where a body needs an id
(`account_by_number`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop.api_client import ApiClient, ApiError
from desktop.qt import QCoreApplication
from switch_service.api.schemas import MAX_PAGE_SIZE, AccountOut

MAX_LABELS = 20_000  # forgotten all at once beyond this: a label is cheap to fetch again
ACCOUNT_SEARCH_PAGES = 10  # how far `account_by_number` pages through the accounts whose number contains the text


class AccountNotFoundError(ApiError):
    def __init__(self, number: str) -> None:
        text = QCoreApplication.translate("AccountRefs", "No account you may see has the number {number}")
        super().__init__(404, text.format(number=number))


def account_by_number(client: ApiClient, number: str) -> AccountOut:
    """The account with exactly this number (blocking: call it in an Op). The API searches by part of the number
    or name, so the exact match is picked from its pages."""
    wanted = number.strip()
    if not wanted:
        raise AccountNotFoundError(number)
    after: int | None = None
    for _ in range(ACCOUNT_SEARCH_PAGES):
        page = client.list_accounts(after=after, limit=MAX_PAGE_SIZE, q=wanted)
        for account in page.items:
            if account.number == wanted:
                return account
        if page.next_after is None:
            break
        after = page.next_after
    raise AccountNotFoundError(number)


@dataclass(frozen=True)
class ManyLabels:
    """Labels fetched for many ids in one request: ids -> {id: label} (ids not found are left out)."""

    fetch: Callable[[Sequence[int]], Mapping[int, str]]


def account_numbers(client: ApiClient) -> ManyLabels:
    """What `IdLabels` shows for an account id: the account's number, for a whole page of ids in one request
    (`GET /accounts?ids=`)."""
    return ManyLabels(lambda ids: {account.id: account.number for account in client.accounts_by_id(ids)})


def id_text(row_id: int) -> str:
    return f"#{row_id}"


class IdLabels:
    """id -> label, filled from a worker thread and read on the GUI thread (plain dict operations, atomic under
    the GIL). An id that cannot be fetched (gone, or not for this role) is labelled '#id'."""

    def __init__(self) -> None:
        self._fetch: Callable[[int], str] | ManyLabels | None = None
        self._labels: dict[int, str] = {}
        self._lock = threading.Lock()  # two pages loading at once fetch each id once

    def reset(self, fetch: Callable[[int], str] | ManyLabels | None) -> None:
        """Forget every label; later ones come from `fetch`, one id or many at a time (None: ids are shown as
        '#id')."""
        with self._lock:
            self._fetch = fetch
            self._labels.clear()

    def fill(self, ids: Iterable[int | None]) -> None:
        """Fetch the labels not known yet (blocking: call it in the page loader)."""
        with self._lock:
            missing = {row_id for row_id in ids if row_id is not None and row_id not in self._labels}
            if len(self._labels) + len(missing) > MAX_LABELS:
                self._labels.clear()
            fetch = self._fetch
            if isinstance(fetch, ManyLabels) and missing:
                try:
                    found = fetch.fetch(sorted(missing))
                except ApiError:
                    found = {}
                self._labels.update({row_id: found.get(row_id) or id_text(row_id) for row_id in missing})
                return
            for row_id in sorted(missing):
                self._labels[row_id] = self._fetched(row_id)

    def remember(self, row_id: int, label: str) -> None:
        self._labels[row_id] = label

    def label(self, row_id: int | None) -> str:
        if row_id is None:
            return ""
        return self._labels.get(row_id) or id_text(row_id)

    def _fetched(self, row_id: int) -> str:
        if self._fetch is None or isinstance(self._fetch, ManyLabels):
            return id_text(row_id)
        try:
            return self._fetch(row_id)
        except ApiError:
            return id_text(row_id)
