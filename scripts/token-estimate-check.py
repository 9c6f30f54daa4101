#!/usr/bin/env python3
"""Compares the context builder's token estimate with a real tokenizer on log files.

Usage (the llama-cpp-python venv that `make test-llm` builds has the tokenizer and a model):
    .cache/llama/venv/bin/python scripts/token-estimate-check.py MODEL.gguf FILE...
For each file (its first 3,000 lines): the real token count, and the ratio to it of bytes/4 and of
the estimate. `estimate` restates ContextBuilder.estimateTokens (Sources/Troubleshooting/Context);
keep the two alike.
"""
import sys

from llama_cpp import Llama


def estimate(text: str) -> int:
    tokens = letters = blanks = 0
    for b in text.encode():
        if 0x61 <= (b | 0x20) <= 0x7A:
            letters += 1
            if blanks > 1:
                tokens += 1
            blanks = 0
            continue
        if letters:
            tokens += (letters + 3) // 4
            letters = 0
        if b in (0x20, 0x09):
            blanks += 1
            continue
        if blanks > 1:
            tokens += 1
        blanks = 0
        if b & 0xC0 != 0x80:
            tokens += 1
    if letters:
        tokens += (letters + 3) // 4
    if blanks > 1:
        tokens += 1
    return tokens


def main() -> None:
    model = Llama(model_path=sys.argv[1], vocab_only=True, verbose=False)
    print("file | real tokens | bytes/4 ÷ real | estimate ÷ real")
    for path in sys.argv[2:]:
        with open(path, errors="replace") as f:
            text = "\n".join(f.read().splitlines()[:3000])
        real = len(model.tokenize(text.encode(), add_bos=False))
        quarter = (len(text.encode()) + 3) // 4
        print(f"{path.rsplit('/', 1)[-1]} | {real} | {quarter / real:.2f} | {estimate(text) / real:.2f}")


if __name__ == "__main__":
    main()
