"""Password hashing and PIN encryption."""
