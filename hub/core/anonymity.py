"""What posting anonymously means, in one sentence every form and page uses.

It says what the code does: other people, moderators and administrators included, see
"Anonymous" and the day only (hub.core.templatetags.safety, hub.core.admin); only a member with
the safeguarding lead role can reveal the author, giving a reason that goes to the audit log,
and the author is told (hub.moderation.services.reveal_author).
"""

ANONYMOUS_LABEL = "Post anonymously"
ANONYMOUS_HELP = (
    "Everyone, moderators included, sees “Anonymous” instead of your name, and the day but not "
    "the time. Only a safeguarding lead can find out it was you, for a safety reason that is "
    "recorded, and you are told if they do."
)
