"""Files for each municipality of a county: a profile (PDF) and a bundle (zip)."""
