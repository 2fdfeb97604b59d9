"""Start-up of the command line, two installations side by side.

    python benchmarks/bench_startup_ab.py --before OLD/bin/python --after NEW/bin/python

Runs each command in a fresh interpreter of each installation in turn
(alternating, so a machine that slows down slows both) and prints, per
command, the best wall time and the best CPU time (the child's user + system)
of ``--repeat`` runs each. Without ``--before`` it times ``--after`` alone
(default: this interpreter). Bytecode is written and used (the first run of
each command is a warm-up): what a user of an installed package gets. To time
an older commit, install it into its own virtual environment (``git worktree
add OLD COMMIT; python -m venv OLDVENV; OLDVENV/bin/pip install OLD``).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from redrafts import TOTA

_TEXT = "Article 1\nThe Parties shall consult.\nArticle 2\nThe Parties shall trade.\n"


def commands(text_file: str) -> dict[str, list[str]]:
    """The commands timed, by the name the table gives them."""
    pair = [str(TOTA / "pta_312.xml"), str(TOTA / "pta_313.xml")]
    return {
        "treatydiff --version": ["--version"],
        "treatydiff list": ["list"],
        "treatydiff show ru-ir-2025 3.3": ["show", "ru-ir-2025", "3.3"],
        "treatydiff parse FILE.txt (two articles)": ["parse", text_file],
        "treatydiff compare ru-ir-2025 ru-kp-2024 ru-by-2024": [
            "compare",
            "ru-ir-2025",
            "ru-kp-2024",
            "ru-by-2024",
        ],
        "treatydiff compare pta_312.xml pta_313.xml --format text": [
            "compare",
            *pair,
            "--format",
            "text",
        ],
        "treatydiff compare pta_312.xml pta_313.xml --format html": [
            "compare",
            *pair,
            "--format",
            "html",
        ],
    }


def run(python: str, argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU time of ``python -m treatydiff argv`` (output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [python, "-m", "treatydiff", *argv], env=env, capture_output=True, check=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="the interpreter of the older installation")
    parser.add_argument("--after", default=sys.executable)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    pythons = {"before": args.before, "after": args.after}
    pythons = {k: v for k, v in pythons.items() if v}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "two.txt"
        text.write_text(_TEXT, encoding="utf-8")
        rows = []
        for name, argv in commands(str(text)).items():
            best = {k: (float("inf"), float("inf")) for k in pythons}
            for python in pythons.values():
                run(python, argv, env)  # warm-up: bytecode written
            for _ in range(args.repeat):
                for key, python in pythons.items():
                    wall, cpu = run(python, argv, env)
                    best[key] = (min(best[key][0], wall), min(best[key][1], cpu))
            rows.append((name, best))
    heads = [f"wall {k}" for k in pythons] + [f"CPU {k}" for k in pythons]
    print(
        f"best of {args.repeat}, alternating; load average "
        f"{os.getloadavg()[0]:.1f} after\n"
    )
    print("| command | " + " | ".join(heads) + " |")
    print("|---|" + "---:|" * len(heads))
    for name, best in rows:
        cells = [f"{best[k][0]:.3f} s" for k in pythons]
        cells += [f"{best[k][1]:.3f} s" for k in pythons]
        print(f"| `{name}` | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
