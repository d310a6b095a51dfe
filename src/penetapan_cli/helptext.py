"""Help and usage errors in the language for people: the help texts of messages.HELP and
click's own words (messages.CLICK), which Typer's vendored click writes in English.

Typer vendors click without its gettext calls (only a few of Typer's own words still go through
gettext), so no translation catalogue can reach "Usage:", "Show this message and exit." or
"Missing argument". The commands of cli.py are built from the classes here instead: their help
names texts by key, written in ``LANG`` when a command is built, and click's words are looked up
in the catalogue when help or a usage error is shown. ``LANG`` is set from the command line
before click parses it (``--help`` is answered while parsing).
"""

import re
from typing import Any

from typer.core import TyperCommand, TyperGroup

LANG = "en"
"""The language of help and usage errors: the command line's --lang, else PENETAPAN_LANG,
else the locale (``_Boundary.main`` sets it before anything is parsed, so that ``--help``,
which click answers while it parses, already knows it)."""


def text(key: str) -> str:
    """A help text by key (messages.HELP) or one of click's own words (messages.CLICK)."""
    from penetapan_cli.messages import CLICK, HELP

    entry = HELP.get(key) or CLICK.get(key)
    return entry[LANG] if entry is not None else key


def localize(command: Any) -> None:
    """Write the help of ``command``, its parameters and subcommands in ``LANG``; the key each
    text came from is kept, so that a later call (the language known) words it again."""
    _word(command, command.__dict__.get("help_key") or command.help)
    if command.__dict__.setdefault("metavar_key", command.options_metavar) == "[OPTIONS]":
        command.options_metavar = text("click.options_metavar")
    sub_key = command.__dict__.setdefault("sub_key", getattr(command, "subcommand_metavar", None))
    if sub_key == "COMMAND [ARGS]...":
        command.subcommand_metavar = text("click.subcommand_metavar")
    for param in command.params:
        if param.name in _TYPER_OPTIONS:  # Typer's own options, worded in English by Typer
            param.help = text(f"click.{param.name}")
        else:
            _word(param, param.__dict__.get("help_key") or getattr(param, "help", None))
    for sub in getattr(command, "commands", {}).values():
        localize(sub)


def _word(thing: Any, key: str | None) -> None:
    if isinstance(key, str):
        thing.help_key = key
        thing.help = text(key)


_TYPER_OPTIONS = frozenset({"install_completion", "show_completion"})

_EXTRAS = re.compile(r"\[(default|required)\b")


def _extra(found: re.Match[str]) -> str:
    """Typer's "[default: x]" and "[required]" in the help language."""
    return "[" + text("click." + found[1])


class Localized:
    """Help in ``LANG``: click's own words (Usage, Arguments, Options, the help option's help,
    default, required) looked up in messages.CLICK, instead of the English that click and
    Typer write (Typer's vendored click has no gettext, so no translation catalogue reaches it)."""

    def format_usage(self: Any, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=text("click.usage"))

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = text("click.help_option")
        return option

    def format_options(self: Any, ctx: Any, formatter: Any) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None and param.param_type_name in sections:
                term, help_text = record
                sections[param.param_type_name].append((term, _EXTRAS.sub(_extra, help_text)))
        for kind, title in (("argument", "click.arguments"), ("option", "click.options")):
            if sections[kind]:
                with formatter.section(text(title)):
                    formatter.write_dl(sections[kind])
        if hasattr(self, "format_commands"):
            self.format_commands(ctx, formatter)


class Command(Localized, TyperCommand):
    pass


class Group(Localized, TyperGroup):
    def format_commands(self, ctx: Any, formatter: Any) -> None:
        shown = [(name, cmd) for name, cmd in self.commands.items() if not cmd.hidden]
        if shown:
            limit = formatter.width - 6 - max(len(name) for name, _ in shown)
            with formatter.section(text("click.commands")):
                formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in shown])


# click's English messages and the catalogue key of each; compiled only for a usage error.
_CLICK_MESSAGES = (
    (r"Missing (argument|option|parameter) (.+?)\.(?: Choose from:\s*(.*)\.)?$", "click.missing"),
    (r"No such option: (\S+)(?: \(Possible options: (.*)\))?$", "click.no_such_option"),
    (r"Invalid value for (.+?): '(.*)' is not one of (.*)\.$", "click.not_one_of"),
    (r"Invalid value for (.+?): '(.*)' is not a valid (\w+)\.$", "click.not_valid"),
    (r"Option '(.+?)' requires an argument\.$", "click.needs_value"),
    (r"Option '(.+?)' does not take a value\.$", "click.no_value"),
    (r"Got unexpected extra argument\(s\) \((.*)\)$", "click.extra"),
    (r"No such command '(.*)'\.$", "click.no_such_command"),
    (r"Missing command\.$", "click.missing_command"),
)


def usage_message(exc: Any) -> str:
    """click's message for a usage error, in ``LANG``: English as click writes it, else the
    catalogue's sentence with the names and values click found (messages.CLICK)."""
    message: str = exc.format_message()
    if LANG == "en":
        return message
    for pattern, key in _CLICK_MESSAGES:
        found = re.match(pattern, " ".join(message.split()))
        if found:
            kind, *rest = found.groups(default="")
            if key == "click.missing":
                kind = text(f"click.{kind}")
            return re.sub(r"\s*\([^()]*:\s*\)$", "", text(key).format(kind, *rest))
    return message
