"""The note: Markdown and HTML for supervision, redaction of declared names, handouts."""
