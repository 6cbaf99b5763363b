"""storycheck: cross-check news coverage of one story across outlets.

The import is kept light on purpose (no spaCy, no web stack): stages import their
heavy libraries where they use them, so ``storycheck --help`` stays instant.
"""

from __future__ import annotations

__version__ = "0.1.0"
