"""The outcomes of a Pilkada result dispute at the Constitutional Court (MK)."""

from __future__ import annotations

import enum

from penetapan_cli.core.errors import Message, OutcomeError, PartialGrantError


class Outcome(enum.Enum):
    """Canonical English ids; the values are what users type and what JSON carries."""

    NO_PETITION = "no-petition"
    DISMISSED = "dismissed"
    WITHDRAWN = "withdrawn"
    LAPSED = "lapsed"
    NOT_COMPETENT = "not-competent"
    REJECTED = "rejected"
    GRANTED = "granted"
    REVOTE = "revote"
    RECOUNT = "recount"
    RECAPITULATION = "recapitulation"
    CORRECTION = "correction"  # granted in part: the KPU corrects its own decree, tally stands


# Outcomes whose decision orders the KPU to act again (a new cycle): no declaration deadline yet.
FOLLOW_UP_OUTCOMES = frozenset({Outcome.REVOTE, Outcome.RECOUNT, Outcome.RECAPITULATION})

# Indonesian names (and a few common English ones) a user may type instead of the id, and the
# MK's own amar wording where its meaning is certain (GLOSARIUM.md, "The MK's decisions"):
# "Menyatakan Mahkamah tidak berwenang mengadili", "Menolak permohonan Pemohon untuk
# seluruhnya", "Mengabulkan penarikan kembali permohonan Pemohon" (a petition "dicabut").
ALIASES: dict[Outcome, tuple[str, ...]] = {
    Outcome.NO_PETITION: ("tanpa-permohonan", "tidak-ada-permohonan"),
    Outcome.DISMISSED: ("tidak-dapat-diterima", "tidak-lanjut", "dismissal"),
    Outcome.WITHDRAWN: ("ditarik-kembali", "ditarik", "dicabut", "penarikan-kembali"),
    Outcome.LAPSED: ("gugur",),
    Outcome.NOT_COMPETENT: (
        "bukan-kewenangan",
        "tidak-berwenang",
        "mahkamah-tidak-berwenang",
        "tidak-berwenang-mengadili",
    ),
    Outcome.REJECTED: (
        "ditolak",
        "menolak",
        "menolak-untuk-seluruhnya",
        "ditolak-untuk-seluruhnya",
    ),
    Outcome.GRANTED: ("dikabulkan",),
    Outcome.REVOTE: ("psu", "pemungutan-suara-ulang"),
    Outcome.RECOUNT: ("penghitungan-suara-ulang",),
    Outcome.RECAPITULATION: ("rekapitulasi-ulang",),
    Outcome.CORRECTION: ("perbaikan-keputusan",),
}

# Words that make an outcome a partial grant ("dikabulkan sebagian", "partially granted"): the
# MK's amar then says what follows, and the user must name it (see PartialGrantError).
_PARTIAL_WORDS = frozenset({"sebagian", "partial", "partially", "partly", "part"})

SUGGEST_CUTOFF = 0.8
"""How close (difflib's ratio) an unknown outcome must be to a name for "did you mean": a
typo (``dismisal``, ``ditolk``) is; a different wording is not, and a suggestion of a name that
is far off could point to an outcome under another rule or trigger (``tidak berwenang`` once
suggested ``tidak-ada-permohonan``, huruf a)."""

_LOOKUP: dict[str, Outcome] = {o.value: o for o in Outcome} | {
    alias: o for o, names in ALIASES.items() for alias in names
}


def _normalise(text: str) -> str:
    return "-".join(text.strip().lower().replace("_", " ").replace("-", " ").split())


def parse_outcome(text: str) -> Outcome:
    """Resolve an id or alias, case-insensitive; spaces and underscores count as hyphens.

    A partial grant ("dikabulkan sebagian", "granted in part") raises PartialGrantError: it
    names no single rule."""
    key = _normalise(text)
    found = _LOOKUP.get(key)
    if found is not None:
        return found
    shown = text.strip()[:64]
    if _PARTIAL_WORDS.intersection(key.split("-")):
        raise PartialGrantError(shown)
    valid = ", ".join(o.value for o in Outcome)
    if not key:
        raise OutcomeError("outcome.empty", valid=valid)
    import difflib  # only for the hint: a one-off check does not pay for it

    close = difflib.get_close_matches(key, list(_LOOKUP), n=1, cutoff=SUGGEST_CUTOFF)
    hint: Message | str = ""
    if close:
        target = _LOOKUP[close[0]]
        hint = (
            Message("outcome.did_you_mean", name=close[0])
            if close[0] == target.value
            else Message("outcome.did_you_mean_alias", name=close[0], id=target.value)
        )
    raise OutcomeError("outcome.unknown", text=shown, valid=valid, hint=hint)
