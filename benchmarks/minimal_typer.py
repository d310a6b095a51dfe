"""Startup reference: the smallest Typer app, one command with one argument.

Run by benchmarks/startup.py with the project's Typer version (`python minimal_typer.py World`).
"""

import typer

app = typer.Typer(add_completion=False)


@app.command()
def hello(name: str) -> None:
    """Greet NAME."""
    typer.echo(f"Hello {name}")


if __name__ == "__main__":
    app()
