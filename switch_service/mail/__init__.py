"""E-mail notifications: notices written to an outbox (`outbox`), in the customer's language (`templates`), found
by looking at the store (`watch`: low balance, carriers down, card batches expiring) and sent by SMTP (`sender`)
from a component of the service (`mailer`)."""
