"""Renderers: walk the deck model and write files; they never compute a figure."""
