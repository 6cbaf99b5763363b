"""Web: a small FastAPI app over the same store and pipeline as the CLI."""
