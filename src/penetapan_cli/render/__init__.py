"""One module per output format: text (rich), JSON, bare date, iCalendar."""
