"""Issuing documents: a statement of an ended period is numbered, rendered once, kept as a file in the data folder
with its SHA-256 and a row of `issued_documents`; asking again returns the kept file, never a new number.

Numbers run per series (INV postpaid invoices, ST prepaid statements, RS reseller statements) and year of issue,
1, 2, 3... without a gap: the next number is taken in the transaction that inserts the row, so a rollback gives it
back, and rows are never deleted. Two issuers racing for the same number (or the same period) collide on a unique
key; the loser's transaction fails with `DocumentRaceError` and may simply be run again.

The file is written (to a temporary name, then renamed) once the row holding its number is inserted — a concurrent
issuer of the same number waits on that row and fails, so it never overwrites the file — and before the row
commits: a failed commit leaves a file whose number the next issue takes again, overwriting it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from switch_service.config.settings import Settings
from switch_service.documents.statement_figures import (
    INVOICE,
    RESELLER_STATEMENT,
    StatementFigures,
    account_figures,
    brand_of,
    reseller_figures,
)
from switch_service.documents.statement_pdf import render_statement
from switch_service.errors import UserError
from switch_service.mail.notices import document_ready
from switch_service.mail.templates import document_title
from switch_service.store.models import Account, IssuedDocument, Reseller
from switch_service.store.repositories.company import read_company

SERIES = {INVOICE: "INV", "statement": "ST", RESELLER_STATEMENT: "RS"}
FOLDER = "documents"


class DocumentRaceError(Exception):
    """Another transaction took the same number or issued the same period first: roll back and run again."""


@dataclass(frozen=True, slots=True)
class Document:
    pdf: bytes
    figures: StatementFigures | None  # None: a kept document, read back from its file
    row: IssuedDocument | None  # None: a provisional statement (the period has not ended), not kept


def read_kept(settings: Settings, row: IssuedDocument) -> bytes:
    """The kept file, checked against its checksum (a UserError when it is missing or was changed)."""
    path = Path(settings.typed.data_dir) / row.file_path
    try:
        pdf = path.read_bytes()
    except OSError as error:
        raise UserError(f"document {row.number}: its file {path} cannot be read ({error.strerror})") from error
    if hashlib.sha256(pdf).hexdigest() != row.sha256:
        raise UserError(f"document {row.number}: the file {path} was changed after it was issued (checksum differs)")
    return pdf


def _subject(kind: str, subject_id: int) -> str:
    return f"{'reseller' if kind == RESELLER_STATEMENT else 'account'}:{subject_id}"


def kept(session: Session, subject: str, period: str) -> IssuedDocument | None:
    return session.scalar(select(IssuedDocument).where(IssuedDocument.subject == subject,
                                                       IssuedDocument.period == period))


def _keep(session: Session, settings: Settings, figures: StatementFigures, now: dt.datetime) -> Document:
    series = SERIES[figures.kind]
    year = now.year
    seq = (session.scalar(select(func.max(IssuedDocument.seq)).where(IssuedDocument.series == series,
                                                                      IssuedDocument.year == year)) or 0) + 1
    number = f"{series}-{year}-{seq:06d}"
    pdf = render_statement(figures, number, now)
    relative = Path(FOLDER) / str(year) / f"{number}.pdf"
    row = IssuedDocument(number=number, series=series, year=year, seq=seq, kind=figures.kind,
                         subject=_subject(figures.kind, figures.subject_id),
                         account_id=None if figures.kind == RESELLER_STATEMENT else figures.subject_id,
                         reseller_id=figures.subject_id if figures.kind == RESELLER_STATEMENT else None,
                         period=figures.month.period, file_path=relative.as_posix(),
                         sha256=hashlib.sha256(pdf).hexdigest(), created_at=now)
    session.add(row)
    try:  # no savepoint: pysqlite's SAVEPOINT outside its own BEGIN commits at RELEASE, before the file is there
        session.flush()
    except IntegrityError as error:
        raise DocumentRaceError(f"statement {number} was taken by another issuer at the same moment") from error
    path = Path(settings.typed.data_dir) / relative  # written once the number is ours: a loser never overwrites it
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(pdf)
    os.replace(partial, path)
    _announce(session, figures, number, path)
    return Document(pdf, figures, row)


def owner_address(session: Session, kind: str, subject_id: int) -> tuple[str | None, str, str, int | None]:
    """(e-mail address, name, language, account id) of whom a document of `kind` belongs to."""
    if kind == RESELLER_STATEMENT:
        reseller = session.get_one(Reseller, subject_id)
        return reseller.email, reseller.name, "en", None
    account = session.get_one(Account, subject_id)
    return account.email, account.name, account.language, account.id


def _mail(session: Session, kind: str, subject_id: int, *, number: str, period: str, issuer: str,
          pdf: Path) -> None:
    to, name, language, account_id = owner_address(session, kind, subject_id)
    if to:
        document_ready(session, to=to, name=name, language=language, company=issuer,
                       document=document_title(kind, language, number, period), pdf=pdf, account_id=account_id)


def _announce(session: Session, figures: StatementFigures, number: str, path: Path) -> None:
    """Queue the document's e-mail to its owner, in the transaction that keeps it (the mail component sends it),
    when the owner has an address."""
    _mail(session, figures.kind, figures.subject_id, number=number, period=figures.month.period,
          issuer=figures.issuer_name, pdf=path)


def mail_kept(session: Session, settings: Settings, row: IssuedDocument) -> None:
    """Queue a kept document's e-mail again (the desktop's Send), signed as its first one was: by the white-label
    reseller above its owner, else the company."""
    subject_id = row.reseller_id if row.kind == RESELLER_STATEMENT else row.account_id
    assert subject_id is not None
    above = (session.get_one(Reseller, subject_id).parent_id if row.kind == RESELLER_STATEMENT
             else session.get_one(Account, subject_id).reseller_id)
    brand = brand_of(session, above)
    issuer = brand.name if brand is not None else read_company(session, settings).name
    _mail(session, row.kind, subject_id, number=row.number, period=row.period, issuer=issuer,
          pdf=Path(settings.typed.data_dir) / row.file_path)


def _issue(session: Session, settings: Settings, figures: StatementFigures, now: dt.datetime) -> Document:
    if figures.provisional:
        return Document(render_statement(figures, None, now), figures, None)
    return _keep(session, settings, figures, now)


def account_document(session: Session, settings: Settings, account_id: int, period: str,
                     now: dt.datetime) -> Document:
    """The account's statement (prepaid) or invoice (postpaid) of `period`: the kept one if issued, else issued
    now (an ended period) or rendered provisionally (the current one). The caller commits."""
    row = kept(session, f"account:{account_id}", period)
    if row is not None:
        return Document(read_kept(settings, row), None, row)
    return _issue(session, settings, account_figures(session, settings, account_id, period, now), now)


def reseller_document(session: Session, settings: Settings, reseller_id: int, period: str,
                      now: dt.datetime) -> Document:
    """The reseller's statement of `period`, as `account_document` does it."""
    row = kept(session, f"reseller:{reseller_id}", period)
    if row is not None:
        return Document(read_kept(settings, row), None, row)
    figures = reseller_figures(session, settings, reseller_id, period, now)
    return _issue(session, settings, figures, now)
