"""Members and organisations: sign-in, profiles and their visibility, roles, directory."""
