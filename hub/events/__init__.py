"""Events: one-off and recurring sessions in their own time zone, registrations, calendars."""
