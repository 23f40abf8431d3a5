"""The forums: topics and numbered posts, in a forum or a network, and their moderation."""
