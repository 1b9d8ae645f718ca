"""One module per page; each builds its page for a locale at compile time."""
