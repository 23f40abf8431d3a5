"""The floor under every app: pages, audit, rich text, images, rate limits, cache, worker."""
