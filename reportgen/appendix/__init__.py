"""The result appendix as a document: PDF and workbook, for Riket and each county (SPEC §8b)."""
