"""Report: render a ``Report`` as text, JSON, Markdown, HTML or schema.org ClaimReview."""
