"""The companion workbook: a neutral model built from the data (SPEC §1.2, §8c)."""
