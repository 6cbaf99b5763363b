"""Watch: poll feeds and article URLs, verify incrementally, raise durable alerts."""
