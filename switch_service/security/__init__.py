"""Password hashing, PIN encryption and the SIP digest rule."""
