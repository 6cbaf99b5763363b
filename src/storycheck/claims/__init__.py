"""Claims: sentences, entities, times, quantities and quotes, each with its exact span.

Entry points: ``extract_claims(articles, *, settings) -> list[Extraction]`` and
``resolve_times(extraction, article, *, anchor, anchor_source) -> Extraction``.
"""
