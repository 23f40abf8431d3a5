"""Machinery: notifications, kinds, preferences, digests and the exactly-once email outbox."""
