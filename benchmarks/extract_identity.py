"""Check that extraction output is unchanged: dump it once, then diff after each change.

Usage (from the project root)::

    python benchmarks/extract_identity.py dump /tmp/perf_baseline   # before a change
    python benchmarks/extract_identity.py diff /tmp/perf_baseline   # after it

``--shared DIR`` names the reference folder when it is not ``../shared``
beside the project (e.g. in a git worktree).

Dumps the full JSON of :func:`claimcheck.extract` (via
:mod:`claimcheck.serialize`) for

* the bundled ``fixtures/`` (``.md`` and ``.txt``);
* ``../shared/corpus`` (seeds and real texts), when present;
* every sentence of the NewsQuant test sets under ``../shared/benchmarks``
  (read as :mod:`claimcheck.evaluate.newsquant` reads them: the ``text`` of
  each item), both the claims and the raw quantities of ``find_quantities``
  (which the NewsQuant score uses), when present;
* a deterministic synthetic corpus from ``benchmarks/gen_corpus.py``;
* deterministic shuffles of the sentences of all the texts above (random
  sentence mixes, some upper- or lower-cased, odd separators), each with and
  without a publication date, to reach corners the articles do not.

Nothing from ``../shared`` is stored in the project: the dump goes to the
directory given. ``diff`` re-extracts into a temporary directory and prints
a unified diff per file that differs; exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SYNTHETIC_DOCUMENTS = 300
SHUFFLED_DOCUMENTS = 600


def _quantity_dict(quantity: Any) -> dict[str, Any]:
    import attrs

    from claimcheck.serialize import number

    out: dict[str, Any] = {}
    for field in attrs.fields(type(quantity)):
        value = getattr(quantity, field.name)
        if isinstance(value, float):
            value = number(value)
        elif isinstance(value, tuple):
            value = [number(v) if isinstance(v, float) else repr(v) for v in value]
        elif not (value is None or isinstance(value, str | int | bool)):
            value = repr(value)
        out[field.name] = value
    return out


def _documents_dump(paths: list[str]) -> str:
    from claimcheck.documents import load_documents
    from claimcheck.extract import extract_document
    from claimcheck.model import Document
    from claimcheck.serialize import dumps, extract_to_dict

    pairs = []
    for record in load_documents(paths):
        if isinstance(record, Document):
            pairs.append((record, extract_document(record)))
    return dumps(extract_to_dict(pairs)) + "\n"


def _sentences_dump(texts: list[str]) -> str:
    from claimcheck.documents import make_document
    from claimcheck.extract import extract_document
    from claimcheck.extract.quantities import find_quantities
    from claimcheck.serialize import dumps, extract_to_dict

    pairs = []
    quantities = []
    for number, text in enumerate(texts):
        document = make_document(text, id=f"s{number}")
        pairs.append((document, extract_document(document)))
        quantities.append([_quantity_dict(q) for q in find_quantities(text)])
    return dumps({"claims": extract_to_dict(pairs), "quantities": quantities}) + "\n"


def _synthetic_dump() -> str:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_corpus import generate

    from claimcheck.documents import make_document
    from claimcheck.extract import extract_document
    from claimcheck.serialize import dumps, extract_to_dict

    pairs = []
    for item in generate(SYNTHETIC_DOCUMENTS, seed=7):
        document = make_document(str(item["text"]), id=str(item["id"]))
        pairs.append((document, extract_document(document)))
    return dumps(extract_to_dict(pairs)) + "\n"


def _shuffled_dump(texts: list[str]) -> str:
    import datetime as dt
    import random
    import re

    from claimcheck.documents import make_document
    from claimcheck.extract import extract_document
    from claimcheck.serialize import dumps, extract_to_dict

    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    rng = random.Random(11)
    pairs = []
    for number in range(SHUFFLED_DOCUMENTS):
        parts = rng.sample(sentences, min(len(sentences), rng.randint(1, 12)))
        text = rng.choice([" ", "\n", "\n\n", "  ", " \n"]).join(parts)
        if rng.random() < 0.3:
            text = text.upper() if rng.random() < 0.3 else text.lower()
        for published in (None, dt.date(2024, 5, 20)):
            document = make_document(text, id=f"m{number}", published=published)
            pairs.append((document, extract_document(document)))
    return dumps(extract_to_dict(pairs)) + "\n"


def _texts(paths: list[str]) -> list[str]:
    from claimcheck.documents import load_documents
    from claimcheck.model import Document

    return [r.text for r in load_documents(paths) if isinstance(r, Document)]


def dump(out: Path, shared: Path = SHARED) -> list[str]:
    """Write every dump file into ``out``; return their names."""
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    fixtures = sorted(str(p) for p in (ROOT / "fixtures").iterdir() if p.suffix in {".md", ".txt"})
    files["fixtures.json"] = _documents_dump(fixtures)
    pool = _texts(fixtures)
    corpus = shared / "corpus"
    if corpus.is_dir():
        for part in ("seeds", "real"):
            if (corpus / part).is_dir():
                files[f"corpus_{part}.json"] = _documents_dump([str(corpus / part)])
                pool += _texts([str(corpus / part)])
    tests = shared / "benchmarks" / "newsquant" / "formatted_test_set"
    if tests.is_dir():
        for source in sorted(tests.glob("*.json")):
            items = json.loads(source.read_text(encoding="utf-8"))
            texts = [str(item["text"]) for item in items]
            files[f"newsquant_{source.stem}.json"] = _sentences_dump(texts)
            pool += texts
    files["synthetic.json"] = _synthetic_dump()
    files["shuffled.json"] = _shuffled_dump(pool)
    for name, content in files.items():
        (out / name).write_text(content, encoding="utf-8")
    return sorted(files)


def diff(baseline: Path, shared: Path = SHARED) -> int:
    """Re-dump into a temporary directory and diff against ``baseline``."""
    with tempfile.TemporaryDirectory() as tmp:
        names = dump(Path(tmp), shared)
        differing = 0
        for name in names:
            new = (Path(tmp) / name).read_text(encoding="utf-8").splitlines(keepends=True)
            old_path = baseline / name
            old = old_path.read_text(encoding="utf-8").splitlines(keepends=True)
            if old != new:
                differing += 1
                sys.stdout.writelines(
                    list(difflib.unified_diff(old, new, str(old_path), f"new/{name}"))[:200]
                )
        missing = sorted({p.name for p in baseline.glob("*.json")} - set(names))
        for name in missing:
            print(f"missing from the new dump: {name}")
        print(f"{len(names)} files compared, {differing} differ, {len(missing)} missing")
        return 1 if differing or missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("action", choices=("dump", "diff"))
    parser.add_argument("directory", type=Path)
    parser.add_argument("--shared", type=Path, default=SHARED, help="reference folder")
    args = parser.parse_args(argv)
    import claimcheck
    from claimcheck.native import describe

    print(f"claimcheck from {Path(claimcheck.__file__).parent} ({describe()})")
    if not args.shared.is_dir():
        print(f"note: {args.shared} absent; fixtures and synthetic texts only", file=sys.stderr)
    if args.action == "dump":
        names = dump(args.directory, args.shared)
        print(f"wrote {len(names)} files to {args.directory}")
        return 0
    return diff(args.directory, args.shared)


if __name__ == "__main__":
    raise SystemExit(main())
