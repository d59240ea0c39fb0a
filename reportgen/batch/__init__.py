"""Building whole counties (and Riket) safely: atomic files, manifests, parallel runs."""
