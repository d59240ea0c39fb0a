"""Matplotlib charts drawn from the deck model's ChartSpecs, each drawn once to PDF."""
