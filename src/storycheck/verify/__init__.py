"""Verify: group articles into stories, align claims across outlets, find agreements and conflicts.

Entry points: ``group_stories(...) -> list[Story]``, ``story_anchor(...)`` and ``verify_story(...) -> StoryVerification``.
"""
