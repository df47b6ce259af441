"""factx's dates on a TimeML corpus, scored with TempEval-3's measures.

    .venv/bin/python bench/timeml.py CORPUS_DIR [CORPUS_DIR ...] [--write OUT_DIR] [--by-type] [--errors N]

Reads every `*.tml` file (TimeBank, AQUAINT, TempEval-3's corpora or your own), runs factx's
date extraction on its text with the document's creation time as the anchor, and prints strict and
relaxed span precision, recall and F1 and value and type F1 over all TIMEX3 types (TempEval-3's
measures, as `factx.timeml.score` computes them). `--write` also writes each document back as
TimeML with factx's TIMEX3s, for the official TempEval-3 toolkit; `--by-type` scores each gold type
alone; `--errors N` prints N missed and N spurious expressions.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factx.documents import Document  # noqa: E402
from factx.pipeline import Extractor  # noqa: E402
from factx.timeml import Scores, read_tml, score_document, timexes_of, write_tml  # noqa: E402


def line(label: str, s: Scores) -> str:
    sp, sr, sf = s.prf(s.strict)
    rp, rr, rf = s.prf(s.relaxed)
    vf, tf = s.prf(s.value)[2], s.prf(s.type)[2]
    return (f"{label:10} gold {s.gold:5}  pred {s.predicted:5}  strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f}  "
            f"relaxed P {rp:.3f} R {rr:.3f} F1 {rf:.3f}  value F1 {vf:.3f}  type F1 {tf:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", type=Path, nargs="+")
    ap.add_argument("--write", type=Path, default=None, help="write factx's TimeML here")
    ap.add_argument("--by-type", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()

    files = sorted(p for d in args.dirs for p in (d.rglob("*.tml") if d.is_dir() else [d]))
    if not files:
        sys.exit("timeml: no .tml files in " + ", ".join(map(str, args.dirs)))
    extractor = Extractor(types=("date",))
    total = Scores()
    by_type: dict[str, Scores] = {}
    missed, spurious = [], []
    for path in files:
        doc = read_tml(path.read_text(encoding="utf-8"), path.name)
        result = next(extractor.process([Document(path.name, doc.text, doc.dct_date)]))
        predicted = timexes_of(result.facts)
        total.add(score_document(doc.timexes, predicted))
        for kind in {t.type for t in doc.timexes}:
            gold = [t for t in doc.timexes if t.type == kind]
            near = [p for p in predicted if any(g.start < p.end and p.start < g.end for g in gold)]
            by_type.setdefault(kind, Scores()).add(score_document(gold, near))
        missed += [(path.name, g) for g in doc.timexes if not any(g.start < p.end and p.start < g.end
                                                                  and p.value == g.value for p in predicted)]
        spurious += [(path.name, p) for p in predicted if not any(g.start < p.end and p.start < g.end
                                                                  for g in doc.timexes)]
        if args.write:
            args.write.mkdir(parents=True, exist_ok=True)
            (args.write / path.name).write_text(write_tml(path.stem, doc.text, doc.dct, result.facts), encoding="utf-8")
    print(f"{len(files)} documents")
    print(line("all", total))
    if args.by_type:
        for kind, s in sorted(by_type.items()):
            print(line(kind, s) + "  (recall and pairs within the type; precision over the predictions near it)")
    for name, t in missed[:args.errors]:
        print(f"missed   {name}: {t.text!r} {t.type} {t.value}")
    for name, t in spurious[:args.errors]:
        print(f"spurious {name}: {t.text!r} {t.type} {t.value}")


if __name__ == "__main__":
    main()
