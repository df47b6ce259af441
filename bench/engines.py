"""The same corpus through Spark local[2], a Dask cluster of two worker processes and
`factx extract --jobs 2`, in one run, in words per second.

    .venv/bin/python bench/engines.py [--words 50000] [--corpus DIR ...]

Each engine's time counts from handing it the documents to having every fact back on the driver
(Spark: `count()` of the facts DataFrame; Dask: `compute()` of the bag), after a warm-up run that
loads the pipeline in every worker, so start-up is left out on all three (the CLI's `--jobs 2` run
is timed after the same warm-up, as a whole command). On two cores the three should be near each
other; the engines are there to scale out to more machines, which one machine cannot show.
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
sys.path.insert(0, str(ROOT / "bench"))

from throughput import corpus_texts  # noqa: E402


def timed(run) -> tuple[float, int]:
    start = time.perf_counter()
    n = run()
    return time.perf_counter() - start, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--corpus", type=Path, nargs="*",
                    default=[ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "dev"])
    args = ap.parse_args()

    texts = corpus_texts([d for d in args.corpus if d.is_dir()], args.words)
    words = sum(len(t.split()) for t in texts)
    records = [{"id": f"doc{i}", "text": t} for i, t in enumerate(texts)]
    print(f"corpus: {len(texts)} documents, {words:,} words (seeds + dev, repeated); cores: 2 workers each")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        cli = [sys.executable, "-m", "factx", "extract", str(path), "--format", "jsonl", "-q", "--jobs", "2"]
        subprocess.run(cli, check=True, stdout=subprocess.DEVNULL)  # warm the page cache and the model files
        seconds, _ = timed(lambda: subprocess.run(cli, check=True, stdout=subprocess.DEVNULL).returncode)
        print(f"factx extract --jobs 2:        {words / seconds:8,.0f} words/s ({seconds:.1f} s, start-up included)")

    import pandas as pd
    from pyspark.sql import SparkSession

    from factx.spark import extract as spark_extract

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master("local[2]").appName("factx-bench")
             .config("spark.ui.enabled", "false").config("spark.pyspark.python", sys.executable).getOrCreate())
    frame = spark.createDataFrame(pd.DataFrame(records)).repartition(8).cache()
    frame.count()
    spark_extract(frame.limit(4)).count()  # warm-up: each Python worker loads the pipeline
    seconds, facts = timed(lambda: spark_extract(frame).count())
    print(f"Spark local[2] (mapInPandas): {words / seconds:8,.0f} words/s ({seconds:.1f} s, {facts:,} facts)")
    spark.stop()

    import dask.bag as db
    from distributed import Client, LocalCluster

    from factx.dask import extract as dask_extract

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.run(lambda: __import__("factx.pipeline"))
        dask_extract(db.from_sequence(records[:8], npartitions=2)).compute()  # warm-up in both workers
        bag = db.from_sequence(records, npartitions=16)
        seconds, facts = timed(lambda: len(dask_extract(bag).compute()))
        print(f"Dask, 2 worker processes:      {words / seconds:8,.0f} words/s ({seconds:.1f} s, {facts:,} facts)")


if __name__ == "__main__":
    main()
