"""Answer files: reading, header recognition, validation, loading and writing (SPEC §4).

``load.load_survey`` is the only way other commands obtain a Survey from files, so every
command runs the same validation (docs/input-format.md).
"""
