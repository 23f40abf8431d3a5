"""Machinery: comments, reactions and follows for any kind registered in registry.py."""
