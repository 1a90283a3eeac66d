"""Persistence: SQLAlchemy models, Alembic migrations, engines and repositories."""
