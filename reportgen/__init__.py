"""reportgen: county analysis reports from the national social-services survey."""

__version__ = "0.1.0"
