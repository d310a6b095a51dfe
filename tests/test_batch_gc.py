"""The batch collects cycles less often while its rows go by (docs/performance.md, "The cycle
collector"), and gives the process its own thresholds back after, also when the run fails."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from typer.testing import CliRunner

import penetapan_cli.batch.run as batch_run
from penetapan_cli.cli import app

ROWS = (
    "region,case_number,outcome,notified_on\n"
    "Kota Medan,220/PHPU.WAKO-XXIII/2025,dismissed,2025-02-04\n"
)


@pytest.fixture
def thresholds() -> Any:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_rows_go_by_with_rare_collections_and_the_thresholds_come_back(
    thresholds: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, ...]] = []
    write_csv = batch_run.write_csv

    def spying(*args: Any, **kwargs: Any) -> None:
        seen.append(gc.get_threshold())
        write_csv(*args, **kwargs)

    monkeypatch.setattr(batch_run, "write_csv", spying)
    result = CliRunner().invoke(app, ["batch", "-", "--as-of", "2025-02-05"], input=ROWS)
    assert result.exit_code == 0
    assert seen == [batch_run.GC_THRESHOLDS]
    assert gc.get_threshold() == (700, 10, 10)


def test_the_thresholds_come_back_when_the_run_fails(
    thresholds: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*args: Any, **kwargs: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(batch_run, "write_csv", failing)
    result = CliRunner().invoke(app, ["batch", "-", "--as-of", "2025-02-05"], input=ROWS)
    assert result.exit_code != 0
    assert gc.get_threshold() == (700, 10, 10)
