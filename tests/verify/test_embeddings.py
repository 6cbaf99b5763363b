"""The numpy MiniLM encoder against published sentence-transformers outputs and basic properties."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storycheck.errors import MissingDependencyError
from storycheck.verify.embeddings import SentenceEncoder, get_encoder, resolve_model_dir

# First six dimensions of sentence-transformers' all-MiniLM-L6-v2 output for these
# inputs (torch reference values, as published in the test suite of an independent
# ONNX port). Matching them to 1e-5 shows the numpy forward pass is the same model.
REFERENCE = {
    "This is an example sentence": [0.06765693, 0.06349593, 0.04871314, 0.07930495, 0.03744806, 0.00265273],
    "Each sentence is converted.": [0.07853645, 0.08856265, -0.00209270, -0.00717247, -0.01252624, 0.01881747],
    "": [-0.11883835, 0.04829856, -0.00254805, -0.01101118, 0.05195070, 0.01029179],
    "Café déjà vu — 東京": [0.05083271, 0.00967685, 0.09635572, -0.00997369, -0.01987603, 0.01692343],
}


@pytest.fixture(scope="session")
def encoder() -> SentenceEncoder:
    try:
        enc = get_encoder("bundled")
    except MissingDependencyError as exc:
        pytest.skip(f"bundled MiniLM weights not installed: {exc}")
    assert enc is not None
    return enc


def test_matches_published_reference_values(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(list(REFERENCE))
    expected = np.array(list(REFERENCE.values()))
    assert np.abs(vectors[:, :6] - expected).max() < 1e-5


def test_unit_vectors_of_dimension_384(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(["Floodwaters closed the bridge on Tuesday.", "A magnitude 6.2 earthquake struck Chile."])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_paraphrases_closer_than_unrelated(encoder: SentenceEncoder) -> None:
    a, b, c = encoder.encode(
        [
            "Two inmates broke out of the state prison overnight.",
            "Two prisoners escaped from the state penitentiary during the night.",
            "The central bank left interest rates unchanged.",
        ]
    )
    assert float(a @ b) > 0.6
    assert float(a @ b) > float(a @ c) + 0.4


def test_padding_does_not_change_results(encoder: SentenceEncoder) -> None:
    # a short text batched with a long one must embed as it does alone
    short = "The bridge reopened."
    long = "County engineers inspected the Harlow Bridge for three days " * 10
    # the forward pass itself: encode() would answer the second call from its memo
    together = encoder._encode_uncached([short, long], batch_size=32)
    alone = encoder._encode_uncached([short], batch_size=32)
    assert np.abs(together[0] - alone[0]).max() < 1e-5


def test_long_text_is_truncated_not_rejected(encoder: SentenceEncoder) -> None:
    vector = encoder.encode(["word " * 2000])
    assert vector.shape == (1, 384)


def test_settings_none_and_bad_values() -> None:
    assert resolve_model_dir("none") is None
    assert get_encoder("none") is None
    with pytest.raises(MissingDependencyError, match="does not download"):
        resolve_model_dir("sentence-transformers/paraphrase-MiniLM-L3-v2")


def test_local_directory_must_hold_a_model(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(MissingDependencyError, match="tokenizer.json"):
        resolve_model_dir(str(tmp_path))
