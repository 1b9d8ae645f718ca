"""rx.State classes: thin — they call core and hold what the page shows."""
