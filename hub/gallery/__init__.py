"""The gallery of error traps: pictures of hazards in care, with the fixes people found."""
