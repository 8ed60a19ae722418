"""`wirewatch watch`: follow feeds and folders, ingest what is new, alert when an incident matches a rule.

sources (what to follow) -> fetch (polite HTTP) -> items (what is new; read by ingest) -> loop (pipeline,
store, linking, judging by rules, delivery to sinks). State lives in the store (`store.watchlog`), so a
restart resumes without losing or repeating an alert. Only the CLI imports this package. See docs/watch.md.
"""
