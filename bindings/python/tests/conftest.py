"""Shared fixtures: the repository, an engine on the embedded packs, and the Rust CLI."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import List

import pytest

import labelcheck

REPO = Path(os.environ.get("LABELCHECK_REPO", Path(__file__).resolve().parents[3]))


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def engine() -> labelcheck.Engine:
    return labelcheck.Engine()


def cli_command() -> List[str]:
    """The Rust CLI: $LABELCHECK_CLI (test.sh builds it), else `cargo run`."""
    env = os.environ.get("LABELCHECK_CLI")
    if env:
        return shlex.split(env)
    if shutil.which("cargo") is None:
        pytest.skip("no Rust CLI: set LABELCHECK_CLI or install cargo")
    return ["cargo", "run", "-q", "--locked", "-p", "labelcheck-cli", "--"]


@pytest.fixture(scope="session")
def cli(engine: labelcheck.Engine) -> List[str]:
    """The CLI command, after checking it embeds the same standards as the extension."""
    cmd = cli_command()
    out = subprocess.run(cmd + ["packs"], cwd=REPO, capture_output=True, text=True, check=True)
    # Only the hash prefixes are compared, so the listing's layout may change freely.
    cli_hashes = sorted(re.findall(r"sha256:([0-9a-f]{8,})", out.stdout))
    ours = sorted(p.hash for p in engine.packs())
    same = len(cli_hashes) == len(ours) and all(h.startswith(c) for c, h in zip(cli_hashes, ours))
    assert same, (
        "the CLI and the Python extension embed different standards (a pack changed between "
        "the two builds?); rebuild both.\nCLI: %s\nPython: %s" % (cli_hashes, ours)
    )
    return cmd
