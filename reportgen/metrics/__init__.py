"""Pure metric functions over a validated Survey (SPEC §5): no file I/O, no drawing."""
