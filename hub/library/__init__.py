"""The library: items of every kind, their workflow, attachments, revisions, feeds, taxonomy."""
