"""Words the tool prints, in Indonesian ("id") and English ("en")."""

from __future__ import annotations

from penetapan_cli.core.calendar import DayKind
from penetapan_cli.core.compliance import Compliance, Verdict
from penetapan_cli.core.dates import format_date
from penetapan_cli.core.outcomes import Outcome
from penetapan_cli.core.rules import CountFrom, Roll, Text, Unit

LANGS = ("id", "en")

OUTCOME_NAMES: dict[Outcome, Text] = {
    Outcome.NO_PETITION: {"id": "tidak ada permohonan", "en": "no petition registered"},
    Outcome.DISMISSED: {"id": "tidak dapat diterima (dismissal)", "en": "not accepted (dismissal)"},
    Outcome.WITHDRAWN: {"id": "ditarik kembali", "en": "withdrawn"},
    Outcome.LAPSED: {"id": "gugur", "en": "lapsed"},
    Outcome.NOT_COMPETENT: {"id": "bukan kewenangan MK", "en": "outside the MK's competence"},
    Outcome.REJECTED: {"id": "ditolak", "en": "rejected"},
    Outcome.GRANTED: {
        "id": "dikabulkan, MK menetapkan perolehan suara",
        "en": "granted, the MK fixes the vote result",
    },
    Outcome.REVOTE: {"id": "pemungutan suara ulang (PSU)", "en": "re-vote ordered (PSU)"},
    Outcome.RECOUNT: {"id": "penghitungan suara ulang", "en": "recount ordered"},
    Outcome.RECAPITULATION: {"id": "rekapitulasi ulang", "en": "re-recapitulation ordered"},
    Outcome.CORRECTION: {
        "id": "dikabulkan sebagian, KPU diperintahkan memperbaiki keputusannya (perolehan suara "
        "tetap)",
        "en": "granted in part, the KPU ordered to correct its own decree (the tally stands)",
    },
}

UNIT_NAMES: dict[Unit, Text] = {
    Unit.CALENDAR: {"id": "hari kalender", "en": "calendar days"},
    Unit.WORKING: {"id": "hari kerja", "en": "working days"},
}

COUNT_FROM: dict[CountFrom, Text] = {
    CountFrom.AFTER: {
        "id": "setelah tanggal pemicu (hari pemicu tidak dihitung)",
        "en": "after the trigger date (the trigger day is not counted)",
    },
    CountFrom.ON: {
        "id": "terhitung sejak tanggal pemicu (hari pemicu adalah hari ke-1 bila hari kerja)",
        "en": "counted from the trigger date (the trigger day is day 1 when a working day)",
    },
}
CALENDAR_ON: Text = {
    "id": "terhitung sejak tanggal pemicu (hari pemicu adalah hari ke-1)",
    "en": "counted from the trigger date (the trigger day is day 1)",
}
"""``count_from = "on"`` on calendar days: the trigger day is day 1 whatever day it is."""

ROLL: dict[Roll, Text] = {
    Roll.NONE: {
        "id": "hari terakhir tidak digeser walau jatuh pada hari libur",
        "en": "the last day stands even on a non-working day",
    },
    Roll.NEXT_WORKING_DAY: {
        "id": "hari terakhir yang bukan hari kerja digeser ke hari kerja berikutnya",
        "en": "a last day that is not a working day moves to the next working day",
    },
}

DAY_KINDS: dict[DayKind, Text] = {
    DayKind.WEEKEND: {"id": "akhir pekan", "en": "weekend"},
    DayKind.PUBLIC_HOLIDAY: {"id": "hari libur nasional", "en": "public holiday"},
    DayKind.CUTI_BERSAMA: {"id": "cuti bersama", "en": "cuti bersama"},
    DayKind.CLOSURE: {"id": "penutupan kantor", "en": "office closure"},
}

LABELS: dict[str, Text] = {
    "title": {
        "id": "Tenggat penetapan pasangan calon terpilih",
        "en": "Deadline to declare the elected pair",
    },
    "outcome": {"id": "Hasil di MK", "en": "MK outcome"},
    "trigger": {"id": "Tanggal pemicu", "en": "Trigger date"},
    "rule": {"id": "Aturan", "en": "Rule"},
    "quote": {"id": "Bunyi", "en": "Text"},
    "verbatim": {"id": "kutipan", "en": "verbatim"},
    "paraphrase": {"id": "parafrase", "en": "paraphrase"},
    "source": {"id": "Sumber", "en": "Source"},
    "case": {"id": "Nomor perkara", "en": "Case number"},
    "counting": {"id": "Cara menghitung", "en": "Counting"},
    "override": {
        "id": "diganti dengan --basis; aturan menyebut",
        "en": "overridden by --basis; the rule says",
    },
    "deadline": {"id": "Tenggat", "en": "Deadline"},
    "countdown": {"id": "Hitung mundur", "en": "Countdown"},
    "as_of": {"id": "per", "en": "as of"},
    "none_yet": {"id": "belum ada tenggat", "en": "no deadline yet"},
    "next": {"id": "Langkah berikutnya", "en": "What happens next"},
    "warning": {"id": "peringatan", "en": "warning"},
    "notice": {"id": "Catatan hukum", "en": "Legal notice"},
    "trace": {"id": "Rincian hari", "en": "Day by day"},
    "counted": {"id": "dihitung", "en": "counted"},
    "skipped": {"id": "dilewati", "en": "skipped"},
    "trigger_day": {"id": "hari pemicu", "en": "trigger day"},
    "rolled": {"id": "digeser ke sini", "en": "rolled forward here"},
    "rule_sets": {"id": "Kumpulan aturan", "en": "Rule sets"},
    "rule_set": {"id": "Kumpulan aturan", "en": "Rule set"},
    "default": {"id": "bawaan", "en": "default"},
    "regulation": {"id": "Peraturan", "en": "Regulation"},
    "status": {"id": "Status", "en": "Status"},
    "note_field": {"id": "Keterangan", "en": "Note"},
    "file": {"id": "Berkas", "en": "File"},
    "comparison": {"id": "Perbandingan aturan", "en": "Comparison of rule sets"},
    "comparison_short": {"id": "Perbandingan", "en": "Comparison"},
    "by_trigger": {"id": "Tenggat menurut tanggal pemicu", "en": "Deadline by trigger date"},
    "safe": {"id": "AMAN", "en": "SAFE"},
    "safe_date": {"id": "Tanggal aman (paling awal)", "en": "Safe date (the earliest)"},
    "safe_step": {"id": "tanggal aman (paling awal)", "en": "the safe (earliest) date"},
    "decided_cli": {"id": "putusan dibacakan (--decided)", "en": "decision read out (--decided)"},
    "notified_on": {"id": "pemberitahuan", "en": "notified"},
    "active": {"id": "aktif", "en": "active"},
    "timeline": {"id": "Linimasa sengketa hasil Pilkada", "en": "Timeline of the result dispute"},
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
    "next_step_label": {"id": "langkah berikut", "en": "next step"},
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
    "decided": {"id": "putusan dibacakan (--decided)", "en": "decision read out (--decided)"},
    "notified": {"id": "pemberitahuan (--notified)", "en": "notification (--notified)"},
}
"""What a timeline step was counted from, as the timeline names it."""


def label(key: str, lang: str) -> str:
    return LABELS[key][lang]


def counting_sentence(
    days: int | None, unit: Unit, count_from: CountFrom, roll: Roll | None, lang: str
) -> str:
    """How a period is counted, the one sentence every output uses: "3 hari kalender setelah
    tanggal pemicu (...); hari terakhir ..."; ``days`` None is written N (set by an order),
    ``roll`` None leaves the last part out."""
    start = CALENDAR_ON if count_from is CountFrom.ON and unit is Unit.CALENDAR else None
    text = (
        f"{days if days is not None else 'N'} {UNIT_NAMES[unit][lang]} "
        f"{(start or COUNT_FROM[count_from])[lang]}"
    )
    if roll is not None:
        text += f"; {ROLL[roll][lang]}"
    return text


def countdown(days_left: int, lang: str) -> str:
    if lang == "id":
        if days_left > 0:
            return f"{days_left} hari lagi"
        return "jatuh tempo hari ini" if days_left == 0 else f"terlambat {-days_left} hari"
    if days_left > 0:
        return f"{days_left} day{'s' if days_left != 1 else ''} left"
    if days_left == 0:
        return "due today"
    return f"overdue by {-days_left} day{'s' if days_left != -1 else ''}"


def rows_from(rows: int, first_row: int, lang: str) -> str:
    """Where a batch message applies: "3 baris, mulai baris 5" / "3 rows from row 5"."""
    if lang == "id":
        return f"{rows} baris, mulai baris {first_row}"
    return f"{rows} row{'s' if rows != 1 else ''} from row {first_row}"


# --- Was it declared on time? (--declared, the batch column declared_on) ---------------------

DECLARED_LABELS: dict[str, Text] = {
    "declared": {"id": "Penetapan dilakukan", "en": "Declared on"},
    "column": {"id": "penetapan", "en": "declared"},
    "decision_read": {"id": "putusan dibacakan", "en": "the decision was read out"},
}

_VERDICTS: dict[Compliance, Text] = {
    Compliance.ON_TIME: {
        "id": "penetapan tepat waktu (masih dalam batas waktu; batas akhir {deadline})",
        "en": "declared on time (within the period; deadline {deadline})",
    },
    Compliance.LATE: {
        "id": "penetapan terlambat {days} hari kalender (batas akhir {deadline})",
        "en": "declared late by {days} calendar day{s} (deadline {deadline})",
    },
    Compliance.PREMATURE: {
        "id": "penetapan dilakukan sebelum waktunya (prematur): sebelum {event}, {trigger}",
        "en": "declared prematurely: before {event}, {trigger}",
    },
    Compliance.UNDETERMINED: {
        "id": "ketepatan waktu penetapan belum dapat ditentukan: amar putusan MK memerintahkan "
        "tindak lanjut, dan batas akhir penetapan baru dihitung setelah perintah itu dilaksanakan "
        "dan hasil baru diumumkan; periksa amar putusan serta hasil dan tanggal siklus baru",
        "en": "cannot be determined: the MK's order starts a new cycle, and the deadline runs "
        "only once the order is carried out and the new result announced; check the new "
        "cycle's outcome and dates",
    },
}

_VERDICTS_SHORT: dict[Compliance, Text] = {
    Compliance.ON_TIME: {"id": "tepat waktu", "en": "on time"},
    Compliance.LATE: {
        "id": "terlambat {days} hari kalender",
        "en": "late by {days} calendar day{s}",
    },
    Compliance.PREMATURE: {"id": "prematur", "en": "premature"},
    Compliance.UNDETERMINED: {"id": "belum dapat ditentukan", "en": "undetermined"},
}


def verdict_sentence(verdict: Verdict, lang: str, *, event: str) -> str:
    """The verdict on a declaration, e.g. "penetapan terlambat 2 hari kalender (batas akhir
    Jumat, 7 Februari 2025)"; ``event`` names what the earliest trigger date is (premature)."""
    deadline, trigger = verdict.deadline, verdict.earliest_trigger
    return _VERDICTS[verdict.compliance][lang].format(
        days=verdict.days_late,
        s="" if verdict.days_late == 1 else "s",
        deadline=format_date(deadline, lang) if deadline is not None else "",
        event=event,
        trigger=format_date(trigger, lang) if trigger is not None else "",
    )


def verdict_short(verdict: Verdict, lang: str) -> str:
    """The verdict in a table cell: "tepat waktu", "terlambat 2 hari kalender", ..."""
    s = "" if verdict.days_late == 1 else "s"
    return _VERDICTS_SHORT[verdict.compliance][lang].format(days=verdict.days_late, s=s)


# --- The month view (deadline --calendar) and the closures warning -------------------------------

CLOSURES_CALENDAR_DAYS: Text = {
    "id": "hari yang diliburkan (--closures) tidak mengubah batas akhir yang dihitung dengan hari "
    "kalender; hari tersebut hanya diperhitungkan pada penghitungan hari kerja (--basis working)",
    "en": "office closures (--closures) do not move a deadline counted in calendar days; they "
    "count only on a working-day count (--basis working)",
}
"""--closures given, and the deadline is counted in calendar days with no roll forward."""

CALENDAR_TEXT_ONLY: Text = {
    "id": "--calendar hanya dapat dipakai dengan --format text, bukan {fmt}",
    "en": "--calendar can only be used with --format text, not {fmt}",
}

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


# ---------------------------------------------------------------------------------------------
# What users write: dates in either order, partial grants, swapped arguments, a timeline from
# the dates known, shell completion. A text shown with option names writes facts as
# placeholders ({announced}: core/facts.py), named by the caller.

INPUT_TEXTS: dict[str, Text] = {
    "date_order_help": {
        "id": "Cara membaca tanggal angka seperti 02/04/2025: dmy (tanggal dahulu, kaidah "
        "Indonesia: 2 April) atau mdy (bulan dahulu, ekspor lembar kerja berlokal AS: "
        "4 Februari). Berlaku untuk setiap tanggal yang dibaca perintah ini; tanggal ISO dan "
        "tanggal dengan nama bulan dibaca sama.",
        "en": "How to read a numeric date such as 02/04/2025: dmy (day first, the Indonesian "
        "rule: 2 April) or mdy (month first, exports of US-locale spreadsheets: 4 February). "
        "Applies to every date the command reads; ISO dates and month names read the same.",
    },
    "partial_grant": {
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
    "swapped": {
        "id": "argumen tampaknya tertukar: penetapan deadline OUTCOME DATE (amar putusan "
        "dahulu, lalu tanggal), bukan {outcome!r} {date!r}",
        "en": "the arguments seem swapped: penetapan deadline OUTCOME DATE (the outcome "
        "first, then the date), not {outcome!r} {date!r}",
    },
    "timeline_no_date": {
        "id": "tidak ada tanggal yang diberikan: linimasa memerlukan sekurang-kurangnya satu "
        "dari {announced} (pengumuman hasil), {registered} (registrasi perkara dalam BRPK), "
        "{decided} (putusan diucapkan) atau {notified} (diterimanya surat pemberitahuan)",
        "en": "no date given: the timeline needs at least one of {announced} (the result "
        "announced), {registered} (the case registered in the BRPK), {decided} (the decision "
        "read out) or {notified} (the notification received)",
    },
}
"""Texts of the inputs users write, in both languages (help, errors and notes)."""


def input_text(key: str, lang: str, **params: object) -> str:
    """An entry of INPUT_TEXTS in ``lang``, its ``{name!r}`` fields filled from ``params``;
    fact placeholders ({announced}...) without a value are left for the caller to name."""
    import string

    text = INPUT_TEXTS[key][lang]
    out = []
    for literal, field, spec, conversion in string.Formatter().parse(text):
        out.append(literal)
        if field is None:
            continue
        if field in params:
            value = params[field]
            out.append(format(repr(value) if conversion == "r" else value, spec or ""))
        else:
            out.append("{" + field + "}")
    return "".join(out)
