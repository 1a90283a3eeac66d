"""One module per page of the main window; each page is a QWidget with `set_session(session)`."""
