"""The pure rules core: outcomes, dates, rules, counting, calendar, deadline, compare, timeline.

No I/O, no clock, no environment, no framework, no option names (docs/architecture.md)."""
