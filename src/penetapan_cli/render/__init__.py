"""One module per output format: text (plain lines, tables drawn by rich on a terminal only),
JSON, bare date, iCalendar."""
