"""One module per command: parse values already read by the CLI, compute, hand a report on."""
