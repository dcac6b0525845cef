"""Rendering: validated model → Markdown strings. Nothing here opens a file for writing."""
