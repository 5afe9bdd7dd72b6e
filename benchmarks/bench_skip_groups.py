"""Engine benchmark: checking new articles ``--against`` an archive, with and without skipping
the relation groups that hold no checked article.

Usage (from the project root)::

    .venv/bin/python benchmarks/bench_skip_groups.py [--documents 10000] [--hot-share 0.2]

In process, CPU time of the rules only (the archive is extracted once beforehand): for a new
article on an ordinary pair and one on the hot pair (``gen_corpus --hot-share``),
``claimcheck.engine.check(new, against=archive)`` (which checks only the relation groups
holding the new article, and whose rules skip the relations citing no claim of it) against
``check_group`` over the whole archive (no group skipped) and against evaluating every relation
of the whole archive and then filtering (what the engine did before either), and whether the
reports are identical. Results:
``benchmarks/results/skip_groups.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_store import NEW_ARTICLE, ORDINARY_ARTICLE  # noqa: E402
from gen_corpus import write  # noqa: E402

from claimcheck.documents import load_documents  # noqa: E402
from claimcheck.engine import check  # noqa: E402
from claimcheck.engine.context import Context  # noqa: E402
from claimcheck.engine.index import ClaimIndex  # noqa: E402
from claimcheck.engine.runner import Plan, check_group, report_of  # noqa: E402
from claimcheck.findings import Result  # noqa: E402
from claimcheck.model import Claim, Document  # noqa: E402
from claimcheck.parallel import available_cores, extract_documents  # noqa: E402


def _every_relation(
    plan: Plan, loaded: list[tuple[Document, tuple[Claim, ...]]], primary: set[str]
) -> list[Result]:
    """What the engine did before the rules skipped relations citing no checked claim:
    every relation of every group evaluated, then filtered."""
    documents = {d.id: d for d, _ in loaded}
    claims = [c for _, cs in loaded for c in cs]
    ctx = Context(documents, ClaimIndex(claims, plan.config), plan.config, plan.reference)
    return [
        r
        for rule in plan.rules
        for r in rule().run(ctx)
        if any(c.document in primary for c in r.claims)
    ]


def main() -> None:
    """Run, print and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", "-n", type=int, default=10_000)
    parser.add_argument("--hot-share", type=float, default=0.2)
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks/results/skip_groups.json")
    args = parser.parse_args()
    news: dict[str, Document] = {}
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus.jsonl"
        write(corpus, args.documents, seed=1, hot_share=args.hot_share)
        loaded = [d for d in load_documents([str(corpus)]) if isinstance(d, Document)]
        for label, text in (("ordinary", ORDINARY_ARTICLE), ("hot", NEW_ARTICLE)):
            path = Path(work) / f"new-{label}.md"
            path.write_text(text, encoding="utf-8")
            (news[label],) = [d for d in load_documents([str(path)]) if isinstance(d, Document)]
    archive = []
    for document, claims in extract_documents(loaded, available_cores()):
        assert not isinstance(claims, Exception)
        archive.append((document, claims))
    plan = Plan.of()
    results: dict[str, object] = {"documents": args.documents, "hot_share": args.hot_share}
    for label, new in news.items():
        primary = [(new, claims) for new, claims in extract_documents([new], 1)]
        start = time.process_time()
        skipping = check(primary, against=archive)  # type: ignore[arg-type]
        skip_s = time.process_time() - start
        start = time.process_time()
        every = check_group(plan, [*primary, *archive], {new.id})  # type: ignore[list-item]
        whole = report_of(plan, primary, every)  # type: ignore[arg-type]
        all_s = time.process_time() - start
        start = time.process_time()
        naive = report_of(plan, primary, _every_relation(plan, [*primary, *archive], {new.id}))  # type: ignore[arg-type, list-item]
        naive_s = time.process_time() - start
        results[label] = {
            "skip_groups_cpu_s": round(skip_s, 3),
            "all_groups_cpu_s": round(all_s, 3),
            "every_relation_cpu_s": round(naive_s, 3),
            "speed_up": round(all_s / max(skip_s, 1e-9), 1),
            "speed_up_vs_every_relation": round(naive_s / max(skip_s, 1e-9), 1),
            "identical": skipping == whole == naive,
            "findings": len(whole.findings),
            "verified": len(whole.verified),
        }
        print(f"{label:9} {results[label]}", flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"-> {args.output}")


if __name__ == "__main__":
    main()
