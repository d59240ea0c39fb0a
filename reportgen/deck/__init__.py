"""The neutral deck model and its builder (metrics + layouts → slides)."""
