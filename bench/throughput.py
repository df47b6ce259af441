"""Throughput and memory of factx, next to spaCy's own en_core_web_sm pipeline, in one run.

    .venv/bin/python bench/throughput.py [--words 100000] [--scale 10] [--repeat 2] [--corpus DIR ...]

Prints:
  - words/s of spaCy's full en_core_web_sm (nlp.pipe, one process) and of factx (all four fact
    types, one process) on the same texts, and their ratio;
  - words/s of `factx extract --jobs 1` and `--jobs 2` (the real CLI, start-up included) and their ratio;
  - peak RSS of `factx extract --jobs 1` on the corpus and on the corpus repeated --scale times.
The corpus repeats seeds/ and ../shared/corpus/dev/ until it has --words words. Each speed is the
fastest of --repeat runs, the runs of the things compared alternating, so that load from elsewhere on a
shared machine slows both sides alike rather than one.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts(dirs: list[Path], min_words: int) -> list[str]:
    base = [p.read_text(encoding="utf-8") for d in dirs for p in sorted(d.glob("*.txt"))]
    if not base:
        sys.exit("bench: no *.txt files in " + ", ".join(map(str, dirs)))
    texts: list[str] = []
    while sum(len(t.split()) for t in texts) < min_words:
        texts.extend(base)
    return texts


def write_jsonl(path: Path, texts: list[str], copies: int = 1) -> None:
    with open(path, "w", encoding="utf-8") as out:
        n = 0
        for _ in range(copies):
            for text in texts:
                out.write(json.dumps({"id": f"doc{n}", "text": text}) + "\n")
                n += 1


def run_cli(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one `factx` run."""
    factx = Path(sys.executable).with_name("factx")
    cmd = [str(factx)] if factx.exists() else [sys.executable, "-m", "factx"]
    start = time.perf_counter()
    proc = subprocess.Popen([*cmd, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: factx {' '.join(args)} failed: {proc.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss // 1024


def parse_share(extractor, texts: list[str]) -> tuple[int, int]:
    """How many sentences the extractors had parsed, of how many."""
    from factx import parsing
    from factx.documents import Document

    counts = [0, 0]
    original = parsing.SentenceParses.get

    def counting(self, indices):
        before = len(self._done)
        result = original(self, indices)
        counts[0] += len(self._done) - before
        return result

    original_init = parsing.SentenceParses.__init__

    def init(self, doc, sentences, parser=None):
        original_init(self, doc, sentences, parser)
        counts[1] += len(sentences)

    parsing.SentenceParses.get, parsing.SentenceParses.__init__ = counting, init
    try:
        list(extractor.process(Document(str(i), t) for i, t in enumerate(texts)))
    finally:
        parsing.SentenceParses.get, parsing.SentenceParses.__init__ = original, original_init
    return counts[0], counts[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--scale", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--corpus", type=Path, nargs="*",
                    default=[ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "dev"])
    args = ap.parse_args()

    import spacy

    from factx.documents import Document
    from factx.pipeline import DEFAULT_MODELS, Extractor

    texts = corpus_texts([d for d in args.corpus if d.is_dir()], args.words)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} documents, {words:,} words (seeds + dev, repeated)")

    model = next(m for m in DEFAULT_MODELS if spacy.util.is_package(m))
    nlp = spacy.load(model)
    extractor = Extractor()
    # The same pipeline with no parser to call: attendance and quotes fall back to their token
    # rules, and the difference is what the parse on demand costs.
    no_parse = Extractor()
    no_parse.nlp.remove_pipe("parser")
    list(nlp.pipe(texts[:4]))  # warm up all three
    for ex in (extractor, no_parse):
        list(ex.process(Document(str(i), t) for i, t in enumerate(texts[:4])))

    def timed(ex):
        start = time.perf_counter()
        n = sum(len(r.facts) for r in ex.process(Document(str(i), t) for i, t in enumerate(texts)))
        return time.perf_counter() - start, n

    spacy_s, factx_s, bare_s, facts = [], [], [], 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        list(nlp.pipe(texts, batch_size=32))
        spacy_s.append(time.perf_counter() - start)
        seconds, facts = timed(extractor)
        factx_s.append(seconds)
        bare_s.append(timed(no_parse)[0])
    spacy_wps, factx_wps, bare_wps = words / min(spacy_s), words / min(factx_s), words / min(bare_s)
    print(f"spaCy {model} (all of {', '.join(nlp.pipe_names)}): {spacy_wps:,.0f} words/s")
    print(f"factx, all four fact types ({facts:,} facts):  {factx_wps:,.0f} words/s")
    print(f"factx / spaCy: {factx_wps / spacy_wps:.2f}x")
    parsed, sentences = parse_share(extractor, texts)
    print(f"factx without the parse on demand (no parser to call): {bare_wps:,.0f} words/s; "
          f"the parse on demand ({parsed:,} of {sentences:,} sentences, {100 * parsed / sentences:.0f}%) "
          f"costs {100 * (min(factx_s) / min(bare_s) - 1):.0f}% of the run")

    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "corpus.jsonl"
        many = Path(tmp) / f"corpus_x{args.scale}.jsonl"
        write_jsonl(one, texts)
        base = ["extract", str(one), "--format", "jsonl", "-q"]
        one_job, two_jobs = [], []
        for _ in range(args.repeat):
            one_job.append(run_cli([*base, "--jobs", "1"]))
            two_jobs.append(run_cli([*base, "--jobs", "2"]))
        t1, rss1 = min(one_job)
        t2 = min(two_jobs)[0]
        print(f"factx extract --jobs 1: {words / t1:,.0f} words/s ({t1:.1f} s, start-up included)")
        print(f"factx extract --jobs 2: {words / t2:,.0f} words/s ({t2:.1f} s)")
        print(f"--jobs 2 / --jobs 1: {t1 / t2:.2f}x  (cores here: {os.cpu_count()})")
        write_jsonl(many, texts, args.scale)
        tn, rssn = run_cli(["extract", str(many), "--format", "jsonl", "-q", "--jobs", "1"])
        print(f"peak RSS, --jobs 1: {rss1} MiB at 1x ({words:,} words); "
              f"{rssn} MiB at {args.scale}x ({words * args.scale:,} words, {tn:.0f} s)")
        print(f"RSS {args.scale}x / 1x: {rssn / rss1:.2f}")


if __name__ == "__main__":
    main()
