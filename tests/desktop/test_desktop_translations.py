"""Every visible text of the desktop goes through Qt Linguist, and every language has all of them.

1. An AST check: a string literal with letters in it, passed where Qt shows text to a person (setText,
   QLabel(...), addItem, QMessageBox, ...), must be wrapped in `self.tr(...)` or
   `QCoreApplication.translate(...)`; and the text inside those calls must be a plain literal, or
   lupdate cannot extract it. Literals without letters ("…", " — ") need no translation. Anything else
   that is deliberately not translated goes in NOT_VISIBLE, with the reason.
2. lupdate is run over desktop/ into a temporary folder and compared with i18n/*.ts: a text missing from
   a catalogue, left unfinished, left over from removed code, or losing a {placeholder} fails.
"""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

import desktop
from desktop.i18n import CATALOGUE, LANGUAGES
from installer.build_translations import lupdate_command

DESKTOP = Path(desktop.__file__).parent
I18N = DESKTOP.parent / "i18n"

# method name -> positions of its arguments that Qt shows as text ("*" = every element of a list argument)
TEXT_METHODS: dict[str, tuple[int | str, ...]] = {
    **dict.fromkeys((
        "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText",
        "setTitle", "setLabelText", "setInformativeText", "setDetailedText", "setPrefix", "setSuffix",
        "setSpecialValueText", "setCancelButtonText", "setAccessibleName", "setAccessibleDescription",
        "setWindowIconText", "showMessage", "addItem", "addRow", "addMenu", "addAction", "addSection",
        "setHtml", "setMarkdown", "setFormat",
    ), (0,)),
    **dict.fromkeys(("setTabText", "setItemText", "setTabToolTip", "insertItem", "addTab", "setButtonText"), (1,)),
    "insertTab": (2,),
    **dict.fromkeys(("addItems", "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels"),
                    ("*",)),
}
# widget class -> positions of its constructor's text arguments
TEXT_CONSTRUCTORS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(("QLabel", "QCheckBox", "QRadioButton", "QGroupBox", "QMenu", "QDockWidget",
                     "QListWidgetItem", "QTableWidgetItem", "QCommandLinkButton"), (0,)),
    **dict.fromkeys(("QPushButton", "QAction"), (0, 1)),  # (text) or (icon, text)
    "QMessageBox": (1, 2),  # (icon, title, text, ...)
    "QProgressDialog": (0, 1),  # (label, cancel button)
}
# QMessageBox.warning(parent, title, text), QInputDialog.getText(parent, title, label), QFileDialog captions
TEXT_STATICS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(("warning", "information", "critical", "question", "about", "getText", "getInt",
                     "getDouble", "getItem", "getMultiLineText"), (1, 2)),
    **dict.fromkeys(("getOpenFileName", "getSaveFileName", "getExistingDirectory", "getOpenFileNames"), (1, 3)),
}
TEXT_KEYWORDS = {"text", "title", "label", "labelText", "caption", "toolTip", "placeholderText", "windowTitle",
                 "filter"}
TRANSLATORS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}

# (file relative to desktop/, literal): texts shown as they are on purpose.
NOT_VISIBLE: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


def _has_letters(text: str) -> bool:
    return any(character.isalpha() for character in text)


def _is_translation(node: ast.expr) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name in TRANSLATORS


def _bare_literals(node: ast.expr) -> list[ast.Constant]:
    """The literals with letters in `node` that reach the screen without a translation call."""
    if _is_translation(node):
        return []
    if isinstance(node, ast.Constant):
        return [node] if isinstance(node.value, str) and _has_letters(node.value) else []
    if isinstance(node, ast.JoinedStr):
        return [part for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str)
                and _has_letters(part.value)]
    if isinstance(node, ast.BinOp):  # "a" + b, "%s items" % n
        return _bare_literals(node.left) + _bare_literals(node.right)
    if isinstance(node, ast.IfExp):
        return _bare_literals(node.body) + _bare_literals(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [found for value in node.values for found in _bare_literals(value)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in {"format", "join"}:
        return _bare_literals(node.func.value)  # "{n} items".format(n=n); self.tr(...).format(...) is fine
    return []


def _text_arguments(call: ast.Call) -> list[ast.expr]:
    func = call.func
    positions: tuple[int | str, ...] = ()
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        if owner.startswith("Q") and func.attr in TEXT_STATICS:
            positions = TEXT_STATICS[func.attr]
        else:
            positions = TEXT_METHODS.get(func.attr, ())
    elif isinstance(func, ast.Name):
        positions = TEXT_CONSTRUCTORS.get(func.id, ())
    found: list[ast.expr] = []
    for position in positions:
        if position == "*":
            for argument in call.args[:1]:
                found.extend(argument.elts if isinstance(argument, ast.List | ast.Tuple) else [argument])
        elif isinstance(position, int) and position < len(call.args):
            found.append(call.args[position])
    if positions or (isinstance(func, ast.Name) and func.id.startswith("Q")):
        found.extend(keyword.value for keyword in call.keywords if keyword.arg in TEXT_KEYWORDS)
    return found


def _untranslatable(call: ast.Call) -> list[ast.expr]:
    """A tr/translate call whose text is not one plain literal: lupdate cannot extract it."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in {"tr", "translate"}:
        return []
    texts = call.args[1:2] if func.attr == "translate" else call.args[:1]
    contexts = call.args[:1] if func.attr == "translate" else []
    return [node for node in (*contexts, *texts)
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str))]


def find_untranslated(source: str, path: str) -> list[Finding]:
    findings = []
    for node in ast.walk(ast.parse(source, path)):
        if not isinstance(node, ast.Call):
            continue
        for argument in _text_arguments(node):
            for literal in _bare_literals(argument):
                assert isinstance(literal.value, str)
                if (path, literal.value) not in NOT_VISIBLE:
                    findings.append(Finding(path, literal.lineno, f"not translated: {literal.value!r}"))
        findings.extend(Finding(path, bad.lineno, f"translation of a non-literal: {ast.unparse(bad)}")
                        for bad in _untranslatable(node))
    return sorted(findings, key=lambda finding: finding.line)  # ast.walk goes breadth first


def test_every_visible_text_in_the_desktop_is_translatable() -> None:
    findings = [
        finding
        for path in sorted(DESKTOP.rglob("*.py"))
        for finding in find_untranslated(path.read_text(encoding="utf-8"), str(path.relative_to(DESKTOP)))
    ]
    assert [str(finding) for finding in findings] == []


BAD_CODE = '''
class Page(QWidget):
    def __init__(self):
        QLabel("Balance")
        self.button = QPushButton(icon, "Save")
        self.label.setText("Loading…")
        self.label.setText(f"{n} accounts")
        self.label.setText("{n} accounts".format(n=n))
        self.label.setText("Total: " + total)
        self.combo.addItem("Prepaid", "prepaid")
        self.table.setHorizontalHeaderLabels(["Number", self.tr("Name")])
        QMessageBox.warning(self, "Carrierdesk", self.tr("Could not save"))
        QMessageBox(QMessageBox.Icon.Warning, self.tr("Carrierdesk"), "It failed")
        self.edit.setPlaceholderText(text="Search")
        self.label.setText(self.tr(f"{n} accounts"))
        QCoreApplication.translate(context, "Shown")
        self.status.setText("Ready" if ok else "Failed")
'''
GOOD_CODE = '''
class Page(QWidget):
    def __init__(self):
        QLabel(self.tr("Balance"))
        self.label.setText(self.tr("{n} accounts").format(n=n))
        self.label.setText(f"{user} ({role})")
        self.label.setText("…")
        self.label.setText(account.name)
        self.combo.addItem(kind_name(kind), "prepaid")
        QMessageBox.warning(self, QCoreApplication.translate("Op", "Carrierdesk"), error_text(error))
        self.label.setText(self.tr("%n account(s)", "", count))
        QKeySequence("Ctrl+Shift+U")
        settings.setValue("sign_in/username", name)
'''


def test_the_check_finds_each_kind_of_mistake() -> None:
    found = [(finding.line, finding.text) for finding in find_untranslated(BAD_CODE, "bad.py")]
    assert found == [
        (4, "not translated: 'Balance'"),
        (5, "not translated: 'Save'"),
        (6, "not translated: 'Loading…'"),
        (7, "not translated: ' accounts'"),
        (8, "not translated: '{n} accounts'"),
        (9, "not translated: 'Total: '"),
        (10, "not translated: 'Prepaid'"),
        (11, "not translated: 'Number'"),
        (12, "not translated: 'Carrierdesk'"),
        (13, "not translated: 'It failed'"),
        (14, "not translated: 'Search'"),
        (15, "translation of a non-literal: f'{n} accounts'"),
        (16, "translation of a non-literal: context"),
        (17, "not translated: 'Ready'"),
        (17, "not translated: 'Failed'"),
    ]
    assert find_untranslated(GOOD_CODE, "good.py") == []


# --- the catalogues ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool


def _messages(ts_file: Path) -> dict[Message, list[str] | None]:
    """message -> its translations (one per plural form), or None when unfinished or empty."""
    found: dict[Message, list[str] | None] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = Message(name, message.findtext("source") or "", message.findtext("comment") or "",
                          message.get("numerus") == "yes")
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
                found[key] = None
                continue
            forms = ([form.text or "" for form in translation.iter("numerusform")] if key.numerus
                     else [translation.text or ""])
            found[key] = forms if forms and all(forms) else None
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[Message]:
    """What lupdate finds in desktop/ today."""
    target = tmp_path_factory.mktemp("lupdate") / "fresh_es.ts"
    subprocess.run(lupdate_command([target]), check=True, capture_output=True, timeout=120)
    return set(_messages(target))


def test_lupdate_finds_the_desktop_texts(extracted: set[Message]) -> None:
    assert Message("MainWindow", "Accounts", "", False) in extracted
    assert Message("AccountsPage", "%n account(s)", "", True) in extracted


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_each_catalogue_holds_every_text_of_the_code(language: str, extracted: set[Message]) -> None:
    catalogue = _messages(I18N / f"{CATALOGUE}_{language}.ts")
    missing = sorted(f"{m.context}: {m.source!r}" for m in extracted - set(catalogue))
    assert missing == [], f"run `make translations-update`, then translate these in {language}"
    stale = sorted(f"{m.context}: {m.source!r}" for m in set(catalogue) - extracted)
    assert stale == [], "texts no longer in the code: run `make translations-update`"
    # English is the source language: only its plural forms need writing out.
    needed = [m for m in extracted if language != "en" or m.numerus]
    untranslated = sorted(f"{m.context}: {m.source!r}" for m in needed if catalogue[m] is None)
    assert untranslated == []


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_translations_keep_the_placeholders(language: str) -> None:
    wrong = []
    for message, forms in _messages(I18N / f"{CATALOGUE}_{language}.ts").items():
        wanted = sorted(set(re.findall(r"\{\w+\}|%n", message.source)))
        for form in forms or []:
            if sorted(set(re.findall(r"\{\w+\}|%n", form))) != wanted:
                wrong.append(f"{message.context}: {form!r} should hold {wanted}")
    assert wrong == []
