"""The synthetic demo data generator (SPEC §9): targets, allocation, generation."""
