"""The scripts in examples/ and the Python blocks of the README keep working.

Each example runs in a subprocess as a user runs it; those reading
``../shared`` exit 0 with their skip message when it is absent. The pytest
example runs under pytest with a few Hypothesis examples. README blocks run in
this process (their ``test_*`` functions are called, under the active
Hypothesis profile), except those marked ``<!-- not run: reason -->``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SCRIPTS = sorted(
    p.name for p in EXAMPLES.glob("*.py") if not p.name.startswith("test_")
)
NEEDS_SHARED = {"article_sources.py", "two_versions.py"}
BLOCK = re.compile(r"(<!-- not run: [^>]+ -->\n)?```python\n(.*?)```", re.S)
FEW_EXAMPLES = """\
from hypothesis import settings

settings.register_profile("examples", max_examples=5, deadline=None, derandomize=True)
settings.load_profile("examples")
"""


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_example_is_listed_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in EXAMPLES.glob("*.py"):
        assert f"`{path.name}" in readme, path.name


@pytest.mark.parametrize("name", SCRIPTS)
def test_example_runs(name: str, tmp_path: Path) -> None:
    out = {"provision_matrix.py": "matrix.csv", "two_versions.py": "report.html"}
    args = [str(tmp_path / out[name])] if name in out else []
    result = _run([str(EXAMPLES / name), *args], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    if name in NEEDS_SHARED and not SHARED.exists():
        assert result.stdout.startswith("skipped: ../shared not found"), result.stdout
        return
    assert result.stdout.strip(), "the example printed nothing"
    assert "skipped" not in result.stdout
    if name == "provision_matrix.py":
        header, *rows = (tmp_path / out[name]).read_text(encoding="utf-8").splitlines()
        assert header.startswith("provision,treaty,status,refs,strength,")
        assert rows[1].startswith("mutual-defence,ru-kp-2024,present,4,binding,")
    if name == "two_versions.py":
        assert re.search(r"^modified +[1-9]\d*  ", result.stdout, re.M)
        html = (tmp_path / out[name]).read_text(encoding="utf-8")
        assert html.lstrip().lower().startswith("<!doctype html")
    if name == "article_sources.py":
        assert re.search(r"^ +\d+% of its articles in pta_30 ", result.stdout, re.M)


@pytest.mark.parametrize("name", sorted(NEEDS_SHARED))
def test_example_skips_without_shared(name: str, tmp_path: Path) -> None:
    # A copy two levels below a directory without shared/ beside it.
    (tmp_path / "repo" / "examples").mkdir(parents=True)
    script = shutil.copy(EXAMPLES / name, tmp_path / "repo" / "examples")
    result = _run([str(script)], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("skipped: ../shared not found"), result.stdout


def test_alignment_example_passes_under_pytest(tmp_path: Path) -> None:
    # A copy beside a conftest that keeps the run short; the file is unchanged.
    shutil.copy(EXAMPLES / "test_my_alignment.py", tmp_path)
    (tmp_path / "conftest.py").write_text(FEW_EXAMPLES, encoding="utf-8")
    result = _run(
        ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test_my_alignment.py"],
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


def _readme_blocks() -> list[tuple[int, bool, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return [
        (readme.count("\n", 0, m.start(2)) + 1, m.group(1) is None, m.group(2))
        for m in BLOCK.finditer(readme)
    ]


def test_some_readme_blocks_run() -> None:
    assert sum(run for _, run, _ in _readme_blocks()) >= 2


@pytest.mark.parametrize(
    ("line", "code"),
    [
        pytest.param(line, code, id=f"line{line}")
        for line, run, code in _readme_blocks()
        if run
    ],
)
def test_readme_block_runs(
    line: int, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    namespace: dict[str, object] = {"__name__": f"readme_line{line}"}
    exec(compile(code, f"README.md:{line}", "exec"), namespace)
    for name, value in list(namespace.items()):
        if name.startswith("test_") and callable(value):
            value()
    capsys.readouterr()
