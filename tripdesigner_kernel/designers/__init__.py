"""Designers: the brains that answer a message by changing the itinerary."""
