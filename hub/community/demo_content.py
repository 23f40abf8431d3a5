"""The embedded demo's public forums, written by us for the demo (loaded by hub.community.demo).

Every discussion here is invented. Nothing describes or could identify a real patient: people
are described only by role or by decade of age ("a woman in her eighties"), and there are no
names, record numbers, dates of birth or addresses.

Text may be wrapped freely: the loader collapses runs of whitespace. Paragraphs are separated by
blank lines; a paragraph whose lines all start with "- " becomes a bulleted list.

Each topic is a dict with these keys (optional ones in brackets):
    forum (a forum's name), by (demo username), title, text, days_ago (when it was started),
    replies [list of dicts: by, text, (quote: the number of the post quoted, 1 = the opening
    post), (quote_text: the words quoted, taken from that post), (anonymous), (hours: hours after
    the previous post)], [anonymous], [pinned: reason], [locked: reason], [views: visits recorded
    through the topic_record_view service].
Mentions are written "@username" and become links to the member's profile.
"""

# The forums, as in hub/taxonomy/data/taxonomy.json.
COMM = "Commissioning, service provision and innovation in health and care"
COVID = "Coronavirus (COVID-19)"
CULTURE = "Culture"
IPS = "Improving patient safety"
INV = "Investigations, risk management and legal issues"
LEAD = "Leadership for patient safety"
ORGS = "Organisations linked to patient safety (UK and beyond)"
PE = "Patient engagement"
PSHC = "Patient safety in health and care"
PSL = "Patient Safety Learning"
PROF = "Professionalising patient safety"
RES = "Research, data and insight"
MISC = "Miscellaneous"

# Who pins and locks topics (through the moderation services).
MODERATOR = "moderator"

TOPICS = [
    {
        "forum": PSL,
        "by": "moderator",
        "title": "Welcome to the forums: please read before you post",
        "days_ago": 545,
        "views": 130,
        "pinned": "House rules every newcomer should see first.",
        "text": """
            Welcome! These forums are for anyone who cares about safer care: patients, carers,
            families, staff in every setting, researchers and regulators. A few things keep
            them useful and kind.

            - Never post anything that could identify a patient: no names, initials, record
              numbers, dates of birth, ward and date combinations or photographs.
            - Talk about systems, not individuals. If something went wrong, describe what made
              it likely, not who to blame.
            - You can post anonymously when you need to. Everyone, moderators included, sees
              "Anonymous"; only a safeguarding lead can find out who wrote it, for a safety
              reason, and the author is told. The usual rules still apply.
            - If you are worried about someone's safety right now, contact the service involved
              or the emergency services. The forums are not watched around the clock.

            If a post worries you, mention @moderator in a reply and one of us will look at it.
            Introduce yourself below if you like: what brings you here?
        """,
        "replies": [
            {
                "by": "maria",
                "hours": 20,
                "text": """
                    Thank you for this. I am a carer and I nearly did not post because I
                    thought the forums were only for professionals. Glad to know families are
                    welcome too.
                """,
            },
            {
                "by": "hana",
                "hours": 30,
                "text": """
                    Kia ora from Aotearoa New Zealand. I work on improvement and consumer
                    partnership, and I am here to learn how other countries are getting on.
                    Happy to share what we have tried as well.
                """,
            },
            {
                "by": "dev",
                "hours": 50,
                "text": """
                    Theatre practitioner here. Mostly interested in briefings, checklists and
                    how we make it normal for the most junior person in the room to say
                    "stop".
                """,
            },
        ],
    },
    {
        "forum": IPS,
        "by": "aisha",
        "title": "Which handover tool actually works on a busy medical ward?",
        "days_ago": 430,
        "views": 181,
        "text": """
            We have tried SBAR on paper, an electronic handover list and a bedside walk round,
            and each one worked for about three months before drifting back to people reading
            out a list in the office.

            Our current problem: at shift change the sickest patients get the same thirty
            seconds as everyone else, and the things that are "not quite right" never make it
            onto the sheet. Has anyone found a format that survives a winter?
        """,
        "replies": [
            {
                "by": "dev",
                "hours": 4,
                "text": """
                    In theatres the thing that made the difference was not the form but the
                    order. We hand over the patient who worries us most first, while everyone
                    is still listening, and we say out loud what we expect to happen next.
                """,
            },
            {
                "by": "claire",
                "hours": 6,
                "text": """
                    We reviewed a run of deterioration incidents last year and handover came up
                    in almost every one. The common thread was that concern was handed over as
                    a number ("NEWS of 4") rather than as a worry ("I think she is getting
                    septic and the registrar has not seen her yet"). We now ask for one
                    sentence of worry per patient, even if it is "no concerns".
                """,
            },
            {
                "by": "li",
                "hours": 3,
                "quote": 3,
                "quote_text": "concern was handed over as a number",
                "text": """
                    This matches our observation work. A score compresses a lot of
                    information and loses the trajectory. Asking "what has changed since you
                    came on?" brings the trajectory back. It also helps to hand over at the
                    bedside for the two or three patients who are most at risk, and in the
                    office for the rest: nobody manages a full bedside round in a busy unit.
                """,
            },
            {
                "by": "maria",
                "hours": 26,
                "text": """
                    From the other side of the curtain: when my father was in hospital, the
                    handovers I overheard never included what we as a family had noticed. He
                    was more muddled than usual for two days before anyone acted. If there is
                    a line on the sheet for "what the family says", please use it.
                """,
            },
            {
                "by": "kofi",
                "hours": 9,
                "text": """
                    Please add time-critical medicines to whatever you use. Missed or delayed
                    doses of Parkinson's medicines, insulin and anticoagulants cluster around
                    shift change, because each shift assumes the other has given them.
                """,
            },
            {
                "by": "aisha",
                "hours": 30,
                "quote": 5,
                "quote_text": "please use it",
                "text": """
                    @maria that is a really good point, and we do not have that line. I am
                    going to trial "worry, what has changed, what the family says,
                    time-critical medicines" on one bay for a month and report back. Thanks
                    all.
                """,
            },
            {
                "by": "niamh",
                "hours": 70,
                "text": """
                    We ran a similar test of change and the thing that kept it going was the
                    night sister spending two minutes each morning asking how handover went.
                    The format mattered less than somebody visibly caring about it.
                """,
            },
        ],
    },
    {
        "forum": PSHC,
        "by": "niamh",
        "title": "A single red parameter on NEWS2: what does your escalation policy say?",
        "days_ago": 395,
        "views": 220,
        "text": """
            Comparing notes with colleagues in England. A patient can have an aggregate score of
            3 made up of a single parameter, for example a respiratory rate of 25, with
            everything else normal. Some policies treat that as an urgent medical review;
            others treat it like any other score of 3.

            What does yours say, and what happens in practice at three in the morning?
        """,
        "replies": [
            {
                "by": "topiclead",
                "hours": 5,
                "text": """
                    Ours asks for an urgent review within an hour for any single red
                    parameter. In practice the review often happens by phone. A respiratory
                    rate that high is rarely a measurement error and often the first sign of
                    trouble, so I would rather be called and reassured than not called.
                """,
            },
            {
                "by": "aisha",
                "hours": 8,
                "text": """
                    The policy is clear on our ward. The hard part is the social side: if you
                    have already called twice that night, the third call feels like a
                    confession that you cannot cope. We have started saying "I am calling
                    under the policy" so it is the policy asking, not me.
                """,
            },
            {
                "by": "li",
                "hours": 20,
                "quote": 3,
                "quote_text": "the third call feels like a confession",
                "text": """
                    That is a textbook example of escalation having a social cost, and it
                    is why scores alone do not fix deterioration. Scripts like "I am calling
                    under the policy" work because they move the decision from the person to
                    the system.
                """,
            },
            {
                "by": "safeguarding",
                "anonymous": True,
                "hours": 14,
                "text": """
                    Posting anonymously because this still stings. I once escalated a single
                    red parameter and was told on the phone to "stop wasting time on
                    numbers". The patient was in intensive care by the morning. Nobody asked
                    me about that call in the review afterwards. Please, if you are the
                    person answering the phone, be kind to the caller.
                """,
            },
            {
                "by": "maria",
                "hours": 40,
                "text": """
                    Families should be part of this too. Several hospitals now have a number
                    that patients and relatives can call for a rapid review when they feel
                    something is wrong and are not being heard. It does not replace the score,
                    but it catches the "he is just not himself" that no chart records.
                """,
            },
        ],
    },
    {
        "forum": INV,
        "by": "claire",
        "title": "PSIRF transition: what did you do with open serious incident investigations?",
        "days_ago": 380,
        "views": 157,
        "text": """
            We go live with the Patient Safety Incident Response Framework next quarter and we
            still have a tail of investigations opened under the old framework, some of them
            many months old. Options we are weighing:

            - finish everything under the old framework, however long it takes;
            - close the oldest with a proportionate summary and fold their themes into a
              thematic review;
            - carry on, but write them up in the new style.

            What did you do, and how did you explain it to the families involved?
        """,
        "replies": [
            {
                "by": "niamh",
                "hours": 12,
                "text": """
                    We finished the ones where a family was actively involved or waiting for a
                    report, and closed the rest with a short summary after checking nothing
                    urgent was left undone. The key was telling families first, in person
                    where possible, before any letter.
                """,
            },
            {
                "by": "grace",
                "hours": 20,
                "text": """
                    Speaking as an inspector: nobody will criticise a trust for a considered,
                    documented decision about legacy investigations. What worries us is
                    silence: families who hear nothing for months, and actions that
                    disappear when the case is closed. Keep the safety actions on a tracker
                    whichever option you choose.
                """,
            },
            {
                "by": "editor",
                "hours": 28,
                "text": """
                    Several members have shared their PSIRF plans in the library, including
                    how they handled the changeover. Search for the "PSIRF in practice" series;
                    the plan that describes a two-day "tail clearing" workshop might suit you.
                """,
            },
            {
                "by": "hana",
                "hours": 60,
                "quote": 2,
                "quote_text": "The key was telling families first",
                "text": """
                    This. When we changed our review process, the complaints we received were
                    never about the method. They were about being told late or by letter.
                """,
            },
            {
                "by": "claire",
                "hours": 96,
                "text": """
                    Thank you all. We are going with the second option: families first, a
                    short proportionate summary, and two thematic reviews covering the
                    remaining themes. @grace your point about keeping the actions alive is now
                    a line in our plan.
                """,
            },
        ],
    },
    {
        "forum": INV,
        "by": "topiclead",
        "title": "After action review or swarm huddle: how do you choose?",
        "days_ago": 250,
        "views": 105,
        "text": """
            Our new incident response plan lists both, and our teams are unsure when to use
            which. My working rule: a swarm huddle straight after the event, while the people
            and the details are on the ward; an after action review a few days later when you
            need a facilitated conversation about what was expected versus what happened.

            Does that match how others use them?
        """,
        "replies": [
            {
                "by": "claire",
                "hours": 3,
                "quote": 1,
                "quote_text": "a swarm huddle straight after the event",
                "text": """
                    Broadly yes. We add a third question: is there a family who needs to be
                    part of this? If so we lean towards an after action review, because we
                    can prepare them and invite them properly. A swarm at the nurses' station
                    is no place for a bereaved relative.
                """,
            },
            {
                "by": "aisha",
                "hours": 22,
                "text": """
                    From the ward: swarms work when a senior person turns up within the hour
                    and makes it feel safe to talk. When they are run days later by someone we
                    do not know, they feel like an interview.
                """,
            },
            {
                "by": "li",
                "hours": 40,
                "text": """
                    Whatever the method, write down the system factors you found, not just
                    the actions. Otherwise you cannot see patterns across many small reviews,
                    which is the whole point of the framework.
                """,
            },
        ],
    },
    {
        "forum": INV,
        "by": "dev",
        "title": "Which framework applies now: the old serious incident framework or PSIRF?",
        "days_ago": 440,
        "views": 94,
        "locked": "Answered: the replies below are the current position. Please start a new "
        "discussion for questions about a particular organisation.",
        "text": """
            Slightly embarrassing question. I have moved from an independent hospital to an
            NHS trust and I am not sure which framework our incident reports now fall under.
            Is the old serious incident framework still in force anywhere?
        """,
        "replies": [
            {
                "by": "claire",
                "hours": 5,
                "text": """
                    Not embarrassing at all. In England, NHS-funded care moved to the Patient
                    Safety Incident Response Framework, and each organisation publishes its own
                    policy and plan. The plan is the document to read: it says which incidents
                    get which kind of response. Independent providers delivering NHS-funded
                    care are expected to follow it too.
                """,
            },
            {
                "by": "editor",
                "hours": 9,
                "text": """
                    There is a short explainer in the library under Investigations, risk
                    management and legal issues, with links to the national documents.
                    Your own organisation's patient safety team will also have a one-page
                    summary.
                """,
            },
            {
                "by": "moderator",
                "hours": 12,
                "text": """
                    Thanks both, that answers it. I am locking this discussion so the answer
                    stays clear. @dev if your own organisation's plan raises questions, please
                    start a new discussion.
                """,
            },
        ],
    },
    {
        "forum": PE,
        "by": "maria",
        "title": "Patient safety partners: what does a good induction look like?",
        "days_ago": 300,
        "views": 126,
        "text": """
            I have just been appointed as a patient safety partner at a community trust. I am
            excited and a bit daunted. So far I have a badge, a laptop login that does not work
            and a pile of committee papers full of acronyms.

            For partners who have been doing this a while, and for staff who support them:
            what made your first three months work?
        """,
        "replies": [
            {
                "by": "claire",
                "hours": 6,
                "text": """
                    Congratulations! Things we learned the hard way: a named buddy on the
                    staff side, a glossary of acronyms (ours runs to four pages), a pre-meeting
                    before every committee so you can ask the "daft" questions privately, and
                    being paid on time. That last one matters more than people admit.
                """,
            },
            {
                "by": "peter",
                "hours": 20,
                "text": """
                    Ask to shadow a ward or a clinic early on. Papers make much more sense once
                    you have seen the place they describe. And keep a note of the questions
                    you ask in your first month: they are usually the ones the organisation
                    has stopped asking itself.
                """,
            },
            {
                "by": "hana",
                "hours": 34,
                "text": """
                    We co-wrote our partner role description with the partners themselves,
                    and it changed the tone completely. Partners are there to shape the work
                    from the start, not to approve it at the end.
                """,
            },
            {
                "by": "niamh",
                "hours": 48,
                "quote": 2,
                "quote_text": "a pre-meeting before every committee",
                "text": """
                    Seconding the pre-meeting. Our partners also asked for papers a full week
                    ahead and for reports to have a plain language summary at the top. Staff
                    liked those summaries too.
                """,
            },
            {
                "by": "maria",
                "hours": 70,
                "text": """
                    This is so helpful. I have asked for a buddy and a glossary, and I am
                    shadowing the district nursing team next week. @claire I may borrow your
                    four pages!
                """,
            },
        ],
    },
    {
        "forum": CULTURE,
        "by": "dev",
        "anonymous": True,
        "title": "Just culture in practice: our decision tree still feels like a disciplinary tool",
        "days_ago": 262,
        "views": 203,
        "text": """
            Posting anonymously for obvious reasons. Our organisation adopted a just culture
            guide two years ago. On paper it is excellent. In practice, the only time anyone
            mentions it is when a manager is deciding whether to suspend someone, so staff now
            hear "just culture" as "you are being investigated".

            Has anyone managed to make it feel like what it was meant to be?
        """,
        "replies": [
            {
                "by": "claire",
                "hours": 8,
                "text": """
                    You are describing something very common. We found the guide was only
                    ever opened for individual cases, so we started using the same questions
                    in our learning reviews: would another competent person in the same
                    situation have done the same? When the answer is yes, it is a system
                    problem, and we say so in writing.
                """,
            },
            {
                "by": "li",
                "hours": 14,
                "text": """
                    A just culture is judged by what people see happen after an incident, not
                    by the policy. Publishing anonymised examples of "we looked at this and
                    changed the system, nobody was disciplined" does more than any training.
                """,
            },
            {
                "by": "grace",
                "hours": 30,
                "text": """
                    When we inspect, we ask frontline staff what happens when they report a
                    mistake. The answers tell us more about the culture than the policy
                    library ever could.
                """,
            },
            {
                "by": "topiclead",
                "hours": 52,
                "quote": 2,
                "quote_text": "would another competent person in the same situation",
                "text": """
                    The substitution test is powerful, and it works best when the people
                    asking it have done the job themselves. We include a peer from the same
                    profession in every review that touches on individual practice.
                """,
            },
            {
                "by": "moderator",
                "hours": 60,
                "text": """
                    A gentle reminder to everyone that this is a good discussion about
                    systems: please keep it that way and do not describe identifiable cases
                    or colleagues.
                """,
            },
        ],
    },
    {
        "forum": LEAD,
        "by": "topiclead",
        "title": "Learning from deaths: are structured judgement reviews worth the time?",
        "days_ago": 350,
        "views": 117,
        "text": """
            Each structured judgement review takes a trained reviewer about two hours. We
            complete a few dozen a quarter, and the board receives a table of scores. I am not
            convinced the scores change anything. The free text comments, on the other hand,
            are often brilliant and then go nowhere.

            How do other organisations turn mortality reviews into learning?
        """,
        "replies": [
            {
                "by": "niamh",
                "hours": 10,
                "text": """
                    We stopped reporting the score distribution to the board and started
                    reporting three themes a quarter, each with an owner. The reviews did not
                    change; what we did with them did.
                """,
            },
            {
                "by": "claire",
                "hours": 18,
                "text": """
                    We link the reviews to our incident response plan. When several reviews
                    point to the same issue, for example delayed recognition of sepsis on
                    admission, it becomes a candidate for a thematic review rather than
                    another set of individual actions.
                """,
            },
            {
                "by": "maria",
                "hours": 40,
                "text": """
                    Please ask the bereaved families. When my uncle died, nobody asked us if
                    we had concerns about his care. We had two, both small, and both would
                    have been easy to fix. A short, kind phone call from the team would have
                    meant a great deal.
                """,
            },
            {
                "by": "editor",
                "hours": 60,
                "quote": 4,
                "quote_text": "nobody asked us if we had concerns about his care",
                "text": """
                    Thank you for sharing that. Several members have written about medical
                    examiner conversations with families in the library. They show that these
                    calls surface concerns that a notes review alone never would.
                """,
            },
        ],
    },
    {
        "forum": PSHC,
        "by": "kofi",
        "title": "Medication errors at discharge: who checks against the admission list?",
        "days_ago": 410,
        "views": 141,
        "text": """
            In general practice we regularly receive discharge summaries where a medicine that
            was deliberately stopped in hospital has quietly reappeared, or a long-standing one
            has vanished without explanation. By the time the patient has run out of the old
            supply, nobody remembers which change was intended.

            In your hospital, who is responsible for checking the discharge prescription
            against the medicines the patient came in on?
        """,
        "replies": [
            {
                "by": "topiclead",
                "hours": 6,
                "text": """
                    In theory, the ward pharmacist. In practice, at weekends and after five,
                    discharge prescriptions are written by whoever is available and checked
                    when a pharmacist gets to them. We have started flagging every change
                    with a one-line reason, so "stopped" and "missed" look different.
                """,
            },
            {
                "by": "peter",
                "hours": 20,
                "text": """
                    As someone on eleven regular medicines: nobody ever tells me what changed
                    and why when I leave hospital. Last time I found out my water tablet had
                    been stopped when the pharmacy gave me a different bag. A simple list of
                    "new, changed, stopped" handed to me would prevent a lot of this.
                """,
            },
            {
                "by": "aisha",
                "hours": 30,
                "text": """
                    We tried a "medicines talk" before discharge for patients on five or more
                    medicines. It takes ten minutes, and it catches errors, because patients
                    notice when something they have taken for years is missing.
                """,
            },
            {
                "by": "kofi",
                "hours": 44,
                "quote": 3,
                "quote_text": "new, changed, stopped",
                "text": """
                    @peter that is exactly the format we would love to receive too. If the
                    patient gets the same list as the practice, we can have one conversation
                    instead of three.
                """,
            },
            {
                "by": "james",
                "hours": 90,
                "text": """
                    Reading this as a member of the public, I am surprised the list is not
                    automatic. Is it a software problem or a workload problem?
                """,
            },
            {
                "by": "kofi",
                "hours": 6,
                "text": """
                    Both, honestly. The systems do not talk to each other well, and the
                    person writing the prescription is often doing five other things.
                """,
            },
        ],
    },
    {
        "forum": COMM,
        "by": "kofi",
        "title": "Discharge letters that primary care can actually act on",
        "days_ago": 205,
        "views": 87,
        "text": """
            Commissioners are asking us what "good" looks like for discharge communication
            between hospitals and practices. From the practice side, my list:

            - the actions for the practice at the top, not buried on page three;
            - medicine changes with reasons;
            - who to contact with questions, with a number that is answered;
            - results still pending, and who will follow them up.

            What would you add, and has anyone written this into a contract?
        """,
        "replies": [
            {
                "by": "grace",
                "hours": 12,
                "text": """
                    Pending results are the one that worries me most. We see the same pattern
                    again and again: a test sent before discharge, a result nobody owns, and
                    a diagnosis made months later.
                """,
            },
            {
                "by": "editor",
                "hours": 30,
                "text": """
                    One integrated care board in the library measured the percentage of
                    letters with actions at the top, and fed it back to each specialty
                    monthly. It went from about a third to most letters within a year.
                """,
            },
            {
                "by": "peter",
                "hours": 50,
                "text": """
                    Please add: a copy to the patient, in plain language. I am the one who has
                    to make the appointment and pick up the prescription.
                """,
            },
        ],
    },
    {
        "forum": PE,
        "by": "maria",
        "title": "My dad fell in hospital: the questions I wish I had asked",
        "days_ago": 340,
        "views": 187,
        "text": """
            My father, who is in his eighties, fell on his second night in hospital. He was
            confused from an infection and tried to get to the toilet on his own. He recovered,
            but it shook all of us.

            Looking back, there were questions I did not know to ask on the first day. I would
            like to collect them here for other families. Mine:

            - Has his risk of falling been assessed, and what is the plan?
            - Can his bed be kept low, with his glasses and walking frame within reach?
            - Can we stay with him at night, or help with his evening routine?
        """,
        "replies": [
            {
                "by": "aisha",
                "hours": 5,
                "text": """
                    Thank you for turning a hard experience into something useful. I would add:
                    "Are any of his medicines likely to make him drowsy or dizzy?" and "Has his
                    blood pressure been checked lying and standing?". Both are part of a good
                    falls assessment and are easily missed.
                """,
            },
            {
                "by": "claire",
                "hours": 16,
                "text": """
                    And please tell staff what he is usually like. "He is normally sharp and
                    walks to the shop every day" changes how we see someone who is confused
                    and unsteady on admission.
                """,
            },
            {
                "by": "peter",
                "hours": 30,
                "text": """
                    "How will I know the plan is being followed at night?" is a fair question
                    too. Plans written on day one have a way of being forgotten by day four.
                """,
            },
            {
                "by": "niamh",
                "hours": 44,
                "quote": 1,
                "quote_text": "Can we stay with him at night",
                "text": """
                    Several hospitals here now have a "carers welcome" passport for exactly
                    this. Families who know the person best are an enormous help at night.
                """,
            },
            {
                "by": "james",
                "hours": 60,
                "text": """
                    My mother fell at home after discharge rather than in hospital. My
                    question would be: "What will be different at home, and who is checking
                    that the equipment has arrived?"
                """,
            },
            {
                "by": "maria",
                "hours": 80,
                "text": """
                    These are wonderful, thank you. I am turning them into a one-page list
                    with our charity, and I will share it in the library when it is ready.
                """,
            },
        ],
    },
    {
        "forum": PSHC,
        "by": "niamh",
        "title": "Lying and standing blood pressure: how do you make it happen every time?",
        "days_ago": 160,
        "views": 72,
        "text": """
            Our falls audit shows lying and standing blood pressure is recorded for under half
            of older inpatients within a day of admission. Everyone agrees it matters. It just
            does not happen. What has worked for you?
        """,
        "replies": [
            {
                "by": "aisha",
                "hours": 7,
                "text": """
                    We made it part of the admission observations set, with its own prompt,
                    instead of a separate falls form. Compliance went up within weeks. The
                    other trick was teaching healthcare assistants to do it, because they do
                    most of the observations anyway.
                """,
            },
            {
                "by": "li",
                "hours": 20,
                "text": """
                    Classic design question. If a task depends on someone remembering an
                    extra form, it will be missed under pressure. Building it into the thing
                    people already do is exactly right.
                """,
            },
        ],
    },
    {
        "forum": CULTURE,
        "by": "dev",
        "title": 'Speaking up in theatre: what helped you say "stop"?',
        "days_ago": 200,
        "views": 170,
        "text": """
            Last month a newly qualified colleague noticed the wrong side had been prepared,
            said nothing, and told me afterwards. We caught it at the time out, but she was
            shaken that she had frozen.

            I would love to collect what has helped people speak up, especially the junior
            people who have done it. What words, what moments, what made it possible?
        """,
        "replies": [
            {
                "by": "topiclead",
                "hours": 4,
                "text": """
                    As a consultant, the most useful thing I have done is say at every team
                    brief: "If you see anything that worries you, tell me. I will thank you
                    for it." It sounds trivial. Juniors tell me it changes everything.
                """,
            },
            {
                "by": "aisha",
                "hours": 12,
                "text": """
                    Agreed phrases help. We teach "I am concerned, I am uncomfortable, this is
                    a safety issue". People do not have to find the right words under
                    pressure; they just have to say the first one.
                """,
            },
            {
                "by": "editor",
                "anonymous": True,
                "hours": 26,
                "text": """
                    I froze once, years ago, and it still bothers me. What helped afterwards
                    was a senior colleague telling me she had frozen too, early in her career.
                    Please tell your junior colleague that.
                """,
            },
            {
                "by": "li",
                "hours": 40,
                "quote": 2,
                "quote_text": "I will thank you for it.",
                "text": """
                    Research on voice backs this up: an explicit invitation from the most
                    senior person in the room is one of the strongest predictors of whether
                    people speak. And the thanks afterwards matters as much as the
                    invitation.
                """,
            },
            {
                "by": "dev",
                "hours": 55,
                "text": """
                    Thank you. I shared these with her and with our theatre team, and
                    @topiclead your brief line is now on the whiteboard in every theatre.
                """,
            },
        ],
    },
    {
        "forum": COMM,
        "by": "li",
        "title": "Digital alert fatigue: how many pop-ups before people stop reading them?",
        "days_ago": 150,
        "views": 149,
        "text": """
            A question for anyone involved in electronic prescribing or patient record systems.
            We studied one medical ward for a week and counted the interruptive alerts that
            doctors and pharmacists saw: several hundred a day, with almost all overridden in
            under two seconds.

            Has anyone successfully reduced alert volume without losing the few that matter?
        """,
        "replies": [
            {
                "by": "kofi",
                "hours": 9,
                "text": """
                    In primary care we turned off a swathe of low-severity interaction alerts
                    after a clinical safety review, and kept the handful linked to real harm
                    as hard stops. Override rates for the remaining alerts dropped, and people
                    started reading them again.
                """,
            },
            {
                "by": "topiclead",
                "hours": 15,
                "text": """
                    The worst alerts are the ones that fire for everyone, every time. An
                    allergy alert for a documented intolerance, shown at every prescription,
                    teaches you to click through allergy alerts.
                """,
            },
            {
                "by": "aisha",
                "hours": 30,
                "text": """
                    Nurses have the same problem with observation and task alerts. Our
                    handheld devices buzz so often that people keep them in a drawer, which
                    defeats the purpose.
                """,
            },
            {
                "by": "editor",
                "hours": 50,
                "quote": 2,
                "quote_text": "kept the handful linked to real harm",
                "text": """
                    @kofi would you consider writing this up for the library as good
                    practice? The clinical safety review method would be useful to others.
                """,
            },
            {
                "by": "kofi",
                "hours": 24,
                "text": """
                    Happy to. I will draft it this month.
                """,
            },
        ],
    },
    {
        "forum": RES,
        "by": "hana",
        "title": "Measuring safety culture: are staff surveys telling us anything?",
        "days_ago": 230,
        "views": 66,
        "text": """
            We run a safety culture survey every eighteen months. Response rates are falling,
            and the results barely move. I am starting to wonder whether the survey measures
            culture or just survey fatigue. What else do people use?
        """,
        "replies": [
            {
                "by": "li",
                "hours": 10,
                "text": """
                    Surveys are useful for comparing units, less so for tracking change over
                    time. We pair them with short, structured conversations with teams about
                    the results. Those conversations are where the insight is.
                """,
            },
            {
                "by": "claire",
                "hours": 22,
                "text": """
                    We watch a few behavioural signals instead: how quickly incidents are
                    reported after they happen, the proportion of reports from doctors, and
                    how many reporters ask for feedback. They move faster than the survey.
                """,
            },
            {
                "by": "grace",
                "hours": 45,
                "text": """
                    Regulators value both, but the richest evidence is always staff telling us
                    in their own words what happens when things go wrong.
                """,
            },
        ],
    },
    {
        "forum": PROF,
        "by": "claire",
        "title": "Patient safety specialists: how much protected time do you really get?",
        "days_ago": 470,
        "views": 199,
        "text": """
            I am the named patient safety specialist for my organisation, on top of managing
            the patient safety team. In a good week I spend perhaps a day on the specialist
            role: system-wide improvement, training, working with partners. In a bad week,
            none.

            How is the role resourced elsewhere? Is anyone doing it full time?
        """,
        "replies": [
            {
                "by": "niamh",
                "hours": 14,
                "text": """
                    Different title here but a very similar story. The role works when it has
                    a job plan the board has signed off; otherwise incident management eats
                    everything.
                """,
            },
            {
                "by": "editor",
                "hours": 30,
                "text": """
                    Our organisation has two specialists, one clinical and one from a
                    governance background, and they split the work. It has helped, although
                    it took a year to convince the executive team.
                """,
            },
            {
                "by": "hana",
                "hours": 50,
                "text": """
                    Would a shared description of the role's core tasks help? If members
                    pooled their job plans, we could show what a realistic allocation looks
                    like.
                """,
            },
            {
                "by": "grace",
                "hours": 70,
                "quote": 1,
                "quote_text": "In a bad week, none.",
                "text": """
                    That line should be in front of every board. A role that exists on paper
                    but has no time attached is a risk in itself.
                """,
            },
        ],
    },
    {
        "forum": PROF,
        "by": "aisha",
        "title": "New ward managers: which patient safety training levels should they complete?",
        "days_ago": 95,
        "views": 55,
        "text": """
            I am helping design induction for new ward managers. The national patient safety
            syllabus has several levels, and I am not sure how far a ward manager should go.
            Level one for everyone, clearly. Beyond that?
        """,
        "replies": [
            {
                "by": "claire",
                "hours": 8,
                "text": """
                    We ask ward managers to complete the first two levels in their first six
                    months. Anyone leading learning responses then does the systems
                    approach training, which is where they learn to look beyond the
                    individual.
                """,
            },
            {
                "by": "li",
                "hours": 26,
                "text": """
                    And give them protected time to do it. Training completed at home at
                    midnight is not training, it is a tick box.
                """,
            },
        ],
    },
    {
        "forum": ORGS,
        "by": "james",
        "title": "How do regulators actually use what is shared on forums like this?",
        "days_ago": 180,
        "views": 77,
        "text": """
            A question from a member of the public. If patients and staff describe problems
            here, does any regulator read it? Or is it just us talking to each other?
        """,
        "replies": [
            {
                "by": "grace",
                "hours": 10,
                "text": """
                    Fair question. We do not monitor these forums, and we do not use posts as
                    evidence about particular services. But the themes that come up in places
                    like this do shape what we ask about on inspections. If you have a concern
                    about a specific service, please contact the regulator directly.
                """,
            },
            {
                "by": "editor",
                "hours": 20,
                "text": """
                    And the editors do read everything. Themes from the forums regularly
                    become library pieces, and some of those are read by national bodies.
                """,
            },
            {
                "by": "niamh",
                "hours": 40,
                "text": """
                    In Ireland our quality teams look at public forums when planning patient
                    engagement work. Talking to each other is not nothing, either.
                """,
            },
        ],
    },
    {
        "forum": ORGS,
        "by": "hana",
        "title": "International learning: what has travelled well between countries?",
        "days_ago": 320,
        "views": 69,
        "text": """
            Every country seems to reinvent the same solutions a few years apart. Which
            patient safety ideas have you seen travel well across borders, and which fell
            apart on arrival?
        """,
        "replies": [
            {
                "by": "niamh",
                "hours": 16,
                "text": """
                    Surgical safety checklists travelled well, because they were designed to
                    be adapted locally. Things that arrived as rigid national programmes, with
                    no room for local ownership, tended to fade.
                """,
            },
            {
                "by": "li",
                "hours": 30,
                "text": """
                    Open disclosure principles travel well. The legal context does not, so the
                    same idea can feel safe to staff in one country and frightening in
                    another.
                """,
            },
            {
                "by": "maria",
                "hours": 48,
                "text": """
                    From a family's point of view, the best import has been involving patients
                    and families in reviews. It was slow to arrive here, but it is spreading.
                """,
            },
        ],
    },
    {
        "forum": COVID,
        "by": "editor",
        "title": "Pandemic lessons we have quietly lost",
        "days_ago": 500,
        "views": 109,
        "text": """
            During the pandemic we did some things faster and better than ever: daily safety
            huddles across teams, virtual family visits, rapid sharing of what worked. Much of
            that has faded. What have you seen disappear that you wish had stayed?
        """,
        "replies": [
            {
                "by": "aisha",
                "hours": 9,
                "text": """
                    Cross-team huddles. For a while, every ward knew what every other ward was
                    struggling with. Now we are back to finding out from the incident system.
                """,
            },
            {
                "by": "hana",
                "hours": 22,
                "text": """
                    Permission to try things. Approval processes that took months were done in
                    days, with proper safety checks. Not everything needs to go back to the
                    old pace.
                """,
            },
            {
                "by": "peter",
                "hours": 40,
                "text": """
                    Video calls with my consultant. They saved me a two-hour round trip for a
                    five-minute conversation. Some clinics have stopped offering them.
                """,
            },
            {
                "by": "dev",
                "hours": 60,
                "text": """
                    The habit of saying "we do not know yet, and here is what we are doing to
                    find out". It made people trust the information they were given.
                """,
            },
        ],
    },
    {
        "forum": MISC,
        "by": "li",
        "title": "Books and podcasts on safety science: your recommendations",
        "days_ago": 90,
        "views": 139,
        "text": """
            I am putting together a reading list for a new human factors module and would love
            suggestions from outside academia. What has changed the way you think about safety?
            Books, podcasts, talks, anything.
        """,
        "replies": [
            {
                "by": "dev",
                "hours": 5,
                "text": """
                    Anything on aviation's crew resource management. It is not a perfect fit
                    for healthcare, but the ideas about authority gradients changed how I
                    behave in theatre.
                """,
            },
            {
                "by": "maria",
                "hours": 14,
                "text": """
                    Personal accounts written by families after harm. They are hard to read,
                    and they are the reason many of us are here.
                """,
            },
            {
                "by": "editor",
                "hours": 26,
                "text": """
                    The library has a "Frontline voices" series of short first-person pieces.
                    Good for teaching, because each one ends with what helped.
                """,
            },
            {
                "by": "hana",
                "hours": 38,
                "text": """
                    Anything on resilience engineering, the idea of studying why things
                    usually go right rather than only why they occasionally go wrong.
                """,
            },
            {
                "by": "claire",
                "hours": 50,
                "quote": 5,
                "quote_text": "why things usually go right",
                "text": """
                    Yes! And for a practical angle, look for work on "work as imagined versus
                    work as done". It is the most useful idea I brought back to my team.
                """,
            },
            {
                "by": "james",
                "hours": 72,
                "text": """
                    As a lay reader I enjoyed the popular science books on checklists and on
                    learning from failure in other industries. Easy to read on a train.
                """,
            },
        ],
    },
    {
        "forum": LEAD,
        "by": "grace",
        "title": "What should a board safety walkround actually achieve?",
        "days_ago": 120,
        "views": 82,
        "text": """
            Many boards do executive walkrounds. Some are excellent; some are a polite tour
            with tea. From the board side, the ward side and the patient side: what makes a
            walkround worth everyone's time?
        """,
        "replies": [
            {
                "by": "claire",
                "hours": 7,
                "text": """
                    The good ones ask one question: "What is the thing most likely to harm a
                    patient here this week?" Then they come back within a month and say what
                    they did about it.
                """,
            },
            {
                "by": "aisha",
                "hours": 18,
                "text": """
                    From the ward: please do not come at handover or drug round time, and
                    please talk to the healthcare assistants and domestic staff, not only the
                    nurse in charge. They see everything.
                """,
            },
            {
                "by": "maria",
                "hours": 36,
                "text": """
                    Talk to the patients and families too, away from the staff. We will tell
                    you things we would never put in a complaint.
                """,
            },
            {
                "by": "editor",
                "hours": 60,
                "quote": 2,
                "quote_text": "come back within a month",
                "text": """
                    Closing the loop is everything. A walkround that generates actions nobody
                    hears about again damages trust.
                """,
            },
        ],
    },
    {
        "forum": RES,
        "by": "editor",
        "title": "Using incident data for improvement: run charts or counting reports?",
        "days_ago": 60,
        "views": 47,
        "text": """
            Our board report still shows the number of incidents reported each month, in red
            if it goes up. I keep explaining that more reporting is usually a good sign. Has
            anyone persuaded their board to use statistical process control or run charts
            instead?
        """,
        "replies": [
            {
                "by": "hana",
                "hours": 8,
                "text": """
                    We moved to run charts of harm measures, with incident reporting shown
                    separately as a culture measure. The board needed a short teaching session
                    on reading them, and then they loved them.
                """,
            },
            {
                "by": "claire",
                "hours": 20,
                "text": """
                    Red for more reports is one of my pet hates. We label reporting rate as
                    "higher is usually better" right on the chart.
                """,
            },
            {
                "by": "li",
                "hours": 30,
                "text": """
                    Incident reports are a measure of what people notice and choose to report,
                    not of how much harm occurs. Keep saying it, @editor.
                """,
            },
        ],
    },
    {
        "forum": PE,
        "by": "safeguarding",
        "title": "Being open after harm: how soon should families hear from us?",
        "days_ago": 270,
        "views": 99,
        "text": """
            We are reviewing our being open and duty of candour guidance. The legal minimum
            is clear, but I want to hear from families and staff what "soon enough" feels
            like in practice, and what a good first conversation sounds like.
        """,
        "replies": [
            {
                "by": "maria",
                "hours": 12,
                "text": """
                    The same day, even if you know very little. "Something went wrong, we are
                    sorry, we are looking into it and here is who you can call" is enough for a
                    first conversation. Waiting until you have answers feels like hiding.
                """,
            },
            {
                "by": "peter",
                "hours": 26,
                "text": """
                    A named person, and one who does not change every week. I had four
                    different contacts in a month once.
                """,
            },
            {
                "by": "claire",
                "hours": 40,
                "text": """
                    From the staff side: the first conversation goes best when the clinician
                    involved is supported to be there, rather than leaving it to the patient
                    safety team. Families want to hear from the people who were there.
                """,
            },
            {
                "by": "niamh",
                "hours": 56,
                "quote": 2,
                "quote_text": "The same day, even if you know very little.",
                "text": """
                    Our open disclosure guidance says much the same, and staff were surprised
                    how much families valued the early call even without answers.
                """,
            },
        ],
    },
    {
        "forum": IPS,
        "by": "topiclead",
        "title": "Look-alike, sound-alike medicines: share your worst pairs",
        "days_ago": 30,
        "views": 60,
        "text": """
            Following the library article on designing out name confusion, I am collecting
            examples to take to our medicines safety group. Which look-alike or sound-alike
            pairs cause the most near misses where you work, and what actually helped?
        """,
        "replies": [
            {
                "by": "kofi",
                "hours": 6,
                "text": """
                    In primary care, two medicines whose names differ by a couple of letters
                    and sit next to each other in the prescribing drop-down. Showing the
                    indication next to each name helped more than any warning.
                """,
            },
            {
                "by": "aisha",
                "hours": 14,
                "text": """
                    Two strengths of the same injection in near-identical boxes, stored side
                    by side. We moved one to a different shelf, and the near misses stopped.
                """,
            },
            {
                "by": "dev",
                "hours": 28,
                "text": """
                    In theatres, syringe labelling. Pre-printed, colour-coded labels for every
                    drawn-up drug, without exception, made a real difference.
                """,
            },
        ],
    },
    {
        "forum": PE,
        "by": "peter",
        "title": "Should I get a copy of my discharge letter?",
        "days_ago": 75,
        "views": 50,
        "text": """
            I have been in hospital three times this year. Twice I was given a copy of the
            letter that went to my GP, and once I was not. Is there a rule about this? The
            letter is about me, after all.
        """,
        "replies": [
            {
                "by": "kofi",
                "hours": 9,
                "text": """
                    Guidance has long encouraged hospitals to copy letters to patients, and
                    many do it automatically now. If you did not get one, you can ask the ward
                    or the hospital's patient advice service. Your practice can also show you
                    the copy it received.
                """,
            },
            {
                "by": "james",
                "hours": 20,
                "text": """
                    I did not know this either. Is there an app that shows them?
                """,
            },
            {
                "by": "maria",
                "hours": 30,
                "quote": 1,
                "quote_text": "The letter is about me, after all.",
                "text": """
                    Exactly. Some hospitals now put letters in the patient app or portal as
                    well. Worth asking at your next appointment.
                """,
            },
        ],
    },
]
