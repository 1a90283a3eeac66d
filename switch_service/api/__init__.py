"""Local HTTP API (FastAPI) under /api/v1; the desktop's only way into the service.

Kept import-free so the desktop can import `switch_service.api.schemas` without pulling in FastAPI
or SQLAlchemy.
"""
