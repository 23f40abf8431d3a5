"""Machinery: reports, the review queue and the personal-details guard for registered kinds."""
