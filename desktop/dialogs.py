"""The keyboard rules of every dialog of the desktop, kept in one base class (`DeskDialog`):

- **Enter is the dialog's action** (Sign in, Create, Enter payment, Save…) wherever the focus is in the form
  (Ctrl+Enter too, also from a multi-line note where Enter starts a new line). The
  action button is made the dialog's default while it already belongs to the dialog. (Qt ignores `setDefault` on
  a button not yet inside a dialog and, when no default is set by the time the dialog shows, makes the first
  auto-default button of the focus chain the default: that was Cancel, so Enter threw away what was typed.)
  Cancel is never a default, not even while it has the focus.
- **Tab** from the last field reaches the action button before Cancel; the keyboard starts in the first field.
- **Escape** (and the window's close button) cancels; when the user has typed something in the dialog it first
  asks whether to discard it, with "Keep editing" as the answer Enter and Escape give (`DiscardGuard`). Clicking
  Cancel discards at once: that is the user's explicit choice.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.qt import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QCoreApplication,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QKeySequence,
    QLineEdit,
    QMessageBox,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    QShowEvent,
    QSpinBox,
    Qt,
    QWidget,
)


class DiscardGuard(QObject):
    """Knows whether the user typed in `window`'s inputs (signals only the user's editing sends, so values a
    dialog fills in itself do not count) and asks before that work is thrown away."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.typed = False
        self.question: QMessageBox | None = None
        self._watching = False

    def watch(self) -> None:
        """Follow the inputs the window holds now (call it when the window is first shown)."""
        if self._watching:
            return
        self._watching = True
        for edit in self.window.findChildren(QLineEdit):  # also the text part of spin boxes and editable combos
            edit.textEdited.connect(self._edited)
        for combo in self.window.findChildren(QComboBox):
            combo.activated.connect(self._edited)
        for button in self.window.findChildren(QAbstractButton):
            if button.isCheckable():
                button.clicked.connect(self._edited)
        for spin in self.window.findChildren(QSpinBox):
            spin.valueChanged.connect(self._changed)
        for moment in self.window.findChildren(QDateTimeEdit):
            moment.dateTimeChanged.connect(self._changed)
        for text in self.window.findChildren(QPlainTextEdit):
            if not text.isReadOnly():
                text.textChanged.connect(self._changed)

    def _edited(self) -> None:
        self.typed = True

    def _changed(self) -> None:
        """A change counts when its widget has the focus (the user's arrow keys or typing, not a fill-in)."""
        sender = self.sender()
        if isinstance(sender, QWidget) and sender.hasFocus():
            self.typed = True

    def allows_closing(self, discard: Callable[[], None]) -> bool:
        """True when nothing typed would be lost; otherwise asks (without blocking) and calls `discard` if the user
        chooses to discard, and the caller keeps the window open meanwhile."""
        if not self.typed or not self.window.isVisible():
            return True
        if self.question is None or not self.question.isVisible():
            self.question = self._ask(discard)
        return False

    def _ask(self, discard: Callable[[], None]) -> QMessageBox:
        translate = QCoreApplication.translate
        box = QMessageBox(QMessageBox.Icon.Question, self.window.windowTitle(),
                          translate("Dialogs", "Discard what you typed?"), QMessageBox.StandardButton.NoButton,
                          self.window)
        box.setInformativeText(translate("Dialogs", "Nothing of it has been saved."))
        discard_button = box.addButton(translate("Dialogs", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(translate("Dialogs", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        discard_button.clicked.connect(discard)
        box.open()
        return box


class DeskDialog(QDialog):
    """Subclasses lay out their fields and add `make_buttons(action, on_action)` below them. `ASKS_BEFORE_DISCARD`
    False for a dialog whose typing is not work worth a question (the sign-in: a password)."""

    ASKS_BEFORE_DISCARD = True

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.action_button: QPushButton | None = None
        self.cancel_button: QPushButton | None = None
        self.guard = DiscardGuard(self)

    def make_buttons(self, action: str | None, on_action: Callable[[], None] | None = None, *,
                     cancel: str | None = None) -> QDialogButtonBox:
        """The action button (the default; None: no action, only Cancel) and Cancel (or `cancel` as its text)."""
        box = QDialogButtonBox(self)  # inside the dialog from the start, so `setDefault` takes effect
        if action is not None:
            self.action_button = box.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
            self.action_button.setDefault(True)
            if on_action is not None:
                self.action_button.clicked.connect(on_action)
            for keys in ("Ctrl+Return", "Ctrl+Enter"):
                QShortcut(QKeySequence(keys), self, self.action_button.animateClick)
        if cancel is None:
            self.cancel_button = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.cancel_button = box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAutoDefault(False)  # Enter on a focused Cancel still means the action
        self.cancel_button.clicked.connect(self.discard)
        return box

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self.ASKS_BEFORE_DISCARD:
            self.guard.watch()
        super().showEvent(event)
        if self.focusWidget() is None:
            self._focus_first_field()

    def _focus_first_field(self) -> None:
        """The keyboard starts in the first field (in Tab order), never on a button: a space typed there would
        press it."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox | QPlainTextEdit)
                    and widget.isVisibleTo(self) and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def fit_height(self) -> None:
        """Grow to the height the layout needs once new text (a wrapped message) appears; never shrink. (Before
        the dialog is shown Qt sizes it to its layout anyway.)"""
        layout = self.layout()
        if not self.isVisible():
            return
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else -1
        self.resize(self.width(), max(self.height(), needed, self.sizeHint().height()))

    def mark_saved(self) -> None:
        """What was typed has reached the service: closing now loses nothing."""
        self.guard.typed = False

    def discard(self) -> None:
        """Close without a question (the Cancel button, or "Discard" in the question)."""
        super().reject()

    def reject(self) -> None:
        """Escape and the window's close button: asks first when typed work would be lost."""
        if not self.ASKS_BEFORE_DISCARD or self.guard.allows_closing(self.discard):
            self.discard()
