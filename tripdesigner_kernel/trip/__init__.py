"""Trips: the itinerary model, its tools, checks and exports."""
