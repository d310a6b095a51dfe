"""--region is in the deadline card's title (docs/commands.md: "for titles and calendar
events"), in both languages, as in the calendar event and the timeline's heading."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("id", "Batas akhir penetapan pasangan calon terpilih \u2014 Kota Binjai"),
        ("en", "Deadline to declare the elected pair \u2014 Kota Binjai"),
    ],
)
def test_the_region_is_in_the_title(lang: str, title: str) -> None:
    result = CliRunner(env={"PENETAPAN_LANG": lang}).invoke(
        app, ["deadline", "ditolak", "2025-02-24", "--region", "Kota Binjai"]
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == title


@pytest.mark.parametrize("region", [None, "   "])
def test_no_region_no_dash(region: str | None) -> None:
    args = ["deadline", "ditolak", "2025-02-24"] + (["--region", region] if region else [])
    result = CliRunner(env={"PENETAPAN_LANG": "en"}).invoke(app, args)
    assert result.stdout.splitlines()[0] == "Deadline to declare the elected pair"
