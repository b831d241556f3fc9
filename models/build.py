"""Rebuild the project's Swedish spaCy pipeline (tokenizer rules + morphologizer) from UD.

    python models/build.py [--ud ../shared/ud] [--out models/sv_planparse]

Trains on UD_Swedish-Talbanken (test split) and UD_Swedish-PUD, keeps Talbanken's dev
split aside, and prints the tagger's UPOS and morphology accuracy on it. Both treebanks
are CC BY-SA 4.0; the attribution is written into the pipeline's meta.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRAIN = ("sv_talbanken-ud-test.conllu", "sv_pud-ud-test.conllu")
HELD_OUT = "sv_talbanken-ud-dev.conllu"
SOURCES = [
    {"name": "UD_Swedish-Talbanken", "url": "https://github.com/UniversalDependencies/UD_Swedish-Talbanken",
     "license": "CC BY-SA 4.0", "author": "Lund University and Uppsala University (Nivre et al.)"},
    {"name": "UD_Swedish-PUD", "url": "https://github.com/UniversalDependencies/UD_Swedish-PUD",
     "license": "CC BY-SA 4.0", "author": "Universal Dependencies contributors (Parallel UD)"},
]


def run(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "spacy", *args], check=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ud", type=Path, default=HERE.parent.parent / "shared" / "ud")
    ap.add_argument("--out", type=Path, default=HERE / "sv_planparse")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "train").mkdir()
        (work / "dev").mkdir()
        for name in TRAIN:
            run("convert", str(args.ud / name), str(work / "train"), "--converter", "conllu", "--n-sents", "10")
        run("convert", str(args.ud / HELD_OUT), str(work / "dev"), "--converter", "conllu", "--n-sents", "10")
        run("train", str(HERE / "config.cfg"), "--output", str(work / "trained"),
            "--paths.train", str(work / "train"), "--paths.dev", str(work / "dev"),
            "--code", str(HERE / "components.py"))
        best = work / "trained" / "model-best"
        scores = work / "scores.json"
        run("evaluate", str(best), str(work / "dev"), "--output", str(scores), "--code", str(HERE / "components.py"))
        result = json.loads(scores.read_text())
        meta_path = best / "meta.json"
        meta = json.loads(meta_path.read_text())
        meta.update(name="planparse", lang="sv", version="1.0.0", license="CC BY-SA 4.0", sources=SOURCES,
                    description="planparse's Swedish pipeline: number-aware tokenizer and a morphologizer "
                                "trained on UD Talbanken (test) + PUD; evaluated on Talbanken dev.",
                    held_out={"treebank": HELD_OUT, "pos_acc": result.get("pos_acc"),
                              "morph_acc": result.get("morph_acc")})
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2))
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(best, args.out)
    print(f"UPOS accuracy on held-out {HELD_OUT}: {result.get('pos_acc'):.4f}")
    print(f"morphology accuracy on held-out {HELD_OUT}: {result.get('morph_acc'):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
