"""The embedded demo's networks, written by us for the demo (loaded by hub.networks.demo).

Every network, discussion and resource here is invented. Nothing describes or could identify a
real patient: people are described only by role or by decade of age, and there are no names,
record numbers, dates of birth or addresses.

Text may be wrapped freely: the loader collapses runs of whitespace. Paragraphs are separated by
blank lines; a paragraph whose lines all start with "- " becomes a bulleted list.

Each network is a dict with these keys (optional ones in brackets):
    name, kind (open, request or private), purpose, leader (demo username), days_ago (when it
    was created), [listed: private networks only], [parent: the name of a network above it],
    [criteria], [question], [moderators], members, [pending], [declined], [invited], topics,
    resources.
members are (username, answer) pairs: how each joined follows the kind (an open network is
    joined, a by-request network is asked to join with the answer and approved by the leader,
    a private one is joined by accepting the leader's invitation; the answer is then unused).
pending are (username, answer) requests still waiting for a leader; declined are (username,
    answer, reason); invited are usernames with an invitation not yet answered.
topics are discussions in the network, shaped like hub.community.demo_content.TOPICS (without
    forum).
resources are library items for the network's members: kind, by (a member, not the leader:
    the leader publishes it), title, summary, text, categories [(area, category)], tags,
    audiences, setting, days_ago (when it was published).
"""

OPEN = "open"
BY_REQUEST = "request"
PRIVATE = "private"

# Who creates networks (network_create needs a site administrator or staff member).
CREATOR = "admin"

# Library areas, as in hub/taxonomy/data/taxonomy.json.
CULTURE = "Culture"
IPS = "Improving patient safety"
INV = "Investigations, risk management and legal issues"
LEAD = "Leadership for patient safety"
PE = "Patient engagement"
PSHC = "Patient safety in health and care"
PROF = "Professionalising patient safety"
HUMAN_FACTORS = "Human factors (improving human performance in care delivery)"

PSMN = "Patient Safety Management Network"

NETWORKS = [
    {
        "name": PSMN,
        "kind": BY_REQUEST,
        "leader": "claire",
        "moderators": ["niamh"],
        "days_ago": 520,
        "purpose": """
            A peer network for patient safety managers and everyone whose work is patient
            safety: incident response and learning, improvement, governance and supporting
            patients, families and staff after harm. We share plans, templates and honest
            accounts of what is and is not working, and we help each other through the hard
            weeks.
        """,
        "criteria": """
            Patient safety managers and specialists, and anyone working in patient safety in
            any care setting: incident response, learning reviews, risk and governance,
            improvement, education, or patient safety partnership.
        """,
        "question": "What is your role in patient safety?",
        "members": [
            (
                "niamh",
                """Quality and patient safety lead for a regional health service. I run our
                learning review programme and our open disclosure training.""",
            ),
            (
                "editor",
                """Patient safety editor for the hub and a former governance lead. I commission
                learning and review what members share.""",
            ),
            (
                "kofi",
                """Practice pharmacist and medicines safety lead for our primary care network.
                I review medicines incidents and run our prescribing safety audits.""",
            ),
            (
                "li",
                """Human factors researcher. I support trusts with systems-based learning
                reviews and teach the systems approach.""",
            ),
            (
                "hana",
                """Improvement adviser working with district patient safety teams on
                measurement and consumer partnership.""",
            ),
            (
                "grace",
                """Inspector with a national regulator, with a special interest in how
                services learn from incidents.""",
            ),
            (
                "topiclead",
                """Consultant anaesthetist and the hub's topic lead for medication safety. I
                lead learning reviews in our perioperative directorate.""",
            ),
            (
                "aisha",
                """Ward sister in acute medicine and a trained learning response lead for our
                division.""",
            ),
        ],
        "pending": [
            (
                "dev",
                """Theatre practitioner. I have just been asked to lead after action reviews
                for our theatres and would value learning from people who do this every
                day.""",
            ),
            (
                "safeguarding",
                """Safeguarding lead at an integrated care board. Many of our reviews overlap
                with patient safety, and I would like to work more closely with the patient
                safety teams.""",
            ),
        ],
        "topics": [
            {
                "by": "claire",
                "title": "Introduce yourself: your role and where you are with PSIRF",
                "days_ago": 515,
                "text": """
                    Welcome to the network! Please say hello: your role, your kind of
                    organisation, and one thing about your incident response plan that is
                    going well or keeping you up at night. I will start: patient safety
                    manager at a community trust, eight months into our plan, and still
                    untangling how community teams report incidents that happen in people's
                    homes.
                """,
                "replies": [
                    {
                        "by": "niamh",
                        "hours": 5,
                        "text": """
                            Hello all. Quality and patient safety lead across the water. We
                            have a different framework but the same questions: proportionate
                            responses, and involving families early.
                        """,
                    },
                    {
                        "by": "kofi",
                        "hours": 20,
                        "text": """
                            Practice pharmacist. Primary care is new to all this. Our biggest
                            win has been a monthly medicines safety huddle across six
                            practices.
                        """,
                    },
                    {
                        "by": "hana",
                        "hours": 26,
                        "text": """
                            Improvement adviser in New Zealand, here to learn and to share
                            measurement ideas. Keeping me up at night: how to show a board
                            that learning is happening without counting reports.
                        """,
                    },
                    {
                        "by": "aisha",
                        "hours": 40,
                        "text": """
                            Ward sister and newly trained learning response lead. Going well:
                            swarm huddles on our ward. Keeping me up at night: finding the
                            time to do them properly.
                        """,
                    },
                    {
                        "by": "topiclead",
                        "hours": 60,
                        "text": """
                            Anaesthetist and medication safety topic lead. Happy to help
                            anyone looking at perioperative medicines incidents.
                        """,
                    },
                ],
            },
            {
                "by": "niamh",
                "title": "Sharing incident response plans: templates welcome",
                "days_ago": 420,
                "text": """
                    Several of us are revising our plans for the second year. If you are
                    willing to share yours, or just the structure, please add it to the
                    network's resources. I have uploaded a one-page summary of ours.
                """,
                "replies": [
                    {
                        "by": "claire",
                        "hours": 8,
                        "text": """
                            Thank you! Ours is on its second version too. The biggest change:
                            fewer national priorities copied in, more local ones based on our
                            own incident themes.
                        """,
                    },
                    {
                        "by": "editor",
                        "hours": 30,
                        "quote": 2,
                        "quote_text": "more local ones based on our own incident themes",
                        "text": """
                            That is the direction I see in most second-year plans. I have
                            added a short terms of reference for an oversight meeting to the
                            resources, in case it helps.
                        """,
                    },
                    {
                        "by": "li",
                        "hours": 50,
                        "text": """
                            Could we agree a common way of describing the system factors in
                            our plans? It would make comparing themes across organisations
                            much easier.
                        """,
                    },
                ],
            },
            {
                "by": "claire",
                "title": "Thematic reviews: how many can one team realistically carry?",
                "days_ago": 210,
                "text": """
                    Our plan commits us to four thematic reviews a year. Halfway through, we
                    have finished one and started two. Honest numbers please: how many do
                    your teams complete, and with how many people?
                """,
                "replies": [
                    {
                        "by": "hana",
                        "hours": 10,
                        "text": """
                            Two a year, done well, with a named improvement lead for each.
                            We tried four and they became literature reviews with no
                            change attached.
                        """,
                    },
                    {
                        "by": "grace",
                        "hours": 26,
                        "text": """
                            From the regulator's side, two thematic reviews that lead to
                            measurable change are far more convincing than four that end in
                            a report.
                        """,
                    },
                    {
                        "by": "niamh",
                        "hours": 40,
                        "quote": 2,
                        "quote_text": "a named improvement lead for each",
                        "text": """
                            Agreed. @claire it might be worth revising the plan mid-year.
                            Boards usually respect a reasoned change more than a missed
                            target.
                        """,
                    },
                ],
            },
            {
                "by": "aisha",
                "title": "Who looks after the people who lead learning reviews?",
                "days_ago": 75,
                "text": """
                    After my third review in a month, all involving harm, I realised nobody
                    had asked how I was. The staff involved are rightly offered support.
                    What about the reviewers?
                """,
                "replies": [
                    {
                        "by": "claire",
                        "hours": 4,
                        "text": """
                            Thank you for raising this, and I am sorry nobody asked. We now
                            offer reviewers a debrief with a psychologist after any review
                            involving a death or severe harm, and we limit how many each
                            person leads in a quarter.
                        """,
                    },
                    {
                        "by": "li",
                        "hours": 20,
                        "text": """
                            Reviewers absorb a lot of other people's distress. Peer
                            supervision, even an hour a month in a small group, helps.
                        """,
                    },
                    {
                        "by": "topiclead",
                        "hours": 36,
                        "text": """
                            We pair new reviewers with an experienced one for their first
                            three reviews. It spreads the load and the learning.
                        """,
                    },
                ],
            },
        ],
        "resources": [
            {
                "kind": "article",
                "by": "niamh",
                "title": "An incident response plan on a page: a template from the network",
                "summary": """A one-page structure for a patient safety incident response plan,
                    shared by members so that plans are easier to read and compare.""",
                "text": """
                    Many plans run to thirty pages and are read by very few people. This
                    template fits the essentials on one page, with the detail kept in an
                    appendix.

                    - Our safety profile: the three to five themes our own data shows.
                    - Our responses: which kinds of incident get which response, and who
                      decides.
                    - Involving people: how patients, families and staff are involved in
                      every response.
                    - Oversight: how we check responses lead to change.
                    - Next review: when and how we will update the plan.

                    Members are welcome to adapt it. Please share your version back in the
                    network's discussions.
                """,
                "categories": [(INV, "Investigations and complaints"), (PROF, None)],
                "tags": ["PSIRF", "incident response plan", "template"],
                "audiences": ["safety_leads"],
                "setting": "any",
                "days_ago": 410,
            },
            {
                "kind": "article",
                "by": "editor",
                "title": "Oversight meetings under PSIRF: sample terms of reference",
                "summary": """Sample terms of reference for a meeting that oversees learning
                    responses, focused on learning and improvement rather than on closing
                    cases.""",
                "text": """
                    An oversight meeting works best when its purpose is learning, not
                    sign-off. These sample terms of reference are written for a monthly
                    meeting chaired by a senior clinician.

                    Purpose: to make sure each learning response is proportionate, involves
                    the people affected and leads to improvement.

                    - Membership: the patient safety specialist, a patient safety partner,
                      clinical leads from each division and a human factors adviser.
                    - Standing items: responses started and finished, support offered to
                      families and staff, safety actions due and overdue, themes emerging.
                    - Questions the meeting asks: was the response proportionate? Were the
                      people affected involved? Are the actions system changes, not
                      reminders?

                    The meeting does not apportion blame or discuss individual performance.
                """,
                "categories": [(INV, "Investigations and complaints"), (LEAD, "Techniques")],
                "tags": ["PSIRF", "oversight", "governance"],
                "audiences": ["safety_leads", "leaders"],
                "setting": "any",
                "days_ago": 400,
            },
        ],
    },
    {
        "name": "PSMN Education and Training",
        "kind": OPEN,
        "parent": PSMN,
        "leader": "niamh",
        "days_ago": 300,
        "purpose": """
            The Patient Safety Management Network's space for education: session plans,
            teaching cases (always fictional), training needs analyses and how to make time
            for learning in busy services.
        """,
        "members": [("claire", ""), ("aisha", ""), ("li", ""), ("hana", ""), ("editor", "")],
        "topics": [
            {
                "by": "niamh",
                "title": "Systems approach training: who delivers yours, and how long is it?",
                "days_ago": 290,
                "text": """
                    We are planning systems approach training for everyone who will lead
                    learning responses. Options range from two hours online to two full days
                    in person. What did you choose, and would you choose it again?
                """,
                "replies": [
                    {
                        "by": "li",
                        "hours": 6,
                        "text": """
                            We teach two half days, a fortnight apart, with a real (but
                            anonymised) review to practise on in between. The gap is where
                            the learning sticks.
                        """,
                    },
                    {
                        "by": "claire",
                        "hours": 20,
                        "text": """
                            Two days in person for leads, a short online module for everyone
                            else. Would choose it again, but I would add a refresher after
                            six months.
                        """,
                    },
                ],
            },
            {
                "by": "li",
                "title": "A shared bank of teaching cases (fictional ones, please)",
                "days_ago": 140,
                "text": """
                    Shall we build a bank of fictional teaching cases? Real cases, even
                    anonymised, can be recognised by the people involved. I will start with
                    a medicines delay on a night shift, written from scratch.
                """,
                "replies": [
                    {
                        "by": "hana",
                        "hours": 10,
                        "text": """
                            Yes please. I can write one about a missed test result in primary
                            care, with prompts for facilitators.
                        """,
                    },
                    {
                        "by": "aisha",
                        "hours": 30,
                        "text": """
                            I will write one about a deteriorating patient at handover. Happy
                            for @li to edit it into shape.
                        """,
                    },
                ],
            },
        ],
        "resources": [
            {
                "kind": "article",
                "by": "li",
                "title": "Teaching the systems approach in ninety minutes: a session plan",
                "summary": """A session plan for introducing the systems approach to learning
                    from incidents, built around one fictional case.""",
                "text": """
                    This plan introduces the systems approach to a mixed group of up to
                    twenty people in ninety minutes.

                    - Ten minutes: why "human error" is where an inquiry starts, not where it
                      ends.
                    - Twenty minutes: a fictional case, read in small groups.
                    - Thirty minutes: mapping the work system around the case: people,
                      tasks, tools, organisation and environment.
                    - Twenty minutes: from factors to actions, and why stronger actions
                      change the system rather than the person.
                    - Ten minutes: what each participant will do differently next week.

                    The fictional case and facilitator notes are in the appendix. Please do
                    not replace them with a real case.
                """,
                "categories": [(IPS, HUMAN_FACTORS), (PROF, None)],
                "tags": ["education", "systems approach", "session plan"],
                "audiences": ["safety_leads", "staff"],
                "setting": "any",
                "days_ago": 250,
            },
        ],
    },
    {
        "name": "Patient Safety Partners Network",
        "kind": BY_REQUEST,
        "leader": "maria",
        "days_ago": 330,
        "purpose": """
            A space for Patient Safety Partners to support each other: sharing how the role
            works in different organisations, preparing for committees, and speaking up for
            the patient perspective with confidence.
        """,
        "criteria": """
            Only Patient Safety Partners may join: patients, carers and members of the public
            appointed to the role by a health or care organisation.
        """,
        "question": "Which organisation appointed you as a Patient Safety Partner?",
        "members": [
            (
                "peter",
                """My local hospital trust appointed me last spring. I sit on its medicines
                safety group and its patient safety oversight meeting.""",
            ),
        ],
        "pending": [
            (
                "hana",
                """I am a consumer representative on our district's patient safety committee
                in New Zealand, which is our equivalent of the role.""",
            ),
        ],
        "declined": [
            (
                "james",
                """I am not a partner yet, but I am interested in becoming one and would like
                to learn how it works.""",
                """Thank you for your interest. This network is only for people already
                appointed as Patient Safety Partners, so we cannot approve your request. The
                Patient engagement forum is open to everyone, and you are very welcome to ask
                again once you are appointed.""",
            ),
        ],
        "topics": [
            {
                "by": "peter",
                "title": "Keeping our independence on committees",
                "days_ago": 300,
                "text": """
                    Six months in, I notice I am starting to think like staff: I understand
                    why things are hard and I ask fewer awkward questions. How do others keep
                    a fresh patient view?
                """,
                "replies": [
                    {
                        "by": "maria",
                        "hours": 12,
                        "text": """
                            Such an important question. I keep a short list of the questions
                            families asked me that month and make sure at least one gets
                            asked at every meeting. Meeting other partners here helps too.
                        """,
                    },
                    {
                        "by": "peter",
                        "hours": 30,
                        "quote": 2,
                        "quote_text": "a short list of the questions families asked me",
                        "text": """
                            I am stealing that. Thank you.
                        """,
                    },
                ],
            },
            {
                "by": "maria",
                "title": "Payment and expenses: what is fair, and what do you receive?",
                "days_ago": 120,
                "text": """
                    Partners are paid very differently from one organisation to the next, and
                    some are not paid at all. If you are comfortable sharing, how are you
                    paid, and how long do expenses take?
                """,
                "replies": [
                    {
                        "by": "peter",
                        "hours": 20,
                        "text": """
                            An hourly rate for meetings and preparation, paid monthly.
                            Expenses took three months at first, but a named contact in
                            finance sorted it.
                        """,
                    },
                ],
            },
        ],
        "resources": [
            {
                "kind": "article",
                "by": "peter",
                "title": "Questions to ask at your first committee meeting",
                "summary": """Questions that new Patient Safety Partners have found useful in
                    their first committee meetings, collected by members of the network.""",
                "text": """
                    Your first committee can feel like walking into a conversation that
                    started years ago. These questions help.

                    - What decision is this paper asking us to make?
                    - Who has been involved in writing it, and were patients or families
                      among them?
                    - What would a patient notice if this worked?
                    - How will we know, and when will we hear back?
                    - Is there anything here that the people affected have not been told?

                    It is fine to ask for acronyms to be explained. Others in the room are
                    often wondering too.
                """,
                "categories": [(PE, "Patient Safety Partners")],
                "tags": ["Patient Safety Partners", "committees"],
                "audiences": ["patients_public"],
                "setting": "any",
                "days_ago": 280,
            },
        ],
    },
    {
        "name": "Medicines Safety Officers",
        "kind": PRIVATE,
        "listed": True,
        "leader": "kofi",
        "days_ago": 450,
        "purpose": """
            A private network for medicines safety officers and the pharmacists, doctors and
            nurses who work with them, to share medication incident themes, audits and
            safer prescribing work in confidence.
        """,
        "criteria": """
            By invitation: medicines safety officers and people leading medication safety
            work in their organisation.
        """,
        "members": [("topiclead", ""), ("niamh", ""), ("claire", "")],
        "invited": ["aisha"],
        "topics": [
            {
                "by": "kofi",
                "title": "Time-critical medicines: what does your missed-dose audit show?",
                "days_ago": 380,
                "text": """
                    We audited one week of doses of Parkinson's medicines, insulin and
                    anticoagulants across three wards. Around one dose in ten was given more
                    than an hour late, mostly around shift changes and ward moves. How do
                    your figures compare?
                """,
                "replies": [
                    {
                        "by": "topiclead",
                        "hours": 8,
                        "text": """
                            Similar. Our worst moments are transfers from the emergency
                            department: the medicines are prescribed, but not yet on the
                            new ward.
                        """,
                    },
                    {
                        "by": "niamh",
                        "hours": 20,
                        "quote": 2,
                        "quote_text": "transfers from the emergency department",
                        "text": """
                            Same here. A simple "time-critical medicines due in the next two
                            hours" line on the transfer checklist helped.
                        """,
                    },
                ],
            },
            {
                "by": "topiclead",
                "title": "Look-alike packaging: reporting to manufacturers",
                "days_ago": 160,
                "text": """
                    Has anyone had success asking a manufacturer to change packaging after
                    repeated near misses? We have reported two strengths of the same
                    injection with near-identical boxes.
                """,
                "replies": [
                    {
                        "by": "kofi",
                        "hours": 12,
                        "text": """
                            Report it through the national medicines reporting scheme as
                            well as to the manufacturer. Several reports from different
                            organisations carry far more weight than one.
                        """,
                    },
                    {
                        "by": "claire",
                        "hours": 30,
                        "text": """
                            We can add it to our reports too, if members share the product
                            details here.
                        """,
                    },
                ],
            },
            {
                "by": "niamh",
                "title": "Ideas for an insulin safety week",
                "days_ago": 45,
                "text": """
                    We are planning an insulin safety week for the spring. Last year's
                    posters were ignored. What has caught staff attention where you work?
                """,
                "replies": [
                    {
                        "by": "kofi",
                        "hours": 9,
                        "text": """
                            A five-minute quiz at each ward huddle, with the answers
                            discussed on the spot. Also a stall where people could try the
                            different pens.
                        """,
                    },
                    {
                        "by": "topiclead",
                        "hours": 26,
                        "text": """
                            Sharing two short, fictional near-miss stories, told by a nurse
                            and a doctor, worked better than any poster.
                        """,
                    },
                ],
            },
        ],
        "resources": [
            {
                "kind": "article",
                "by": "topiclead",
                "title": "Missed doses of time-critical medicines: a one-week audit tool",
                "summary": """A simple audit tool for measuring delayed and missed doses of
                    time-critical medicines on a ward over one week.""",
                "text": """
                    This tool measures how often time-critical doses are given late or
                    missed, and why.

                    - Choose the medicines: the network's shared list is a good start.
                    - For one week, record each scheduled dose, the time given and, if late,
                      the reason in a few words.
                    - Count doses more than an hour late, and group the reasons: supply,
                      transfer, patient away, not known.
                    - Share the results with the ward team within a fortnight.

                    The tool records no patient details: only the medicine, the scheduled
                    time and the time given.
                """,
                "categories": [(PSHC, "Medication"), (IPS, "Clinical governance and audits")],
                "tags": ["time-critical medicines", "audit", "missed doses"],
                "audiences": ["staff", "safety_leads"],
                "setting": "acute",
                "days_ago": 370,
            },
            {
                "kind": "blog",
                "by": "niamh",
                "title": "Safer insulin prescribing: five checks for every ward",
                "summary": """Five checks that medicines safety officers in the network use when
                    visiting wards to talk about insulin safety.""",
                "text": """
                    When I visit a ward to talk about insulin, I look for five things.

                    - Is the word "units" written in full, every time?
                    - Can staff find the insulin prescribing guidance in under a minute?
                    - Do patients who manage their own insulin at home get to keep doing so
                      where safe?
                    - Is there a plan for doses when a patient is nil by mouth?
                    - Are hypoglycaemia kits complete and in date?

                    None of these is new. Looking for them together, in conversation with
                    the team, turns them into a discussion rather than an inspection.
                """,
                "categories": [(PSHC, "Medication")],
                "tags": ["insulin", "medication safety"],
                "audiences": ["staff"],
                "setting": "acute",
                "days_ago": 40,
            },
        ],
    },
    {
        "name": "Board Safety Champions",
        "kind": PRIVATE,
        "listed": False,
        "leader": "grace",
        "days_ago": 260,
        "purpose": """
            A confidential space for board members and senior leaders who champion patient
            safety, to prepare for board discussions and share how they hold their
            organisations to account for learning.
        """,
        "criteria": "By invitation: board-level safety champions and their advisers.",
        "members": [("claire", ""), ("editor", ""), ("safeguarding", "")],
        "topics": [
            {
                "by": "grace",
                "title": "What should the safety champion's quarterly board report contain?",
                "days_ago": 240,
                "text": """
                    Many champions' reports are lists of visits. What would you want a board
                    to read each quarter to know whether the organisation is learning?
                """,
                "replies": [
                    {
                        "by": "claire",
                        "hours": 10,
                        "text": """
                            Three things: what we heard from staff and patients, what changed
                            as a result, and what we are still worried about. One page.
                        """,
                    },
                    {
                        "by": "editor",
                        "hours": 28,
                        "quote": 2,
                        "quote_text": "what we are still worried about",
                        "text": """
                            That last heading is the one most reports leave out, and the one
                            boards most need.
                        """,
                    },
                ],
            },
            {
                "by": "editor",
                "title": "Safety champion visits: how to hear what staff really think",
                "days_ago": 100,
                "text": """
                    When a board member visits, staff tend to say what they think the board
                    wants to hear. What helps people speak freely?
                """,
                "replies": [
                    {
                        "by": "safeguarding",
                        "hours": 14,
                        "text": """
                            Visit without the senior manager, at an unusual time, and ask
                            about a specific recent shift rather than "how are things?".
                        """,
                    },
                    {
                        "by": "grace",
                        "hours": 30,
                        "text": """
                            And report back what you did about it. People speak freely the
                            second time when the first time led to something.
                        """,
                    },
                ],
            },
        ],
        "resources": [
            {
                "kind": "article",
                "by": "claire",
                "title": "A board safety champion's first hundred days",
                "summary": """Practical suggestions for a newly appointed board safety champion,
                    written by members of the network.""",
                "text": """
                    The first hundred days set the tone. Suggestions from champions who have
                    been there:

                    - Meet the patient safety team and the patient safety partners before
                      reading a single report.
                    - Visit a ward, a community team and a night shift in your first month.
                    - Read three recent learning responses in full, including the family's
                      involvement.
                    - Agree with the chair how safety concerns reach the board between
                      meetings.
                    - Write your first quarterly report with three headings: what we heard,
                      what changed, what still worries us.
                """,
                "categories": [(LEAD, "Boards")],
                "tags": ["boards", "safety champions"],
                "audiences": ["leaders"],
                "setting": "any",
                "days_ago": 200,
            },
        ],
    },
    {
        "name": "Human Factors Community of Practice",
        "kind": OPEN,
        "leader": "li",
        "days_ago": 480,
        "purpose": """
            For anyone applying human factors and ergonomics in health and care: designers,
            clinicians, researchers and patients. We share examples of work as done, design
            fixes that worked, and questions about methods.
        """,
        "members": [
            ("topiclead", ""),
            ("dev", ""),
            ("aisha", ""),
            ("hana", ""),
            ("niamh", ""),
            ("editor", ""),
        ],
        "topics": [
            {
                "by": "li",
                "title": "Work as imagined versus work as done: share an example",
                "days_ago": 470,
                "text": """
                    To get us started: share one example where the procedure says one thing
                    and the work, for good reasons, goes differently. No blame, just
                    curiosity.
                """,
                "replies": [
                    {
                        "by": "dev",
                        "hours": 6,
                        "text": """
                            Instrument counts. The procedure assumes an uninterrupted count;
                            in reality we are interrupted several times per count, so we have
                            developed our own ways of marking where we were.
                        """,
                    },
                    {
                        "by": "aisha",
                        "hours": 18,
                        "text": """
                            Observation rounds. The policy imagines four-hourly rounds at
                            set times. The reality is a rolling round fitted around
                            admissions, meals and doctors' rounds.
                        """,
                    },
                    {
                        "by": "hana",
                        "hours": 40,
                        "quote": 2,
                        "quote_text": "our own ways of marking where we were",
                        "text": """
                            These local adaptations are exactly what a learning review should
                            look for. Often they are the reason things usually go right.
                        """,
                    },
                ],
            },
            {
                "by": "aisha",
                "title": "Rest facilities on night shifts: what do you have?",
                "days_ago": 190,
                "text": """
                    We have a chair in the corner of the staff room, next to the microwave.
                    Fatigue is a patient safety issue. What do you have, and how did you get
                    it?
                """,
                "replies": [
                    {
                        "by": "topiclead",
                        "hours": 9,
                        "text": """
                            Anaesthetists negotiated a rest room with reclining chairs after
                            a fatigue survey. The data persuaded the executive team where
                            stories had not.
                        """,
                    },
                    {
                        "by": "li",
                        "hours": 20,
                        "text": """
                            A short fatigue survey is a good lever. Ask about near misses on
                            the drive home too: that usually gets attention.
                        """,
                    },
                    {
                        "by": "dev",
                        "hours": 34,
                        "text": """
                            We have a rest room now, but nobody has time to use it. Protected
                            breaks matter as much as the room.
                        """,
                    },
                ],
            },
            {
                "by": "topiclead",
                "title": "Simulating a new process before launch",
                "days_ago": 55,
                "text": """
                    We are introducing a new emergency drug box. Before launch we plan to
                    run it through simulation in the real environment. Any tips on what to
                    look for?
                """,
                "replies": [
                    {
                        "by": "li",
                        "hours": 8,
                        "text": """
                            Watch where people hesitate and where they improvise. Record the
                            questions they ask: each one is a design problem to fix before
                            launch.
                        """,
                    },
                    {
                        "by": "niamh",
                        "hours": 22,
                        "text": """
                            Include night staff and agency staff in the simulations, not just
                            the enthusiasts.
                        """,
                    },
                ],
            },
        ],
        "resources": [
            {
                "kind": "article",
                "by": "hana",
                "title": "A plain guide to the SEIPS model for ward teams",
                "summary": """The Systems Engineering Initiative for Patient Safety model,
                    explained in plain words for ward teams doing their first learning
                    review.""",
                "text": """
                    SEIPS is a way of looking at the whole work system around an event
                    instead of the last person to touch it. It asks about six parts.

                    - Person: skills, experience, fatigue, health.
                    - Tasks: complexity, interruptions, workload.
                    - Tools and technology: equipment and IT, and how they are designed.
                    - Organisation: staffing, rotas, policies, culture.
                    - Internal environment: layout, lighting, noise, space.
                    - External environment: regulation, funding, demand.

                    The parts interact. A learning review that finds factors in only one
                    part has probably stopped looking too soon.
                """,
                "categories": [(IPS, HUMAN_FACTORS)],
                "tags": ["SEIPS", "human factors", "learning reviews"],
                "audiences": ["staff"],
                "setting": "any",
                "days_ago": 430,
            },
            {
                "kind": "blog",
                "by": "aisha",
                "title": "Designing out interruptions during medicine rounds",
                "summary": """What one ward changed to cut interruptions during medicine rounds,
                    and what it learned along the way.""",
                "text": """
                    We counted interruptions during morning medicine rounds for a week: more
                    than one every three minutes. Tabards saying "please do not disturb" were
                    ignored within days.

                    What worked was changing the work rather than asking people to behave
                    differently: a second nurse answering call bells and phones during the
                    round, and the round moved away from the time relatives ring for news.

                    Interruptions halved. The tabards went in a cupboard.
                """,
                "categories": [(IPS, HUMAN_FACTORS), (PSHC, "Medication")],
                "tags": ["interruptions", "medicine rounds", "human factors"],
                "audiences": ["staff"],
                "setting": "acute",
                "days_ago": 150,
            },
        ],
    },
    {
        "name": "Frontline Voices",
        "kind": OPEN,
        "leader": "aisha",
        "days_ago": 360,
        "purpose": """
            An open, friendly space for people who deliver and receive care every day to
            share what it is really like: small wins, hard shifts and ideas worth trying.
        """,
        "members": [
            ("dev", ""),
            ("kofi", ""),
            ("maria", ""),
            ("peter", ""),
            ("james", ""),
        ],
        "topics": [
            {
                "by": "aisha",
                "title": "Small wins this week",
                "days_ago": 20,
                "text": """
                    Let us share something that went right this week, however small. Mine:
                    a new starter spoke up at handover about a patient she was worried
                    about, and she was right.
                """,
                "replies": [
                    {
                        "by": "dev",
                        "hours": 5,
                        "text": """
                            Our team brief started on time every day this week. Sounds small,
                            feels huge.
                        """,
                    },
                    {
                        "by": "kofi",
                        "hours": 16,
                        "text": """
                            A patient brought in every one of his medicines in a bag for his
                            review, and we stopped three he no longer needed.
                        """,
                    },
                    {
                        "by": "maria",
                        "hours": 30,
                        "text": """
                            A nurse asked my father what he likes to be called. It made his
                            whole day.
                        """,
                    },
                ],
            },
            {
                "by": "kofi",
                "title": "What I wish managers knew about a day in general practice",
                "days_ago": 110,
                "text": """
                    Reading the forums, I realise how little hospital colleagues and
                    managers see of practice work. Mine: every discharge letter is a piece of
                    work with a deadline nobody sees. What do you wish people knew about your
                    day?
                """,
                "replies": [
                    {
                        "by": "dev",
                        "hours": 10,
                        "text": """
                            That a theatre list running late is a safety issue, not just an
                            efficiency one: it is when shortcuts creep in.
                        """,
                    },
                    {
                        "by": "peter",
                        "hours": 24,
                        "text": """
                            From the patient side: I wish people knew how many hours managing
                            my own care takes. Phone calls, chasing letters, collecting
                            prescriptions.
                        """,
                    },
                    {
                        "by": "james",
                        "hours": 40,
                        "quote": 3,
                        "quote_text": "how many hours managing my own care takes",
                        "text": """
                            That is an eye-opener. It is invisible work, like the letters
                            @kofi describes.
                        """,
                    },
                ],
            },
        ],
        "resources": [
            {
                "kind": "blog",
                "by": "dev",
                "title": "Five minutes at the start of a shift: a team check-in that stuck",
                "summary": """How a theatre team made a five-minute check-in at the start of each
                    shift a habit, and why it lasted when other ideas faded.""",
                "text": """
                    Every team has tried a start-of-shift huddle that faded after a month.
                    Ours has lasted two years. Three things made the difference.

                    - It is five minutes, standing up, every day, whoever is in charge.
                    - Everyone answers one question: "Is there anything today that worries
                      you?"
                    - Whatever is raised gets an owner before the huddle ends.

                    The huddle has caught missing equipment, a list that could not finish
                    safely and a colleague who was unwell. Above all, it made speaking up
                    normal.
                """,
                "categories": [(CULTURE, "Safety culture programmes"), (IPS, HUMAN_FACTORS)],
                "tags": ["huddles", "teamwork", "speaking up"],
                "audiences": ["staff"],
                "setting": "acute",
                "days_ago": 90,
            },
        ],
    },
]
