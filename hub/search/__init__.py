"""Search: one index over every kind that registers a source, its two engines, its pages."""
