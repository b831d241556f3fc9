"""Command line: ``planparse parse FILE``, ``planparse schema``, ``check``, ``batch``, ``diff``,
``report`` and ``followup``.

Exit codes: 0 success; 2 unreadable input or bad arguments; 3 an internal error (a bug:
please report it with the file). Errors are one line on stderr, never a traceback (set
PLANPARSE_DEBUG=1 to see one).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import NoReturn

from .errors import EXIT_INPUT, EXIT_OK, EXIT_POLICY, PlanparseError

EXIT_INTERNAL = 3


class _Parser(argparse.ArgumentParser):
    """argparse with an error said in one line (not a block of usage), exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _finite(text: str) -> float:
    """A float option's value: ``nan`` and ``inf`` parse as floats but mean nothing here."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive number: {text!r}")
    return value


def _ratio(text: str) -> float:
    value = _finite(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"not a share between 0 and 1: {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="planparse", description="Swedish activity plans as structured data.")
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = sub.add_parser("parse", help="parse one plan and print its JSON")
    parse.add_argument("file", type=Path)
    parse.add_argument("-o", "--output", type=Path, help="write to this file instead of stdout")
    parse.add_argument("--compact", action="store_true", help="one line of JSON")
    parse.add_argument("--format", choices=("json", "csv", "text", "xlsx"), default="json",
                       help="json (the plan), csv (one row per target, and per goal without one), text (the "
                            "outline for a terminal) or xlsx (the follow-up workbook; needs -o)")
    parse.add_argument("--excel", action="store_true",
                       help="with --format csv: for Swedish Excel (BOM, ';' separator, decimal comma)")
    parse.add_argument("--max-bytes", type=_positive, default=None, help="refuse files larger than this")
    _add_lang(parse)
    check = sub.add_parser("check", help="check that plans have measurable goals (for CI and pre-commit)")
    check.add_argument("files", nargs="+", type=Path)
    check.add_argument("--min-measurable", type=_ratio, default=0.5, metavar="RATIO",
                       help="share of goals that must carry a target (default 0.5)")
    check.add_argument("--min-targets", type=int, default=1, metavar="N", help="targets a plan must have (default 1)")
    check.add_argument("--format", choices=("text", "json", "github", "junit"), default="text")
    check.add_argument("-o", "--output", type=Path, help="write the report to this file")
    _add_lang(check)
    batch = sub.add_parser("batch", help="convert many plans (folders, globs, mixed formats)")
    batch.add_argument("paths", nargs="+", help="files, folders (recursive) or glob patterns")
    batch.add_argument("-o", "--outdir", type=Path, required=True,
                       help="output folder: one JSON per input (paths mirrored) and errors.jsonl")
    batch.add_argument("--jsonl", type=Path, help="write all plans as JSON lines to this file instead")
    batch.add_argument("--csv", type=Path, help="also write every plan's goals and targets to this CSV file")
    batch.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: the cores)")
    batch.add_argument("--timeout", type=_finite, default=60.0, help="seconds allowed per file (default 60)")
    batch.add_argument("--resume", action="store_true", help="skip inputs whose output is up to date")
    diff = sub.add_parser("diff", help="compare last year's plan with this year's")
    diff.add_argument("old", type=Path, help="a plan (.txt/.md/.docx/.pdf) or its planparse JSON")
    diff.add_argument("new", type=Path)
    diff.add_argument("--json", action="store_true", help="the differences as JSON")
    sub.add_parser("schema", help="print the JSON Schema of the output")
    report = sub.add_parser("report", help="one plan, or a district's plans, as a self-contained HTML file "
                                           "(or the follow-up workbook of them all)")
    report.add_argument("inputs", nargs="+", type=Path,
                        help="a plan, several plans or planparse JSON files, or folders (e.g. a batch output "
                             "folder with its errors.jsonl)")
    report.add_argument("-o", "--output", type=Path, required=True, help="the .html (or .xlsx) file to write")
    report.add_argument("--format", choices=("html", "xlsx"), default=None,
                        help="html or xlsx (one sheet per plan); default: from the output's suffix")
    report.add_argument("--followup", type=Path, metavar="XLSX", help="show the outcomes of a filled-in workbook")
    _add_lang(report)
    followup = sub.add_parser("followup", help="which targets a filled-in follow-up workbook reports as met")
    followup.add_argument("workbook", type=Path, help="a workbook made by 'parse --format xlsx' and filled in")
    followup.add_argument("--format", choices=("text", "json"), default="text")
    followup.add_argument("-o", "--output", type=Path, help="write the report to this file")
    _add_lang(followup)
    return p


def _add_lang(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("sv", "en"), default="sv",
                   help="language of what the plan's writers read (default sv, Swedish)")


def _version() -> str:
    from . import __version__
    return __version__




def _quiet_libraries() -> None:
    """pdfminer (reading the PDFs pdfium refuses) logs what it repairs as warnings, which
    Python prints on stderr when logging is not set up; the CLI says one line per error."""
    import logging

    pdfminer = logging.getLogger("pdfminer")
    pdfminer.addHandler(logging.NullHandler())
    pdfminer.propagate = False


def main(argv: list[str] | None = None) -> int:
    _quiet_libraries()
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse has printed its usage line
        return EXIT_OK if e.code == 0 else EXIT_INPUT
    try:
        if args.command == "schema":
            from .outputs import schema
            _write(json.dumps(schema(), ensure_ascii=False, indent=2) + "\n", None)
            return EXIT_OK
        if args.command == "parse":
            return _cmd_parse(args)
        if args.command == "check":
            return _cmd_check(args)
        if args.command == "batch":
            return _cmd_batch(args)
        if args.command == "diff":
            return _cmd_diff(args)
        if args.command == "report":
            return _cmd_report(args)
        if args.command == "followup":
            return _cmd_followup(args)
    except PlanparseError as e:
        print(f"planparse: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("planparse: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: one line, not a traceback
        if os.environ.get("PLANPARSE_DEBUG"):
            raise
        print(f"planparse: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_INTERNAL
    return EXIT_INPUT


def _cmd_parse(args: argparse.Namespace) -> int:
    from .api import DEFAULT_MAX_BYTES, parse
    from .outputs import plan_json, plans_csv

    try:
        plan = parse(args.file, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)
    except PlanparseError as e:
        print(f"planparse: {args.file}: {e}", file=sys.stderr)
        return e.exit_code
    if args.format == "csv":
        _write(plans_csv([plan], excel=args.excel), args.output)
    elif args.format in ("text", "xlsx"):
        _parse_view(plan, args)
    else:
        _write(plan_json(plan, compact=args.compact) + "\n", args.output)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    """Exit 0 when every plan meets the policy, 1 when one does not, 2 when one is unreadable."""
    from .api import parse
    from .check import REPORTS, Policy, check_plan

    policy = Policy(min_measurable=args.min_measurable, min_targets=args.min_targets)
    verdicts, paths, unreadable = [], {}, False
    for path in args.files:
        try:
            plan = parse(path)
        except PlanparseError as e:
            print(f"planparse: {path}: {e}", file=sys.stderr)
            unreadable = True
            continue
        paths[plan.source.file] = str(path)
        verdicts.append(check_plan(plan, policy, args.lang))
    _write(REPORTS[args.format](verdicts, paths), args.output)
    if unreadable:
        return EXIT_INPUT
    return EXIT_OK if all(v.passed for v in verdicts) else EXIT_POLICY


def _cmd_batch(args: argparse.Namespace) -> int:
    """Exit 0 when every input was converted, 1 when some failed, 2 for bad arguments."""
    from .batch import collect, run_batch

    if args.jobs < 1 or args.timeout <= 0:
        print("planparse: --jobs must be at least 1 and --timeout positive", file=sys.stderr)
        return EXIT_INPUT
    if args.outdir.exists() and not args.outdir.is_dir():
        print(f"planparse: {args.outdir}: not a folder", file=sys.stderr)
        return EXIT_INPUT
    missing = [a for a in args.paths if not Path(a).exists() and not any(c in a for c in "*?[")]
    if missing:
        print(f"planparse: {missing[0]}: no such file or folder", file=sys.stderr)
        return EXIT_INPUT
    jobs = collect(args.paths)
    if not jobs:
        print("planparse: no plans found in " + " ".join(args.paths), file=sys.stderr)
        return EXIT_INPUT
    totals = run_batch(jobs, args.outdir, workers=args.jobs, timeout=args.timeout, resume=args.resume,
                       jsonl=args.jsonl, csv_path=args.csv, progress=sys.stderr.isatty())
    for problem in totals.problems:
        print(f"planparse: {problem}", file=sys.stderr)
    print(f"planparse: {totals.line()}" + (f"; see {args.outdir / 'errors.jsonl'}" if totals.failed else ""),
          file=sys.stderr)
    return EXIT_POLICY if totals.failed or totals.problems else EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    from .diff import diff_plans, report_json, report_text

    old, new = _load_plan(args.old), _load_plan(args.new)
    d = diff_plans(old, new)
    _write(report_json(d) if args.json else report_text(d), None)
    return EXIT_OK


def _parse_view(plan, args: argparse.Namespace) -> None:
    """``parse --format text|xlsx``: the outline for a terminal, or the follow-up workbook."""
    if args.format == "xlsx":
        from .workbook import workbook_bytes

        if args.output is None:
            raise PlanparseError("--format xlsx needs -o FILE.xlsx")
        _save(workbook_bytes([plan], args.lang), args.output)
        return
    from .textview import outline, use_colour

    colour = args.output is None and use_colour(sys.stdout)
    _write(outline(plan, args.lang, colour=colour), args.output)


def _cmd_report(args: argparse.Namespace) -> int:
    """One plan's report for one plan file; the district overview for anything more."""
    from .followup import read_followup
    from .report import district_report, gather, plan_report

    fmt = args.format or ("xlsx" if args.output.suffix.lower() == ".xlsx" else "html")
    _check_writable(args.output)
    followup = read_followup(args.followup) if args.followup else None
    corpus = gather(args.inputs)
    if fmt == "xlsx":
        from .workbook import workbook_bytes

        if not corpus.plans:
            raise PlanparseError("no readable plans in " + " ".join(str(p) for p in args.inputs))
        _save(workbook_bytes(corpus.plans, args.lang), args.output)
        return EXIT_OK
    single = len(args.inputs) == 1 and args.inputs[0].is_file() and len(corpus.plans) == 1
    html = plan_report(corpus.plans[0], args.lang, followup) if single else \
        district_report(corpus, args.lang, followup)
    _save(html.encode("utf-8"), args.output)
    return EXIT_OK


def _cmd_followup(args: argparse.Namespace) -> int:
    from .followup import read_followup, report_json, report_text

    result = read_followup(args.workbook)
    text = report_json(result) if args.format == "json" else report_text(result, args.lang)
    if args.output is None:
        _write(text, None)
    else:
        _save(text.encode("utf-8"), args.output)
    return EXIT_OK


def _check_writable(output: Path) -> None:
    """Refuse an output path that cannot be written before the work is done, not after."""
    if output.is_dir():
        raise PlanparseError(f"{output}: is a directory")
    existing = output.absolute().parent
    while not existing.exists():  # missing folders are made on writing, as for parse -o
        existing = existing.parent
    if not existing.is_dir():
        raise PlanparseError(f"{output}: cannot write: {existing} is not a folder")
    if not os.access(existing, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise PlanparseError(f"{output}: cannot write: permission denied")


def _save(data: str | bytes, output: Path) -> None:
    """Write ``output`` atomically: a full disk leaves the earlier file as it was. An OS
    error is the user's to fix, so it is one line and exit 2."""
    from .batch import write_atomically
    from .errors import OutputError

    try:
        write_atomically(output, data)
    except OSError as e:
        raise OutputError(f"{output}: cannot write: {e.strerror or e}") from None


def _load_plan(path: Path):
    """A plan from its source file, or from planparse JSON written earlier."""
    from .api import parse, read_file
    from .errors import InputError
    from .outputs import load_plan_json

    try:
        if path.suffix.lower() != ".json":
            return parse(path)
        return load_plan_json(read_file(path).decode("utf-8"))
    except InputError as e:
        raise InputError(f"{path}: {e}") from None
    except ValueError as e:  # not JSON, not UTF-8, or JSON that is no plan
        raise InputError(f"{path}: not planparse JSON ({_one_line(str(e))})") from None


def _one_line(text: str, limit: int = 200) -> str:
    return " ".join(text.split())[:limit]


def _write(text: str, output: Path | None) -> None:
    """To stdout, or to ``output`` atomically."""
    if output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    _save(text, output)
