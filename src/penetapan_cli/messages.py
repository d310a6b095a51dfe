"""Words the tool prints, in Indonesian ("id") and English ("en")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from penetapan_cli.core.errors import LANGS, Message, PenetapanError
from penetapan_cli.core.facts import FACTS, name_facts

if TYPE_CHECKING:
    import datetime as dt

    from penetapan_cli.core.compliance import Verdict
    from penetapan_cli.core.rules import CountFrom, Roll, Text, Unit

# The texts of the core's enums (Outcome, Unit, CountFrom, Roll) are keyed by the member's
# value, as DAY_KINDS is: the catalogue is loaded for --help, which must not load the core's
# rules and outcomes only to name these keys. Look them up with ``member.value``.


OUTCOME_NAMES: dict[str, Text] = {
    "no-petition": {
        "id": "tidak terdapat permohonan perselisihan hasil pemilihan",
        "en": "no petition registered",
    },
    "dismissed": {
        "id": "permohonan tidak dapat diterima",
        "en": "not accepted (dismissal)",
    },
    "withdrawn": {
        "id": "penarikan kembali permohonan dikabulkan (ketetapan)",
        "en": "withdrawn",
    },
    "lapsed": {"id": "permohonan gugur (ketetapan)", "en": "lapsed"},
    "not-competent": {
        "id": "Mahkamah tidak berwenang mengadili permohonan (ketetapan)",
        "en": "outside the MK's competence",
    },
    "rejected": {"id": "permohonan ditolak untuk seluruhnya", "en": "rejected"},
    "granted": {
        "id": "permohonan dikabulkan; Mahkamah menetapkan perolehan suara yang benar",
        "en": "granted, the MK fixes the vote result",
    },
    "revote": {"id": "pemungutan suara ulang (PSU)", "en": "re-vote ordered (PSU)"},
    "recount": {"id": "penghitungan suara ulang", "en": "recount ordered"},
    "recapitulation": {
        "id": "rekapitulasi ulang perolehan suara",
        "en": "re-recapitulation ordered",
    },
    "correction": {
        "id": "permohonan dikabulkan untuk sebagian; KPU diperintahkan memperbaiki keputusannya "
        "(perolehan suara tetap)",
        "en": "granted in part, the KPU ordered to correct its own decree (the tally stands)",
    },
}

UNIT_NAMES: dict[str, Text] = {
    "calendar": {"id": "hari kalender", "en": "calendar days"},
    "working": {"id": "hari kerja", "en": "working days"},
}

COUNT_FROM: dict[str, Text] = {
    "after": {
        "id": "setelah peristiwa itu (harinya tidak dihitung; hari ke-1 adalah hari berikutnya)",
        "en": "after the trigger date (the trigger day is not counted)",
    },
    "on": {
        "id": "terhitung sejak peristiwa itu (harinya adalah hari ke-1 bila hari kerja)",
        "en": "counted from the trigger date (the trigger day is day 1 when a working day)",
    },
}
CALENDAR_ON: Text = {
    "id": "terhitung sejak peristiwa itu (harinya adalah hari ke-1)",
    "en": "counted from the trigger date (the trigger day is day 1)",
}
"""``count_from = "on"`` on calendar days: the trigger day is day 1 whatever day it is."""

ROLL: dict[str, Text] = {
    "none": {
        "id": "batas akhir tidak dimundurkan ke hari kerja berikutnya meskipun jatuh pada hari "
        "Sabtu, Minggu, atau hari libur",
        "en": "the last day stands even on a non-working day",
    },
    "next-working-day": {
        "id": "batas akhir yang jatuh pada hari yang bukan hari kerja dimundurkan ke hari kerja "
        "berikutnya",
        "en": "a last day that is not a working day moves to the next working day",
    },
}

DAY_KINDS: dict[str, Text] = {
    "weekend": {"id": "hari Sabtu/Minggu", "en": "weekend"},
    "public-holiday": {"id": "hari libur nasional", "en": "public holiday"},
    "cuti-bersama": {"id": "cuti bersama", "en": "cuti bersama"},
    "closure": {"id": "hari yang diliburkan", "en": "office closure"},
}
"""By ``DayKind.value``: the catalogue is loaded for --help, which needs no calendar."""

LABELS: dict[str, Text] = {
    "title": {
        "id": "Batas akhir penetapan pasangan calon terpilih",
        "en": "Deadline to declare the elected pair",
    },
    "outcome": {"id": "Amar putusan MK", "en": "MK outcome"},
    "outcome_line": {"id": "{name} ({id})", "en": "{id} \u2014 {name}"},
    "trigger": {"id": "Dihitung dari", "en": "Trigger date"},
    "trigger.after": {"id": "Dihitung setelah", "en": "Trigger date"},
    "trigger.on": {"id": "Terhitung sejak", "en": "Trigger date"},
    "rule": {"id": "Dasar hukum", "en": "Rule"},
    "quote": {"id": "Bunyi pasal", "en": "Text"},
    "verbatim": {"id": "kutipan", "en": "verbatim"},
    "paraphrase": {"id": "parafrasa", "en": "paraphrase"},
    "source": {"id": "Sumber", "en": "Source"},
    "case": {"id": "Nomor perkara", "en": "Case number"},
    "counting": {"id": "Cara menghitung", "en": "Counting"},
    "override": {
        "id": "diganti dengan --basis; aturan menyebut",
        "en": "overridden by --basis; the rule says",
    },
    "deadline": {"id": "Batas akhir", "en": "Deadline"},
    "countdown": {"id": "Status", "en": "Countdown"},
    "as_of": {"id": "per", "en": "as of"},
    "none_yet": {
        "id": "belum dapat ditentukan",
        "en": "no deadline yet",
    },
    "next": {"id": "Tindak lanjut", "en": "What happens next"},
    "warning": {"id": "peringatan", "en": "warning"},
    "notice": {"id": "Catatan hukum", "en": "Legal notice"},
    "trace": {"id": "Rincian hari", "en": "Day by day"},
    "counted": {"id": "dihitung", "en": "counted"},
    "skipped": {"id": "tidak dihitung", "en": "skipped"},
    "trigger_day": {"id": "hari peristiwa", "en": "trigger day"},
    "rolled": {"id": "dimundurkan ke hari ini", "en": "rolled forward here"},
    "rule_sets": {"id": "Kumpulan aturan", "en": "Rule sets"},
    "rule_set": {"id": "Kumpulan aturan", "en": "Rule set"},
    "default": {"id": "bawaan", "en": "default"},
    "regulation": {"id": "Peraturan", "en": "Regulation"},
    "status": {"id": "Status", "en": "Status"},
    "note_field": {"id": "Keterangan", "en": "Note"},
    "file": {"id": "Berkas", "en": "File"},
    "comparison": {"id": "Perbandingan aturan", "en": "Comparison of rule sets"},
    "comparison_short": {"id": "Perbandingan", "en": "Comparison"},
    "by_trigger": {
        "id": "Batas akhir menurut peristiwa yang dihitung",
        "en": "Deadline by trigger date",
    },
    "safe": {"id": "AMAN", "en": "SAFE"},
    "safe_date": {"id": "Tanggal aman (paling awal)", "en": "Safe date (the earliest)"},
    "own_trigger": {
        "id": "Aturan {rule} dihitung dari peristiwanya sendiri ({trigger}), bukan dari peristiwa "
        "tanggal yang diberikan; dalam tabel di atas aturan ini dihitung dari tanggal yang "
        "diberikan",
        "en": "Rule {rule} counts from its own event ({trigger}), not the event of the date "
        "given; in the table above it is counted from the date given",
    },
    "safe_step": {"id": "tanggal aman (paling awal)", "en": "the safe (earliest) date"},
    "decided_cli": {"id": "putusan diucapkan (--decided)", "en": "decision read out (--decided)"},
    "notified_on": {"id": "surat pemberitahuan diterima", "en": "notified"},
    "active": {"id": "aktif", "en": "active"},
    "timeline": {
        "id": "Lini masa perselisihan hasil Pemilihan",
        "en": "Timeline of the result dispute",
    },
    "waiting": {"id": "menunggu", "en": "waiting for"},
    "alternative": {"id": "bila dihitung dari", "en": "if counted from"},
    "counted_from_alt": {"id": "Dihitung dari", "en": "Counted from"},
    "applies_to": {"id": "berlaku untuk", "en": "applies to"},
    "region": {"id": "Daerah", "en": "Region"},
    "order_days": {"id": "hari menurut amar putusan", "en": "days set by the MK's order"},
    "estimated": {"id": "perkiraan", "en": "estimated"},
    "warning_label": {"id": "peringatan", "en": "warning"},
    "notice_label": {"id": "catatan", "en": "notice"},
    "note_label": {"id": "catatan", "en": "note"},
    "next_step_label": {"id": "tindak lanjut", "en": "next step"},
    "error_label": {"id": "kesalahan", "en": "error"},
    "no_cuti_year": {
        "id": "tidak ada cuti bersama {year} dalam data hari libur",
        "en": "the holiday data lists no cuti bersama for {year}",
    },
    "no_data_rows": {
        "id": "masukan hanya berisi baris judul kolom, tanpa baris data",
        "en": "the input has a header but no data row",
    },
    "cuti_working": {
        "id": "cuti bersama dihitung sebagai hari kerja (--no-cuti-bersama)",
        "en": "cuti bersama counted as working days (--no-cuti-bersama)",
    },
}

DATE_FORMAT: Text = {"id": "[$-421]d mmmm yyyy", "en": "[$-809]d mmmm yyyy"}
"""How an .xlsx output shows a date: day first, the month by name (Indonesian: 421)."""

STATUS_NAMES: dict[str, Text] = {
    "ok": {"id": "batas akhir diketahui (ok)", "en": "deadline known (ok)"},
    "pending": {
        "id": "belum dapat ditentukan (pending)",
        "en": "no deadline yet (pending)",
    },
    "error": {"id": "kesalahan (error)", "en": "errors (error)"},
    "blank": {"id": "baris kosong (blank)", "en": "blank rows (blank)"},
}
"""A batch row's status (the ``status`` column keeps its English word), as the report names it."""

COMPLIANCE_NAMES: dict[str, Text] = {
    "on-time": {"id": "penetapan tepat waktu (on-time)", "en": "declared on time (on-time)"},
    "late": {"id": "penetapan terlambat (late)", "en": "declared late (late)"},
    "premature": {
        "id": "penetapan dilakukan sebelum waktunya (premature)",
        "en": "declared prematurely (premature)",
    },
    "undetermined": {
        "id": "belum dapat ditentukan (undetermined)",
        "en": "cannot be determined yet (undetermined)",
    },
}
"""A batch row's ``compliance`` (the column keeps its English word), as the report names it."""

WORKBOOK_LABELS: dict[str, Text] = {
    "rows_sheet": {"id": "Hasil", "en": "Results"},
    "report_sheet": {"id": "Laporan", "en": "Report"},
    "report_title": {
        "id": "Laporan penghitungan batas akhir penetapan (penetapan batch)",
        "en": "Report of the deadline run (penetapan batch)",
    },
    "run_date": {"id": "Tanggal penghitungan", "en": "Date of the run"},
    "as_of": {"id": "Sisa waktu dihitung per", "en": "Days left counted as of"},
    "input": {"id": "Berkas masukan", "en": "Input file"},
    "sheet": {"id": "Lembar kerja", "en": "Sheet"},
    "holidays_version": {
        "id": "Versi data hari libur (paket holidays)",
        "en": "Holiday data version (holidays package)",
    },
    "counts": {"id": "Jumlah baris menurut status", "en": "Rows by status"},
    "compliance": {
        "id": "Ketepatan waktu penetapan (kolom declared_on)",
        "en": "Declarations checked (the declared_on column)",
    },
    "rows": {"id": "Baris", "en": "Rows"},
    "rules_used": {"id": "Aturan yang dipakai", "en": "Rules used"},
    "citation": {"id": "Dasar hukum", "en": "Citation"},
    "messages": {
        "id": "Peringatan, catatan hukum dan tahapan selanjutnya",
        "en": "Warnings, notices and next steps",
    },
    "where": {"id": "Baris yang terkena", "en": "Rows concerned"},
    "text": {"id": "Isi", "en": "Text"},
    "none": {"id": "tidak ada", "en": "none"},
    "cut": {
        "id": "Teks yang dipotong (lebih dari 32.767 karakter, batas isi satu sel)",
        "en": "Texts cut short (over 32,767 characters, the limit of one cell)",
    },
}
"""The .xlsx output of ``penetapan batch``: its sheet names and its report sheet."""

TRIGGER_NAMES: dict[str, Text] = {
    "announced": {"id": "pengumuman hasil (--announced)", "en": "announcement (--announced)"},
    "registered": {
        "id": "registrasi BRPK (--registered)",
        "en": "BRPK registration (--registered)",
    },
    "decided": {"id": "putusan diucapkan (--decided)", "en": "decision read out (--decided)"},
    "notified": {
        "id": "surat pemberitahuan diterima (--notified)",
        "en": "notification (--notified)",
    },
}
"""What a timeline step was counted from, as the timeline names it."""


WEEKDAY_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
"""Weekdays (Monday first, as date.weekday()) and months as output writes them; the date
parser keeps its own table of what it reads (core/dates.py)."""


def weekday_name(d: dt.date, lang: str) -> str:
    """The weekday of ``d``: "Jumat" (id) / "Friday" (en)."""
    return WEEKDAY_NAMES[_lang(lang)][d.weekday()]


def month_name(month: int, lang: str) -> str:
    """The name of month 1..12: "Februari" (id) / "February" (en)."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month!r}")
    return MONTH_NAMES[_lang(lang)][month - 1]


def format_date(d: dt.date, lang: str) -> str:
    """ "Jumat, 7 Februari 2025" (id) / "Friday, 7 February 2025" (en)."""
    return f"{weekday_name(d, lang)}, {d.day} {month_name(d.month, lang)} {d.year}"


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}: expected 'id' or 'en'")
    return lang


def label(key: str, lang: str) -> str:
    return LABELS[key][lang]


def counting_sentence(
    days: int | None, unit: Unit, count_from: CountFrom, roll: Roll | None, lang: str
) -> str:
    """How a period is counted, the one sentence every output uses: "3 hari kalender setelah
    tanggal pemicu (...); hari terakhir ..."; ``days`` None is written N (set by an order),
    ``roll`` None leaves the last part out."""
    start = CALENDAR_ON if count_from.value == "on" and unit.value == "calendar" else None
    text = (
        f"{days if days is not None else 'N'} {UNIT_NAMES[unit.value][lang]} "
        f"{(start or COUNT_FROM[count_from.value])[lang]}"
    )
    # A working-day count ends on a working day: "not moved even on a holiday" cannot happen.
    if roll is not None and not (roll.value == "none" and unit.value == "working"):
        text += f"; {ROLL[roll.value][lang]}"
    return text


COUNTDOWN: dict[str, Text] = {
    "left": {"id": "sisa waktu {n} hari", "en": "{n} day{s} left"},
    "today": {
        "id": "hari ini adalah hari terakhir (batas akhir) penetapan",
        "en": "due today",
    },
    "overdue": {"id": "telah melewati batas akhir {n} hari", "en": "overdue by {n} day{s}"},
    "ended.petition": {
        "id": "tenggang waktu pengajuan permohonan telah berakhir",
        "en": "the petition window has closed",
    },
    "ended": {"id": "batas waktu telah berakhir", "en": "the period has ended"},
    "rows_from": {"id": "{n} baris, mulai baris {first}", "en": "{n} row{s} from row {first}"},
}
"""Counted phrases: English adds "s" for more than one, Indonesian never does."""


def _counted(key: str, n: int, lang: str, **values: object) -> str:
    return COUNTDOWN[key][lang].format(n=n, s="s" if n != 1 else "", **values)


def countdown(days_left: int, lang: str) -> str:
    """Days left to the KPU's own deadline, today, or how far past it."""
    if days_left > 0:
        return _counted("left", days_left, lang)
    if days_left == 0:
        return COUNTDOWN["today"][lang]
    return _counted("overdue", -days_left, lang)


def period_ended(kind: str, lang: str) -> str:
    """A period that is not the KPU's to act in (the petition window, the MK's own limit) is
    not "overdue": it ended on its last day."""
    key = "ended.petition" if kind == "petition" else "ended"
    return COUNTDOWN[key][lang]


def rows_from(rows: int, first_row: int, lang: str) -> str:
    """Where a batch message applies: "3 baris, mulai baris 5" / "3 rows from row 5"."""
    return _counted("rows_from", rows, lang, first=first_row)


# --- Was it declared on time? (--declared, the batch column declared_on) ---------------------

DECLARED_LABELS: dict[str, Text] = {
    "declared": {"id": "Penetapan dilakukan", "en": "Declared on"},
    "decision_read": {"id": "putusan diucapkan", "en": "the decision was read out"},
}

_VERDICTS: dict[str, Text] = {  # by Compliance.value
    "on-time": {
        "id": "penetapan tepat waktu (masih dalam batas waktu; batas akhir {deadline})",
        "en": "declared on time (within the period; deadline {deadline})",
    },
    "late": {
        "id": "penetapan terlambat {days} hari kalender (batas akhir {deadline})",
        "en": "declared late by {days} calendar day{s} (deadline {deadline})",
    },
    "premature": {
        "id": "penetapan dilakukan sebelum waktunya (prematur): sebelum {event}, {trigger}",
        "en": "declared prematurely: before {event}, {trigger}",
    },
    "undetermined": {
        "id": "ketepatan waktu penetapan belum dapat ditentukan: amar putusan MK memerintahkan "
        "tindak lanjut, dan batas akhir penetapan baru dihitung setelah perintah itu dilaksanakan "
        "dan hasil baru diumumkan; periksa amar putusan serta hasil dan tanggal siklus baru",
        "en": "cannot be determined: the MK's order starts a new cycle, and the deadline runs "
        "only once the order is carried out and the new result announced; check the new "
        "cycle's outcome and dates",
    },
}

_VERDICTS_SHORT: dict[str, Text] = {
    "on-time": {"id": "tepat waktu", "en": "on time"},
    "late": {
        "id": "terlambat {days} hari kalender",
        "en": "late by {days} calendar day{s}",
    },
    "premature": {"id": "prematur", "en": "premature"},
    "undetermined": {"id": "belum dapat ditentukan", "en": "undetermined"},
}


def verdict_sentence(verdict: Verdict, lang: str, *, event: str) -> str:
    """The verdict on a declaration, e.g. "penetapan terlambat 2 hari kalender (batas akhir
    Jumat, 7 Februari 2025)"; ``event`` names what the earliest trigger date is (premature)."""
    deadline, trigger = verdict.deadline, verdict.earliest_trigger
    return _VERDICTS[verdict.compliance.value][lang].format(
        days=verdict.days_late,
        s="" if verdict.days_late == 1 else "s",
        deadline=format_date(deadline, lang) if deadline is not None else "",
        event=event,
        trigger=format_date(trigger, lang) if trigger is not None else "",
    )


def verdict_short(verdict: Verdict, lang: str) -> str:
    """The verdict in a table cell: "tepat waktu", "terlambat 2 hari kalender", ..."""
    s = "" if verdict.days_late == 1 else "s"
    return _VERDICTS_SHORT[verdict.compliance.value][lang].format(days=verdict.days_late, s=s)


# --- The month view (deadline --calendar) and the closures warning -------------------------------

CLOSURES_CALENDAR_DAYS: Text = {
    "id": "hari yang diliburkan (--closures) tidak mengubah batas akhir yang dihitung dengan hari "
    "kalender; hari tersebut hanya diperhitungkan pada penghitungan hari kerja (--basis working)",
    "en": "office closures (--closures) do not move a deadline counted in calendar days; they "
    "count only on a working-day count (--basis working)",
}
"""--closures given, and the deadline is counted in calendar days with no roll forward."""

BATCH_MONTH_FIRST: Text = {
    "id": "berkas ini tampaknya menulis tanggal dengan bulan lebih dahulu (M/D/YYYY): tanggal "
    "angka dibaca dengan hari lebih dahulu (D/M/YYYY), sehingga baris ini tidak terbaca dan "
    "tanggal lain yang terbaca bisa keliru; periksa kolom trigger_date, atau jalankan ulang "
    "dengan --date-order mdy",
    "en": "this file looks month-first (M/D/YYYY): numeric dates were read day first "
    "(D/M/YYYY), so these rows could not be read and the dates that were may be wrong; check "
    "the trigger_date column, or rerun with --date-order mdy",
}
"""batch: a row's numeric date is a real date only when read month first."""


MONTH_VIEW: dict[str, Text] = {
    "title": {"id": "Kalender penghitungan hari", "en": "Calendar of the count"},
    "calendar_days": {
        "id": "Penghitungan hari kalender: hari Sabtu, hari Minggu, dan hari libur tetap dihitung.",
        "en": "A calendar-day count: weekends and holidays are counted too.",
    },
    "working_days": {
        "id": "Penghitungan hari kerja: hari Sabtu, hari Minggu, hari libur nasional, cuti "
        "bersama, dan hari yang diliburkan tidak dihitung.",
        "en": "A working-day count: weekends, holidays, cuti bersama and office closures are "
        "skipped.",
    },
    "legend": {"id": "Keterangan", "en": "Legend"},
    "trigger": {
        "id": "tanggal peristiwa yang menjadi dasar penghitungan",
        "en": "trigger date",
    },
    "counted": {"id": "hari ke-1, ke-2, ... yang dihitung", "en": "day 1, 2, ... of the count"},
    "deadline": {"id": "batas akhir penetapan (hari terakhir)", "en": "deadline (the last day)"},
    "weekend": {"id": "hari Sabtu atau Minggu, tidak dihitung", "en": "weekend, skipped"},
    "days_off": {
        "id": "Hari libur pada bulan yang ditampilkan",
        "en": "Days off in the months shown",
    },
}
"""Words of the month view; its symbols are in render/monthview.py, the day kinds in DAY_KINDS."""


CACHE_REASONS: dict[str, Text] = {
    "owned by another user": {"id": "milik pengguna lain", "en": "owned by another user"},
    "writable by others": {
        "id": "dapat diubah oleh pengguna lain",
        "en": "writable by other users",
    },
    "unchecked": {
        "id": "pemiliknya tidak dapat diperiksa di sistem ini",
        "en": "its owner cannot be checked on this system",
    },
}


def cache_not_used(path: str, reason: str, lang: str) -> str:
    """The holiday cache ignores a directory or file that someone else could have changed."""
    why = CACHE_REASONS.get(reason, {"id": reason, "en": reason})[lang]
    if lang == "id":
        return (
            f"cache hari libur {path!r} tidak dipakai karena {why}; data hari libur dibaca "
            "langsung dari paket holidays (pakai folder milik Anda sendiri yang hanya dapat "
            "Anda ubah, atau PENETAPAN_NO_CACHE=1)"
        )
    return (
        f"holiday cache {path!r} not used: {why}; the holiday data is read from the holidays "
        "package instead (use a folder that is yours and only you can write, or "
        "PENETAPAN_NO_CACHE=1)"
    )


# Errors and other sentences, by key (core/errors.py: Message). Values are named as in the
# raise; {decided} and the other facts of core/facts.py are written as option names later.

ERRORS: dict[str, Text] = {
    # what users write: a partial grant, swapped arguments, a timeline with no date (the
    # facts, {announced}..., are written as option names by the command line)
    "outcome.partial_grant": {
        "id": "amar putusan {shown!r} (dikabulkan untuk sebagian) belum menyebut tindak "
        "lanjutnya; pilih sesuai amar putusan MK: Mahkamah menetapkan sendiri perolehan suara "
        "yang benar: dikabulkan; Mahkamah memerintahkan pemungutan suara ulang, penghitungan "
        "suara ulang atau rekapitulasi ulang: psu, penghitungan-suara-ulang atau "
        "rekapitulasi-ulang; Mahkamah memerintahkan KPU memperbaiki keputusannya dan perolehan "
        "suara tetap: perbaikan-keputusan",
        "en": "outcome {shown!r} (granted in part) does not say what follows; choose by what "
        "the MK ordered: the MK fixed the vote result itself: dikabulkan (granted); it ordered "
        "a re-vote, a recount or a re-recapitulation: psu, penghitungan-suara-ulang or "
        "rekapitulasi-ulang; it ordered the KPU to correct its own decree while the tally "
        "stands: perbaikan-keputusan (correction)",
    },
    "outcome.swapped": {
        "id": "argumen tampaknya tertukar: penetapan deadline OUTCOME DATE (amar putusan "
        "dahulu, lalu tanggal), bukan {outcome!r} {date!r}",
        "en": "the arguments seem swapped: penetapan deadline OUTCOME DATE (the outcome "
        "first, then the date), not {outcome!r} {date!r}",
    },
    "timeline.no_date": {
        "id": "tidak ada tanggal yang diberikan: linimasa memerlukan sekurang-kurangnya satu "
        "dari {announced} (pengumuman hasil), {registered} (registrasi perkara dalam BRPK), "
        "{decided} (putusan diucapkan) atau {notified} (diterimanya surat pemberitahuan)",
        "en": "no date given: the timeline needs at least one of {announced} (the result "
        "announced), {registered} (the case registered in the BRPK), {decided} (the decision "
        "read out) or {notified} (the notification received)",
    },
    # dates (core/dates.py)
    "date.invalid": {
        "id": "tanggal tidak valid {text!r}: {why}",
        "en": "invalid date {text!r}: {why}",
    },
    "date.invalid_long": {
        "id": "tanggal tidak valid {text!r}...: {why}",
        "en": "invalid date {text!r}...: {why}",
    },
    "date.expected": {
        "id": "gunakan YYYY-MM-DD, DD/MM/YYYY atau '4 Februari 2025'",
        "en": "expected YYYY-MM-DD, DD/MM/YYYY or '4 Februari 2025'",
    },
    "date.range": {
        "id": "tanggal yang didukung: {first} sampai dengan {last}",
        "en": "dates from {first} to {last} are supported",
    },
    "date.year4": {
        "id": (
            "tahun harus terdiri atas 4 angka (misalnya 04/02/2025); tahun 2 angka bermakna ganda"
        ),
        "en": "the year must have 4 digits (e.g. 04/02/2025); two-digit years are ambiguous",
    },
    "date.year4_sheet": {
        "id": "tahun harus terdiri atas 4 angka (misalnya 4-Feb-2025); tahun 2 angka bermakna "
        "ganda",
        "en": "the year must have 4 digits (e.g. 4-Feb-2025); two-digit years are ambiguous",
    },
    "date.no_month": {
        "id": "bulan {month} tidak ada (bulan 1-12)",
        "en": "month {month} does not exist (months are 1-12)",
    },
    "date.no_day": {"id": "tanggal {day} tidak ada", "en": "day {day} does not exist"},
    "date.out_of_range": {
        "id": "di luar rentang yang didukung: {range}",
        "en": "outside the supported range: {range}",
    },
    "date.month_days": {
        "id": "{month} {year} hanya {days} hari",
        "en": "{month} {year} has {days} days",
    },
    "date.empty": {"id": "kosong; {expected}", "en": "empty; {expected}"},
    "date.other_order.mdy": {
        "id": "{why}; bila dibaca dengan bulan lebih dahulu (M/D/YYYY), tanggal ini adalah "
        "{date}: untuk tanggal yang ditulis seperti itu, gunakan {date_order} {order}",
        "en": "{why}; read month first (M/D/YYYY) it is {date}: for dates written that way, "
        "use {date_order} {order}",
    },
    "date.other_order.dmy": {
        "id": "{why}; bila dibaca dengan hari lebih dahulu (D/M/YYYY), tanggal ini adalah "
        "{date}: untuk tanggal yang ditulis seperti itu, gunakan {date_order} {order}",
        "en": "{why}; read day first (D/M/YYYY) it is {date}: for dates written that way, "
        "use {date_order} {order}",
    },
    "date.too_long": {
        "id": "terlalu panjang ({length} karakter, paling banyak {most})",
        "en": "too long ({length} characters, max {most})",
    },
    "date.control": {
        "id": "memuat karakter kendali atau spasi khusus ({code})",
        "en": "contains a control or special space character ({code})",
    },
    "date.ascii_digits": {
        "id": "gunakan angka ASCII 0-9 (ditemukan {char!r}, {code})",
        "en": "use ASCII digits 0-9 (found {char!r}, {code})",
    },
    "date.character": {
        "id": "karakter tidak terduga {char!r} ({code}); {expected}",
        "en": "unexpected character {char!r} ({code}); {expected}",
    },
    "date.no_today": {
        "id": "tanggal acuan untuk hari ini tidak diberikan",
        "en": "no reference date for today was given",
    },
    "date.bare_number": {
        "id": "angka saja bukan tanggal (bukan stempel waktu atau YYYYMMDD); {expected}",
        "en": "a bare number is not a date (no timestamps or YYYYMMDD); {expected}",
    },
    "date.time_of_day": {
        "id": "tuliskan tanggal saja, tanpa jam; {expected}",
        "en": "give a date only, without a time of day; {expected}",
    },
    "date.mixed_separators": {
        "id": "pemisah bercampur; gunakan satu jenis saja: '/', '-' atau '.'",
        "en": "mixed separators; use one of '/', '-' or '.' throughout",
    },
    "date.year_first": {
        "id": "tanggal yang diawali tahun harus berbentuk ISO YYYY-MM-DD (misalnya 2025-02-04)",
        "en": "a year-first date must be ISO YYYY-MM-DD (e.g. 2025-02-04)",
    },
    "date.digits": {
        "id": "tanggal dan bulan terdiri atas 1 atau 2 angka; {expected}",
        "en": "day and month have 1 or 2 digits; {expected}",
    },
    "date.incomplete": {
        "id": "tanggal tidak lengkap: tuliskan tanggal, bulan, dan tahun; {expected}",
        "en": "incomplete date: give day, month and year; {expected}",
    },
    "date.month_name": {
        "id": "nama bulan tidak dikenal {word!r}; {expected}",
        "en": "unknown month name {word!r}; {expected}",
    },
    "date.dot": {
        "id": "titik hanya boleh mengikuti singkatan nama bulan, seperti 'Feb.'",
        "en": "a dot may follow only a short month name such as 'Feb.'",
    },
    "date.no_year": {"id": "tahun tidak ada; {expected}", "en": "the year is missing; {expected}"},
    "date.weekday_name": {
        "id": "nama hari tidak dikenal {word!r}; {expected}",
        "en": "unknown weekday {word!r}; {expected}",
    },
    "date.weekday": {
        "id": "nama hari tidak sesuai: {date} adalah hari {weekday}, bukan {given}",
        "en": "weekday does not match: {date} is a {weekday}, not {given}",
    },
    # outcomes (core/outcomes.py)
    "outcome.empty": {
        "id": "amar putusan kosong: gunakan salah satu dari {valid}",
        "en": "empty outcome: expected one of {valid}",
    },
    "outcome.unknown": {
        "id": "amar putusan tidak dikenal {text!r}: gunakan salah satu dari {valid}{hint}",
        "en": "unknown outcome {text!r}: expected one of {valid}{hint}",
    },
    "outcome.did_you_mean": {
        "id": "; mungkin maksud Anda '{name}'?",
        "en": "; did you mean '{name}'?",
    },
    "outcome.did_you_mean_alias": {
        "id": "; mungkin maksud Anda '{name}' ({id})?",
        "en": "; did you mean '{name}' ({id})?",
    },
    # decision and timeline dates (core/compare.py, core/timeline.py)
    "deadline.decided_no_petition": {
        "id": "{decided} tidak berlaku untuk no-petition: tanpa permohonan tidak ada putusan MK, "
        "dan batas akhir dihitung setelah surat MK mengenai registrasi BRPK (PKPU 18/2024 "
        "Pasal 57 ayat (1) huruf a); hapus {decided}",
        "en": "{decided} does not apply to no-petition: with no petition there is no MK "
        "decision, and the deadline counts from the MK's letter on the BRPK registrations "
        "(PKPU 18/2024 Pasal 57 ayat (1) huruf a); leave {decided} out",
    },
    "deadline.decided_after": {
        "id": "{decided} {decided_date} jatuh setelah tanggal pemberitahuan {notified_date}: "
        "putusan diucapkan sebelum (atau pada hari) surat pemberitahuannya diterima KPU; "
        "periksa kedua tanggal itu",
        "en": "{decided} {decided_date} is after the notification date {notified_date}: a "
        "decision is read out before (or on the day) its notification reaches the KPU; check "
        "the two dates",
    },
    "timeline.order": {
        "id": "{late} {late_date} mendahului {early} {early_date}: {why}; periksa tanggalnya",
        "en": "{late} {late_date} is before {early} {early_date}: {why}; check the dates",
    },
    "timeline.order.announced.registered": {
        "id": "MK meregistrasi perkara setelah hasil diumumkan",
        "en": "the MK registers cases after the result is announced",
    },
    "timeline.order.announced.decided": {
        "id": "MK memutus setelah hasil diumumkan",
        "en": "the MK decides after the result is announced",
    },
    "timeline.order.announced.notified": {
        "id": "surat pemberitahuan datang setelah hasil diumumkan",
        "en": "the notification comes after the result is announced",
    },
    "timeline.order.registered.decided": {
        "id": "MK memutus perkara setelah meregistrasinya",
        "en": "the MK decides a case after registering it",
    },
    "timeline.order.registered.notified": {
        "id": "surat pemberitahuan datang setelah registrasi BRPK",
        "en": "the notification comes after the BRPK registration",
    },
    "timeline.order.decided.notified": {
        "id": "putusan diucapkan sebelum (atau pada hari) surat pemberitahuannya diterima KPU",
        "en": "a decision is read out before (or on the day) its notification reaches the KPU",
    },
    "timeline.decided_no_petition": {
        "id": "{decided} tidak berlaku untuk no-petition: tanpa permohonan tidak ada putusan MK, "
        "dan batas akhir dihitung setelah surat MK mengenai registrasi BRPK ({notified})",
        "en": "{decided} does not apply to no-petition: with no petition there is no MK "
        "decision, and the deadline counts from the MK's letter on the BRPK registrations "
        "({notified})",
    },
    # what a timeline says beside its dates (core/timeline.py)
    "timeline.declaration_title": {
        "id": "Batas akhir penetapan pasangan calon terpilih",
        "en": "Last day to declare the elected pair",
    },
    "timeline.next_cycle_title": {
        "id": "Siklus baru: hasil baru diumumkan, tenggang waktu pengajuan permohonan baru dibuka",
        "en": "New cycle: the new result is announced, a new petition window opens",
    },
    "timeline.next_cycle_trigger": {
        "id": "KPU mengumumkan hasil baru setelah melaksanakan perintah MK",
        "en": "the KPU announces the new result after carrying out the MK's order",
    },
    "timeline.next_cycle_note": {
        "id": "Setelah perintah MK dilaksanakan dan hasil baru diumumkan, terbuka lagi tenggang "
        "waktu pengajuan permohonan ke MK selama 3 hari kerja sejak pengumuman, lalu aturan "
        "penetapan berlaku lagi. "
        "Jalankan 'penetapan timeline {announced} TANGGAL-BARU' untuk siklus baru.",
        "en": "Once the order is carried out and the new result is announced, a new 3-working-day "
        "window to petition the MK runs from the announcement, then the declaration rules apply "
        "again. Run 'penetapan timeline {announced} NEW-DATE' for the new cycle.",
    },
    "timeline.order_from_notified": {
        "id": "Dihitung dari {notified} karena {decided} tidak diberikan; perintah MK dihitung "
        "sejak putusan diucapkan: bila putusan diucapkan lebih awal, berikan {decided}.",
        "en": "Counted from {notified} because {decided} was not given; the MK's order runs from "
        "the day the decision was read out: if it was read out earlier, give {decided}.",
    },
    "timeline.pending_no_outcome": {
        "id": "{follow_up} Untuk menyusun siklus lanjutan, berikan {outcome} dan {order_days}.",
        "en": "{follow_up} To lay out the follow-up cycle, give {outcome} and {order_days}.",
    },
    "timeline.late_decision": {
        "id": "Tanggal putusan {decision} ({source}) melewati batas putusan MK {limit} (UU 10/2016 "
        "Pasal 157 ayat (8)); periksa tanggal yang diberikan.",
        "en": "The decision date {decision} ({source}) is after the MK's limit {limit} (UU "
        "10/2016 Pasal 157 ayat (8)); check the dates given.",
    },
    # the holiday data a working-day count used (core/deadline.py)
    "coverage.no_cuti_bersama": {
        "id": "Data hari libur tidak memuat cuti bersama tahun {year}: SKB 3 Menteri tahun itu "
        "belum tercantum, sehingga hitungan hari kerja pada {year} bisa keliru. Periksa SKB yang "
        "berlaku.",
        "en": "The holiday data lists no cuti bersama for {year}: the SKB 3 Menteri for that "
        "year is not in it yet, so working days in {year} may be miscounted. Check the decree "
        "in force.",
    },
    "coverage.estimated": {
        "id": "Tanggal hari libur {year} berikut masih perkiraan (ditetapkan Menteri Agama "
        "menjelang harinya): {days}",
        "en": "These {year} holiday dates are estimates (the Minister of Religious Affairs fixes "
        "them close to the date): {days}",
    },
    "timeline.order_days_needs_outcome": {
        "id": "{order_days} memerlukan {outcome} revote, recount atau recapitulation (perintah "
        "yang dihitung)",
        "en": "{order_days} needs {outcome} revote, recount or recapitulation (the order it "
        "counts)",
    },
    "timeline.order_days_outcome": {
        "id": "{order_days} berlaku untuk perintah MK (revote, recount, recapitulation), bukan "
        "untuk amar {outcome!r}",
        "en": "{order_days} applies to an MK order (revote, recount, recapitulation), not to "
        "outcome {outcome!r}",
    },
    "timeline.order_days_range": {
        "id": "{order_days} {days}: harus 1 sampai dengan {most} hari",
        "en": "{order_days} {days}: expected 1 to {most} days",
    },
    "strict.coverage": {
        "id": "{strict}: hitungan hari kerja dari {first} sampai dengan {last} bergantung pada "
        "data hari libur yang belum ditetapkan: {warnings}",
        "en": "{strict}: the working-day count from {first} to {last} relies on holiday data "
        "that is not decreed: {warnings}",
    },
    "rules.no_rule": {
        "id": "kumpulan aturan {rule_set!r} tidak memuat aturan untuk amar {outcome!r}",
        "en": "rule set {rule_set!r} has no rule for outcome {outcome!r}",
    },
    # settings and options
    "lang.invalid": {
        "id": "{origin} tidak valid {value!r}: gunakan id atau en",
        "en": "invalid {origin} {value!r}: expected id or en",
    },
    "tz.unknown": {
        "id": "zona waktu tidak dikenal {name!r}: gunakan WIB, WITA, WIT atau nama IANA seperti "
        "Asia/Jakarta",
        "en": "unknown time zone {name!r}: expected WIB, WITA, WIT or an IANA name such as "
        "Asia/Jakarta",
    },
    "option.prefixed": {"id": "{option}: {error}", "en": "{option}: {error}"},
    "option.empty_path": {
        "id": "{name}: nama berkas kosong (''); berikan nama berkas",
        "en": "{name}: the file name is empty (''); give a file name",
    },
    "option.not_utf8": {
        "id": "{name}: {shown} bukan teks UTF-8 (byte {bytes}); atur terminal ke UTF-8, lalu "
        "ketik ulang nilainya",
        "en": "{name}: {shown} is not UTF-8 text (bytes {bytes}); set the terminal to UTF-8 "
        "and type the value again",
    },
    # rule sets and closures (sources/)
    "rules.unknown": {
        "id": "kumpulan aturan tidak dikenal {name!r}: gunakan salah satu dari {valid} atau "
        "path berkas .toml",
        "en": "unknown rule set {name!r}: expected one of {valid} or the path of a .toml file",
    },
    "rules.empty": {
        "id": "--rules kosong: tuliskan nama kumpulan aturan atau path berkas .toml",
        "en": "empty --rules: expected a rule set name or the path of a .toml file",
    },
    "rules.file_path": {
        "id": "{name!r} adalah path berkas: berkas aturan pengguna dimuat dengan validasi",
        "en": "{name!r} is a file path: user rule files are loaded with validation",
    },
    "rules.not_toml": {
        "id": "berkas aturan {path!r} bukan TOML yang valid: {detail}",
        "en": "rule file {path!r} is not valid TOML: {detail}",
    },
    "rules.nested": {
        "id": "berkas aturan {path!r} bersarang terlalu dalam",
        "en": "rule file {path!r} is nested too deeply",
    },
    "rules.invalid": {
        "id": "berkas aturan {path!r} bukan kumpulan aturan yang valid: {detail}",
        "en": "rule file {path!r} is not a valid rule set: {detail}",
    },
    "limits.invalid": {
        "id": "berkas batas waktu {path!r} tidak valid: {detail}",
        "en": "limits file {path!r} is not valid: {detail}",
    },
    # a rule file's validation (sources/rulefile.py): one line per problem
    "rulefile.problem": {"id": "{what} {path!r}: {problem}", "en": "{what} {path!r}: {problem}"},
    "rulefile.problems": {
        "id": "{what} {path!r}: {n} masalah: {problem}",
        "en": "{what} {path!r}: {n} problems: {problem}",
    },
    "rulefile.at": {"id": "{where}: {problem}", "en": "{where}: {problem}"},
    "rulefile.in_rule": {"id": "{where} (aturan {rule!r})", "en": "{where} (rule {rule!r})"},
    "rulefile.missing": {"id": "isian wajib tidak ada", "en": "required field is missing"},
    "rulefile.unknown_field": {
        "id": "isian tidak dikenal (periksa ejaannya; lihat 'penetapan rules show pkpu-18-2024')",
        "en": "unknown field (check the spelling; see 'penetapan rules show pkpu-18-2024')",
    },
    "rulefile.got": {"id": "{expected}, tertulis {value!r}", "en": "{expected}, got {value!r}"},
    "rulefile.got_a": {"id": "{expected}, tertulis {kind}", "en": "{expected}, got a {kind}"},
    "rulefile.kind.list": {"id": "sebuah daftar (array TOML)", "en": "list"},
    "rulefile.kind.date": {"id": "sebuah tanggal", "en": "date"},
    "rulefile.kind.datetime": {"id": "tanggal dan waktu", "en": "datetime"},
    "rulefile.kind.time": {"id": "sebuah waktu", "en": "time"},
    "rulefile.expected": {"id": "gunakan {what}", "en": "expected {what}"},
    "rulefile.or": {"id": "{items} atau {last}", "en": "{items} or {last}"},
    "rulefile.table": {
        "id": "isian ini harus berupa tabel TOML ({name})",
        "en": "expected a valid dictionary or instance of {name}",
    },
    "rulefile.string_type": {"id": "isian ini harus berupa teks", "en": "expected a valid string"},
    "rulefile.list_type": {
        "id": "isian ini harus berupa daftar (array TOML)",
        "en": "expected a valid list",
    },
    "rulefile.int_type": {
        "id": "isian ini harus berupa bilangan bulat",
        "en": "expected a valid integer",
    },
    "rulefile.bool_type": {
        "id": "isian ini harus berupa true atau false",
        "en": "expected a valid boolean",
    },
    "rulefile.float_type": {"id": "isian ini harus berupa angka", "en": "expected a valid number"},
    "rulefile.pattern": {
        "id": "teks isian ini harus sesuai dengan pola {pattern!r}",
        "en": "expected a text that should match pattern {pattern!r}",
    },
    "rulefile.too_short_text": {
        "id": "teks isian ini sekurang-kurangnya {n} karakter",
        "en": "expected a text that should have at least {n} character{s}",
    },
    "rulefile.too_short_list": {
        "id": "daftar ini harus berisi sekurang-kurangnya {n} unsur, bukan {actual}",
        "en": "List should have at least {n} item{s} after validation, not {actual}",
    },
    "rulefile.as_given": {"id": "{text}", "en": "{text}"},
    "rulefile.outcome": {
        "id": "gunakan id amar putusan ({ids}), tertulis {value!r}",
        "en": "expected an outcome id ({ids}), got {value!r}",
    },
    "rulefile.days": {
        "id": "gunakan jumlah hari berupa bilangan bulat dari 1 sampai dengan {most}, tertulis "
        "{value!r}",
        "en": "expected a whole number of days from 1 to {most}, got {value!r}",
    },
    "rulefile.ordered_days": {
        "id": "amar putusan {outcomes} memerintahkan tahapan baru dan tidak memiliki batas "
        "akhir: tempatkan dalam aturan tanpa days dan dengan teks follow_up",
        "en": "outcomes {outcomes} order a new cycle and get no deadline: put them in a rule "
        "without days and with a follow_up text",
    },
    "rulefile.follow_up_only": {
        "id": "follow_up hanya untuk aturan tanpa days (batas akhir belum dapat ditentukan)",
        "en": "follow_up is only for a rule without days (no deadline yet)",
    },
    "rulefile.days_missing": {
        "id": "days tidak ada: amar putusan {outcomes} memerlukan batas akhir (hanya {ordered} "
        "yang boleh tanpa batas akhir)",
        "en": "days is missing: outcomes {outcomes} need a deadline (only {ordered} may have none)",
    },
    "rulefile.follow_up_missing": {
        "id": "follow_up tidak ada: aturan tanpa days harus menyebut tindak lanjutnya",
        "en": "follow_up is missing: a rule without days must say what happens next",
    },
    "rulefile.notice_stray": {
        "id": "catatan menyebut amar putusan yang tidak diatur oleh aturan ini: {outcomes}",
        "en": "a notice names outcomes the rule does not cover: {outcomes}",
    },
    "rulefile.ids_repeated": {
        "id": "rules: id aturan harus unik, yang berulang: {ids}",
        "en": "rules: rule ids must be unique, repeated: {ids}",
    },
    "rulefile.exactly_one": {
        "id": "rules: setiap amar putusan memerlukan tepat satu aturan; {problems}",
        "en": "rules: every outcome needs exactly one rule; {problems}",
    },
    "rulefile.not_covered": {
        "id": "tidak diatur oleh aturan mana pun: {outcomes}",
        "en": "not covered by any rule: {outcomes}",
    },
    "rulefile.covered_twice": {
        "id": "diatur lebih dari satu kali: {outcomes}",
        "en": "covered more than once: {outcomes}",
    },
    "rulefile.then": {"id": "{first}; {then}", "en": "{first}; {then}"},
    "rulefile.shipped_id": {
        "id": "berkas aturan {path!r}: id {id!r} adalah id kumpulan aturan bawaan, tetapi "
        "aturannya berbeda; berikan id tersendiri untuk kumpulan aturan ini",
        "en": "rule file {path!r}: id {id!r} is the id of a shipped rule set, but the rules "
        "differ from it; give the rule set an id of its own",
    },
    "limits.ids_repeated": {
        "id": "limits: id batas waktu harus unik",
        "en": "limits: limit ids must be unique",
    },
    "limits.missing": {
        "id": "limits: batas waktu {limit!r} tidak ada",
        "en": "limits: the limit {limit!r} is missing",
    },
    "limits.needs_days": {
        "id": "limits: batas waktu {limit!r} memerlukan days",
        "en": "limits: the limit {limit!r} needs days",
    },
    "limits.order_days": {
        "id": "limits: batas waktu 'order' tidak memiliki days (setiap putusan menetapkannya)",
        "en": "limits: the limit 'order' has no days (each decision sets them)",
    },
    "closures.not_utf8": {
        "id": "berkas hari yang diliburkan {path!r} bukan teks UTF-8",
        "en": "closures file {path!r} is not UTF-8 text",
    },
    "closures.iso": {
        "id": "gunakan tanggal ISO YYYY-MM-DD, tertulis {text!r}",
        "en": "expected an ISO date YYYY-MM-DD, got {text!r}",
    },
    "closures.line": {
        "id": "berkas hari yang diliburkan {path!r} baris {line}: {error}",
        "en": "closures file {path!r} line {line}: {error}",
    },
    # files (files.py)
    "file.input": {"id": "berkas masukan", "en": "input"},
    "file.output": {"id": "keluaran", "en": "output"},
    "file.rule": {"id": "berkas aturan", "en": "rule file"},
    "file.closures": {"id": "berkas hari yang diliburkan", "en": "closures file"},
    "file.calendar": {"id": "berkas kalender", "en": "calendar file"},
    "file.calendar_noun": {"id": "berkas kalender", "en": "calendar"},
    "file.cache": {"id": "berkas cache", "en": "cache file"},
    "file.limits": {"id": "berkas batas waktu", "en": "limits file"},
    "kind.directory": {"id": "sebuah direktori", "en": "a directory"},
    "kind.fifo": {"id": "sebuah named pipe (FIFO)", "en": "a named pipe (FIFO)"},
    "kind.device": {"id": "sebuah perangkat", "en": "a device"},
    "kind.socket": {"id": "sebuah soket", "en": "a socket"},
    "kind.other": {"id": "bukan berkas biasa", "en": "not a regular file"},
    "file.cannot_write": {
        "id": "tidak dapat menulis {path!r}: {reason}",
        "en": "cannot write {path!r}: {reason}",
    },
    "file.not_written": {
        "id": "{what} {path!r} tidak dapat ditulis: {reason}",
        "en": "{what} {path!r} cannot be written: {reason}",
    },
    "file.no_directory": {
        "id": "direktori {path!r} tidak ditemukan",
        "en": "directory {path!r} not found",
    },
    "file.no_folder": {"id": "foldernya tidak ada", "en": "folder does not exist"},
    "file.not_regular": {
        "id": "path itu {kind}; {option} memerlukan berkas biasa",
        "en": "it is {kind}; {option} takes a regular file",
    },
    "file.over_input": {
        "id": "{what} tidak akan ditulis menimpa {input}: pilih path {option} yang lain",
        "en": "refusing to write the {what} over {input}: choose another {option} path",
    },
    "file.same": {
        "id": "{option} {path!r} dan {other_option} {other_path!r} adalah berkas yang sama: "
        "pilih dua path yang berbeda",
        "en": "{option} {path!r} and {other_option} {other_path!r} are the same file: choose "
        "two paths",
    },
    "file.too_large": {
        "id": "{what} {path!r} lebih besar dari {mib} MiB",
        "en": "{what} {path!r} is larger than {mib} MiB",
    },
    "file.not_a_file": {
        "id": "{what} {path!r} adalah {kind}, bukan berkas",
        "en": "{what} {path!r} is {kind}, not a file",
    },
    "file.unreadable": {
        "id": "{what} {path!r} tidak dapat dibaca: {reason}",
        "en": "{what} {path!r} cannot be read: {reason}",
    },
    "file.cannot_read": {
        "id": "{what} {path!r} tidak dapat dibaca: {reason}",
        "en": "cannot read {what} {path!r}: {reason}",
    },
    "file.not_found": {
        "id": "{what} {path!r} tidak ditemukan",
        "en": "{what} {path!r} not found",
    },
    "file.directory": {
        "id": "{what} {path!r} adalah direktori",
        "en": "{what} {path!r} is a directory",
    },
    "read.rule_file": {"id": "berkas aturan {path!r}", "en": "the rule file {path!r}"},
    "read.closures_file": {
        "id": "berkas hari yang diliburkan {path!r}",
        "en": "the closures file {path!r}",
    },
    "read.input_file": {"id": "berkas masukan {path!r}", "en": "the input file {path!r}"},
    "read.stdin": {
        "id": "berkas masukan pada stdin",
        "en": "the input file on standard input",
    },
    "ics.nothing": {
        "id": "tidak ada batas akhir untuk ditulis ke {path!r}: belum ada yang bertanggal",
        "en": "no deadline to write to {path!r}: nothing has a date yet",
    },
    "hang_up": {
        "id": "sambungan terputus (hang-up): dihentikan, tidak ada keluaran yang setengah jadi",
        "en": "hang-up: stopped, no partial output left",
    },
    "calendar.text_only": {
        "id": "--calendar hanya dapat dipakai dengan --format text, bukan {fmt}",
        "en": "--calendar can only be used with --format text, not {fmt}",
    },
    "explain.date": {
        "id": "--explain tidak dapat dipakai bersama --format date: gunakan text atau json",
        "en": "--explain cannot be used with --format date: use text or json",
    },
    "declared.future": {
        "id": "{declared} {declared_date} jatuh setelah {as_of_date}, tanggal penghitungan (hari "
        "ini, atau {as_of}): penetapan yang belum terjadi tidak dapat diperiksa; periksa "
        "tanggalnya",
        "en": "{declared} {declared_date} is after {as_of_date}, the date of the count (today, "
        "or {as_of}): a declaration that has not happened yet cannot be checked; check the date",
    },
    "year.invalid": {
        "id": "tahun tidak valid {text!r}: tuliskan tahun dengan angka 0-9, dari {first} sampai "
        "dengan {last}",
        "en": "invalid year {text!r}: expected a year written in the digits 0-9, from {first} to "
        "{last}",
    },
    "year.range": {
        "id": "tahun {year} di luar rentang: gunakan {first} sampai dengan {last}",
        "en": "year {year} is out of range: expected {first} to {last}",
    },
    "stdin.closed": {
        "id": "stdin tidak dapat dibaca: sudah ditutup",
        "en": "cannot read standard input: it is closed",
    },
    "stdout.closed": {
        "id": "stdout tidak dapat ditulis: sudah ditutup",
        "en": "cannot write standard output: it is closed",
    },
    "stdout.failed": {
        "id": "stdout tidak dapat ditulis: {reason}",
        "en": "cannot write standard output: {reason}",
    },
    # batch rows (batch/compute.py)
    "batch.basis": {
        "id": "basis tidak valid {text!r}: gunakan calendar atau working",
        "en": "invalid basis {text!r}: expected calendar or working",
    },
    "batch.no_cuti_bersama": {
        "id": "no_cuti_bersama tidak valid {text!r}: gunakan true/false, yes/no, ya/tidak atau 1/0",
        "en": "invalid no_cuti_bersama {text!r}: expected true/false, yes/no, ya/tidak or 1/0",
    },
    # batch input (batch/read.py): the file, its header, each row
    "input.file": {"id": "berkas masukan {path!r}", "en": "input {path!r}"},
    "input.stdin": {"id": "stdin", "en": "standard input"},
    "input.header_utf8": {
        "id": "{label}: baris judul bukan teks UTF-8 (byte {bytes} pada kolom {column!r}); "
        'simpan berkas sebagai UTF-8 ("CSV UTF-8")',
        "en": "{label}: the header is not UTF-8 text (bytes {bytes} in column {column!r}); "
        'save the file as UTF-8 ("CSV UTF-8")',
    },
    "input.output_column": {
        "id": "{label}: kolom {column!r} bernama sama dengan kolom keluaran; ganti nama atau "
        "hapus kolom itu (keluaran menambahkan {added})",
        "en": "{label}: column {column!r} has the name of an output column; rename or remove "
        "it (the output adds {added})",
    },
    "input.both_give": {
        "id": "{label}: kolom {other!r} dan {column!r} sama-sama berisi {field}; pertahankan "
        "satu saja",
        "en": "{label}: columns {other!r} and {column!r} both give {field}; keep one",
    },
    "input.column_or": {"id": "{column!r} (atau {aliases})", "en": "{column!r} (or {aliases})"},
    "input.read_as": {
        "id": " (dibaca dengan pemisah {delimiter!r})",
        "en": " (read with delimiter {delimiter!r})",
    },
    "input.none": {"id": "tidak ada", "en": "none"},
    "input.and": {"id": "{first} dan {second}", "en": "{first} and {second}"},
    "input.missing_column": {
        "id": "{label}: kolom wajib {wanted} tidak ada; kolom yang ditemukan{read_as}: {found}",
        "en": "{label}: missing required column {wanted}; columns found{read_as}: {found}",
    },
    "input.missing_columns": {
        "id": "{label}: kolom wajib {wanted} tidak ada; kolom yang ditemukan{read_as}: {found}",
        "en": "{label}: missing required columns {wanted}; columns found{read_as}: {found}",
    },
    "input.twice": {
        "id": "{label}: kolom {column!r} muncul dua kali; keluaran JSON memerlukan nama kolom "
        "yang unik",
        "en": "{label}: column {column!r} appears twice; JSON output needs unique column names",
    },
    "input.cannot_read": {
        "id": "{label} tidak dapat dibaca: {reason}",
        "en": "cannot read {label}: {reason}",
    },
    "input.csv_empty": {
        "id": "{label} kosong: baris pertama harus berupa judul kolom outcome dan notified_on",
        "en": "{label} is empty: expected a header row naming the columns outcome and notified_on",
    },
    "input.csv_blank": {
        "id": "{label}: baris 1 kosong; baris pertama harus berupa judul kolom outcome dan "
        "notified_on",
        "en": "{label}: line 1 is blank; the first line must be the header naming the columns "
        "outcome and notified_on",
    },
    "input.csv_header": {
        "id": "{label}: baris judul tidak dapat dibaca sebagai CSV: {detail}",
        "en": "{label}: the header cannot be read as CSV: {detail}",
    },
    "input.header_cell": {
        "id": "kolom {column} memuat {size} karakter, melebihi {limit}",
        "en": "column {column} holds {size} characters, more than {limit}",
    },
    "input.jsonl_empty": {
        "id": "{label} kosong: gunakan JSON Lines, satu objek per baris",
        "en": "{label} is empty: expected JSON Lines, one object per line",
    },
    "input.jsonl_blanks": {
        "id": "{label} hanya berisi baris kosong: gunakan JSON Lines, satu objek per baris",
        "en": "{label} holds only blank lines: expected JSON Lines, one object per line",
    },
    "input.jsonl_utf8": {
        "id": "{label}: baris {line} bukan teks UTF-8 (byte {byte} pada kolom {column})",
        "en": "{label}: line {line} is not UTF-8 text (byte {byte} at column {column})",
    },
    "input.jsonl_json": {
        "id": "{label}: baris {line} bukan JSON ({detail} pada kolom {column}); masukan JSON "
        "Lines memerlukan satu objek JSON per baris",
        "en": "{label}: line {line} is not JSON ({detail} at column {column}); JSON Lines input "
        "needs one JSON object per line",
    },
    "input.jsonl_line": {
        "id": "{label}: baris {line}: {problem}",
        "en": "{label}: line {line}: {problem}",
    },
    "input.jsonl_object": {
        "id": "{label}: baris {line} berisi {got}, bukan objek JSON; masukan JSON Lines "
        "memerlukan satu objek JSON per baris",
        "en": "{label}: line {line} is {got}, not a JSON object; JSON Lines input needs one "
        "JSON object per line",
    },
    "input.json_array": {
        "id": "berkas masukan {path!r}: array JSON tidak dibaca; gunakan JSON Lines (satu objek "
        "per baris) dengan --input-format jsonl",
        "en": "input {path!r}: a JSON array is not read; give JSON Lines (one object per line) "
        "with --input-format jsonl",
    },
    "input.spreadsheet": {
        "id": "berkas masukan {path!r}: berkas spreadsheet tidak dibaca; simpan lembar kerja "
        "sebagai CSV UTF-8",
        "en": "input {path!r}: spreadsheet files are not read; save the sheet as CSV UTF-8",
    },
    "json.object": {"id": "sebuah objek", "en": "an object"},
    "json.array": {"id": "sebuah array", "en": "an array"},
    "json.string": {"id": "sebuah string", "en": "a string"},
    "json.boolean": {"id": "sebuah boolean", "en": "a boolean"},
    "json.number": {"id": "sebuah angka", "en": "a number"},
    "json.null": {"id": "null", "en": "null"},
    "json.blank": {"id": "baris kosong", "en": "a blank line"},
    "json.expecting_value": {"id": "seharusnya ada nilai", "en": "Expecting value"},
    "json.expecting_name": {
        "id": "seharusnya ada nama kunci di antara tanda kutip ganda",
        "en": "Expecting property name enclosed in double quotes",
    },
    "json.expecting_colon": {"id": "seharusnya ada pemisah ':'", "en": "Expecting ':' delimiter"},
    "json.expecting_comma": {"id": "seharusnya ada pemisah ','", "en": "Expecting ',' delimiter"},
    "json.unterminated": {
        "id": "teks yang tidak ditutup, dimulai",
        "en": "Unterminated string starting at",
    },
    "json.escape": {"id": "escape \\ tidak valid", "en": "Invalid \\escape"},
    "json.u_escape": {"id": "escape \\uXXXX tidak valid", "en": "Invalid \\uXXXX escape"},
    "json.control": {"id": "karakter kendali tidak valid", "en": "Invalid control character at"},
    "json.extra_data": {"id": "ada data tambahan", "en": "Extra data"},
    "json.duplicate_key": {"id": "kunci {key!r} muncul dua kali", "en": "duplicate key {key!r}"},
    "json.constant": {
        "id": "{name} bukan angka JSON (JSON tidak mengenal NaN atau Infinity)",
        "en": "{name} is not a JSON number (JSON has no NaN or Infinity)",
    },
    "json.nested": {
        "id": "bersarang lebih dari {depth} tingkat",
        "en": "nested more than {depth} levels deep",
    },
    "row.where": {"id": "baris data {row} (baris {line})", "en": "row {row} (line {line})"},
    "row.where_lines": {
        "id": "baris data {row} (baris {first}-{last})",
        "en": "row {row} (lines {first}-{last})",
    },
    "row.open_quote": {
        "id": "; periksa tanda kutip yang dibuka pada baris {line} dan tidak pernah ditutup",
        "en": "; check for a quote opened on line {line} and never closed",
    },
    "row.unreadable_csv": {
        "id": "CSV tidak dapat dibaca ({detail})",
        "en": "unreadable CSV ({detail})",
    },
    "row.utf8": {
        "id": "{where}: kolom {column!r} bukan teks UTF-8 (byte {bytes}); simpan berkas sebagai "
        'UTF-8 ("CSV UTF-8")',
        "en": "{where}: column {column!r} is not UTF-8 text (bytes {bytes}); save the file as "
        'UTF-8 ("CSV UTF-8")',
    },
    "row.quote": {
        "id": "{where}: tanda kutip yang dibuka pada baris {line} tidak pernah ditutup",
        "en": "{where}: a quote opened on line {line} is never closed",
    },
    "row.blank": {"id": "{where}: baris kosong", "en": "{where}: blank line"},
    "row.empty": {"id": "{where}: baris tanpa isi", "en": "{where}: empty row"},
    "row.fields": {
        "id": "{where}: {fields} kolom, padahal baris judul memiliki {width}{quote}",
        "en": "{where}: {fields} fields, but the header has {width}{quote}",
    },
    "row.line_break": {
        "id": "{where}: sel {field} memuat pindah baris; periksa tanda kutip yang dibuka pada "
        "baris {line} dan tidak pernah ditutup",
        "en": "{where}: the {field} cell holds a line break; check for a quote opened on line "
        "{line} and never closed",
    },
    "row.jsonl_utf8": {
        "id": "{where}: bukan teks UTF-8 (byte {byte} pada kolom {column})",
        "en": "{where}: not UTF-8 text (byte {byte} at column {column})",
    },
    "row.json": {
        "id": "{where}: bukan JSON yang valid ({detail} pada kolom {column})",
        "en": "{where}: not valid JSON ({detail} at column {column})",
    },
    "row.problem": {"id": "{where}: {problem}", "en": "{where}: {problem}"},
    "row.json_unreadable": {
        "id": "{where}: tidak dapat dibaca sebagai JSON ({kind})",
        "en": "{where}: cannot be read as JSON ({kind})",
    },
    "row.cut": {
        "id": "kolom {column!r} memuat {size} karakter, melebihi {limit}; di sini dipotong "
        "menjadi {kept} karakter pertamanya",
        "en": "column {column!r} holds {size} characters, more than {limit}; cut to its first "
        "{kept} here",
    },
    "row.cut_more": {"id": "{first}; {then}", "en": "{first}; {then}"},
    "row.cut_row": {"id": "{where}: {cut}{quote}", "en": "{where}: {cut}{quote}"},
    "row.with_cut": {"id": "{problem} ({cut})", "en": "{problem} ({cut})"},
    "row.not_object": {
        "id": "{where}: {got}, bukan objek JSON",
        "en": "{where}: {got}, not a JSON object",
    },
    "row.same_key": {
        "id": "{where}: kunci {other!r} dan {key!r} adalah kolom yang sama",
        "en": "{where}: keys {other!r} and {key!r} are the same column",
    },
    "row.output_key": {
        "id": "{where}: kunci {key!r} bernama sama dengan kolom keluaran (nilainya diganti dalam "
        "keluaran)",
        "en": "{where}: key {key!r} has the name of an output column (its value is replaced in "
        "the output)",
    },
    "row.both_give": {
        "id": "{where}: kunci {other!r} dan {key!r} sama-sama berisi {field}",
        "en": "{where}: keys {other!r} and {key!r} both give {field}",
    },
    "row.extra_key": {
        "id": "{where}: kunci {keys} tidak termasuk kunci baris 1, yang menjadi kolom keluaran CSV",
        "en": "{where}: key {keys} not among the keys of line 1, which are the CSV output's "
        "columns",
    },
    "row.extra_keys": {
        "id": "{where}: kunci {keys} tidak termasuk kunci baris 1, yang menjadi kolom keluaran CSV",
        "en": "{where}: keys {keys} not among the keys of line 1, which are the CSV output's "
        "columns",
    },
    "input.spreadsheet_as_csv": {
        "id": "{label} adalah berkas lembar kerja (.xlsx, .xls atau .ods), bukan CSV; bacalah "
        "dengan --input-format xlsx (atau xls, ods)",
        "en": "{label} is a spreadsheet file (.xlsx, .xls or .ods), not CSV; read it with "
        "--input-format xlsx (or xls, ods)",
    },
    "input.utf16": {
        "id": "{label} tampaknya berupa teks UTF-16 (byte NUL di antara huruf); simpan ulang "
        'sebagai UTF-8 ("CSV UTF-8")',
        "en": "{label} looks like UTF-16 text (NUL bytes between the letters); save it as "
        'UTF-8 ("CSV UTF-8")',
    },
    "row.late_declared": {
        "id": "{where}: kunci {key!r} (tanggal penetapan) tidak ada pada baris 1, padahal baris "
        "1 menentukan kolom keluaran; cantumkan kunci itu juga pada baris 1 (null bila belum ada "
        "penetapan) agar ketepatan waktunya dinilai",
        "en": "{where}: key {key!r} (the declaration date) is not a key of line 1, which "
        "decides the output columns; give it on line 1 too (null where nothing is declared yet) "
        "so that it is judged",
    },
    "row.not_unicode": {
        "id": "{where}: kunci {key!r} memuat teks Unicode yang tidak sah (surrogate tunggal, "
        "misalnya \\ud800)",
        "en": "{where}: key {key!r} holds text that is not valid Unicode (a lone surrogate, "
        "such as \\ud800)",
    },
    # spreadsheets (batch/sheets.py, batch/workbook.py)
    "sheet.named": {"id": "{label}, lembar {sheet!r}", "en": "{label}, sheet {sheet!r}"},
    "sheet.empty_file": {
        "id": "{label} kosong: gunakan workbook {fmt}",
        "en": "{label} is empty: expected an {fmt} workbook",
    },
    "sheet.password_file": {
        "id": "{label} dilindungi kata sandi; simpan salinan tanpa kata sandi (File > Info > "
        "Protect Workbook) lalu gunakan salinan itu",
        "en": "{label} is protected by a password; save a copy without a password (File > Info "
        "> Protect Workbook) and give that",
    },
    "sheet.password": {
        "id": "{label} dilindungi kata sandi; simpan salinan tanpa kata sandi lalu gunakan "
        "salinan itu",
        "en": "{label} is protected by a password; save a copy without a password and give that",
    },
    "sheet.is_xls": {
        "id": "{label} bukan workbook xlsx (berformat .xls yang lebih lama); gunakan "
        "--input-format xls",
        "en": "{label} is not an xlsx workbook (it is in the older .xls format); give "
        "--input-format xls",
    },
    "sheet.is_zip": {
        "id": "{label} bukan workbook xls (berkas zip, seperti .xlsx dan .ods); gunakan "
        "--input-format xlsx atau ods",
        "en": "{label} is not an xls workbook (it is a zip file, as .xlsx and .ods are); give "
        "--input-format xlsx or ods",
    },
    "sheet.not_one": {
        "id": "{label} tidak dapat dibaca sebagai workbook {fmt}: berkas itu bukan workbook {fmt}",
        "en": "{label} cannot be read as an {fmt} workbook: it is not one",
    },
    "sheet.unreadable": {
        "id": "{label} tidak dapat dibaca sebagai workbook {fmt}: {reason}",
        "en": "{label} cannot be read as an {fmt} workbook: {reason}",
    },
    "sheet.none": {"id": "{label} tidak memuat lembar kerja", "en": "{label} has no sheet"},
    "sheet.no_such": {
        "id": "{label} tidak memuat lembar {sheet!r}; --sheet menerima nama atau nomor: {shown}",
        "en": "{label} has no sheet {sheet!r}; --sheet takes a name or a number: {shown}",
    },
    "sheet.cannot_read": {
        "id": "{where} tidak dapat dibaca: {reason}",
        "en": "{where} cannot be read: {reason}",
    },
    "sheet.empty": {
        "id": "{where} kosong: baris pertama harus berupa judul kolom outcome dan notified_on",
        "en": "{where} is empty: expected a header row naming the columns outcome and notified_on",
    },
    "sheet.excel_shows": {
        "id": " (Excel akan menampilkan {date})",
        "en": " (Excel would show {date})",
    },
    "sheet.serial": {
        "id": "sel {column} berisi angka {number}, yang tampaknya nomor seri spreadsheet"
        "{guess}, bukan tanggal; format kolom {column} sebagai tanggal (Format Cells > Date) "
        "atau ketik tanggalnya sebagai teks, misalnya 04/02/2025",
        "en": "the {column} cell holds the number {number}, which looks like a spreadsheet "
        "serial number{guess}, not a date; format the {column} column as a date (Format Cells "
        "> Date) or type the date as text, e.g. 04/02/2025",
    },
    "sheet.time": {
        "id": "sel {field} berisi waktu ({value}), bukan tanggal",
        "en": "the {field} cell holds a time ({value}), not a date",
    },
    "sheet.row": {
        "id": "baris data {row} (baris lembar {sheet_row})",
        "en": "row {row} (sheet row {sheet_row})",
    },
    "sheet.formula": {
        "id": "{where}: sel {cell} berisi rumus yang disimpan tanpa nilainya; buka berkas di "
        "program spreadsheet lalu simpan, agar nilainya dihitung",
        "en": "{where}: cell {cell} holds a formula saved without its value; open the file in "
        "a spreadsheet program and save it, so that the value is calculated",
    },
    "sheet.beyond": {
        "id": "{where}: sel {cell} berisi nilai di luar {width} kolom baris judul; beri kolom "
        "itu nama judul atau kosongkan",
        "en": "{where}: cell {cell} holds a value beyond the header's {width} columns; give "
        "that column a header name or clear it",
    },
    "sheet.cell": {"id": "{where}: {problem}", "en": "{where}: {problem}"},
    "sheet.not_spreadsheet": {
        "id": "--sheet {sheet!r} menunjuk lembar kerja spreadsheet, tetapi masukan dibaca "
        "sebagai {fmt}; gunakan berkas .xlsx, .xls atau .ods (atau --input-format)",
        "en": "--sheet {sheet!r} names a sheet of a spreadsheet, but the input is read as "
        "{fmt}; give an .xlsx, .xls or .ods file (or --input-format)",
    },
    "workbook.stdout": {
        "id": "keluaran xlsx berupa berkas, bukan aliran: gunakan -o BERKAS.xlsx (stdout "
        "menerima csv, jsonl atau json)",
        "en": "xlsx output is a file, not a stream: give -o FILE.xlsx (standard output takes "
        "csv, jsonl or json)",
    },
    "workbook.columns": {
        "id": "masukan memiliki {columns} kolom; lembar xlsx memuat paling banyak {most} kolom "
        "selain kolom hasil: tulis CSV",
        "en": "the input has {columns} columns; an xlsx sheet holds at most {most} besides the "
        "result columns: write CSV",
    },
    "workbook.rows": {
        "id": "masukan memiliki lebih dari {most} baris, lebih banyak daripada yang dapat "
        "dimuat lembar xlsx: tulis CSV atau JSON Lines, atau pecah masukannya",
        "en": "the input has more than {most} rows, more than an xlsx sheet holds: write CSV "
        "or JSON Lines, or split the input",
    },
    "workbook.write": {
        "id": "workbook tidak dapat ditulis: {detail}",
        "en": "the workbook cannot be written: {detail}",
    },
    # the error boundary (boundary.py)
    "interrupted": {"id": "dihentikan", "en": "interrupted"},
    "internal": {
        "id": "kesalahan internal ({kind}: {detail}); ini adalah bug, mohon laporkan beserta "
        "perintah yang dijalankan (tambahkan --debug untuk rincian teknisnya)",
        "en": "internal error ({kind}: {detail}); this is a bug, please report it with the "
        "command you ran (add --debug for the traceback)",
    },
}

# A month or weekday named in a sentence by key (core/dates.py): month.1..12, weekday.0..6.
ERRORS |= {
    f"month.{i}": {lang: MONTH_NAMES[lang][i - 1] for lang in LANGS} for i in range(1, 13)
} | {f"weekday.{i}": {lang: WEEKDAY_NAMES[lang][i] for lang in LANGS} for i in range(7)}

PHRASES: dict[str, Text] = {
    "rule_set_status": {
        "id": "kumpulan aturan {id} berstatus {status}: {note}",
        "en": "rule set {id} is {status}: {note}",
    },
    "wrote_events": {
        "id": "{count} acara ditulis ke {path!r}",
        "en": "wrote {count} event{s} to {path!r}",
    },
    "ics_not_written": {
        "id": "belum ada batas akhir: {path!r} tidak ditulis",
        "en": "no deadline yet: {path!r} not written",
    },
    "ics_no_row": {
        "id": "tidak ada baris yang memiliki batas akhir: {path!r} tidak ditulis",
        "en": "no row has a deadline: {path!r} not written",
    },
}
"""Sentences of the command layer (stderr notes), by key."""

STATUS: dict[str, Text] = {
    "in-force": {"id": "berlaku", "en": "in-force"},
    "superseded": {"id": "tidak berlaku lagi", "en": "superseded"},
    "reported-unverified": {
        "id": "menurut pemberitaan, belum terverifikasi",
        "en": "reported-unverified",
    },
    "decided": {"id": "putusan diucapkan", "en": "decided"},
    "notified": {"id": "pemberitahuan diterima", "en": "notified"},
    "ok": {"id": "ok", "en": "ok"},
    "pending": {"id": "menunggu", "en": "pending"},
    "error": {"id": "kesalahan", "en": "error"},
}
"""Status values as a table shows them to people (JSON and CSV keep the ids)."""


HEADERS: dict[str, Text] = {
    "": {"id": "", "en": ""},
    "#": {"id": "#", "en": "#"},
    "id": {"id": "id", "en": "id"},
    "rule_set": {"id": "Kumpulan aturan", "en": "rule set"},
    "rule": {"id": "Dasar hukum", "en": "rule"},
    "counted_from": {"id": "Dihitung dari", "en": "counted from"},
    "days": {"id": "Jumlah hari", "en": "days"},
    "deadline": {"id": "Batas akhir", "en": "deadline"},
    "status": {"id": "Status", "en": "status"},
    "title": {"id": "Judul", "en": "title"},
    "note": {"id": "Keterangan", "en": "note"},
    "outcome": {"id": "Amar putusan/ketetapan", "en": "outcome"},
    "aliases": {"id": "Nama lain", "en": "aliases"},
    "meaning": {"id": "Arti", "en": "meaning"},
    "date": {"id": "Tanggal", "en": "date"},
    "kind": {"id": "Jenis", "en": "kind"},
    "name": {"id": "Nama", "en": "name"},
    "why": {"id": "Keterangan", "en": "why"},
    "declared": {"id": "Penetapan", "en": "declared"},
    "holidays": {"id": "data hari libur", "en": "holidays"},
}
"""Column headers of the text tables."""


def status(value: str, lang: str) -> str:
    """A status value (in-force, decided...) as people read it; an unknown one as it is."""
    entry = STATUS.get(value)
    return entry[lang] if entry is not None else value


def phrase(key: str, lang: str, **values: object) -> str:
    return PHRASES[key][lang].format(**values)


def render_message(message: Message, lang: str) -> str:
    """The words of ``message`` in ``lang``; fact placeholders ({decided}...) stay for
    ``name_facts``. A key not in the catalogue is shown as it is."""
    entry = ERRORS.get(message.key)
    if entry is None:
        return message.key
    values = {f: "{" + f + "}" for f in FACTS} | {
        k: _value(v, lang) for k, v in message.values.items()
    }
    return entry[lang].format(**values)


def _value(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return render_message(value, lang)
    if isinstance(value, dict) and lang in value:
        return value[lang]
    if isinstance(value, tuple):
        return " ".join(str(_value(v, lang)) for v in value)
    return value


def word(text: Text | Message, lang: str) -> str:
    """A text of the core in ``lang``: a Message by its key, or a text in each language given
    by data (a rule's notice, a holiday's name)."""
    return render_message(text, lang) if isinstance(text, Message) else text[lang]


def texts_of(text: Text | Message) -> Text:
    """A text of the core in every language: for what keeps both (a batch's stderr report)."""
    return {lang: word(text, lang) for lang in LANGS}


def error_text(exc: PenetapanError, lang: str, names: Mapping[str, str] | None = None) -> str:
    """The one line of an error in ``lang``, its facts named with ``names`` (option names)."""
    return name_facts(render_message(exc.msg, lang), names)


HELP: dict[str, Text] = {
    "help.app": {
        "id": (
            "Batas akhir penetapan pasangan calon terpilih Pilkada setelah putusan Mahkamah "
            "Konstitusi (MK)."
        ),
        "en": (
            "Deadline to declare the elected Pilkada pair (penetapan pasangan calon terpilih) "
            "after the Constitutional Court (MK)."
        ),
    },
    "help.cmd.rules": {
        "id": (
            "Daftar kumpulan aturan, atau satu kumpulan aturan secara lengkap ('penetapan rules "
            "show NAMA')."
        ),
        "en": "List the rule sets, or show one in full ('penetapan rules show NAME').",
    },
    "help.opt.lang": {
        "id": (
            "Bahasa keluaran: id atau en. Bawaan: $PENETAPAN_LANG, jika tidak ada: id bila locale "
            "berbahasa Indonesia, selain itu en."
        ),
        "en": (
            "Output language: id or en. Default: $PENETAPAN_LANG, else id when the locale is "
            "Indonesian, else en."
        ),
    },
    "help.opt.no_cuti_bersama": {
        "id": "Hitung hari cuti bersama sebagai hari kerja.",
        "en": "Treat cuti bersama (collective leave) days as working days.",
    },
    "help.opt.closures": {
        "id": (
            "Berkas hari yang diliburkan: satu tanggal ISO per baris, nama boleh ditambahkan, "
            "komentar diawali #."
        ),
        "en": (
            "File of extra non-working days: one ISO date per line, an optional name, # comments."
        ),
    },
    "help.opt.as_of": {
        "id": "Hitung sisa waktu per tanggal ini, bukan per hari ini.",
        "en": "Count down (days left) from this date instead of today.",
    },
    "help.opt.date_order": {
        "id": "Cara membaca tanggal angka seperti 02/04/2025: dmy (tanggal dahulu, kaidah "
        "Indonesia: 2 April) atau mdy (bulan dahulu, ekspor lembar kerja berlokal AS: "
        "4 Februari). Berlaku untuk setiap tanggal yang dibaca perintah ini; tanggal ISO dan "
        "tanggal dengan nama bulan dibaca sama.",
        "en": "How to read a numeric date such as 02/04/2025: dmy (day first, the Indonesian "
        "rule: 2 April) or mdy (month first, exports of US-locale spreadsheets: 4 February). "
        "Applies to every date the command reads; ISO dates and month names read the same.",
    },
    "help.opt.tz": {
        "id": "Zona waktu 'hari ini': WIB, WITA, WIT atau nama IANA.",
        "en": "Time zone of 'today': WIB, WITA, WIT or an IANA name.",
    },
    "help.opt.strict": {
        "id": (
            "Tolak (kode keluar 4), bukan hanya peringatan, bila hitungan hari kerja menyentuh "
            "tahun yang data hari liburnya belum ditetapkan (cuti bersama tidak tercantum, atau "
            "tanggal perkiraan)."
        ),
        "en": (
            "Refuse (exit 4) instead of warning when a working-day count touches a year whose "
            "holiday data is not decreed (no cuti bersama listed, or estimated dates)."
        ),
    },
    "help.opt.rules": {
        "id": (
            "Kumpulan aturan: nama yang disertakan (lihat 'penetapan rules') atau path berkas TOML"
            " Anda sendiri, yang divalidasi saat dimuat. Bawaan: pkpu-18-2024."
        ),
        "en": (
            "Rule set: a shipped name (see 'penetapan rules') or the path of your own TOML file, "
            "validated on load. Default: pkpu-18-2024."
        ),
    },
    "help.opt.ics": {
        "id": (
            "Tulis juga batas akhir ke berkas iCalendar (acara sehari penuh, pengingat satu hari "
            "kerja sebelumnya; impor ulang memperbaruinya)."
        ),
        "en": (
            "Also write the deadlines to an iCalendar file (all-day events, a reminder the working"
            " day before; re-importing updates them)."
        ),
    },
    "help.opt.region": {
        "id": "Nama daerah untuk judul dan acara kalender, misalnya 'Kota Medan'.",
        "en": "Region name for titles and calendar events, e.g. 'Kota Medan'.",
    },
    "help.opt.version": {
        "id": "Tampilkan versi lalu keluar.",
        "en": "Show the version and exit.",
    },
    "help.opt.declared": {
        "id": "Tanggal KPU menetapkan pasangan calon terpilih: menyatakan apakah penetapan itu "
        "tepat waktu, terlambat N hari kalender, atau prematur. Tidak boleh setelah hari ini "
        "(atau --as-of).",
        "en": "Date the KPU declared the elected pair: says whether that was on time, late by N "
        "calendar days or premature. Not after today (or --as-of).",
    },
    "help.opt.debug": {
        "id": "Tampilkan rincian teknis (jejak pemanggilan) dari kesalahan yang tidak terduga.",
        "en": "Show the traceback of an unexpected error.",
    },
    "help.deadline.outcome": {
        "id": (
            "Amar putusan/ketetapan MK: no-petition, dismissed, withdrawn, lapsed, not-competent, "
            "rejected, granted, revote, recount, recapitulation (atau nama Indonesianya; lihat "
            "'penetapan outcomes')."
        ),
        "en": (
            "MK outcome: no-petition, dismissed, withdrawn, lapsed, not-competent, rejected, "
            "granted, revote, recount, recapitulation (or an Indonesian alias; see 'penetapan "
            "outcomes')."
        ),
    },
    "help.deadline.notified": {
        "id": (
            "Tanggal diterimanya surat pemberitahuan MK oleh KPU; batas akhir dihitung setelah "
            "tanggal ini. 2025-02-04, 04/02/2025, '4 Februari 2025', today/hari-ini."
        ),
        "en": (
            "Trigger date: when the MK's notification reached the KPU. 2025-02-04, 04/02/2025, '4 "
            "Februari 2025', today/hari-ini."
        ),
    },
    "help.deadline.basis": {
        "id": (
            "Hitung hari kalender atau hari kerja, bukan satuan aturan itu sendiri (ditampilkan "
            "sebagai penggantian)."
        ),
        "en": (
            "Count calendar or working days instead of the rule's own unit (shown as an override)."
        ),
    },
    "help.deadline.explain": {
        "id": "Tampilkan setiap hari yang dihitung atau tidak dihitung, beserta alasannya.",
        "en": "Show every day counted or skipped, and why.",
    },
    "help.deadline.format": {
        "id": "text (untuk dibaca), json (objek terdokumentasi) atau date.",
        "en": "text (for people), json (documented object) or date.",
    },
    "help.deadline.decided": {
        "id": (
            "Tanggal pengucapan putusan MK, bila lebih awal dari NOTIFIED: kedua batas akhir "
            "ditampilkan dan yang dihitung dari pengucapan adalah tanggal aman. Tidak untuk no-"
            "petition."
        ),
        "en": (
            "Date the MK read the decision out, when earlier than NOTIFIED: both deadlines are "
            "shown and the one counted from the reading is the safe date. Not for no-petition."
        ),
    },
    "help.deadline.calendar": {
        "id": "Cetak juga kalender bulanan penghitungan: setiap hari diberi tanda, beserta "
        "keterangannya.",
        "en": "Also print the month grid(s) of the count, each day marked, and a legend.",
    },
    "help.deadline.compare": {
        "id": (
            "Hitung juga batas akhir menurut setiap kumpulan aturan yang disertakan; yang paling "
            "awal ditandai sebagai tanggal aman."
        ),
        "en": (
            "Also compute the deadline under every shipped rule set; the earliest is marked as the"
            " safe date."
        ),
    },
    "help.opt.list_format": {
        "id": "text atau json.",
        "en": "text or json.",
    },
    "help.holidays.year": {
        "id": "Tahunnya, misalnya 2025.",
        "en": "The year, e.g. 2025.",
    },
    "help.rules.name": {
        "id": (
            "Kumpulan aturan yang disertakan (lihat 'penetapan rules') atau path berkas aturan "
            "TOML, yang divalidasi."
        ),
        "en": (
            "A shipped rule set (see 'penetapan rules') or the path of a TOML rule file, which is "
            "validated."
        ),
    },
    "help.timeline.announced": {
        "id": (
            "Tanggal KPU mengumumkan hasil penghitungan suara (awal tenggang waktu pengajuan "
            "permohonan 3 hari kerja, UU 10/2016 Pasal 157 ayat (5))."
        ),
        "en": (
            "Date the KPU announced the vote result (starts the 3-working-day petition window, UU "
            "10/2016 Pasal 157 ayat (5))."
        ),
    },
    "help.timeline.registered": {
        "id": "Tanggal MK mencatat perkara dalam BRPK (awal 45 hari kerja MK, Pasal 157 ayat (8)).",
        "en": (
            "Date the MK registered the case(s) in the BRPK (starts the MK's 45 working days, "
            "Pasal 157 ayat (8))."
        ),
    },
    "help.timeline.decided": {
        "id": (
            "Tanggal pengucapan putusan MK (awal penghitungan yang aman; perintah MK dihitung "
            "sejak tanggal ini)."
        ),
        "en": "Date the MK read the decision out (the safe trigger; an order runs from it).",
    },
    "help.timeline.notified": {
        "id": (
            "Peristiwa awal penghitungan aturan penetapan: surat MK mengenai BRPK (no-petition) "
            "atau surat pemberitahuan putusan."
        ),
        "en": (
            "Trigger date of the declaration rule: the MK's BRPK letter (no-petition) or the "
            "decision's notification."
        ),
    },
    "help.timeline.outcome": {
        "id": (
            "Amar putusan/ketetapan MK (lihat 'penetapan outcomes'); tanpa opsi ini semua aturan "
            "ditampilkan."
        ),
        "en": "MK outcome (see 'penetapan outcomes'); without it every rule is shown.",
    },
    "help.timeline.order_days": {
        "id": (
            "Untuk revote, recount, recapitulation: jumlah hari menurut amar putusan MK, dihitung "
            "sejak putusan diucapkan ('paling lama N hari sejak putusan diucapkan')."
        ),
        "en": (
            "For revote, recount, recapitulation: the days the MK's order gives, counted from the "
            "decision ('paling lama N hari sejak putusan diucapkan')."
        ),
    },
    "help.timeline.explain": {
        "id": "Tampilkan rincian hari setiap tahapan.",
        "en": "Show each step's day-by-day trace.",
    },
    "help.timeline.format": {
        "id": "text, json atau ics (berkas iCalendar ke stdout).",
        "en": "text, json or ics (the iCalendar file on stdout).",
    },
    "help.batch.input": {
        "id": "Berkas spreadsheet (.xlsx, .xlsm, .xls, .ods), CSV atau JSON Lines dengan kolom "
        "outcome dan notified_on (nama kolom Indonesia diterima), atau - untuk stdin.",
        "en": "Spreadsheet (.xlsx, .xlsm, .xls, .ods), CSV or JSON Lines file with the columns "
        "outcome and notified_on (Indonesian names accepted), or - for stdin.",
    },
    "help.batch.output": {
        "id": "Tulis ke berkas ini, bukan ke stdout; berkas baru muncul setelah lengkap.",
        "en": "Write here instead of stdout; the file appears only when complete.",
    },
    "help.batch.input_format": {
        "id": "csv, jsonl, xlsx, xls atau ods. Bawaan: menurut ekstensi berkas, selain itu csv.",
        "en": "csv, jsonl, xlsx, xls or ods. Default: from the file extension, else csv.",
    },
    "help.batch.output_format": {
        "id": "csv, jsonl, json (satu array) atau xlsx (memerlukan -o). Bawaan: xlsx untuk "
        "-o *.xlsx, selain itu format masukan (csv untuk spreadsheet).",
        "en": "csv, jsonl, json (an array) or xlsx (needs -o). Default: xlsx for -o *.xlsx, "
        "else the input's format (csv for a spreadsheet).",
    },
    "help.batch.sheet": {
        "id": "Lembar kerja pada masukan spreadsheet: namanya atau nomornya (bawaan: 1, lembar "
        "pertama).",
        "en": "A spreadsheet input's sheet: its name or number (default: 1, the first).",
    },
    "help.batch.basis": {
        "id": (
            "Hitung hari kalender atau hari kerja, bukan satuan setiap aturan; kolom basis pada "
            "baris mengalahkannya."
        ),
        "en": (
            "Count calendar or working days instead of each rule's own unit; a row's basis column "
            "overrides it."
        ),
    },
    "help.batch.strict": {
        "id": (
            "Baris yang hitungan hari kerjanya menyentuh tahun yang data hari liburnya belum "
            "ditetapkan menjadi baris kesalahan (kode keluar 1), bukan peringatan."
        ),
        "en": (
            "A row whose working-day count touches a year whose holiday data is not decreed "
            "becomes an error row (exit 1), instead of a warning."
        ),
    },
    "help.batch.ics": {
        "id": (
            "Tulis juga berkas iCalendar: satu acara sehari penuh per baris ok, berjudul daerah "
            "dan amar putusannya, ditulis setelah keluaran lengkap."
        ),
        "en": (
            "Also write an iCalendar file: one all-day event per ok row, titled with its region "
            "and outcome, written once the output is complete."
        ),
    },
    "help.cmd.root": {
        "id": (
            "Batas akhir penetapan pasangan calon terpilih Pilkada setelah putusan Mahkamah "
            "Konstitusi (MK)."
        ),
        "en": "Deadline to declare the elected Pilkada pair after the Constitutional Court (MK).",
    },
    "help.cmd.deadline": {
        "id": "Hitung batas akhir penetapan pasangan calon terpilih.",
        "en": "Compute the latest date to declare the elected pair.",
    },
    "help.cmd.outcomes": {
        "id": "Daftar amar putusan/ketetapan MK, nama lainnya, dan aturan yang berlaku.",
        "en": "List every MK outcome, its aliases and the rule it gets.",
    },
    "help.cmd.holidays": {
        "id": (
            "Daftar hari yang bukan hari kerja dalam satu tahun selain hari Sabtu dan Minggu: hari"
            " libur nasional, cuti bersama, hari yang diliburkan."
        ),
        "en": (
            "List the non-working days of a year besides weekends: holidays, cuti bersama, "
            "closures."
        ),
    },
    "help.cmd.rules_list": {
        "id": (
            "Daftar kumpulan aturan: bawaan, aturan 2020, dan penafsiran lampiran 5 hari "
            "menurut pemberitaan."
        ),
        "en": (
            "List the rule sets: the default, the 2020 rule and the reported 5-day annex reading."
        ),
    },
    "help.cmd.rules_show": {
        "id": (
            "Tampilkan satu kumpulan aturan secara lengkap: setiap aturan, dasar hukumnya, catatan"
            " hukum, dan tindak lanjut."
        ),
        "en": "Print one rule set in full: every rule, its citation, notices and follow-up.",
    },
    "help.cmd.timeline": {
        "id": (
            "Susun tahapan perselisihan hasil Pemilihan: tenggang waktu pengajuan permohonan, "
            "putusan MK, penetapan, tindak lanjut."
        ),
        "en": "Lay out the dispute season: petition window, MK decision, declaration, follow-up.",
    },
    "help.cmd.batch": {
        "id": (
            "Hitung batas akhir banyak daerah sekaligus, dari CSV atau JSON Lines.\n\n"
            "Satu baris keluaran untuk setiap baris masukan, berurutan: kolom masukan, lalu kolom "
            "'deadline', 'status' ('ok', 'pending', 'error'), 'days_left', 'rule', 'citation' dan "
            "'error'. Kode keluar 0 bila tidak ada baris kesalahan, 1 bila ada (termasuk penolakan "
            "--strict), 2 bila masukan sama sekali tidak dapat diproses."
        ),
        "en": (
            "Compute the deadlines of many regions at once, from CSV or JSON Lines.\n\n"
            "One output "
            "row per input row, in order: the input's columns, then deadline, status (ok, pending,"
            " error), days_left, rule, citation and error. Exit 0 when no row is in error, 1 when "
            "some are (--strict refusals included), 2 when the input cannot be processed at all."
        ),
    },
}
"""The help of every command and option (cli.py names them by key)."""

CLICK: dict[str, Text] = {
    "click.usage": {"id": "Penggunaan: ", "en": "Usage: "},
    "click.options_metavar": {"id": "[OPSI]", "en": "[OPTIONS]"},
    "click.subcommand_metavar": {"id": "PERINTAH [ARGUMEN]...", "en": "COMMAND [ARGS]..."},
    "click.arguments": {"id": "Argumen", "en": "Arguments"},
    "click.options": {"id": "Opsi", "en": "Options"},
    "click.commands": {"id": "Perintah", "en": "Commands"},
    "click.help_option": {
        "id": "Tampilkan bantuan ini lalu keluar.",
        "en": "Show this message and exit.",
    },
    "click.default": {"id": "bawaan", "en": "default"},
    "click.install_completion": {
        "id": "Pasang pelengkapan otomatis untuk shell yang sedang dipakai.",
        "en": "Install completion for the current shell.",
    },
    "click.show_completion": {
        "id": "Tampilkan pelengkapan otomatis untuk shell yang sedang dipakai, untuk disalin "
        "atau untuk menyesuaikan pemasangannya.",
        "en": "Show completion for the current shell, to copy it or customize the installation.",
    },
    "click.required": {"id": "wajib", "en": "required"},
    "click.see_help": {"id": "lihat '{command} --help'", "en": "see '{command} --help'"},
    "click.interrupted": {"id": "dihentikan", "en": "interrupted"},
    "click.argument": {"id": "Argumen", "en": "Argument"},
    "click.option": {"id": "Opsi", "en": "Option"},
    "click.parameter": {"id": "Parameter", "en": "Parameter"},
    "click.missing": {
        "id": "{0} {1} belum diberikan (pilihan: {2})",
        "en": "Missing {0} {1}. (Choose from: {2})",
    },
    "click.no_such_option": {
        "id": "opsi tidak dikenal: {0} (mungkin maksud Anda: {1})",
        "en": "No such option: {0} (Possible options: {1})",
    },
    "click.not_one_of": {
        "id": "nilai {0} tidak valid: '{1}' bukan salah satu dari {2}",
        "en": "Invalid value for {0}: '{1}' is not one of {2}.",
    },
    "click.not_valid": {
        "id": "nilai {0} tidak valid: '{1}' bukan {2} yang valid",
        "en": "Invalid value for {0}: '{1}' is not a valid {2}.",
    },
    "click.needs_value": {
        "id": "opsi '{0}' memerlukan nilai",
        "en": "Option '{0}' requires an argument.",
    },
    "click.no_value": {
        "id": "opsi '{0}' tidak menerima nilai",
        "en": "Option '{0}' does not take a value.",
    },
    "click.extra": {
        "id": "argumen tambahan yang tidak dikenal: '{0}'",
        "en": "Got unexpected extra argument(s) ({0})",
    },
    "click.no_such_command": {
        "id": "perintah tidak dikenal '{0}'",
        "en": "No such command '{0}'.",
    },
    "click.missing_command": {"id": "perintah belum diberikan", "en": "Missing command."},
}
"""click's own words (help and usage errors), which Typer's vendored click writes in English."""
