"""Store: SQLite persistence with numbered migrations; every article written in one transaction."""
