"""Extraction benchmark: throughput, cold start, memory, and quantulum3 for scale.

Usage (from the project root, with the project installed)::

    .venv/bin/python benchmarks/bench_extract.py [--seconds 3] [--repeats 5] [--runs 7]
        [--no-quantulum] [--corpus DIR]

Measures, in one run:

* throughput of :func:`claimcheck.extract` in KB of article text per second
  of CPU time of one core, after start-up (imports and a warm-up pass are
  excluded), over the seed and real texts of ``../shared/corpus`` (``--corpus``
  names it when it is elsewhere, e.g. from a git worktree; a synthetic corpus
  when it is absent). ``--seconds`` of CPU time are split into ``--repeats``
  runs and the best run is the figure (the machine is shared: the best run is
  the one least disturbed by other processes, as with ``timeit``); the
  median run is printed beside it;
* cold start of ``claimcheck extract one.txt --format json`` (wall time,
  median of ``--runs`` fresh processes);
* peak memory (``ru_maxrss``) of this process after extraction and of the
  cold-start processes;
* ``quantulum3.parser.parse`` on the same texts: cold import time (median of
  fresh processes) and KB/s.

Prints a summary and writes ``benchmarks/results/extract.json``. Targets:
at least 1 MB/s per core and a cold start under 0.5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "benchmarks" / "results" / "extract.json"
TARGET_KB_PER_S = 1024.0
TARGET_COLD_START_S = 0.5

SYNTHETIC = (
    "date 2024-03-01 Trade between Freedonia and Sylvania rose by 12.5% year-on-year to "
    "$84.3 bln in 2023, customs data showed. Freedonian exports to Sylvania grew 8.1% to "
    "$40.2 bln, while imports fell 3.4% to $44.1 bln. In January-October 2023 turnover "
    "reached $70.05 billion. The two governments aim to lift trade to $100 bln by 2026, "
    "and shipments of grain exceeded 5 mln tonnes.\n\n"
)


def corpus(shared: Path | None = None) -> tuple[str, list[str]]:
    """(description, texts): the reference corpus, or a synthetic one."""
    from claimcheck.documents import load_documents
    from claimcheck.model import Document

    shared = shared if shared is not None else SHARED
    if shared.is_dir():
        paths = [str(shared / "seeds"), str(shared / "real")]
        texts = [r.text for r in load_documents(paths) if isinstance(r, Document)]
        if texts:
            return f"../shared/corpus seeds+real ({len(texts)} texts)", texts
    texts = [SYNTHETIC * (n % 5 + 1) for n in range(20)]
    return f"synthetic ({len(texts)} texts)", texts


def throughput(
    function: Callable[[str], object], texts: Sequence[str], seconds: float, repeats: int = 1
) -> dict[str, float]:
    """Repeat ``function`` over ``texts`` for about ``seconds`` of CPU time in all,
    in ``repeats`` runs; ``kb_per_s_per_core`` is the best run's."""
    size = sum(len(text.encode("utf-8")) for text in texts)
    rates: list[float] = []
    rounds_all, cpu_all = 0, 0.0
    wall_start = time.perf_counter()
    for _ in range(max(1, repeats)):
        rounds = 0
        cpu_start = time.process_time()
        while True:
            for text in texts:
                function(text)
            rounds += 1
            cpu = time.process_time() - cpu_start
            if cpu >= seconds / max(1, repeats):
                break
        rates.append(size * rounds / 1024 / cpu)
        rounds_all += rounds
        cpu_all += cpu
    wall = time.perf_counter() - wall_start
    return {
        "rounds": rounds_all,
        "repeats": len(rates),
        "kilobytes": round(size * rounds_all / 1024, 1),
        "cpu_s": round(cpu_all, 3),
        "wall_s": round(wall, 3),
        "kb_per_s_per_core": round(max(rates), 1),
        "median_kb_per_s_per_core": round(statistics.median(rates), 1),
    }


def cold_start(runs: int, text: str) -> dict[str, Any]:
    """Median wall time of fresh ``claimcheck extract one.txt --format json`` runs."""
    script = Path(sys.executable).parent / "claimcheck"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "claimcheck"]
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text(text, encoding="utf-8")
        times = []
        status = 0
        for _ in range(runs):
            start = time.perf_counter()
            result = subprocess.run(
                [*command, "extract", str(one), "--format", "json"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                check=False,
            )
            times.append(time.perf_counter() - start)
            status = status or result.returncode
            if result.returncode:
                print(result.stderr.decode(errors="replace").strip(), file=sys.stderr)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "command": " ".join(
            [Path(command[0]).name, *command[1:], "extract", "one.txt", "--format", "json"]
        ),
        "runs": runs,
        "median_s": round(statistics.median(times), 4),
        "min_s": round(min(times), 4),
        "max_s": round(max(times), 4),
        "exit_status": status,
        "peak_rss_mb": round(children / 1024, 1),
    }


def import_time(module: str, runs: int) -> float:
    """Median seconds to import ``module`` in a fresh interpreter."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        times.append(float(result.stdout.strip()))
    return round(statistics.median(times), 4)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--seconds", type=float, default=3.0, help="CPU seconds per throughput measurement"
    )
    parser.add_argument(
        "--repeats", type=int, default=5, help="throughput runs (the best one counts)"
    )
    parser.add_argument("--corpus", type=Path, default=None, help="../shared/corpus elsewhere")
    parser.add_argument("--runs", type=int, default=7, help="fresh processes for cold starts")
    parser.add_argument("--no-quantulum", action="store_true", help="skip quantulum3")
    parser.add_argument("--output", type=Path, default=RESULTS, help="results JSON file")
    args = parser.parse_args(argv)

    import claimcheck
    from claimcheck.native import describe

    description, texts = corpus(args.corpus)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"claimcheck {claimcheck.__version__} ({describe()})")
    print(f"corpus: {description}, {size / 1024:.1f} KB")

    start = time.perf_counter()
    from claimcheck.extract import extract

    startup = time.perf_counter() - start
    claims = sum(len(extract(text)) for text in texts)  # warm-up, counts claims
    ours = throughput(extract, texts, args.seconds, args.repeats)
    ours["claims_per_pass"] = claims
    ours["import_s"] = round(startup, 4)
    ours["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(
        f"claimcheck.extract: {ours['kb_per_s_per_core']:.0f} KB/s per core, best of "
        f"{ours['repeats']} runs (median {ours['median_kb_per_s_per_core']:.0f}; "
        f"{claims} claims per pass, {ours['rounds']} passes), "
        f"peak RSS {ours['peak_rss_mb']} MB"
    )
    cold = cold_start(args.runs, texts[0])
    print(
        f"cold start `{cold['command']}`: median {cold['median_s'] * 1000:.0f} ms "
        f"(min {cold['min_s'] * 1000:.0f}, max {cold['max_s'] * 1000:.0f}; "
        f"exit status {cold['exit_status']}), peak RSS {cold['peak_rss_mb']} MB"
    )

    quantulum: dict[str, Any] | None = None
    if not args.no_quantulum:
        try:
            quantulum = {"import_s": import_time("quantulum3.parser", max(3, args.runs // 2))}
            with warnings.catch_warnings():  # "classifier dependencies not installed"
                warnings.simplefilter("ignore")
                from quantulum3 import parser as q_parser

            found = sum(len(q_parser.parse(text)) for text in texts)
            quantulum.update(throughput(q_parser.parse, texts, args.seconds, args.repeats))
            quantulum["quantities_per_pass"] = found
            quantulum["peak_rss_mb"] = round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
            )
            print(
                f"quantulum3.parser.parse: {quantulum['kb_per_s_per_core']:.0f} KB/s per core, "
                f"cold import {quantulum['import_s'] * 1000:.0f} ms ({found} quantities per pass)"
            )
        except Exception as exc:  # quantulum3 is a yardstick only
            quantulum = {"error": f"{type(exc).__name__}: {exc}"}
            print(f"quantulum3: not measured ({quantulum['error']})")

    meets = {
        "throughput": ours["kb_per_s_per_core"] >= TARGET_KB_PER_S,
        "cold_start": cold["median_s"] < TARGET_COLD_START_S and cold["exit_status"] == 0,
    }
    verdict = {True: "met", False: "MISSED"}
    print(
        f"targets: >= {TARGET_KB_PER_S:.0f} KB/s per core: {verdict[meets['throughput']]}; "
        f"cold start < {TARGET_COLD_START_S} s: {verdict[meets['cold_start']]}"
    )
    results = {
        "benchmark": "extract",
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "claimcheck": claimcheck.__version__,
        "build": describe(),
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "corpus": {
            "description": description,
            "texts": len(texts),
            "kilobytes": round(size / 1024, 1),
        },
        "claimcheck_extract": ours,
        "cold_start": cold,
        "quantulum3": quantulum,
        "targets": {"kb_per_s_per_core": TARGET_KB_PER_S, "cold_start_s": TARGET_COLD_START_S},
        "meets_targets": meets,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"results: {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
