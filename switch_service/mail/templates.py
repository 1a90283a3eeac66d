"""What a notice says, per language (the customer's account language; the operator's notices in English), with the
company's name in the subject and the signature. A language without its own texts gets English."""

from __future__ import annotations

from typing import Any

# kind -> (subject, body); {company} and the notice's own values are filled in.
_EN = {
    "low_balance": ("{company}: low balance on account {account}",
                    "Hello {name},\n\nthe money available on your account {account} is {available} {currency}, below "
                    "the {threshold} {currency} you asked to be told about. Top it up to keep calling.\n\n{company}"),
    "carrier_down": ("{company}: carrier {carrier} is down",
                     "Carrier {carrier} does not answer (since {since} UTC): calls go to the next carrier of their "
                     "routes meanwhile.\n\n{company}"),
    "card_batch_expiring": ("{company}: card batch {batch} expires on {expires}",
                            "The card batch {batch} expires on {expires} UTC; {unused} of its cards have never been "
                            "used.\n\n{company}"),
    "document_ready": ("{company}: {document}",
                       "Hello {name},\n\nyour {document} is attached.\n\n{company}"),
}
_ES = {
    "low_balance": ("{company}: saldo bajo en la cuenta {account}",
                    "Hola {name}:\n\nel dinero disponible en su cuenta {account} es {available} {currency}, por debajo "
                    "de los {threshold} {currency} de aviso. Recárguela para seguir llamando.\n\n{company}"),
    "document_ready": ("{company}: {document}", "Hola {name}:\n\nadjuntamos su {document}.\n\n{company}"),
}
_FR = {
    "low_balance": ("{company} : solde bas sur le compte {account}",
                    "Bonjour {name},\n\nle montant disponible sur votre compte {account} est de {available} "
                    "{currency}, sous le seuil d'alerte de {threshold} {currency}. Rechargez-le pour continuer à "
                    "appeler."
                    "\n\n{company}"),
    "document_ready": ("{company} : {document}", "Bonjour {name},\n\nvous trouverez ci-joint votre {document}."
                                                 "\n\n{company}"),
}
TEMPLATES: dict[str, dict[str, tuple[str, str]]] = {"en": _EN, "es": _ES, "fr": _FR}


def render(kind: str, language: str, **values: Any) -> tuple[str, str]:
    """(subject, body) of a notice of `kind` in `language` (its first two letters), else in English."""
    texts = TEMPLATES.get(language[:2].lower(), _EN)
    subject, body = texts.get(kind) or _EN[kind]
    return subject.format(**values), body.format(**values)
