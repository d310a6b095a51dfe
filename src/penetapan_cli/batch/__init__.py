"""The batch: read rows (CSV, JSON Lines), compute each, write them in order."""
