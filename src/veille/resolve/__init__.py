"""Resolution of dates, places and actors against reference data."""
