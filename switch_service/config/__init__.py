"""Configuration file, per-user folders and secrets."""
