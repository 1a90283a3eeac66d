"""Packaging and local start-up helpers (PyInstaller specs and service units join here)."""
