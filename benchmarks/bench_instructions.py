"""Instruction counts of extraction: a stable measure on a shared, noisy machine.

Usage (from the project root; needs ``valgrind``)::

    .venv/bin/python benchmarks/bench_instructions.py [--corpus DIR] [--stage all|q|c]
        [--passes N] [--no-cold]

Wall and CPU times swing with the load of other processes; the number of
instructions executed does not. This runs ``valgrind --tool=cachegrind``
(no cache simulation) on

* a process that extracts the corpus (``../shared/corpus`` seeds and real
  texts, or ``--corpus``: such a folder, or any folder of documents, e.g. a
  synthetic JSONL corpus) once as a warm-up and then 0 or ``--passes`` (5) more
  times: the difference divided by their number is the instruction count of
  one pass (``all``:
  :func:`claimcheck.extract`; ``q``: ``find_quantities``; ``c``:
  ``build_claims`` with the quantities found beforehand);
* one cold ``python -m claimcheck extract one.txt --format json`` on the first
  text (after one unmeasured run, so that ``.pyc`` files and the rule-pack
  cache exist, as on an installed machine).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"

_PASSES = """
import sys
from claimcheck.documents import load_documents, make_document
from claimcheck.extract import extract
from claimcheck.extract.claims import build_claims
from claimcheck.extract.quantities import find_quantities
from claimcheck.model import Document

paths, stage, n = sys.argv[1].split(","), sys.argv[2], int(sys.argv[3])
texts = [d.text for d in load_documents(paths) if isinstance(d, Document)]
for text in texts:
    extract(text)
if stage == "all":
    for _ in range(n):
        for text in texts:
            extract(text)
elif stage == "q":
    for _ in range(n):
        for text in texts:
            find_quantities(text)
else:
    documents = [make_document(text, id="text") for text in texts]
    found = [find_quantities(text) for text in texts]
    for _ in range(n):
        for document, quantities in zip(documents, found, strict=True):
            build_claims(document, quantities)
"""


def _instructions(command: Sequence[str], cwd: str | None = None) -> int:
    """Instructions executed by ``command`` (run in ``cwd``) under cachegrind."""
    valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]
    valgrind.append("--cachegrind-out-file=/dev/null")
    result = subprocess.run(
        [*valgrind, *command],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{result.stderr}")
    return int(found.group(1).replace(",", ""))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED, help="../shared/corpus elsewhere")
    parser.add_argument("--stage", choices=("all", "q", "c"), default="all")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start count")
    parser.add_argument(
        "--passes", type=int, default=5, help="measured passes (fewer: faster on large corpora)"
    )
    args = parser.parse_args(argv)
    corpus: Path = args.corpus
    paths = [str(corpus / "seeds"), str(corpus / "real")]
    if not all(Path(p).is_dir() for p in paths):
        paths = [str(corpus)]  # any other folder of documents (e.g. a synthetic JSONL corpus)
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    env_note = "PYTHONDONTWRITEBYTECODE unset for the cold start"
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "passes.py"
        script.write_text(_PASSES, encoding="utf-8")
        base = [sys.executable, str(script), ",".join(paths), args.stage]
        passes = max(1, args.passes)
        zero, more = _instructions([*base, "0"]), _instructions([*base, str(passes)])
        per_pass = (more - zero) / passes
        print(f"{args.stage}: {per_pass / 1e6:.1f} M instructions per corpus pass")
        if args.no_cold:
            return 0
        first = sorted(Path(paths[0]).iterdir())[0]
        one = Path(tmp) / "one.txt"
        one.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
        cold = [sys.executable, "-m", "claimcheck", "extract", str(one), "--format", "json"]
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        # Run outside the project: ``-m`` would put the current folder first on the path.
        subprocess.run(cold, capture_output=True, check=True, cwd=tmp)
        print(
            f"cold start `claimcheck extract one.txt --format json`: "
            f"{_instructions(cold, cwd=tmp) / 1e6:.0f} M instructions ({env_note})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
