"""The README's Spark recipe, runnable: a JSON Lines file checked with ``mapPartitions``
(one engine per partition, the embedded packs compiled once per Python worker), every summary
row compared with the same function run in this process, and the throughput printed.

    python spark_check.py [COUNT] [PARTITIONS]

Needs ``pyspark`` and a Java runtime (``java`` on PATH). The labels are the repository's
examples (compliant and faulty ones), repeated to COUNT lines; ``LABELCHECK_REPO`` points at the
repository when the script is run from elsewhere.
"""

import glob
import json
import os
import sys
import tempfile
import time
from typing import Any, Dict, Iterable, Iterator, Optional, Union

import labelcheck


def check_partition(
    lines: Iterable[Union[str, bytes]], as_of: Optional[str] = None, batch_size: int = 2048
) -> Iterator[Dict[str, Any]]:
    """One summary row per JSON line, in input order (the function of the README)."""
    engine = labelcheck.Engine()
    for result in engine.check_iter(lines, as_of=as_of, errors="return", batch_size=batch_size):
        if isinstance(result, labelcheck.LabelcheckError):
            yield {"label_id": None, "verdict": "error", "errors": 0, "warnings": 0,
                   "rules": [], "problem": str(result)}
        else:
            yield {
                "label_id": result.label_id,
                "verdict": result.verdict,
                "errors": sum(f.severity == "error" for f in result.findings),
                "warnings": sum(f.severity == "warning" for f in result.findings),
                "rules": sorted({f.rule for f in result.findings}),
                "problem": None,
            }


SCHEMA = ("label_id string, verdict string, errors long, warnings long, "
          "rules array<string>, problem string")
AS_OF = "2026-12-01"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    partitions = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    repo = os.environ.get("LABELCHECK_REPO") or os.path.join(os.path.dirname(__file__), "..", "..", "..")
    paths = sorted(glob.glob(os.path.join(repo, "examples", "*.json")))
    paths += sorted(glob.glob(os.path.join(repo, "examples", "faulty", "*.json")))
    labels = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            labels.append(json.dumps(json.load(f), ensure_ascii=False))
    lines = [labels[i % len(labels)] for i in range(count)]

    # Spark's Python workers must import the same labelcheck as this process.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(f"local[{partitions}]").appName("labelcheck")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "labels.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
        rdd = spark.sparkContext.textFile(path, minPartitions=partitions)
        start = time.perf_counter()
        rows = rdd.mapPartitions(lambda it: check_partition(it, as_of=AS_OF)).collect()
        seconds = time.perf_counter() - start
        checked = spark.createDataFrame(rows, SCHEMA)
        by_verdict = {r["verdict"]: r["count"] for r in checked.groupBy("verdict").count().collect()}
    spark.stop()

    start = time.perf_counter()
    local = list(check_partition(lines, as_of=AS_OF))
    local_seconds = time.perf_counter() - start
    assert len(rows) == count, (len(rows), count)
    assert rows == local, "Spark rows differ from the in-process rows"
    assert by_verdict.get("error", 0) == 0, by_verdict
    assert by_verdict.get("fail", 0) > 0 and by_verdict.get("pass", 0) > 0, by_verdict
    print(f"{count} labels in {partitions} partitions: {seconds:.2f} s "
          f"({count / seconds:.0f} labels/s, {count / seconds / partitions:.0f} per core); "
          f"verdicts {dict(sorted(by_verdict.items()))}; rows equal the in-process run "
          f"({local_seconds:.2f} s, {count / local_seconds:.0f} labels/s on one core)")


if __name__ == "__main__":
    main()
