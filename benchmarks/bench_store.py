"""Claims-store benchmark: full index, incremental re-index, ``check NEW --store`` latency.

Usage (from the project root)::

    .venv/bin/python benchmarks/bench_store.py [--documents 10000] [--runs 7] [--workdir DIR]

Steps, each timed as a separate ``claimcheck`` process (cold start included,
as a user would run it):

1. generate a synthetic corpus (``benchmarks/gen_corpus.py``) as JSONL
   shards of 5000 articles;
2. ``claimcheck index CORPUS --store DB`` into an empty store (full index);
3. the same again with nothing changed (hashing only);
4. the same after changing 1% of the articles (incremental re-index);
5. ``claimcheck check NEW.md --store DB`` for a new article on a pair that
   the corpus covers (``--runs`` times: median and worst), next to
   ``claimcheck check NEW.md`` alone (the cold start and extraction that any
   check pays) — and, in process, how many stored documents and claims the
   store query returned and how long the query took.

Results are printed and written to ``benchmarks/results/store.json``. The index rate is
given both per byte of article text (``index_text_kb_per_s``, the ``text`` fields, as the
throughput targets count) and per byte of the JSONL shards (``index_kb_per_s``).

Latency only, on existing stores (no corpus is generated)::

    .venv/bin/python benchmarks/bench_store.py --latency DB [DB ...] [--runs 5] [--tree DIR]

runs ``claimcheck check NEW.md --store DB -f json -q --no-config --exit-zero``
for an article on the hot pair (:data:`NEW_ARTICLE`, China-Russia) and one on an
ordinary pair (:data:`ORDINARY_ARTICLE`), each ``--runs`` times in fresh
processes, and prints the median wall and CPU time and the peak RSS; ``--tree``
runs the claimcheck of another checkout (to compare before and after a change).
A store of an older schema must be migrated first (``claimcheck index``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_corpus import write  # noqa: E402

NEW_ARTICLE = """---
published: 2024-02-20
source: Bench Wire
---
Trade between China and Russia reached $201.35 bln in 2023, up 11.2% year on year, customs
data showed. China's exports to Russia amounted to $110.10 bln, while imports from Russia
were $91.25 bln.

China thus ran a trade surplus of $18.85 bln with Russia.
"""


ORDINARY_ARTICLE = """---
published: 2024-02-21
source: Bench Wire
---
Trade between Brazil and Chile reached $12.40 bln in 2023, up 4.1% year on year.
Brazil's exports to Chile amounted to $7.30 bln, while imports from Chile were $5.10 bln.
"""


@dataclass(frozen=True)
class Measured:
    """One ``claimcheck`` process: exit status, wall and CPU seconds (with its workers),
    peak RSS in MB, and what it wrote to stderr."""

    status: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    stderr: str


def claimcheck_tree() -> Path:
    """The folder holding the ``claimcheck`` package that this interpreter imports: the
    checkout for an editable install, ``site-packages`` for a built (possibly compiled)
    wheel in another environment (``claimcheck --version`` tells which)."""
    spec = importlib.util.find_spec("claimcheck")
    if spec is None or spec.origin is None:
        raise SystemExit("claimcheck is not installed in this environment")
    return Path(spec.origin).resolve().parents[1]


def measured_process(tree: Path, args: Sequence[str], stdout: IO[bytes] | int) -> Measured:
    """Run ``claimcheck ARGS`` of the checkout ``tree`` in a fresh process (cold start
    included, bytecode caches allowed) and measure it with ``os.wait4``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", *args],
        cwd=tree,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stderr is not None
    stderr = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return Measured(
        os.waitstatus_to_exitcode(status),
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        stderr,
    )


def _measured(tree: Path, *args: str) -> tuple[float, float, float]:
    """``claimcheck ARGS`` of the checkout ``tree`` in a fresh process: wall and CPU seconds,
    peak RSS in MB."""
    done = measured_process(tree, args, subprocess.DEVNULL)
    if done.status != 0:
        raise SystemExit(f"claimcheck {' '.join(args)}: {done.stderr}")
    return done.wall_s, done.cpu_s, done.peak_rss_mb


def latency(stores: list[Path], runs: int, tree: Path) -> None:
    """Print the ``check NEW --store`` latency of the hot and the ordinary article."""
    with tempfile.TemporaryDirectory(prefix="claimcheck-latency-") as work:
        for store in stores:
            for label, text in (("hot", NEW_ARTICLE), ("ordinary", ORDINARY_ARTICLE)):
                new = Path(work) / f"new-{label}.md"
                new.write_text(text, encoding="utf-8")
                args = ("check", str(new), "--store", str(store), "-f", "json", "-q")
                measured = [
                    _measured(tree, *args, "--no-config", "--exit-zero") for _ in range(runs)
                ]
                wall = statistics.median(m[0] for m in measured)
                cpu = statistics.median(m[1] for m in measured)
                rss = max(m[2] for m in measured)
                print(
                    f"{store.name:24} {label:9} wall median {wall:6.3f} s  "
                    f"cpu median {cpu:6.3f} s  peak RSS {rss:6.1f} MB  ({runs} runs)",
                    flush=True,
                )


def _claimcheck(*args: str) -> float:
    """Run ``claimcheck ARGS`` in a fresh process; return its wall time in seconds."""
    return _measured(claimcheck_tree(), *args)[0]


def text_kilobytes(corpus: Path) -> float:
    """The article text of a corpus of JSONL shards, in KB (UTF-8 bytes of the ``text``
    fields): what the throughput targets count, not the JSONL around it (ids, dates,
    sources, titles, quoting), about a quarter of the synthetic shards' bytes."""
    size = 0
    for shard in sorted(corpus.glob("*.jsonl")):
        with shard.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    size += len(json.loads(line)["text"].encode("utf-8"))
    return size / 1024


def change_one_percent(corpus: Path) -> int:
    """Append a sentence with a new figure to every hundredth article; return how many."""
    changed = 0
    for shard in sorted(corpus.glob("*.jsonl")):
        lines = shard.read_text(encoding="utf-8").splitlines()
        for number in range(0, len(lines), 100):
            item = json.loads(lines[number])
            item["text"] += "\nFreight volumes rose 4.5% over the same period.\n"
            lines[number] = json.dumps(item, ensure_ascii=False)
            changed += 1
        shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def _query(db: Path, new: Path) -> dict[str, float]:
    """In-process: the store query of ``check --store`` for ``new``."""
    from claimcheck.documents import load_documents
    from claimcheck.engine.config import load_config
    from claimcheck.extract import extract_document
    from claimcheck.model import Document
    from claimcheck.store import ClaimStore

    (document,) = [d for d in load_documents([str(new)]) if isinstance(d, Document)]
    claims = extract_document(document)
    config = load_config()
    start = time.perf_counter()
    with ClaimStore.open(db) as store:
        related = store.related(
            claims, exclude={document.id}, config=config, texts={document.id: document.text}
        )
    elapsed = time.perf_counter() - start
    return {
        "query_s": round(elapsed, 4),
        "related_documents": len(related),
        "related_claims": sum(len(c) for _, c in related),
    }


def main() -> None:
    """Run the benchmark and print/write the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", "-n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--hot-share",
        type=float,
        default=0.0,
        help="share of the corpus on China-Russia, the pair of the new article (default 0)",
    )
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks/results/store.json")
    parser.add_argument(
        "--latency", nargs="+", type=Path, metavar="DB", help="only the check latency on DB"
    )
    parser.add_argument(
        "--tree",
        type=Path,
        default=None,
        help="claimcheck checkout to run (for --latency; default: the one this Python imports)",
    )
    args = parser.parse_args()
    if args.latency:
        latency(args.latency, args.runs, args.tree or claimcheck_tree())
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="claimcheck-store-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus, db, new = workdir / "corpus", workdir / "claims.db", workdir / "new.md"
    db.unlink(missing_ok=True)
    new.write_text(NEW_ARTICLE, encoding="utf-8")
    shutil.rmtree(corpus, ignore_errors=True)
    write(corpus, args.documents, seed=args.seed, hot_share=args.hot_share, shard=5000)
    size_kb = sum(p.stat().st_size for p in corpus.glob("*.jsonl")) / 1024
    text_kb = text_kilobytes(corpus)

    full = _claimcheck("index", str(corpus), "--store", str(db))
    unchanged = _claimcheck("index", str(corpus), "--store", str(db))
    changed = change_one_percent(corpus)
    incremental = _claimcheck("index", str(corpus), "--store", str(db))

    check_args = ("check", str(new), "-q", "--no-config", "--exit-zero", "-f", "json")
    alone = [_claimcheck(*check_args) for _ in range(args.runs)]
    stored = [_claimcheck(*check_args, "--store", str(db)) for _ in range(args.runs)]

    from claimcheck.native import describe

    results = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "claimcheck_build": describe(),
        },
        "documents": args.documents,
        "hot_share": args.hot_share,
        "corpus_kb": round(size_kb),
        "text_kb": round(text_kb),
        "store_mb": round(db.stat().st_size / 2**20, 1),
        "index_full_s": round(full, 2),
        "index_ms_per_document": round(full / args.documents * 1000, 3),
        "index_kb_per_s": round(size_kb / full),
        "index_text_kb_per_s": round(text_kb / full),
        "reindex_unchanged_s": round(unchanged, 2),
        "reindex_changed_documents": changed,
        "reindex_1pct_s": round(incremental, 2),
        "reindex_1pct_share_of_full": round(incremental / full, 3),
        "check_alone_median_s": round(statistics.median(alone), 3),
        "check_store_median_s": round(statistics.median(stored), 3),
        "check_store_max_s": round(max(stored), 3),
        **_query(db, new),
    }
    for key, value in results.items():
        print(f"{key:32} {value}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"-> {args.output}")


if __name__ == "__main__":
    main()
