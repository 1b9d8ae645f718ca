"""SQLModel tables and the queries the app needs."""
