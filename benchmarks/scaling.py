"""The time ratio of a large check to a small one, with the two sizes' runs interleaved.

Usage (from the project root)::

    .venv/bin/python benchmarks/scaling.py [--small 10000] [--large 100000] [--rounds 3]
        [--workdir DIR] [--output FILE]

``run_all.py`` measures one size after the other, minutes apart. On a shared
VM whose speed drifts by 20% over minutes, the ratio of two such runs
measures the drift as much as the code: in one ``run_all.py`` run,
``claimcheck extract`` (a streaming job in constant memory, linear by
construction) took 12.2× as long for 10× the documents. Here the two
corpora (``gen_corpus.py``, seed 1, 20% of the articles on the hot pair,
JSONL shards) are checked in alternation, ``--rounds`` times, and each size
keeps its run of least CPU time (a neighbour only ever slows a run down).
``claimcheck extract`` of both is measured the same way, as the linear
yardstick: its ratio shows what is left of the drift.

Each run is a fresh ``claimcheck`` process (cold start included), measured
with ``os.wait4`` (CPU: user + system). Prints every run, the ratios and the
issue's target (time at 100k ≤ 11× time at 10k); writes
``benchmarks/results/scaling.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_store import claimcheck_tree, measured_process  # noqa: E402
from gen_corpus import write  # noqa: E402

TARGET = 11.0
"""The issue's bound on time(100k) / time(10k)."""

STEPS = {
    "check": ("check", "-f", "jsonl", "-q", "--no-config", "--exit-zero", "--jobs", "1"),
    "extract": ("extract", "-f", "jsonl", "--jobs", "1"),
}
"""What is run on each corpus (the corpus path is added after the command name)."""


def _cpu(step: str, corpus: Path) -> float:
    command, *options = STEPS[step]
    done = measured_process(claimcheck_tree(), [command, str(corpus), *options], subprocess.DEVNULL)
    if done.status not in (0, 1):
        raise SystemExit(f"claimcheck {command} {corpus}: exit {done.status}\n{done.stderr}")
    return round(done.cpu_s, 3)


def ratios(runs: dict[str, dict[str, list[float]]]) -> dict[str, float]:
    """Each step's large/small ratio of the least CPU times: ``runs[step][size]`` lists the
    CPU seconds of the runs (``size`` is ``"small"`` or ``"large"``)."""
    return {
        step: round(min(sizes["large"]) / min(sizes["small"]), 3) for step, sizes in runs.items()
    }


def verdict(ratio: float, small: int, large: int) -> str:
    """The printed target line for the check's ratio."""
    bound = TARGET * large / (10 * small)
    status = "PASS" if ratio <= bound else "FAIL"
    return (
        f"{status}  time({large:,}) <= {bound:g}x time({small:,})   x{ratio:.2f} CPU (interleaved)"
    )


def main() -> None:
    """Make the corpora, alternate the runs, print and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workdir", type=Path, help="where the corpora go (default: a temp dir)")
    parser.add_argument(
        "--output", type=Path, default=ROOT / "benchmarks" / "results" / "scaling.json"
    )
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="claimcheck-scaling-"))
    corpora = {"small": work / f"corpus-{args.small}", "large": work / f"corpus-{args.large}"}
    for label, size in (("small", args.small), ("large", args.large)):
        shutil.rmtree(corpora[label], ignore_errors=True)
        write(corpora[label], size, seed=1, hot_share=0.2, shard=5000)
    runs: dict[str, dict[str, list[float]]] = {s: {"small": [], "large": []} for s in STEPS}
    for round_ in range(1, args.rounds + 1):
        for step in STEPS:
            for label in ("small", "large"):
                cpu = _cpu(step, corpora[label])
                runs[step][label].append(cpu)
                print(f"round {round_}: {step} {label}: {cpu:.2f} s CPU", flush=True)
    found = ratios(runs)
    print(f"extract: x{found['extract']:.2f} (the linear yardstick)")
    print(verdict(found["check"], args.small, args.large))
    result: dict[str, Any] = {
        "benchmark": "scaling",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "sizes": {"small": args.small, "large": args.large},
        "rounds": args.rounds,
        "cpu_s": runs,
        "ratios": found,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"-> {args.output}")
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
