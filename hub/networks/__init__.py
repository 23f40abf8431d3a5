"""Networks: members' own spaces, memberships, join requests, invitations, who sees what."""
