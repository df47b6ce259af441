"""The commands besides `extract`: show, report, summary and patterns."""
