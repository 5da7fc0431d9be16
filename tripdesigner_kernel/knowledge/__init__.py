"""Offline knowledge: cities, countries, curated places."""
