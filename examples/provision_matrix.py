"""Which security provisions do Russia's three recent treaties carry, and how binding?

Writes the provision × treaty matrix of the bundled treaties ru-ir-2025,
ru-kp-2024 and ru-by-2024 to a CSV file: one row per provision and treaty,
with its status (present, confirmed-absent, not-found, ...), the articles
carrying it and their obligation strength.

    python examples/provision_matrix.py [OUT.csv]     # default: provision_matrix.csv
"""

import sys

import treatydiff
from treatydiff import bundled
from treatydiff.report.table import csv_text

TREATIES = ["ru-ir-2025", "ru-kp-2024", "ru-by-2024"]


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "provision_matrix.csv"
    comparison = treatydiff.compare(*(bundled.load(id) for id in TREATIES))
    rows = (
        comparison.matrix_rows()
    )  # dicts: provision, treaty, status, refs, strength, ...
    with open(out, "w", newline="", encoding="utf-8") as file:
        # csv_text: RFC 4180 CSV with formula-like cells defused for spreadsheets
        file.write(csv_text(rows, list(rows[0])))
    # A short summary on screen: where mutual defence is, and how binding.
    for row in rows:
        if row["provision"] == "mutual-defence":
            where = row["refs"] or "-"
            print(f"mutual-defence  {row['treaty']:<11} {row['status']:<17} {where}")
    print(f"{len(rows)} rows written to {out}")


if __name__ == "__main__":
    main()
