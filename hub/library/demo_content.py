"""The embedded demo's library, written by us for the demo (loaded by hub.library.demo).

Every item, comment and organisation here is invented. Nothing describes or could identify a real
patient: people are described only by role or by decade of age ("a man in his seventies"), and
there are no names, record numbers, dates of birth or addresses.

Text fields may be wrapped freely: the loader collapses runs of whitespace to single spaces.

Each item is a dict with these keys (optional ones in brackets):
    kind, owner (demo username), title, summary, body (simple HTML), categories
    [(area, category or None for the area itself)], tags, audiences, setting, country, region,
    days_ago (when it was published), views, [featured], [series], [anonymous],
    [state: published (default), submitted, returned or draft], [return_note],
    [gp: the six good practice fields], [learning_response], [factors: SEIPS factors by short
    name], [aar: the four after action review answers], [actions: (description, owner role,
    measure, due in days from today, strength, status)].
"""

PUBLISHED = "published"
SUBMITTED = "submitted"
RETURNED = "returned"
DRAFT = "draft"

# Library areas, as in hub/taxonomy/data/taxonomy.json.
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
HUMAN_FACTORS = "Human factors (improving human performance in care delivery)"

SERIES = {
    "frontline": (
        "Frontline voices",
        "Nurses, pharmacists, doctors and theatre staff describe, in their own words, what it is "
        "like when care goes wrong and what helped them and their teams learn.",
    ),
    "psirf": (
        "PSIRF in practice",
        "How teams are moving to the Patient Safety Incident Response Framework: what they tried, "
        "what worked and what they would do differently.",
    ),
}

ARTICLES = [
    {
        "kind": "article",
        "owner": "li",
        "title": "Why deterioration is missed at night: a human factors view",
        "summary": """Night shifts concentrate the conditions that make early warning scores easy
            to record and hard to act on. This article looks at the work system rather than the
            individual, and suggests where to intervene.""",
        "body": """
            <p>Most reviews of missed deterioration end with a familiar sentence: the early
            warning score was recorded but not escalated. It is tempting to read that as a
            failure of vigilance. Seen through a human factors lens, it is better understood as a
            predictable product of how night work is organised.</p>
            <h2>What changes after midnight</h2>
            <ul>
            <li><strong>Fewer people, more patients each.</strong> A registered nurse may hold
            twelve or more patients, with one doctor covering several wards.</li>
            <li><strong>Escalation has a social cost.</strong> Calling a tired registrar about a
            score of five feels different at three in the morning than at three in the
            afternoon.</li>
            <li><strong>Observations are batched.</strong> Rounds at fixed times mean a slow slide
            between rounds can go unseen.</li>
            <li><strong>Fatigue is physiological.</strong> The circadian low blunts attention for
            everyone, including the most experienced.</li>
            </ul>
            <h2>What a score cannot do on its own</h2>
            <p>NEWS2 is a good trigger, but a trigger is only the start of a chain: someone must
            notice the score, decide it matters, find the right person, describe the concern
            clearly and get a response. Each link can fail. In our observation work on six wards
            the weakest link was rarely the score itself. It was the conversation that should
            have followed it.</p>
            <blockquote>"I knew he wasn't right, but his score was only four and I'd already
            called twice that night." (a staff nurse interviewed for our study)</blockquote>
            <h2>Where to intervene</h2>
            <ul>
            <li>Make "I am worried" a valid reason to escalate, whatever the score.</li>
            <li>Hand over the patients most likely to deteriorate first, in a structured
            way.</li>
            <li>Protect a senior nurse at night who is not counted in the ward numbers.</li>
            <li>Invite families to say when someone seems different from their usual self.</li>
            </ul>
            <p>None of these is new. What is new is treating them as design decisions owned by the
            organisation, rather than as reminders to individuals to try harder.</p>
        """,
        "categories": [(IPS, HUMAN_FACTORS), (PSHC, "High risk areas")],
        "tags": ["deterioration", "NEWS2", "human factors", "staffing"],
        "audiences": ["staff", "safety_leads", "researchers"],
        "setting": "acute",
        "country": "GB",
        "region": "North West England",
        "days_ago": 41,
        "views": 1874,
        "featured": True,
    },
    {
        "kind": "article",
        "owner": "topiclead",
        "title": "Look-alike, sound-alike: designing out medicine name confusion",
        "summary": """Medicines with similar names or packaging are a classic error trap. Warning
            labels help a little; changing what people see and select helps far more.""",
        "body": """
            <p>Every hospital has a list of medicine pairs that get confused: two antiepileptics
            whose names differ by a few letters, an antibiotic and an antiviral that sound alike on
            a noisy ward, two strengths of the same injection in near-identical boxes. Reports
            about them arrive every year, and every year the response is a poster.</p>
            <h2>Why reminders are weak</h2>
            <p>Confusing two similar names is not carelessness. It is how reading works under time
            pressure: we see the first few letters and the shape of a word, and our brain fills in
            the rest. A warning that says "take care" asks people to override their own
            perception, all day, every day. That is a weaker action by any hierarchy of
            controls.</p>
            <h2>Stronger options</h2>
            <table>
            <thead><tr><th scope="col">Where</th><th scope="col">Change</th>
            <th scope="col">Strength</th></tr></thead>
            <tbody>
            <tr><td>Electronic prescribing</td><td>Require three or more letters before a search
            returns results; show indication next to the name</td><td>Intermediate</td></tr>
            <tr><td>Pharmacy shelves</td><td>Separate look-alike pairs physically; never store
            them side by side</td><td>Intermediate</td></tr>
            <tr><td>Procurement</td><td>Buy from suppliers whose packaging differs clearly
            between strengths</td><td>Stronger</td></tr>
            <tr><td>Formulary</td><td>Stock only one strength where clinically possible</td>
            <td>Stronger</td></tr>
            </tbody>
            </table>
            <p>Mixed-case lettering (so-called tall man lettering) is worth doing in systems that
            support it, but it works best alongside these changes, not instead of them.</p>
            <h2>Start with your own reports</h2>
            <p>Search your incident reports for the past two years for pairs that recur. Pick the
            two with the greatest potential for harm, and ask your pharmacy and procurement
            colleagues what it would take to make them impossible to confuse.</p>
        """,
        "categories": [(IPS, "Design for safety"), (PSHC, "Medication")],
        "tags": ["medication safety", "human factors", "look-alike sound-alike"],
        "audiences": ["staff", "safety_leads"],
        "setting": "any",
        "country": "GB",
        "region": "North West England",
        "days_ago": 312,
        "views": 2410,
    },
    {
        "kind": "article",
        "owner": "claire",
        "title": "PSIRF one year on: what changed when we stopped counting root causes",
        "summary": """A community trust's patient safety manager reflects on the first year under
            the Patient Safety Incident Response Framework: fewer investigations, better
            conversations and some things we got wrong.""",
        "body": """
            <p>A year ago we retired our serious incident process and moved to the Patient Safety
            Incident Response Framework. I want to share what actually changed, because the
            headlines ("fewer investigations, more learning") hide a lot of hard work.</p>
            <h2>What we stopped doing</h2>
            <ul>
            <li>Commissioning a full investigation for every incident that met a harm
            threshold.</li>
            <li>Writing reports whose main finding was "staff did not follow policy".</li>
            <li>Measuring ourselves by how many reports were closed on time.</li>
            </ul>
            <h2>What we started doing</h2>
            <ul>
            <li>Choosing a small number of patient safety incident investigations a year, linked
            to our biggest risks: pressure ulcers in the community, missed deterioration in
            community hospitals, and medicines at transfer of care.</li>
            <li>Using after action reviews and swarm huddles within days of an incident, led by
            people trained to facilitate them.</li>
            <li>Meeting every patient or family affected to ask what questions they want
            answered, before the review starts.</li>
            </ul>
            <h2>What we got wrong</h2>
            <p>We underestimated how much facilitation training teams would need, and for the
            first few months some after action reviews drifted back into blame. We also found that
            our board still wanted a number, so we now report the safety actions agreed and
            completed, and their strength, instead of report counts.</p>
            <blockquote>The question has changed from "who got it wrong?" to "what made this
            likely, and what will make it less likely?"</blockquote>
            <p>If you are earlier in the journey, my advice is to invest in people who can run a
            good learning conversation. The framework gives permission; the skill still has to be
            built.</p>
        """,
        "categories": [(INV, "Investigations and complaints"), (LEAD, "Techniques")],
        "tags": ["PSIRF", "just culture", "after action review", "governance"],
        "audiences": ["safety_leads", "leaders"],
        "setting": "community",
        "country": "GB",
        "region": "Yorkshire and the Humber",
        "days_ago": 156,
        "views": 3120,
        "series": "psirf",
    },
    {
        "kind": "article",
        "owner": "kofi",
        "title": "Structured medication reviews for people taking ten or more medicines",
        "summary": """How a practice pharmacist prioritises and runs structured medication
            reviews, and the questions that most often lead to a safer, simpler regimen.""",
        "body": """
            <p>People who take many medicines are at higher risk of falls, kidney injury,
            bleeding and admission. A structured medication review is not a tidy-up of the repeat
            list: it is a conversation about what the person wants from their treatment.</p>
            <h2>Who we invite first</h2>
            <ul>
            <li>Ten or more regular medicines, or any combination of an anticoagulant with an
            antiplatelet or an anti-inflammatory.</li>
            <li>A fall, fracture or admission in the past year.</li>
            <li>Care home residents and people recently discharged from hospital.</li>
            </ul>
            <h2>Questions that change things</h2>
            <ul>
            <li>"Which of these do you actually take, and when?"</li>
            <li>"Is there anything you have stopped, or would like to?"</li>
            <li>"What matters most to you over the next year?"</li>
            </ul>
            <p>The first question alone often reveals that the list in the record is not the list
            in the kitchen cupboard. We ask people to bring every box and bottle, including
            anything bought over the counter.</p>
            <h2>Stopping safely</h2>
            <p>Deprescribing works best one medicine at a time, with a clear plan for what to
            watch for and when to get back in touch. We write that plan down and give a copy to
            the person and, with their consent, to their community pharmacy.</p>
        """,
        "categories": [(PSHC, "Medication")],
        "tags": ["medication safety", "primary care", "polypharmacy", "falls"],
        "audiences": ["staff", "patients_public"],
        "setting": "primary",
        "country": "GB",
        "region": "East Midlands",
        "days_ago": 498,
        "views": 1388,
    },
    {
        "kind": "article",
        "owner": "hana",
        "title": "Partnering with patients in improvement: lessons from Aotearoa",
        "summary": """What we learned from three years of improvement projects co-led with
            patients and whānau, and why partnership starts with who sets the question.""",
        "body": """
            <p>In our collaborative, every improvement project now has at least two consumer
            partners from the start. It took us three years, and several mistakes, to get
            here.</p>
            <h2>Partnership is not consultation</h2>
            <p>Our early projects invited patients to comment on plans that clinicians had already
            written. People were polite, and their comments changed very little. When we began to
            ask partners to help choose the problem, the projects changed: a falls project became
            a project about night-time toileting, because that is when the people we spoke to said
            they felt most unsafe.</p>
            <h2>What helped</h2>
            <ul>
            <li>Paying partners for their time, at the same rate for every project.</li>
            <li>Meeting in places and at times that suited partners, not only in hospital
            meeting rooms on weekday mornings.</li>
            <li>Making sure Māori and Pacific whānau were partners from the beginning, not added
            later for "feedback".</li>
            <li>Training clinicians in how to share power in a meeting, not just partners in how
            to take part.</li>
            </ul>
            <h2>What we measure</h2>
            <p>Alongside the clinical measures, we ask partners every quarter whether they felt
            their contribution changed a decision. When the answer is no, we talk about why.</p>
        """,
        "categories": [(PE, "How to engage for patient safety"), (IPS, "Health inequalities")],
        "tags": ["patient partners", "co-production", "health inequalities"],
        "audiences": ["everyone"],
        "setting": "any",
        "country": "NZ",
        "region": "Auckland",
        "days_ago": 620,
        "views": 1045,
    },
    {
        "kind": "article",
        "owner": "grace",
        "title": "What inspectors look for in a learning culture",
        "summary": """An inspector explains the signs of an organisation that learns from harm,
            and why a low number of incident reports is rarely good news.""",
        "body": """
            <p>When I inspect a service, policies tell me what is supposed to happen. The signs of
            a learning culture are found elsewhere.</p>
            <h2>Signs I look for</h2>
            <ul>
            <li><strong>Plenty of reports, mostly low harm.</strong> A high reporting rate with
            few serious incidents usually means people feel safe to report. A low rate worries
            me.</li>
            <li><strong>Staff can name a change that came from a report.</strong> I ask people on
            the floor, not managers.</li>
            <li><strong>Families are involved in reviews.</strong> I look for evidence that their
            questions shaped the review, not just that a letter was sent.</li>
            <li><strong>Actions are strong, not just training.</strong> If every action plan ends
            with "reminder to staff", learning is not happening.</li>
            <li><strong>Leaders talk about what they got wrong.</strong> Board papers that only
            contain good news are a warning sign.</li>
            </ul>
            <h2>What I am not looking for</h2>
            <p>I do not need a perfect record. Care is complex and harm will sometimes happen.
            What I need to see is that when it does, the service is honest, supports the people
            affected, and changes something that makes it less likely to happen again.</p>
        """,
        "categories": [
            (ORGS, "Regulators and their regulations"),
            (CULTURE, "Safety culture programmes"),
        ],
        "tags": ["safety culture", "governance", "just culture"],
        "audiences": ["leaders", "safety_leads", "commissioners"],
        "setting": "any",
        "country": "GB",
        "region": "London",
        "days_ago": 388,
        "views": 1702,
    },
    {
        "kind": "article",
        "owner": "niamh",
        "title": "Open disclosure: getting the first conversation right",
        "summary": """The first conversation after something goes wrong shapes everything that
            follows. A practical guide to preparing for it, holding it and following up.""",
        "body": """
            <p>Open disclosure is the honest, timely conversation with a patient and their family
            when care has not gone to plan. Done well, it builds trust at the hardest moment. Done
            badly, or not at all, it often leads to complaints and claims that were never about
            money.</p>
            <h2>Before the conversation</h2>
            <ul>
            <li>Agree who will lead: someone senior, known to the patient if possible.</li>
            <li>Find out what the patient already knows and who they want with them.</li>
            <li>Check the facts that are known, and be clear about what is not yet known.</li>
            </ul>
            <h2>During it</h2>
            <ul>
            <li>Say sorry early and plainly. An apology is not an admission of liability.</li>
            <li>Explain what happened in everyday words, without speculating.</li>
            <li>Ask what questions they would like a review to answer, and write them down.</li>
            <li>Agree how and when you will be back in touch, and give a named role to
            contact.</li>
            </ul>
            <h2>Afterwards</h2>
            <p>Record the conversation, follow up in writing, and keep every promise about timing.
            Staff who lead disclosure conversations need support too: a debrief afterwards is not
            a luxury.</p>
        """,
        "categories": [
            (PE, "Harmed care patient pathways/post-incident pathways"),
            (INV, "Risk management and legal issues"),
        ],
        "tags": ["open disclosure", "patient partners", "duty of candour"],
        "audiences": ["staff", "safety_leads", "patients_public"],
        "setting": "any",
        "country": "IE",
        "region": "Leinster",
        "days_ago": 705,
        "views": 1263,
    },
    {
        "kind": "article",
        "owner": "li",
        "title": "Alert fatigue in electronic prescribing: what the evidence says",
        "summary": """Most medication alerts are overridden, and many of the overrides are
            right. A summary of the research on why, and what makes an alert worth showing.""",
        "body": """
            <p>Electronic prescribing was meant to catch errors at the moment they are made. It
            does catch some. But studies across many countries report that the large majority of
            interaction and dose alerts are overridden, often within a second or two.</p>
            <h2>Why people override</h2>
            <ul>
            <li>Many alerts are clinically irrelevant to the patient in front of them.</li>
            <li>Alerts interrupt a task and look the same whatever their importance.</li>
            <li>The same alert fires for the same patient every time a chart is opened.</li>
            </ul>
            <p>Over time prescribers learn, quite rationally, that alerts are usually noise. The
            rare alert that matters is then dismissed along with the rest.</p>
            <h2>What makes an alert worth showing</h2>
            <table>
            <thead><tr><th scope="col">Feature</th><th scope="col">Why it helps</th></tr></thead>
            <tbody>
            <tr><td>Specific to the patient (for example kidney function, weight)</td>
            <td>Fewer irrelevant alerts, more trust</td></tr>
            <tr><td>Tiered: hard stop only for the most dangerous combinations</td>
            <td>Visual difference carries meaning</td></tr>
            <tr><td>Offers the safer action in one click</td><td>Makes the right thing the easy
            thing</td></tr>
            <tr><td>Reviewed regularly using override data</td><td>Removes alerts that nobody
            heeds</td></tr>
            </tbody>
            </table>
            <p>This summary draws mainly on studies from the United States, where electronic
            prescribing has the longest history, but the findings match what we see in UK
            hospitals.</p>
            <p>The most useful step for most organisations is unglamorous: look at your override
            rates alert by alert, and switch off the ones that protect nobody.</p>
        """,
        "categories": [(RES, "Research"), (COMM, "Digital health and care service provision")],
        "tags": ["digital health", "alert fatigue", "medication safety", "human factors"],
        "audiences": ["researchers", "staff", "leaders"],
        "setting": "acute",
        "country": "US",
        "region": "",
        "days_ago": 233,
        "views": 1530,
    },
    {
        "kind": "article",
        "owner": "topiclead",
        "title": "Insulin safety: the five moments where things go wrong",
        "summary": """Insulin errors cluster around a few predictable moments in a hospital stay.
            Knowing them helps wards put defences where they matter.""",
        "body": """
            <p>Insulin is one of the medicines most often involved in serious harm in hospital.
            The errors are rarely exotic. They happen at the same few moments, again and
            again.</p>
            <h2>The five moments</h2>
            <ol>
            <li><strong>Admission.</strong> The person's usual insulin is not prescribed, or the
            wrong product is chosen from a long list of similar names.</li>
            <li><strong>Meals and fasting.</strong> A dose is given while the person is nil by
            mouth, or withheld for a test and never restarted.</li>
            <li><strong>Measuring and drawing up.</strong> A syringe meant for another medicine is
            used, or an abbreviation for units is misread.</li>
            <li><strong>Self-management.</strong> People who have managed their own insulin for
            decades are not allowed to, and doses are missed.</li>
            <li><strong>Discharge.</strong> A changed regimen is not communicated to the person,
            their GP or the district nursing team.</li>
            </ol>
            <h2>Defences that work</h2>
            <ul>
            <li>Supporting self-administration as the default for people who are able.</li>
            <li>A diabetes specialist nurse review for anyone whose regimen changes.</li>
            <li>Insulin syringes and pens only; never drawing insulin up with other
            syringes.</li>
            <li>Writing "units" in full, always.</li>
            </ul>
        """,
        "categories": [(PSHC, "Medication"), (PSHC, "Conditions")],
        "tags": ["insulin", "medication safety", "diabetes", "discharge"],
        "audiences": ["staff"],
        "setting": "acute",
        "country": "GB",
        "region": "North West England",
        "days_ago": 842,
        "views": 2876,
    },
    {
        "kind": "article",
        "owner": "claire",
        "title": "Patient Safety Partners: a practical guide to the first six months",
        "summary": """Recruiting Patient Safety Partners is the easy part. This guide covers
            induction, support, payment and how to make sure partners influence decisions.""",
        "body": """
            <p>We appointed our first three Patient Safety Partners eighteen months ago. These are
            the things I wish I had known on day one.</p>
            <h2>Month one: induction</h2>
            <ul>
            <li>Give partners the same induction as a new member of staff, plus time with the
            patient safety team.</li>
            <li>Agree expectations in writing: hours, payment, expenses and how to step back if
            they need to.</li>
            <li>Pair each partner with a named staff "buddy", chosen by role, not seniority.</li>
            </ul>
            <h2>Months two to four: finding their place</h2>
            <p>Partners sat on our patient safety group, the medicines safety committee and two
            improvement projects. We learned to send papers a week early and to explain jargon in
            a glossary at the top. Partners asked better questions once they had seen the wards
            and community teams for themselves.</p>
            <h2>Months five and six: influence</h2>
            <p>The test of a partner role is whether it changes decisions. Ours changed how we
            write to families after an incident, and stopped a policy that would have made it
            harder for carers to stay overnight.</p>
            <h2>Support</h2>
            <p>Partners often bring their own experience of harm. Offer regular supervision and
            make it easy to say "not this one" to a topic that is too close to home.</p>
        """,
        "categories": [(PE, "Patient Safety Partners"), (LEAD, "Boards")],
        "tags": ["patient partners", "PSIRF", "governance", "co-production"],
        "audiences": ["safety_leads", "leaders", "patients_public"],
        "setting": "community",
        "country": "GB",
        "region": "Yorkshire and the Humber",
        "days_ago": 274,
        "views": 1996,
        "series": "psirf",
    },
    {
        "kind": "article",
        "owner": "editor",
        "title": "Learning from deaths: making mortality review humane and useful",
        "summary": """Structured judgement reviews can find problems in care that no incident
            report captured. They work best when bereaved families are invited in.""",
        "body": """
            <p>Most deaths in hospital are expected and the care is good. A small number involve
            problems in care that contributed to the death, and many of those were never reported
            as incidents. Mortality review is how we find them.</p>
            <h2>What a good review looks like</h2>
            <ul>
            <li>A trained reviewer, not involved in the care, reads the whole record and writes
            short judgements about each phase of care.</li>
            <li>Bereaved families are asked, gently and at the right time, whether they had any
            concerns. Their concerns trigger a review, whatever the reason for death.</li>
            <li>Findings are themed across many reviews, not just acted on one by one.</li>
            </ul>
            <h2>Involving bereaved families</h2>
            <p>Families notice things that records do not show: a call bell that was not answered,
            a change in their relative's behaviour that nobody seemed to register. A medical
            examiner's conversation with the family is often the first chance to hear this. It
            should never be the last.</p>
            <h2>From reviews to change</h2>
            <p>In our own hospital, themes from reviews led to a new end-of-life care plan, a
            change in how we recognise dying, and a deteriorating patient project on two medical
            wards. None of these would have come from incident reports alone.</p>
        """,
        "categories": [
            (LEAD, "Quality and safety reports"),
            (INV, "Investigations and complaints"),
        ],
        "tags": ["learning from deaths", "bereaved families", "governance", "deterioration"],
        "audiences": ["staff", "leaders", "patients_public"],
        "setting": "acute",
        "country": "GB",
        "region": "North West England",
        "days_ago": 951,
        "views": 2240,
    },
    {
        "kind": "article",
        "owner": "hana",
        "title": "Diagnostic delay in primary care: safety-netting that works",
        "summary": """Most diagnoses in general practice are made over time, not in one
            appointment. Good safety-netting turns that uncertainty into a shared plan.""",
        "body": """
            <p>In primary care, many serious illnesses first appear as common, vague symptoms:
            tiredness, weight loss, a cough that will not settle. Diagnosing them is often a
            matter of time and pattern. Safety-netting is the system that makes sure time works
            for the patient, not against them.</p>
            <h2>Three layers of safety-netting</h2>
            <ul>
            <li><strong>In the consultation:</strong> say what you think is going on, what else
            it could be, which symptoms should bring the person back, and when.</li>
            <li><strong>In the practice system:</strong> every test and referral is tracked until
            a result is seen and acted on, with a named role responsible for the list.</li>
            <li><strong>With the patient:</strong> give written information and make it easy to
            come back, without feeling they are wasting anyone's time.</li>
            </ul>
            <h2>Common gaps</h2>
            <ul>
            <li>Results filed as "normal" when the trend is abnormal.</li>
            <li>Urgent referrals rejected by the hospital with no one told.</li>
            <li>Patients who do not attend a follow-up test and are not contacted.</li>
            </ul>
            <p>A monthly search for unactioned results and rejected referrals takes an hour and
            catches problems that would otherwise surface months later.</p>
        """,
        "categories": [(PSHC, "Diagnosis"), (PSHC, "Care settings")],
        "tags": ["diagnostic error", "primary care", "safety-netting"],
        "audiences": ["staff", "patients_public"],
        "setting": "primary",
        "country": "NZ",
        "region": "Waikato",
        "days_ago": 433,
        "views": 1187,
    },
    {
        "kind": "article",
        "owner": "niamh",
        "title": "Health inequalities and patient safety: who is harmed more often?",
        "summary": """Harm is not shared out evenly. People with learning disabilities, people
            who need an interpreter and people in deprived areas face extra risks, and most
            incident systems cannot see them.""",
        "body": """
            <p>We usually describe patient safety as universal: everyone deserves safe care. That
            is true, but it hides a harder fact. Some groups are harmed more often, and our data
            rarely shows it because incident reports seldom record ethnicity, disability,
            language or deprivation.</p>
            <h2>Groups at higher risk</h2>
            <ul>
            <li><strong>People with a learning disability</strong>, whose pain or deterioration
            may be missed because it is communicated differently.</li>
            <li><strong>People who need an interpreter</strong>, especially when family members
            are used instead of professional interpreters.</li>
            <li><strong>People from minoritised ethnic groups</strong>, for example when skin
            colour affects how signs such as jaundice or cyanosis are recognised.</li>
            <li><strong>People living in deprived areas</strong>, who are more likely to present
            late and to struggle with follow-up.</li>
            </ul>
            <h2>What a safety team can do</h2>
            <ul>
            <li>Add a small number of equality fields to incident reviews and look at the
            results every quarter.</li>
            <li>Ask whether reasonable adjustments and interpreters were offered, in every
            review.</li>
            <li>Involve community groups in choosing improvement priorities.</li>
            </ul>
        """,
        "categories": [(IPS, "Health inequalities"), (RES, "Data and insight")],
        "tags": ["health inequalities", "learning disabilities", "interpreters"],
        "audiences": ["everyone"],
        "setting": "any",
        "country": "IE",
        "region": "Munster",
        "days_ago": 560,
        "views": 1342,
    },
    {
        "kind": "article",
        "owner": "li",
        "title": "Building a competency framework for patient safety specialists",
        "summary": """What should a patient safety specialist know and be able to do? A
            university team describes how it built a framework with practitioners, and how it is
            being used.""",
        "body": """
            <p>Patient safety specialists come from many backgrounds: nursing, medicine, pharmacy,
            risk management, quality improvement. That diversity is a strength, but it makes it
            hard to say what "good" looks like, or to plan anyone's development.</p>
            <h2>How we built it</h2>
            <p>We ran workshops with forty practitioners and a dozen patient partners, and
            tested drafts with teams in acute, community and mental health services. Every
            competence had to pass one test: would a practitioner recognise it in their real
            week?</p>
            <h2>The five domains</h2>
            <ul>
            <li>Systems thinking and human factors.</li>
            <li>Learning responses: choosing, facilitating and writing them up.</li>
            <li>Involving patients, families and staff after harm.</li>
            <li>Measurement for improvement and safety intelligence.</li>
            <li>Leadership and influence.</li>
            </ul>
            <h2>How it is used</h2>
            <p>Teams use the framework for self-assessment, to plan training, and to write job
            descriptions. We are careful to present it as a guide for development, not a
            checklist for performance management.</p>
        """,
        "categories": [(PROF, "Competency framework"), (PROF, "Training & education")],
        "tags": ["training", "PSIRF", "human factors", "safety specialists"],
        "audiences": ["safety_leads", "researchers", "leaders"],
        "setting": "any",
        "country": "GB",
        "region": "West Midlands",
        "days_ago": 1012,
        "views": 987,
    },
    {
        "kind": "article",
        "owner": "editor",
        "title": "A plain-English glossary of patient safety terms",
        "summary": """New to patient safety? Short explanations of the words you will meet most
            often on the hub, from after action review to Swiss cheese.""",
        "body": """
            <p>Patient safety has a lot of jargon. Here are the terms our members use most, in
            plain English. Suggest more in the comments.</p>
            <ul>
            <li><strong>After action review:</strong> a short, structured team conversation soon
            after an event, asking what was expected, what happened, why there was a difference
            and what we have learned.</li>
            <li><strong>Human factors:</strong> the study of how people, tasks, tools and
            environments fit together, and how to design them so that good work is easier.</li>
            <li><strong>Just culture:</strong> a fair way of responding when things go wrong,
            which separates system problems from the rare cases of reckless behaviour.</li>
            <li><strong>Near miss:</strong> something that could have caused harm but did not,
            by chance or because it was caught in time.</li>
            <li><strong>NEWS2:</strong> a score built from routine observations, such as pulse
            and breathing rate, that helps staff spot an adult who is becoming unwell.</li>
            <li><strong>PSIRF:</strong> the Patient Safety Incident Response Framework, which
            asks NHS organisations in England to choose proportionate ways of learning from
            incidents.</li>
            <li><strong>SBAR:</strong> Situation, Background, Assessment, Recommendation: a way of
            structuring an urgent conversation.</li>
            <li><strong>SEIPS:</strong> a model for looking at the whole work system around an
            incident: people, tasks, tools, organisation and environment.</li>
            <li><strong>Swiss cheese:</strong> the idea that harm gets through when holes in
            several layers of defence line up.</li>
            </ul>
        """,
        "categories": [(MISC, None), (PROF, "Training & education")],
        "tags": ["training", "PSIRF", "human factors", "just culture"],
        "audiences": ["everyone"],
        "setting": "any",
        "country": "GB",
        "region": "",
        "days_ago": 1060,
        "views": 3894,
    },
]

BLOGS = [
    {
        "kind": "blog",
        "owner": "maria",
        "title": "Five things families can do on a hospital ward",
        "summary": """You know your relative better than anyone on the ward. Five small things
            that helped my family, and that staff told me they welcome.""",
        "body": """
            <p>When my father was in hospital I felt like a visitor in someone else's workplace.
            I did not want to get in the way. Looking back, I wish someone had told me that what
            I knew about him was useful, and how to share it.</p>
            <h2>1. Tell them what "normal" looks like</h2>
            <p>Staff meet your relative at their worst. Tell the nurse how they usually walk,
            talk, eat and sleep. A change from normal is one of the earliest signs of
            illness.</p>
            <h2>2. Ask about falls</h2>
            <p>Ask whether a falls risk assessment has been done, whether they need help to the
            toilet, and whether the call bell and walking aid are within reach.</p>
            <h2>3. Ask about medicines</h2>
            <p>Bring a list, or the boxes. Ask which medicines have been stopped or started, and
            why.</p>
            <h2>4. Know how to raise a concern</h2>
            <p>Ask on the first day: "If I'm worried he is getting worse, who do I tell, and what
            happens if I'm still worried?" Many hospitals now have a way for families to ask for
            an urgent review by a different team.</p>
            <h2>5. Write things down</h2>
            <p>A notebook by the bed, with what you were told and by whom (their role is enough),
            helps everyone: you, other family members and the staff.</p>
        """,
        "categories": [(PE, "Keeping patients safe"), (PSHC, "Patient management")],
        "tags": ["family escalation", "falls", "patient partners", "deterioration"],
        "audiences": ["patients_public"],
        "setting": "acute",
        "country": "GB",
        "region": "South West England",
        "days_ago": 66,
        "views": 2650,
    },
    {
        "kind": "blog",
        "owner": "james",
        "title": "Reading a trust board paper as a member of the public",
        "summary": """Board papers are public, long and full of acronyms. What I look for when I
            read the quality and safety section, and the questions I ask at public meetings.""",
        "body": """
            <p>I started reading my local trust's board papers out of curiosity. Two years on,
            I go to most public meetings and ask a question when there is time. Here is how I
            approach the safety part.</p>
            <h2>Skip to the integrated performance report</h2>
            <p>This is where the numbers live: falls, pressure ulcers, infections, incident
            reporting, complaints. Look at the charts over time rather than single months. A
            single bad month may be noise; six months going the same way is not.</p>
            <h2>Look for what is not there</h2>
            <p>If a topic was a concern last year and has disappeared from the papers, ask why.
            Sometimes it has been fixed. Sometimes it has simply stopped being reported.</p>
            <h2>Read the patient story</h2>
            <p>Many boards start with a patient or staff story. Notice whether the board
            discusses what it will change, or just thanks the speaker.</p>
            <h2>Questions I have asked</h2>
            <ul>
            <li>"How many safety actions from last year's investigations have been completed,
            and how many were training only?"</li>
            <li>"What do staff say in the survey about feeling safe to speak up?"</li>
            <li>"How are families involved when a death is reviewed?"</li>
            </ul>
            <p>Every time, I have had a serious answer. You do not need to be an expert to
            ask.</p>
        """,
        "categories": [(LEAD, "Boards"), (PE, "How to engage for patient safety")],
        "tags": ["governance", "transparency", "patient partners"],
        "audiences": ["patients_public", "leaders"],
        "setting": "any",
        "country": "GB",
        "region": "South East England",
        "days_ago": 189,
        "views": 864,
    },
    {
        "kind": "blog",
        "owner": "peter",
        "title": "Twelve prescriptions and one pharmacy: how I keep track",
        "summary": """Living with several long-term conditions means a lot of medicines. The
            system I use at home, and the conversations with my pharmacist that keep me safe.""",
        "body": """
            <p>I take twelve regular medicines, prescribed by my GP and three hospital clinics.
            Each clinic looks after its own part of me. Nobody, apart from me and my pharmacist,
            sees the whole list every day.</p>
            <h2>My system</h2>
            <ul>
            <li>A single up-to-date list in my wallet, with the dose, the reason and who
            started it.</li>
            <li>One community pharmacy for everything, so they can spot clashes.</li>
            <li>A weekly pill organiser filled on Sunday evenings, never while I am tired.</li>
            <li>A note on my phone of anything that changes, with the date it changed.</li>
            </ul>
            <h2>Where it has gone wrong</h2>
            <p>After a hospital stay, a blood pressure tablet was stopped but the GP practice was
            never told. It turned up again in my next repeat. My pharmacist noticed because I had
            mentioned the change when I collected my discharge medicines. Since then I ask for a
            copy of the discharge letter before I leave the ward, every time.</p>
            <p>I do not think patients should have to do all this. But until the systems talk to
            each other, I would rather know.</p>
        """,
        "categories": [(PSHC, "Medication"), (PSHC, "Transitions of care")],
        "tags": ["medication safety", "community pharmacy", "polypharmacy", "discharge"],
        "audiences": ["patients_public", "staff"],
        "setting": "home",
        "country": "GB",
        "region": "Wales",
        "days_ago": 344,
        "views": 1420,
    },
    {
        "kind": "blog",
        "owner": "aisha",
        "title": "Handover is a conversation, not a list",
        "summary": """After twelve years on acute medical wards, a ward sister on why the best
            handovers she has seen are short, structured and face to face.""",
        "body": """
            <p>I have given and received thousands of handovers. The worst ones were long: every
            patient, every detail, read aloud from a printed sheet while the phone rang. By the
            end nobody remembered who was unwell.</p>
            <h2>What we changed</h2>
            <ul>
            <li><strong>Sickest first.</strong> We start with anyone with a rising NEWS2 score,
            a new concern or a plan that must happen tonight.</li>
            <li><strong>SBAR for the worried-about patients.</strong> Situation, background,
            assessment, recommendation, in under a minute each.</li>
            <li><strong>The sheet carries the detail.</strong> Routine information is written,
            not spoken.</li>
            <li><strong>Questions are expected.</strong> The receiving nurse reads back the plan
            for anyone flagged.</li>
            <li><strong>At the bedside where possible.</strong> Patients can correct us, and
            often do.</li>
            </ul>
            <h2>What happened</h2>
            <p>Handover on my ward went from forty minutes to about twenty. More importantly,
            staff say they know who to worry about. When we audited a month of night shifts, every
            patient who later needed escalation had been flagged at handover.</p>
            <p>The tool matters less than the habit. A good handover is a conversation between
            two professionals who both want the next shift to go well.</p>
        """,
        "categories": [(IPS, "Improving systems of care"), (PSHC, "Patient management")],
        "tags": ["handover", "SBAR", "deterioration", "NEWS2"],
        "audiences": ["staff"],
        "setting": "acute",
        "country": "GB",
        "region": "North West England",
        "days_ago": 121,
        "views": 2233,
    },
    {
        "kind": "blog",
        "owner": "dev",
        "title": "The day I nearly didn't speak up in theatre",
        "summary": """A theatre practitioner on the few seconds of hesitation before questioning
            a senior colleague, and what makes it easier to say "stop".""",
        "body": """
            <p>We were running late. The surgeon was experienced, respected and in a hurry. As we
            prepared, I noticed that the implant on the trolley did not match the size on the
            plan. I told myself they must have changed their mind.</p>
            <p>It took me about ten seconds to say something. Ten seconds is a long time in a
            theatre. In that time I thought about whether I had misread the plan, whether I would
            look foolish, and whether it would make the list even later.</p>
            <p>When I did speak, the surgeon stopped, checked and thanked me. The wrong size had
            been picked in error. Nothing bad happened.</p>
            <h2>What made it possible</h2>
            <ul>
            <li>At the team brief that morning, the surgeon had said: "If anyone sees anything
            they are unsure about, tell me. I'd rather stop."</li>
            <li>We use a shared phrase, "I need a moment to check", that everyone knows means
            pause.</li>
            <li>I had seen a colleague speak up the previous week and be thanked for it.</li>
            </ul>
            <p>Speaking up is often described as courage. In my experience it is mostly about
            permission, and permission is given by the most senior person in the room.</p>
        """,
        "categories": [(CULTURE, "Bullying and fear"), (IPS, "Disasters averted/near misses")],
        "tags": ["speaking up", "surgery", "checklists", "human factors"],
        "audiences": ["staff"],
        "setting": "acute",
        "country": "GB",
        "region": "South East England",
        "days_ago": 287,
        "views": 3010,
    },
    {
        "kind": "blog",
        "owner": "kofi",
        "title": "Why community pharmacists belong in the discharge loop",
        "summary": """When someone leaves hospital on changed medicines, the community pharmacy is
            often the last professional to see them before the first dose at home. Too often, it
            is the last to know.""",
        "body": """
            <p>Many people leaving hospital have at least one change to their
            medicines. The discharge summary goes to the GP practice. The community pharmacy,
            which will dispense the next supply, usually hears nothing.</p>
            <h2>What goes wrong</h2>
            <ul>
            <li>A stopped medicine continues in the pharmacy's repeat system.</li>
            <li>A new dose is not reflected in the compliance pack, so the old dose is
            given.</li>
            <li>A short course of a high-risk medicine, such as an anticoagulant after surgery,
            ends without anyone checking.</li>
            </ul>
            <h2>What helps</h2>
            <p>Where hospitals send a short electronic referral to the person's chosen pharmacy,
            the pharmacist can reconcile the changes and offer a conversation within a few days of
            discharge. It takes minutes, and people tell us it is reassuring to have someone check
            the bag of medicines with them.</p>
            <p>If your hospital does not yet refer to community pharmacies, ask your chief
            pharmacist why not. If it does, ask how many referrals are accepted and acted on.</p>
        """,
        "categories": [(PSHC, "Transitions of care"), (COMM, "Health records and plans")],
        "tags": ["discharge", "community pharmacy", "medication safety"],
        "audiences": ["staff", "commissioners"],
        "setting": "pharmacy",
        "country": "GB",
        "region": "East Midlands",
        "days_ago": 731,
        "views": 1108,
    },
    {
        "kind": "blog",
        "owner": "hana",
        "title": "Small tests of change: why I stopped writing big plans",
        "summary": """An improvement adviser on swapping the grand launch for a run of small
            tests, and what one ward learned by trying a change with one patient on one
            shift.""",
        "body": """
            <p>I used to write improvement plans that ran to twenty pages. They had timelines,
            governance diagrams and launch dates. Most of them were out of date within a month.</p>
            <p>Now I ask teams a different question: what could you try tomorrow, with one
            patient, on one shift?</p>
            <h2>An example</h2>
            <p>A ward in a regional hospital in Victoria, where I worked for several years,
            wanted to reduce missed doses of time-critical medicines. The big plan was a
            new policy and training for everyone. Instead, one nurse tried a coloured clip on the
            medicine chart of one patient with Parkinson's disease for one morning. It was
            ignored, because the clip was hidden under the chart. The next day she moved it to the
            bedside. Within three weeks, after a dozen small changes, the ward had a routine that
            worked, and the staff had designed it themselves.</p>
            <h2>What I tell teams</h2>
            <ul>
            <li>Start smaller than feels sensible.</li>
            <li>Predict what will happen before each test, then compare.</li>
            <li>Expect most early tests to "fail". That is the point.</li>
            <li>Involve the people who do the work, and patients, in every cycle.</li>
            </ul>
        """,
        "categories": [(IPS, "Implementation of improvements")],
        "tags": ["quality improvement", "medication safety", "co-production"],
        "audiences": ["staff", "safety_leads"],
        "setting": "any",
        "country": "AU",
        "region": "Victoria",
        "days_ago": 902,
        "views": 760,
    },
    {
        "kind": "blog",
        "owner": "topiclead",
        "title": "Pandemic lessons we are at risk of forgetting",
        "summary": """Under pressure, teams in the pandemic changed how they worked within days.
            Some of those changes made care safer, and some of them are quietly
            disappearing.""",
        "body": """
            <p>During the first waves of COVID-19 our anaesthetic department did things that
            would normally have taken years: new teams formed overnight, staff from other
            specialties joined intensive care, and decisions were made at the bedside with very
            little paperwork.</p>
            <h2>What made care safer</h2>
            <ul>
            <li><strong>Daily safety huddles</strong> across the whole critical care unit, open to
            everyone, including redeployed staff.</li>
            <li><strong>Buddying</strong> every redeployed nurse with an experienced critical care
            nurse.</li>
            <li><strong>Simple, shared checklists</strong> for high-risk procedures, such as
            intubation, used every time.</li>
            <li><strong>Visible senior support</strong>: consultants present on the unit at night,
            not only on call.</li>
            </ul>
            <h2>What we are losing</h2>
            <p>As pressure eased, the huddles shrank, the buddying stopped and the old hierarchy
            crept back. Some of that is natural. But the lessons about teamwork under pressure
            were hard won, and we risk having to learn them again.</p>
            <p>My suggestion: pick one practice from the pandemic that your team valued, and
            decide deliberately whether to keep it.</p>
        """,
        "categories": [(COVID, "Blogs"), (COVID, "Frontline insights during the pandemic")],
        "tags": ["COVID-19", "staff wellbeing", "checklists", "teamwork"],
        "audiences": ["staff", "leaders"],
        "setting": "acute",
        "country": "GB",
        "region": "North West England",
        "days_ago": 1045,
        "views": 1652,
    },
    {
        "kind": "blog",
        "owner": "grace",
        "title": "Why 'never events' still happen",
        "summary": """Wrong-site surgery, retained swabs and wrong-route medicines are meant to be
            wholly preventable. An inspector asks why they keep occurring, and what strong
            barriers look like.""",
        "body": """
            <p>Never events are serious incidents that should not happen if the available
            barriers are in place. Yet every year they do. In my inspection work I have seen the
            same pattern many times: the barrier existed on paper but not in practice.</p>
            <h2>How barriers erode</h2>
            <ul>
            <li>A checklist is read aloud but nobody stops when an answer is missing.</li>
            <li>A local procedure, such as an injection in outpatients, is not covered by the
            theatre checklist at all.</li>
            <li>Swab counts are interrupted, and the count restarts from memory.</li>
            <li>Teams are newly formed for each list and have never worked together.</li>
            </ul>
            <h2>What strong barriers look like</h2>
            <p>The strongest barriers make the error physically impossible, like connectors that
            cannot fit the wrong route. Where that is not possible, the next best thing is a
            check that the whole team owns, with a clear rule that anyone can stop the
            procedure.</p>
            <p>I would encourage every surgical team to watch a few of their own checklists with
            fresh eyes. The gap between how it is written and how it is done is where never events
            live.</p>
        """,
        "categories": [(IPS, "Error traps"), (IPS, "Patient Safety Alerts")],
        "tags": ["surgery", "checklists", "human factors", "never events"],
        "audiences": ["staff", "leaders"],
        "setting": "acute",
        "country": "GB",
        "region": "London",
        "days_ago": 577,
        "views": 1915,
    },
    {
        "kind": "blog",
        "owner": "james",
        "title": "Two-minute read: what does 'just culture' actually mean?",
        "summary": """A short explainer, written by a member of the public for members of the
            public, on why fairness to staff makes care safer for patients.""",
        "body": """
            <p>When I first heard the phrase "just culture", I worried it meant nobody would ever
            be held to account. I have since learned it means something quite different.</p>
            <p>A just culture asks, when something goes wrong: was this a system problem, a
            human slip that anyone could make, a risky choice that seemed reasonable at the time,
            or a reckless act? Only the last is treated as misconduct. The others are treated as
            chances to learn and to change the system.</p>
            <h2>Why this is good for patients</h2>
            <ul>
            <li>Staff who are not afraid of blame report more, including near misses.</li>
            <li>More reports means problems are found before they hurt someone.</li>
            <li>Fixing the system protects the next patient, whoever is on shift.</li>
            </ul>
            <p>Accountability does not disappear. It moves: from the individual who happened to be
            there, to the leaders who can change the conditions everyone works in.</p>
        """,
        "categories": [(PSL, "2-minute Tuesdays"), (CULTURE, "Good practice")],
        "tags": ["just culture", "safety culture", "speaking up"],
        "audiences": ["patients_public", "everyone"],
        "setting": "any",
        "country": "GB",
        "region": "South East England",
        "days_ago": 94,
        "views": 1276,
    },
]

NEWS = [
    {
        "kind": "news",
        "owner": "editor",
        "title": "Safety Hub adds structured templates for sharing incident learning",
        "summary": """Members can now share learning from incidents using the SEIPS factors, an
            after action review template and a table of safety actions with owners, measures
            and strength.""",
        "body": """
            <p>From today, when you share learning from a patient safety incident on the hub, you
            will be guided through a structured template. We built it with members who run
            learning responses every week.</p>
            <h2>What is new</h2>
            <ul>
            <li><strong>Learning response type:</strong> after action review, swarm huddle,
            multidisciplinary review, patient safety incident investigation or thematic
            review.</li>
            <li><strong>Contributory factors</strong> using the six parts of the SEIPS work
            system.</li>
            <li><strong>After action review questions</strong>, when that is the response you
            used.</li>
            <li><strong>Safety actions</strong> with an owner (a role, never a person), a measure,
            a due date, and whether the action is stronger, intermediate or weaker.</li>
            </ul>
            <h2>Keeping people safe</h2>
            <p>Our editors check every item before it is published, and will ask you to remove
            anything that could identify a patient or a member of staff. You can also post
            anonymously.</p>
            <p>Tell us what you think in the comments below.</p>
        """,
        "categories": [(MISC, None), (INV, "Investigations and complaints")],
        "tags": ["PSIRF", "after action review", "Safety Hub"],
        "audiences": ["everyone"],
        "setting": "any",
        "country": "GB",
        "region": "",
        "days_ago": 12,
        "views": 612,
    },
    {
        "kind": "news",
        "owner": "claire",
        "title": "Northfield Community Health completes its first year under PSIRF",
        "summary": """The trust's first annual review of its patient safety incident response
            plan reports more rapid learning responses and more families involved.""",
        "body": """
            <p>Northfield Community Health NHS Trust has published the first annual review of its
            patient safety incident response plan.</p>
            <h2>Highlights</h2>
            <table>
            <thead><tr><th scope="col">Measure</th><th scope="col">Year before PSIRF</th>
            <th scope="col">First year under PSIRF</th></tr></thead>
            <tbody>
            <tr><td>Full investigations started</td><td>31</td><td>6</td></tr>
            <tr><td>After action reviews and swarm huddles</td><td>4</td><td>87</td></tr>
            <tr><td>Families offered involvement in a review</td><td>about half</td>
            <td>all</td></tr>
            <tr><td>Safety actions rated stronger or intermediate</td><td>22%</td>
            <td>48%</td></tr>
            </tbody>
            </table>
            <p>The review also records what did not go well, including slower progress than
            planned on training facilitators, and a backlog of older investigations that took six
            months to close.</p>
            <p>The trust's patient safety manager said the biggest change was cultural: "Teams are
            asking for a learning conversation now, rather than waiting to be told."</p>
        """,
        "categories": [
            (LEAD, "Quality and safety reports"),
            (INV, "Investigations and complaints"),
        ],
        "tags": ["PSIRF", "after action review", "governance"],
        "audiences": ["safety_leads", "leaders", "commissioners"],
        "setting": "community",
        "country": "GB",
        "region": "Yorkshire and the Humber",
        "days_ago": 30,
        "views": 934,
        "series": "psirf",
    },
    {
        "kind": "news",
        "owner": "editor",
        "title": "Riverside opens a round-the-clock line for families worried about deterioration",
        "summary": """Patients and families at Riverside University Hospitals can now call the
            critical care outreach team directly, day or night, if they are worried that a
            patient is getting worse and feel they are not being heard.""",
        "body": """
            <p>Riverside University Hospitals NHS Trust has introduced a direct line to its
            critical care outreach team for patients, families and carers.</p>
            <p>Anyone worried that a patient is becoming more unwell, and who feels their concern
            has not been acted on by the ward team, can call the number shown on posters by every
            bed. An outreach nurse will come to the ward, review the patient and talk with the
            family and the ward team.</p>
            <h2>Why now</h2>
            <p>Reviews of deaths and serious incidents at the trust found several cases where
            families had noticed a change before staff did. The trust's patient safety partners
            helped design the posters and the script the outreach team uses.</p>
            <blockquote>"Families know what their relative is usually like. This gives them a way
            to be heard straight away." (the trust's lead for critical care outreach)</blockquote>
            <p>Staff will also be able to use the same route to ask for a second opinion. The
            trust will publish how often the line is used, and what happened, every three
            months.</p>
        """,
        "categories": [(PE, "Keeping patients safe"), (PSHC, "Patient management")],
        "tags": ["family escalation", "deterioration", "patient partners"],
        "audiences": ["patients_public", "staff"],
        "setting": "acute",
        "country": "GB",
        "region": "North West England",
        "days_ago": 148,
        "views": 2788,
        "featured": True,
    },
    {
        "kind": "news",
        "owner": "niamh",
        "title": "Lakeshore joins cross-border learning network on maternity safety",
        "summary": """Lakeshore Regional Health Service will share anonymised learning on fetal
            monitoring and postpartum haemorrhage with maternity units in three countries.""",
        "body": """
            <p>Lakeshore Regional Health Service has joined a voluntary network of maternity
            units in Ireland, the UK and New Zealand that share learning from incidents and good
            practice every quarter.</p>
            <p>The network will focus first on two themes that come up in reviews in every member
            country: interpreting fetal heart rate monitoring in labour, and recognising and
            responding to bleeding after birth.</p>
            <h2>How it works</h2>
            <ul>
            <li>Each unit shares two anonymised case summaries a quarter, with the actions it
            took.</li>
            <li>Midwives and obstetricians meet online to discuss them.</li>
            <li>Women and families who have experienced harm sit on the steering group.</li>
            </ul>
            <p>Lakeshore's quality and patient safety lead said the aim was to "learn from each
            other's near misses before they become our own serious incidents".</p>
        """,
        "categories": [(ORGS, "International patient safety"), (PSHC, "Women's health")],
        "tags": ["maternity", "CTG", "international"],
        "audiences": ["staff", "safety_leads"],
        "setting": "maternity",
        "country": "IE",
        "region": "Connacht",
        "days_ago": 215,
        "views": 702,
    },
    {
        "kind": "news",
        "owner": "grace",
        "title": "Care home medicines: themes from a year of inspections",
        "summary": """The National Care Standards Agency has published the most common medicines
            problems its inspectors found in care homes, and examples of homes that got it
            right.""",
        "body": """
            <p>The National Care Standards Agency has published a short report on medicines
            management in care homes, drawn from a year of inspections.</p>
            <h2>Most common problems</h2>
            <ul>
            <li>"When required" medicines, such as pain relief, with no guidance on when to
            give them.</li>
            <li>Medicines records not updated after a hospital stay.</li>
            <li>Time-sensitive medicines given at the home's routine round times instead of the
            prescribed times.</li>
            <li>Covert administration without the right assessments and agreements.</li>
            </ul>
            <h2>What good looked like</h2>
            <p>Homes rated well had a named lead for medicines, a close relationship with a
            community pharmacist and their GP practice, and a routine check of every resident's
            medicines within a day of return from hospital.</p>
            <p>The report includes a self-assessment tool for care home managers.</p>
        """,
        "categories": [(ORGS, "Regulators and their regulations"), (PSHC, "Social care")],
        "tags": ["care homes", "medication safety", "discharge"],
        "audiences": ["staff", "commissioners", "leaders"],
        "setting": "social_care",
        "country": "GB",
        "region": "",
        "days_ago": 402,
        "views": 1091,
    },
    {
        "kind": "news",
        "owner": "li",
        "title": "Study seeks wards to test a night-time deterioration toolkit",
        "summary": """The University of Westbridge is recruiting adult inpatient wards to test a
            set of changes designed to help night teams recognise and respond to
            deterioration.""",
        "body": """
            <p>Researchers at the University of Westbridge are looking for adult medical and
            surgical wards to take part in a study of a night-time deterioration toolkit.</p>
            <p>The toolkit was designed with nurses, doctors and families. It includes a short
            structured handover of patients at risk, a "worried" prompt that lets any staff member
            escalate regardless of score, and a family information card.</p>
            <h2>What taking part involves</h2>
            <ul>
            <li>Using the toolkit for six months, with support from the research team.</li>
            <li>Sharing anonymised data on observations, escalations and outcomes.</li>
            <li>Staff interviews and a small number of observed night shifts.</li>
            </ul>
            <p>Wards will receive backfill funding for staff time. The study has ethical approval
            and will publish its findings openly.</p>
        """,
        "categories": [(RES, "Research"), (IPS, HUMAN_FACTORS)],
        "tags": ["deterioration", "NEWS2", "research", "handover"],
        "audiences": ["staff", "researchers", "safety_leads"],
        "setting": "acute",
        "country": "GB",
        "region": "West Midlands",
        "days_ago": 19,
        "views": 388,
    },
    {
        "kind": "news",
        "owner": "hana",
        "title": "Auckland collaborative shares its long COVID rehabilitation pathway",
        "summary": """A pathway co-designed with people living with long COVID is now free to
            adapt, with guidance on pacing, breathlessness and returning to work.""",
        "body": """
            <p>The Auckland Patient Safety Collaborative has published the rehabilitation pathway
            it developed with primary care teams and people living with long COVID.</p>
            <p>The pathway was shaped by people who described being told to "push through"
            fatigue, which often made them worse. It puts pacing and careful assessment before
            exercise, and includes safety-netting for symptoms that need urgent review.</p>
            <h2>What is included</h2>
            <ul>
            <li>A checklist for the first primary care review.</li>
            <li>Information on pacing, written with people who have long COVID.</li>
            <li>Guidance on a phased return to work, for employers.</li>
            <li>Red flags that should prompt urgent assessment.</li>
            </ul>
            <p>The collaborative asks teams who adapt the pathway to share what they
            change.</p>
        """,
        "categories": [(COVID, "Patient recovery"), (COVID, "Good practice and useful resources")],
        "tags": ["COVID-19", "rehabilitation", "co-production", "primary care"],
        "audiences": ["staff", "patients_public"],
        "setting": "primary",
        "country": "NZ",
        "region": "Auckland",
        "days_ago": 760,
        "views": 845,
    },
    {
        "kind": "news",
        "owner": "editor",
        "title": "Webinar recording: making Patient Safety Partner roles work",
        "summary": """Three Patient Safety Partners and two patient safety managers discussed
            recruitment, payment, support and influence. The recording and a summary are now
            available.""",
        "body": """
            <p>Thank you to everyone who joined our webinar on Patient Safety Partner roles. More
            than two hundred members took part, and the questions kept coming long after we
            ran out of time.</p>
            <h2>Five points from the discussion</h2>
            <ul>
            <li>Pay partners properly, and make sure payments do not affect their benefits without
            advice.</li>
            <li>Give partners real influence: a seat at the committees where decisions are made,
            not only at engagement events.</li>
            <li>Support partners who bring their own experience of harm.</li>
            <li>Recruit for a range of backgrounds, and remove barriers such as daytime-only
            meetings.</li>
            <li>Review the role together every year.</li>
            </ul>
            <p>The panel's answers to the questions we did not have time for are in the comments
            below.</p>
        """,
        "categories": [(PSL, "Patient Safety Learning webinars"), (PE, "Patient Safety Partners")],
        "tags": ["patient partners", "co-production", "PSIRF"],
        "audiences": ["everyone"],
        "setting": "any",
        "country": "GB",
        "region": "",
        "days_ago": 82,
        "views": 1433,
    },
]

GOOD_PRACTICE = [
    {
        "kind": "good_practice",
        "owner": "aisha",
        "title": "A two-minute falls huddle on an acute medical ward",
        "summary": """A short huddle at the start of every shift, focused only on who is most at
            risk of falling, cut inpatient falls with harm on a busy medical ward.""",
        "body": """
            <p>Our acute medical ward admits older people with infections, confusion and new
            medicines, the perfect conditions for falls. We had a falls policy, a risk
            assessment and training. Falls kept happening, often at night and often on the way
            to the toilet.</p>
            <p>The huddle gives the whole shift, including healthcare assistants, housekeepers
            and therapists, a shared picture of who needs help and what that help looks
            like.</p>
        """,
        "gp": {
            "gp_problem": """An average of nine inpatient falls a month, about one in five with
                harm, concentrated at night and around toileting. Risk assessments were completed
                but staff on shift did not share a picture of who was most at risk.""",
            "gp_actions": """A two-minute standing huddle at the start of each shift, at the
                whiteboard. The nurse in charge names every patient with a high falls risk, what
                help they need (for example walking aid, supervised toileting, lying and standing
                blood pressure) and who will check on them. A yellow magnet on the board marks
                each patient. Anyone who falls is discussed at the next huddle.""",
            "gp_results": """Over twelve months, falls fell from nine to five a month on average
                and falls with harm from about two a month to fewer than one, measured from
                incident reports and plotted on a run chart. Staff survey scores for "I know
                which patients are at risk" rose from 54% to 91%.""",
            "gp_cost": """No extra money. About two minutes a shift, and an afternoon of the
                ward sister's time to set it up. Magnets cost a few pounds.""",
            "gp_adoption": """Works on any ward with a whiteboard and a stable start-of-shift
                routine. Keep it short and standing; it fails if it turns into a second handover.
                Include healthcare assistants and housekeepers, who are often first to see a
                patient try to get up alone.""",
            "gp_contact": "Ward sister, acute medical unit, Riverside University Hospitals",
        },
        "categories": [(IPS, "Improving systems of care"), (PSHC, "High risk areas")],
        "tags": ["falls", "safety huddle", "handover"],
        "audiences": ["staff", "safety_leads"],
        "setting": "acute",
        "country": "GB",
        "region": "North West England",
        "days_ago": 205,
        "views": 3342,
        "featured": True,
    },
    {
        "kind": "good_practice",
        "owner": "kofi",
        "title": "Pharmacist-led medicines check within a week of discharge",
        "summary": """Practice pharmacists call every patient discharged on changed medicines,
            reconcile the record and tell the community pharmacy.""",
        "body": """
            <p>Our practice receives around forty discharge summaries a week. We found that
            changes to medicines were often not reflected in the repeat prescribing record for
            weeks, and sometimes never.</p>
            <p>We now treat every discharge with a medicines change as a task for the practice
            pharmacy team, with a phone call to the patient built in.</p>
        """,
        "gp": {
            "gp_problem": """Discharge summaries were filed by administrators and read by a GP
                when time allowed. In an audit of one month, a third of summaries with a
                medicines change still had an unreconciled repeat list two weeks later.""",
            "gp_actions": """Summaries with any medicines change are routed to the practice
                pharmacist's task list. The pharmacist reconciles the record within two working
                days, calls the patient or carer to check what they are actually taking, and
                sends an update to the nominated community pharmacy. High-risk medicines
                (anticoagulants, insulin, opioids) are flagged for same-day review.""",
            "gp_results": """Re-audit after six months: 94% of summaries with a change were
                reconciled within a week, up from 41%. In the calls, pharmacists found and
                resolved a discrepancy in about one in four patients.""",
            "gp_cost": """About six hours of pharmacist time a week for a practice of twelve
                thousand patients, funded within the existing primary care network pharmacist
                role.""",
            "gp_adoption": """Needs a clinical system task workflow and agreement from GPs that
                pharmacists can reconcile without sign-off for routine changes. A short script
                for the patient call helps.""",
            "gp_contact": "Practice pharmacist team, Elm Street Medical Practice",
        },
        "categories": [(PSHC, "Transitions of care"), (PSHC, "Medication")],
        "tags": ["discharge", "medication safety", "primary care", "community pharmacy"],
        "audiences": ["staff", "commissioners"],
        "setting": "primary",
        "country": "GB",
        "region": "East Midlands",
        "days_ago": 455,
        "views": 1762,
    },
    {
        "kind": "good_practice",
        "owner": "claire",
        "title": "Replacing root cause analysis templates with learning conversations",
        "summary": """How a community trust trained facilitators and redesigned its templates so
            that learning responses start with a conversation, not a form.""",
        "body": """
            <p>Our old investigation template had fourteen sections and a box for "root cause".
            Staff experienced it as a trial. We replaced it with a short facilitated conversation
            and a two-page write-up.</p>
        """,
        "gp": {
            "gp_problem": """Investigations took months, families waited for answers, and staff
                described the process as punitive. Almost every report ended with training or a
                reminder as the main action.""",
            "gp_actions": """We trained twenty-four facilitators from different professions in
                after action reviews and swarm huddles. The new template asks four questions and
                records contributory factors using SEIPS. Facilitators agree one to three safety
                actions with the team, each with a role as owner and a measure. Families are
                invited to say what questions they want answered before the conversation
                starts.""",
            "gp_results": """Median time from incident to agreed actions fell from ninety-eight
                days to eleven. The share of actions rated stronger or intermediate rose from
                about a fifth to nearly half. In a staff survey, 83% of people who took part in a
                review said it felt fair.""",
            "gp_cost": """Two days of training per facilitator, and protected time of about four
                hours a month each. The template and guidance are free to reuse.""",
            "gp_adoption": """Start with a small group of enthusiastic facilitators and let teams
                ask for them. Give facilitators a peer group to debrief with. Be ready for the
                board to ask for new measures once report counts disappear.""",
            "gp_contact": "Patient safety team, Northfield Community Health NHS Trust",
        },
        "categories": [(INV, "Investigations and complaints"), (CULTURE, "Good practice")],
        "tags": ["PSIRF", "after action review", "just culture"],
        "audiences": ["safety_leads", "leaders"],
        "setting": "community",
        "country": "GB",
        "region": "Yorkshire and the Humber",
        "days_ago": 333,
        "views": 2105,
        "series": "psirf",
    },
    {
        "kind": "good_practice",
        "owner": "niamh",
        "title": "Sepsis screening in the emergency department: from paper to practice",
        "summary": """Moving sepsis screening into triage, with a nurse-initiated bundle, halved
            the time to first antibiotics in a regional emergency department.""",
        "body": """
            <p>We had a sepsis screening tool for years. It was a paper form, completed after the
            patient had been seen by a doctor, which was often hours after arrival.</p>
        """,
        "gp": {
            "gp_problem": """Median time from arrival to first antibiotic for adults with
                suspected sepsis was over two hours. Screening happened late and depended on
                which doctor saw the patient.""",
            "gp_actions": """Screening was moved to triage, using the early warning score plus a
                simple question: could this be an infection? A positive screen triggers a
                nurse-initiated bundle: blood cultures, lactate, fluids and a prompt to the doctor
                to prescribe antibiotics within the hour. A sepsis trolley was stocked in each
                area, and a weekly audit was shared with the whole department.""",
            "gp_results": """Over nine months the median time to antibiotics fell to fifty-four
                minutes, measured from electronic records of every positive screen. Screening at
                triage rose from about a third of eligible patients to nine in ten.""",
            "gp_cost": """Training sessions for triage nurses (about an hour each), two stocked
                trolleys, and two hours a week of a clinical nurse facilitator's time for the
                audit.""",
            "gp_adoption": """Needs agreement from emergency medicine consultants on the
                nurse-initiated bundle and a pharmacy-approved patient group direction where that
                is required. Feed the audit back weekly; it keeps the change alive.""",
            "gp_contact": "Clinical nurse facilitator, emergency department, Lakeshore",
        },
        "categories": [(PSHC, "Conditions"), (IPS, "Implementation of improvements")],
        "tags": ["sepsis", "NEWS2", "deterioration"],
        "audiences": ["staff", "safety_leads"],
        "setting": "acute",
        "country": "IE",
        "region": "Connacht",
        "days_ago": 668,
        "views": 2480,
    },
    {
        "kind": "good_practice",
        "owner": "dev",
        "title": "Team brief and debrief that people actually value",
        "summary": """A theatre team rebuilt its brief and debrief around three questions, so
            that they are quick, useful and fed into real changes.""",
        "body": """
            <p>Team briefs had become a ritual: a list of names and a quick "any problems?" that
            nobody answered. Debriefs rarely happened at all.</p>
        """,
        "gp": {
            "gp_problem": """Briefs were rushed and inconsistent; debriefs were held after fewer
                than one list in five. Equipment problems recurred week after week because
                nobody collected them.""",
            "gp_actions": """The brief now covers three questions: what is unusual about today's
                list, what worries anyone, and what equipment or implants are needed. The surgeon
                ends with an explicit invitation to speak up. The debrief asks: what went well,
                what did not, and what should we fix? Issues go into a shared log reviewed by the
                theatre manager every Friday, with feedback on the whiteboard.""",
            "gp_results": """Debriefs rose to nine lists in ten within three months, measured by
                the log. Forty-two issues were logged in the first quarter and thirty-one were
                fixed, including a recurring shortage of a specific instrument tray. Staff rated
                the brief as useful in a short survey (median four out of five).""",
            "gp_cost": """No additional cost. Five minutes per list, and an hour a week of the
                theatre manager's time.""",
            "gp_adoption": """Needs a surgical and anaesthetic lead who will model the invitation
                to speak up. The weekly feedback on fixes is what keeps people debriefing.""",
            "gp_contact": "Theatre manager, Valley View Private Hospital",
        },
        "categories": [(IPS, HUMAN_FACTORS), (CULTURE, "Good practice")],
        "tags": ["surgery", "checklists", "teamwork", "speaking up"],
        "audiences": ["staff"],
        "setting": "acute",
        "country": "GB",
        "region": "South East England",
        "days_ago": 530,
        "views": 1521,
    },
    {
        "kind": "good_practice",
        "owner": "hana",
        "title": "Co-designing a discharge leaflet with whānau",
        "summary": """Patients and whānau rewrote the hospital's discharge information. The new
            leaflet is shorter, clearer and answers the questions people actually ask.""",
        "body": """
            <p>Our old discharge leaflet was eight pages long and written by clinicians. People
            told us they did not read it.</p>
        """,
        "gp": {
            "gp_problem": """Patients and whānau left hospital unsure what had changed, which
                symptoms to watch for, and who to call. Calls to the ward after discharge were
                common, and some people returned to the emergency department with problems a
                phone call could have solved.""",
            "gp_actions": """Four co-design workshops with patients, whānau, ward nurses and a
                Māori health worker. The group chose the content and the order. The new leaflet
                has one page: what happened, what has changed with your medicines, what to watch
                for, and who to call, with space for the nurse to write by hand. It is available
                in te reo Māori, Samoan and Tongan.""",
            "gp_results": """In a survey of one hundred people before and after, the share who
                could name their warning signs rose from 38% to 79%. Calls to the ward about
                "what happens now" fell by about a third over six months.""",
            "gp_cost": """Koha for partners' time, translation costs and printing. About two
                months of a nurse educator's time, one day a week.""",
            "gp_adoption": """Involve patients from the first workshop, not to review a draft.
                Pay partners. Test the leaflet with people who have low health literacy.""",
            "gp_contact": "Improvement adviser, Auckland Patient Safety Collaborative",
        },
        "categories": [(PE, "Patient-centred care"), (PSHC, "Transitions of care")],
        "tags": ["discharge", "co-production", "patient partners", "health inequalities"],
        "audiences": ["staff", "patients_public"],
        "setting": "acute",
        "country": "NZ",
        "region": "Auckland",
        "days_ago": 812,
        "views": 1187,
    },
    {
        "kind": "good_practice",
        "owner": "topiclead",
        "title": "Monthly in-situ simulation for deteriorating patients",
        "summary": """Short simulations on real wards, with the real team and equipment, found
            latent hazards that classroom training never would.""",
        "body": """
            <p>Simulation in a skills lab teaches skills. Simulation on the ward, with the team
            that is on shift, tests the system: the equipment, the phones, the layout and the
            way people work together.</p>
        """,
        "gp": {
            "gp_problem": """Emergency calls on general wards were often disorganised: equipment
                was missing or expired, roles were unclear, and ward staff were unsure how to
                escalate out of hours.""",
            "gp_actions": """Once a month, on a different ward each time, a faculty of an
                anaesthetist, a critical care outreach nurse and a simulation technician run a
                twenty-minute scenario with a manikin, using the ward's own equipment. A
                structured debrief follows. Latent hazards are logged and sent to the right
                department with a request to fix them.""",
            "gp_results": """In two years we ran twenty-two simulations and found fifty-eight
                latent hazards, including an emergency trolley with an empty oxygen cylinder, a
                suction unit that could not reach a side room, and a bleep number printed wrongly
                on ward posters. Forty-nine were fixed. Ward staff confidence in escalation,
                measured before and after, rose on every ward.""",
            "gp_cost": """About four hours of faculty time per session, plus one manikin shared
                with the education centre.""",
            "gp_adoption": """Keep it short and never assess individuals. Agree in advance with
                the ward manager, and have a plan to stop the simulation if a real emergency
                happens.""",
            "gp_contact": "Simulation lead, anaesthetics, Riverside University Hospitals",
        },
        "categories": [(PROF, "Training & education"), (IPS, HUMAN_FACTORS)],
        "tags": ["human factors", "simulation", "deterioration"],
        "audiences": ["staff", "safety_leads"],
        "setting": "acute",
        "country": "GB",
        "region": "North West England",
        "days_ago": 1002,
        "views": 1368,
    },
    {
        "kind": "good_practice",
        "owner": "claire",
        "title": "Peer responders: support for staff after a patient safety incident",
        "summary": """Trained colleagues now contact every member of staff involved in a serious
            incident within forty-eight hours, offering a confidential conversation.""",
        "body": """
            <p>Staff involved in an incident that harms a patient often feel guilt, fear and
            isolation. Some leave their profession. We wanted to offer support that was quick,
            confidential and from someone who understood.</p>
        """,
        "gp": {
            "gp_problem": """Staff involved in incidents told us they felt alone and waited weeks
                to hear anything. Occupational health support was available but rarely used in
                the first days, which is when people said they needed it most.""",
            "gp_actions": """Thirty volunteer peer responders from different professions were
                trained for a day in psychological first aid and listening. When a moderate or
                severe harm incident is reported, the patient safety team asks the staff involved
                if they would like a peer responder to call. The conversation is confidential and
                not part of any review. Peer responders meet monthly for supervision.""",
            "gp_results": """In the first year, 112 members of staff were offered a call and 81
                accepted. In follow-up feedback, 9 in 10 said it helped. Managers reported
                faster returns to work after difficult incidents.""",
            "gp_cost": """A day's training per responder, monthly supervision from a clinical
                psychologist, and a few hours of coordination a week.""",
            "gp_adoption": """Keep the scheme separate from the investigation process, and say so
                clearly. Recruit responders from every profession, including support staff.""",
            "gp_contact": "Staff wellbeing service, Northfield Community Health NHS Trust",
        },
        "categories": [(CULTURE, "Second victim"), (CULTURE, "Staff safety")],
        "tags": ["second victim", "staff wellbeing", "just culture"],
        "audiences": ["staff", "leaders"],
        "setting": "any",
        "country": "GB",
        "region": "Yorkshire and the Humber",
        "days_ago": 586,
        "views": 1644,
    },
    {
        "kind": "good_practice",
        "owner": "grace",
        "title": "'Soft signs' training for care home staff",
        "summary": """Care workers learned to spot and report early, subtle changes in residents,
            and to take observations that GPs and paramedics understand.""",
        "body": """
            <p>Care workers often sense that a resident is unwell before anyone else: they are
            quieter, off their food, a little more confused. Turning that sense into information
            a clinician can act on is the hard part.</p>
        """,
        "gp": {
            "gp_problem": """Residents were transferred to hospital late and very unwell, and
                calls to the GP or ambulance service described concerns in ways that were hard to
                prioritise.""",
            "gp_actions": """Short training for care workers on "soft signs" (for example new
                confusion, not eating, new falls), plus training for senior carers on taking and
                recording basic observations. A simple form supports a structured call to the GP
                or ambulance service using SBAR. Homes received pulse oximeters and thermometers.
                A community matron visits each home monthly to review escalations.""",
            "gp_results": """Across twelve homes, calls using the structured form rose to most
                escalations within six months. Senior carers reported feeling more confident.
                Unplanned admissions fell modestly, and clinicians said calls were easier to
                triage.""",
            "gp_cost": """Half a day's training per care worker, basic equipment for each home,
                and a community matron's time.""",
            "gp_adoption": """Works best when the local GP practice and ambulance service know
                about the form and respond to it. Repeat training often: care home staff turnover
                is high.""",
            "gp_contact": "Care homes support team, Harbourside Integrated Care Board",
        },
        "categories": [(PSHC, "Social care"), (PSHC, "Care settings")],
        "tags": ["care homes", "deterioration", "SBAR", "NEWS2"],
        "audiences": ["staff", "commissioners"],
        "setting": "social_care",
        "country": "GB",
        "region": "South West England",
        "days_ago": 366,
        "views": 1277,
    },
    {
        "kind": "good_practice",
        "owner": "claire",
        "title": "Making the case: funding a patient safety improvement team",
        "summary": """How one trust built a business case for a small improvement team, using the
            costs of harm, and what the board asked before it said yes.""",
        "body": """
            <p>Patient safety improvement is often funded from goodwill and spare time. We wanted
            a small permanent team, so we had to make the case in the language the board
            uses.</p>
        """,
        "gp": {
            "gp_problem": """Improvement work depended on enthusiastic individuals with no
                protected time. Projects stopped when people moved on, and the same harms kept
                recurring.""",
            "gp_actions": """We estimated the cost of three common harms (pressure ulcers, falls
                with fracture, and medication-related admissions) using published unit costs and
                our own incident data. We proposed a team of three: an improvement lead, a data
                analyst and a Patient Safety Partner. The case set out measures the board would
                see every quarter, and what we would stop doing to make room.""",
            "gp_results": """The board approved a two-year pilot. In the first year the team
                supported four projects; pressure ulcer incidents in the community fell by about
                a quarter. The board has since made the team permanent.""",
            "gp_cost": """The team costs less than the estimated cost of the harms avoided in a
                single year, on conservative assumptions.""",
            "gp_adoption": """Use your own data, even if rough. Involve finance colleagues early.
                Be honest about uncertainty, and agree in advance how success will be judged.""",
            "gp_contact": "Patient safety manager, Northfield Community Health NHS Trust",
        },
        "categories": [
            (LEAD, "Business case for patient safety"),
            (COMM, "Commissioning and funding patient safety"),
        ],
        "tags": ["governance", "quality improvement", "PSIRF"],
        "audiences": ["leaders", "safety_leads", "commissioners"],
        "setting": "community",
        "country": "GB",
        "region": "Yorkshire and the Humber",
        "days_ago": 120,
        "views": 894,
    },
]

INCIDENT_LEARNING = [
    {
        "kind": "incident_learning",
        "owner": "aisha",
        "title": "Insulin missed for two days after discharge to a care home",
        "summary": """A man in his eighties went home to a care home on a new insulin regimen,
            but the home and the district nurses were not told. An after action review found
            gaps at every handover.""",
        "body": """
            <p>A man in his eighties with type 2 diabetes was started on insulin during a
            two-week admission for pneumonia. He was discharged to his care home on a Friday
            afternoon. The discharge summary listed the insulin, but the district nursing team,
            who would give it, did not receive a referral. No insulin was given over the weekend.
            On Monday a care worker noticed he was drowsy and very thirsty; his blood glucose was
            high and he was readmitted for two days. He recovered fully.</p>
            <p>The ward team, the discharge coordinator, a district nurse and a representative of
            the care home met for an after action review ten days later. The man's daughter
            shared her questions beforehand and received a copy of the learning.</p>
        """,
        "learning_response": "after_action_review",
        "factors": {
            "tasks": """Discharge on a Friday afternoon required three separate referrals
                (district nurses, GP, care home) in three different systems. The referral to
                district nurses is a separate electronic form, not part of the discharge
                summary.""",
            "tools": """The electronic discharge summary has no prompt for new insulin or for
                the community team that will give it.""",
            "organisation": """The diabetes specialist nurse team does not work at weekends, so
                new insulin starts on a Friday are not reviewed before discharge.""",
            "person": """The discharging nurse was covering two bays and was interrupted
                several times while completing the discharge.""",
        },
        "aar": {
            "expected": """That the care home and district nursing team would know about the
                new insulin and the first community dose would be given on Friday evening.""",
            "happened": """The discharge summary went to the GP and a copy went with the
                patient, but no referral was sent to district nursing. The care home assumed the
                district nurses had been told.""",
            "difference": """The district nursing referral is a separate form that is easy to
                miss; there was no check before the patient left; and there was no single person
                responsible for confirming that the first community dose was arranged.""",
            "learned": """Anyone leaving hospital on new insulin needs a confirmed plan for the
                first dose, agreed by phone with whoever will give it, before they leave. The
                electronic system should make the referral impossible to forget.""",
        },
        "actions": [
            (
                "Add a mandatory insulin section to the electronic discharge summary that "
                "generates the district nursing referral automatically",
                "Digital clinical safety officer",
                "Proportion of discharges on new insulin with an automatic referral (audit of "
                "one month)",
                90,
                "stronger",
                "in_progress",
            ),
            (
                "No discharge on new insulin without a phone call confirming the first "
                "community dose, recorded on the discharge checklist",
                "Ward manager, acute medical unit",
                "Monthly audit of discharges on new insulin: confirmation recorded",
                -30,
                "intermediate",
                "done",
            ),
            (
                "Extend diabetes specialist nurse cover to Saturday mornings for review of new "
                "insulin starts",
                "Diabetes service lead",
                "Weekend insulin starts reviewed before discharge",
                180,
                "intermediate",
                "planned",
            ),
        ],
        "categories": [(PSHC, "Medication"), (PSHC, "Transitions of care")],
        "tags": ["insulin", "discharge", "medication safety", "care homes", "after action review"],
        "audiences": ["staff", "safety_leads"],
        "setting": "acute",
        "country": "GB",
        "region": "North West England",
        "days_ago": 59,
        "views": 1432,
    },
    {
        "kind": "incident_learning",
        "owner": "claire",
        "title": "Unwitnessed fall on an anticoagulant: head scan delayed overnight",
        "summary": """A woman in her seventies taking an anticoagulant fell at night in a
            community hospital. A swarm huddle the next morning explored why the scan she needed
            was delayed.""",
        "body": """
            <p>A woman in her seventies, taking an oral anticoagulant for atrial fibrillation,
            was found on the floor beside her bed in a community hospital at about two in the
            morning. She said she had not hit her head and seemed her usual self. The nurse
            recorded observations and the on-call doctor was informed by phone. Guidance
            recommends a CT scan of the head within eight hours for anyone on anticoagulants who
            falls, but transfer to the acute hospital for a scan was not arranged until the
            morning. The scan showed a small bleed, which was managed without surgery.</p>
            <p>The ward team held a swarm huddle at nine the following morning, with the on-call
            doctor joining by phone. The patient and her son were told what had happened and
            invited to share their questions.</p>
        """,
        "learning_response": "swarm_huddle",
        "factors": {
            "tasks": """The post-fall protocol did not distinguish between patients on
                anticoagulants and others. Arranging a scan meant an ambulance transfer to
                another site.""",
            "organisation": """Overnight medical cover was by phone from the acute site. The
                on-call doctor was managing several sick patients at the time.""",
            "external_environment": """Ambulance response times for non-emergency transfers were
                long that night, and staff believed a transfer would take hours.""",
            "internal_environment": """The bay was dimly lit at night and the bed was at working
                height rather than its lowest setting.""",
        },
        "actions": [
            (
                "Revise the post-fall protocol with a separate, mandatory pathway for patients on "
                "anticoagulants, including a clear time limit for a scan",
                "Falls prevention lead",
                "Audit of post-fall records for patients on anticoagulants: pathway followed",
                -14,
                "intermediate",
                "done",
            ),
            (
                "Agree a direct-access pathway for urgent head scans from the community "
                "hospital, with transport booked as an emergency",
                "Clinical director, community hospitals",
                "Time from fall to scan for patients on anticoagulants",
                60,
                "stronger",
                "in_progress",
            ),
            (
                "Replace beds in two bays with low-rise beds and add night-time floor lighting",
                "Estates and facilities manager",
                "Beds and lighting installed; falls at night in those bays",
                150,
                "stronger",
                "planned",
            ),
        ],
        "categories": [(PSHC, "Patient management"), (PSHC, "High risk areas")],
        "tags": ["falls", "anticoagulation", "swarm huddle"],
        "audiences": ["staff", "safety_leads"],
        "setting": "community",
        "country": "GB",
        "region": "Yorkshire and the Humber",
        "days_ago": 174,
        "views": 1655,
        "series": "psirf",
    },
    {
        "kind": "incident_learning",
        "owner": "dev",
        "title": "Wrong-side nerve block stopped at the last moment",
        "summary": """A regional nerve block was about to be given on the wrong side. An
            anaesthetic assistant noticed that the site mark was hidden and stopped the
            procedure.""",
        "body": """
            <p>During a busy orthopaedic list, a patient was prepared for a nerve block in the
            anaesthetic room before surgery. The surgical site had been marked on the ward, but
            the patient had been positioned with the marked limb covered by a blanket. The
            anaesthetist, who had been interrupted by a phone call, prepared to perform the block
            on the other side. The anaesthetic assistant asked to check the mark before the
            needle was inserted; the mark was on the opposite side. The block was given on the
            correct side and the operation went ahead safely.</p>
            <p>The theatre team held an after action review the same afternoon.</p>
        """,
        "learning_response": "after_action_review",
        "factors": {
            "tasks": """The "stop before you block" check was not built into the anaesthetic
                room routine; it depended on memory, just before needle insertion.""",
            "person": """The anaesthetist had been interrupted by a phone call about another
                patient immediately before starting.""",
            "internal_environment": """The anaesthetic room is small; the patient was covered for
                warmth and dignity, hiding the site mark.""",
            "organisation": """The list was running late and there was pressure to start the
                next case.""",
        },
        "aar": {
            "expected": """That the site mark would be visible and checked by the anaesthetist
                and assistant together immediately before the block.""",
            "happened": """The check was not done because the mark was covered and the
                anaesthetist was distracted. The assistant's question stopped the error.""",
            "difference": """The pause depended on one person's memory after an interruption;
                nothing in the environment prompted it.""",
            "learned": """A physical prompt and a shared, spoken check make the pause reliable.
                The assistant's challenge was welcomed, which is what we want every time.""",
        },
        "actions": [
            (
                "Place a 'stop before you block' tag on every block needle pack, to be removed "
                "only after a joint check of the site mark",
                "Anaesthetic lead for regional anaesthesia",
                "Observational audit of twenty blocks a month: joint check done",
                -45,
                "stronger",
                "done",
            ),
            (
                "No non-urgent phone calls to the anaesthetist in the anaesthetic room during "
                "procedures",
                "Theatre manager",
                "Staff survey of interruptions during procedures",
                30,
                "intermediate",
                "in_progress",
            ),
            (
                "Share the event at the departmental meeting, thanking the assistant for "
                "speaking up",
                "Clinical director, anaesthetics",
                "Discussed at the meeting and recorded in the minutes",
                -60,
                "weaker",
                "done",
            ),
        ],
        "categories": [(IPS, "Disasters averted/near misses"), (IPS, "Error traps")],
        "tags": ["surgery", "checklists", "near miss", "speaking up", "after action review"],
        "audiences": ["staff"],
        "setting": "acute",
        "country": "GB",
        "region": "South East England",
        "days_ago": 266,
        "views": 2218,
    },
    {
        "kind": "incident_learning",
        "owner": "kofi",
        "title": "Look-alike packaging: the wrong strength dispensed in a community pharmacy",
        "summary": """A higher strength of a blood pressure medicine was dispensed because two
            strengths had near-identical boxes on adjacent shelves. The patient noticed the
            tablets looked different.""",
        "body": """
            <p>A woman in her sixties collected her regular prescription from a community
            pharmacy. At home she noticed the tablets were a different size from usual and
            called the pharmacy before taking any. The pharmacy had dispensed a higher strength
            of the same medicine. The two strengths came from the same manufacturer in very
            similar boxes and were stored side by side. The accuracy check was done at a busy
            time and did not catch the error.</p>
            <p>The pharmacy team, the practice pharmacist and the local medicines safety
            officer reviewed the incident together as a multidisciplinary team.</p>
        """,
        "learning_response": "mdt_review",
        "factors": {
            "tools": """Near-identical packaging for two strengths, differing only in a small
                number on the side of the box. The barcode scanner was not used for this
                item.""",
            "internal_environment": """The two strengths were stored side by side, in
                alphabetical order.""",
            "tasks": """Dispensing and accuracy checking were done by the same person during a
                busy lunchtime, with frequent interruptions at the counter.""",
        },
        "actions": [
            (
                "Separate look-alike strengths on the shelves and mark the higher strength with "
                "a shelf alert",
                "Pharmacy manager",
                "Shelf audit of look-alike pairs each quarter",
                -20,
                "intermediate",
                "done",
            ),
            (
                "Require barcode scanning of every item before bagging, with the system "
                "blocking a mismatch",
                "Superintendent pharmacist",
                "Proportion of items scanned (from the dispensing system report)",
                45,
                "stronger",
                "in_progress",
            ),
            (
                "Report the packaging similarity to the manufacturer and the national medicines "
                "regulator",
                "Medicines safety officer",
                "Report submitted and acknowledged",
                -10,
                "weaker",
                "done",
            ),
        ],
        "categories": [(PSHC, "Medication"), (IPS, "Error traps")],
        "tags": ["medication safety", "community pharmacy", "look-alike sound-alike"],
        "audiences": ["staff"],
        "setting": "pharmacy",
        "country": "GB",
        "region": "East Midlands",
        "days_ago": 398,
        "views": 1210,
    },
    {
        "kind": "incident_learning",
        "owner": "niamh",
        "title": "Sepsis recognised late in a frail older woman on a surgical ward",
        "summary": """A patient safety incident investigation into delayed recognition of sepsis
            found that early signs were atypical, scores were recorded but not trended, and
            family concerns were not acted on.""",
        "body": """
            <p>A woman in her nineties was admitted to a surgical ward after a fall. Over the
            next two days she became more confused and stopped eating. Her temperature was
            normal. Her early warning scores rose slowly from one to four, recorded each time but
            never looked at as a trend. Her daughter told staff twice that her mother "was not
            herself". On the third morning she was found to be very unwell with sepsis from a
            urinary infection and was transferred to intensive care. She survived but did not
            return to her previous level of independence.</p>
            <p>The organisation carried out a patient safety incident investigation because the
            event matched a national priority, and involved the family throughout.</p>
            <h2>Key findings</h2>
            <ul>
            <li>Sepsis in older people often presents without fever; new confusion was the
            earliest sign.</li>
            <li>The observation chart showed each score but not the trend.</li>
            <li>The family's concerns were recorded but did not trigger a review.</li>
            </ul>
        """,
        "learning_response": "psii",
        "factors": {
            "person": """Staff were less familiar with atypical sepsis in frail older people
                than with the classic picture of fever and low blood pressure.""",
            "tools": """The electronic observation chart displayed the latest score
                prominently, but the trend was on a separate screen.""",
            "organisation": """No route existed for a family's concern to trigger a review
                independent of the score.""",
            "tasks": """Delirium screening was not routine on the surgical ward.""",
        },
        "actions": [
            (
                "Show the early warning score trend on the main observation screen, with an "
                "alert when the score rises by two or more over twenty-four hours",
                "Chief clinical information officer",
                "Trend display live on all wards; review of escalations after rising trends",
                120,
                "stronger",
                "in_progress",
            ),
            (
                "Introduce a family concern route that triggers a review by the critical care "
                "outreach team",
                "Director of nursing",
                "Number of family-initiated reviews and their outcomes, reported quarterly",
                90,
                "intermediate",
                "in_progress",
            ),
            (
                "Add delirium screening to surgical admission and daily nursing assessment",
                "Lead nurse, surgery",
                "Monthly audit of delirium screening completion",
                -15,
                "intermediate",
                "done",
            ),
            (
                "Teaching on atypical presentation of sepsis in older people for surgical "
                "ward staff",
                "Clinical nurse educator, surgery",
                "Attendance and pre and post knowledge check",
                -40,
                "weaker",
                "done",
            ),
        ],
        "categories": [(PSHC, "Conditions"), (PSHC, "Diagnosis")],
        "tags": ["sepsis", "deterioration", "NEWS2", "family escalation"],
        "audiences": ["staff", "safety_leads", "leaders"],
        "setting": "acute",
        "country": "IE",
        "region": "Leinster",
        "days_ago": 480,
        "views": 2664,
    },
    {
        "kind": "incident_learning",
        "owner": "topiclead",
        "title": "Potassium supplement continued despite rising levels: an overridden alert",
        "summary": """An electronic prescribing alert about high potassium was overridden among
            dozens of others. A multidisciplinary review looked at why the one alert that
            mattered was missed.""",
        "body": """
            <p>A man in his sixties with kidney disease was prescribed a potassium supplement
            on admission, carried over from an earlier prescription. Over three days his blood
            potassium rose. The electronic prescribing system showed an alert each time the
            supplement was due, but it looked identical to dozens of lower-priority alerts and
            was overridden by several different staff. A junior doctor noticed the high result
            on the fourth day and stopped the supplement. He needed treatment to lower his
            potassium and cardiac monitoring, and recovered.</p>
            <p>Pharmacy, medicine, nursing and the digital team reviewed the incident together,
            using the system's override logs.</p>
        """,
        "learning_response": "mdt_review",
        "factors": {
            "tools": """The potassium alert looked the same as low-value alerts. In the week of
                the incident, staff on the ward overrode more than nine in ten alerts
                shown.""",
            "tasks": """Medicines were reconciled on admission by copying the previous list,
                without checking recent blood results.""",
            "organisation": """No one owned the alert library; alerts had been added over years
                and never reviewed.""",
        },
        "actions": [
            (
                "Set up an alert review group that reviews override data and retires alerts "
                "with very high override rates",
                "Chief pharmacist",
                "Number of alerts shown per prescriber per day; override rate for the top "
                "twenty alerts",
                75,
                "stronger",
                "in_progress",
            ),
            (
                "Make the high potassium alert interruptive and require a reason to continue, "
                "with the latest result shown",
                "Digital clinical safety officer",
                "Alert redesigned and tested; audit of continued potassium with high results",
                -5,
                "stronger",
                "done",
            ),
            (
                "Add a check of the latest kidney function and potassium to the admission "
                "medicines reconciliation template",
                "Medicines safety officer",
                "Monthly audit of reconciliations for patients on potassium or related medicines",
                30,
                "intermediate",
                "in_progress",
            ),
        ],
        "categories": [
            (COMM, "Digital health and care service provision"),
            (PSHC, "Medication"),
        ],
        "tags": ["digital health", "alert fatigue", "medication safety", "human factors"],
        "audiences": ["staff", "safety_leads"],
        "setting": "acute",
        "country": "GB",
        "region": "North West England",
        "days_ago": 143,
        "views": 1377,
    },
    {
        "kind": "incident_learning",
        "owner": "claire",
        "title": "Thematic review: therapeutic observations on mental health wards",
        "summary": """A review of twenty-three incidents on inpatient mental health wards found
            that observations were often recorded without being carried out as intended, and
            why.""",
        "body": """
            <p>Therapeutic observation is meant to keep people safe and connected during a
            period of high risk. Over eighteen months, our mental health wards reported
            twenty-three incidents in which an observation had been recorded as done but the
            patient's whereabouts or state were not known at the time. Most caused no harm. Two
            involved self-harm that needed treatment.</p>
            <p>Rather than investigate each incident separately, we carried out a thematic
            review. We read the incident reports, observed day and night shifts, and talked with
            staff and with people who had been on enhanced observations.</p>
            <h2>What people on observations told us</h2>
            <blockquote>"The ones who talked to me made me feel safer. The ones who just
            watched made me feel like a risk."</blockquote>
        """,
        "learning_response": "thematic_review",
        "factors": {
            "organisation": """Observations were often allocated to temporary staff unfamiliar
                with the ward or the patient. Some staff held observations for more than two
                hours without a break.""",
            "tasks": """Recording was on paper charts completed at the end of a period, which
                made it possible to fill in several entries at once.""",
            "internal_environment": """Ward layouts had blind spots, especially in corridors
                near bedrooms and garden areas.""",
            "person": """Staff described fatigue and boredom during long periods of observation,
                and little training in how to make observation therapeutic.""",
        },
        "actions": [
            (
                "Limit any one period of observation to one hour, with a structured handover "
                "between staff",
                "Head of nursing, inpatient mental health",
                "Rota audit: observation periods over one hour",
                -25,
                "intermediate",
                "done",
            ),
            (
                "Replace paper observation charts with a handheld device that records each "
                "check at the time it is made",
                "Digital lead, mental health services",
                "Pilot on two wards; proportion of checks recorded in real time",
                100,
                "stronger",
                "in_progress",
            ),
            (
                "Remove blind spots identified in the environmental survey",
                "Estates and facilities manager",
                "Blind spots removed against the survey list",
                200,
                "stronger",
                "planned",
            ),
            (
                "Co-produce training on therapeutic engagement with people who have "
                "experienced observations",
                "Practice development lead, mental health",
                "Proportion of ward staff trained; patient feedback each quarter",
                140,
                "weaker",
                "planned",
            ),
        ],
        "categories": [(PSHC, "Mental health"), (PSHC, "High risk areas")],
        "tags": ["mental health", "observations", "co-production", "thematic review"],
        "audiences": ["staff", "safety_leads", "leaders"],
        "setting": "mental_health",
        "country": "GB",
        "region": "Yorkshire and the Humber",
        "days_ago": 620,
        "views": 1580,
    },
    {
        "kind": "incident_learning",
        "owner": "editor",
        "title": "Harm while waiting: a thematic review of ambulance handover delays",
        "summary": """Patients waited in ambulances outside the emergency department, some for
            hours. A thematic review of incidents looked at the whole system, not just the front
            door.""",
        "body": """
            <p>Over one winter, our emergency department and the regional ambulance service
            reported thirty-one incidents linked to delayed handover of patients from
            ambulances. They included pressure damage, missed time-critical medicines, and
            deterioration that was not recognised while patients waited in the vehicle. Just as
            importantly, ambulances waiting at the hospital were not available to respond to
            calls in the community.</p>
            <p>The hospital, the ambulance service and the integrated care board carried out a
            joint thematic review.</p>
            <h2>What we found</h2>
            <ul>
            <li>Delays at the front door reflected blocked beds across the hospital, and
            patients waiting to be discharged to care homes and home care.</li>
            <li>Nobody was clearly responsible for patients waiting in ambulances.</li>
            <li>Observations in ambulances were recorded on a separate system that the emergency
            department could not see.</li>
            </ul>
        """,
        "learning_response": "thematic_review",
        "factors": {
            "external_environment": """Winter demand, with community care capacity unable to
                accept patients ready to leave hospital.""",
            "organisation": """Unclear clinical responsibility for patients waiting in
                ambulances; ambulance crews and hospital staff each assumed the other was
                responsible.""",
            "tools": """Separate electronic records; the hospital could not see observations
                taken in the ambulance.""",
        },
        "actions": [
            (
                "Agree a joint protocol: the emergency department takes clinical responsibility "
                "for every patient on arrival, with a nurse assigned to the ambulance queue",
                "Emergency department clinical lead",
                "Time from arrival to clinical assessment by a hospital nurse",
                -50,
                "intermediate",
                "done",
            ),
            (
                "Give emergency department staff view access to ambulance electronic records",
                "Chief information officer, ambulance service",
                "Access live; proportion of queued patients with observations visible",
                90,
                "stronger",
                "in_progress",
            ),
            (
                "Commission additional step-down capacity so patients ready to leave hospital "
                "can do so",
                "Director of urgent and emergency care, integrated care board",
                "Number of patients waiting for discharge each day; handover times",
                240,
                "stronger",
                "planned",
            ),
        ],
        "categories": [(PSHC, "Care settings"), (IPS, "Workforce and resources")],
        "tags": ["ambulance", "handover", "deterioration", "thematic review"],
        "audiences": ["staff", "leaders", "commissioners"],
        "setting": "ambulance",
        "country": "GB",
        "region": "North West England",
        "days_ago": 305,
        "views": 2033,
    },
    {
        "kind": "incident_learning",
        "owner": "hana",
        "title": "Fetal heart rate trace misinterpreted during a busy night",
        "summary": """A worrying trace was classified as normal and escalation was delayed. The
            investigation found that workload, the trace review process and hierarchy all
            played a part.""",
        "body": """
            <p>A woman in labour at term had continuous fetal monitoring because of reduced fetal
            movements earlier that day. During a very busy night on the birthing unit, the fetal
            heart rate trace showed features that should have prompted escalation. The trace was
            reviewed at hourly "fresh eyes" checks, but both reviews were done quickly by staff
            looking after other women. When a senior midwife reviewed the trace more than an hour
            later, the baby was delivered by emergency caesarean section. The baby needed
            admission to the neonatal unit and made a good recovery.</p>
            <p>A patient safety incident investigation was carried out with the parents'
            involvement. They asked that the learning be shared widely.</p>
        """,
        "learning_response": "psii",
        "factors": {
            "organisation": """Two midwives were off sick and not replaced. The unit coordinator
                was also caring for a woman in labour, so could not oversee the unit.""",
            "tasks": """"Fresh eyes" reviews were done at the bedside by whoever was free, in
                a few seconds, without a structured tool.""",
            "person": """The midwife caring for the woman was newly qualified and hesitant to
                challenge a colleague's classification of the trace.""",
            "tools": """The central monitoring screen was not visible from the coordinator's
                desk.""",
        },
        "actions": [
            (
                "Make the unit coordinator supernumerary on every shift, with escalation to the "
                "on-call manager when this is not possible",
                "Director of midwifery",
                "Proportion of shifts with a supernumerary coordinator",
                60,
                "stronger",
                "in_progress",
            ),
            (
                "Introduce a structured fresh eyes tool with a required second signature and a "
                "clear escalation rule",
                "Fetal monitoring lead midwife",
                "Audit of ten traces a month for tool completion and escalation",
                -30,
                "intermediate",
                "done",
            ),
            (
                "Move the central monitoring display to the coordinator's station",
                "Maternity unit manager",
                "Display moved",
                -70,
                "stronger",
                "done",
            ),
            (
                "Multidisciplinary training on trace interpretation and speaking up, including "
                "newly qualified midwives",
                "Practice development midwife",
                "Attendance rate across all staff groups",
                45,
                "weaker",
                "in_progress",
            ),
        ],
        "categories": [(PSHC, "Women's health"), (PSHC, "High risk areas")],
        "tags": ["maternity", "CTG", "speaking up", "staffing"],
        "audiences": ["staff", "safety_leads", "leaders"],
        "setting": "maternity",
        "country": "NZ",
        "region": "Canterbury",
        "days_ago": 700,
        "views": 1834,
    },
    {
        "kind": "incident_learning",
        "owner": "kofi",
        "title": "An abnormal blood result filed without action in general practice",
        "summary": """A significantly abnormal blood result was filed as reviewed but not acted
            on, delaying a diagnosis by several weeks. The practice held an after action
            review.""",
        "body": """
            <p>A man in his fifties had blood tests for tiredness. One result was significantly
            abnormal and needed a repeat test and an urgent referral. The result arrived on a
            Friday, was marked as seen by a locum GP covering the results inbox, and filed
            without an action. The man was not contacted. He came back six weeks later with new
            symptoms, and the result was found. He was referred urgently and has since had
            treatment.</p>
            <p>The practice team held an after action review, including the locum GP, a
            receptionist, the practice manager and the practice pharmacist.</p>
        """,
        "learning_response": "after_action_review",
        "factors": {
            "tasks": """The results inbox held more than two hundred results that Friday. Each
                had to be opened, read and actioned individually.""",
            "tools": """Marking a result as "seen" and filing it took one click, the same click
                as for a normal result. The system did not require an action for abnormal
                results.""",
            "organisation": """Locum GPs covering the inbox had no induction to the practice's
                results process.""",
        },
        "aar": {
            "expected": """That the abnormal result would be seen by a GP, the patient
                contacted, and a repeat test and referral arranged within days.""",
            "happened": """The result was marked as seen and filed without an action, and no
                one else checked it.""",
            "difference": """A high volume of results, a system that allowed an abnormal result
                to be filed with one click, and no safety net for filed abnormal results.""",
            "learned": """Abnormal results need a forced action and a second safety net; locums
                need an induction to the results process like anyone else.""",
        },
        "actions": [
            (
                "Configure the clinical system so abnormal results cannot be filed without "
                "choosing an action",
                "Practice manager",
                "System change made; monthly search for abnormal results filed with no action",
                -35,
                "stronger",
                "done",
            ),
            (
                "Weekly search for abnormal results without a follow-up, reviewed by the duty GP",
                "Clinical lead GP",
                "Search run every week (log); number of results found and acted on",
                14,
                "intermediate",
                "in_progress",
            ),
            (
                "Induction pack and a short walkthrough of the results process for all locum GPs",
                "Practice manager",
                "Proportion of locum sessions with induction recorded",
                30,
                "weaker",
                "in_progress",
            ),
        ],
        "categories": [(PSHC, "Diagnosis"), (PSHC, "Care settings")],
        "tags": ["diagnostic error", "primary care", "test results", "after action review"],
        "audiences": ["staff", "safety_leads"],
        "setting": "primary",
        "country": "GB",
        "region": "East Midlands",
        "days_ago": 36,
        "views": 903,
    },
]

STORIES = [
    {
        "kind": "story",
        "owner": "maria",
        "title": "My father's fall, and the question nobody asked",
        "summary": """My father fell on his second night in hospital. He was on blood thinners.
            I want to share what happened, what the review found, and the question I now ask
            every time.""",
        "body": """
            <p>My father went into hospital with a chest infection. He was a bit confused, which
            is not like him, and he was on a blood thinner for his heart. On his second night he
            got up to go to the toilet on his own, and fell.</p>
            <p>The nurses found him quickly and were kind. But it was morning before anyone
            decided he needed a scan, and by then he had a headache. The scan showed a small
            bleed. He recovered, slowly, but he was never quite as steady on his feet
            again.</p>
            <h2>What the review found</h2>
            <p>The hospital invited me to a meeting and was honest. His falls risk had been
            assessed, but nobody on the night shift knew he had been confused that evening. The
            call bell was out of reach. And the post-fall checklist did not say clearly that
            people on blood thinners need a scan quickly.</p>
            <p>They changed the checklist, and they now tell families that they can stay
            overnight when someone is confused. I was asked to help write the leaflet.</p>
            <h2>The question</h2>
            <blockquote>"He isn't himself tonight. Who on this shift knows that?"</blockquote>
            <p>I ask it every time now, for anyone I visit. I have never once been told off for
            asking.</p>
        """,
        "categories": [(PE, "Patient stories"), (PSHC, "Patient management")],
        "tags": ["falls", "anticoagulation", "family escalation", "patient partners"],
        "audiences": ["everyone"],
        "setting": "acute",
        "country": "GB",
        "region": "South West England",
        "days_ago": 8,
        "views": 1106,
        "featured": True,
    },
    {
        "kind": "story",
        "owner": "aisha",
        "anonymous": True,
        "title": "The night I was the only registered nurse",
        "summary": """Twenty-eight patients, one registered nurse and two healthcare assistants.
            A ward nurse describes a night when nothing went wrong, and why that was luck.""",
        "body": """
            <p>I came on for a night shift to find that two nurses had called in sick and no
            agency staff could be found. I was the only registered nurse for twenty-eight
            patients, with two healthcare assistants. The site manager came to see us, said
            sorry, and left to deal with three other wards in the same position.</p>
            <p>I did the drug round in stages, prioritising time-critical medicines. I asked the
            healthcare assistants to do every set of observations and to come to me straight
            away with any score above three. I rang the site manager twice more. By morning I had
            not eaten, had not sat down and had not been to the toilet.</p>
            <p>Nothing went wrong that night. Nobody fell, nobody deteriorated unnoticed. I am
            proud of my team. But I want to be honest: that was luck. If one patient had become
            very unwell, I would have had to leave twenty-seven others.</p>
            <h2>What I want leaders to know</h2>
            <ul>
            <li>I reported the staffing as an incident. Please read those reports.</li>
            <li>"Nothing went wrong" is not the same as "it was safe".</li>
            <li>We need to be able to close beds, or bring in help, before nights like this, not
            after.</li>
            </ul>
            <p>I have posted this anonymously because I still work on the same ward, and I love
            it.</p>
        """,
        "categories": [(CULTURE, "Staff safety"), (IPS, "Workforce and resources")],
        "tags": ["staffing", "staff wellbeing", "speaking up", "deterioration"],
        "audiences": ["staff", "leaders"],
        "setting": "acute",
        "country": "GB",
        "region": "",
        "days_ago": 104,
        "views": 3580,
        "series": "frontline",
    },
    {
        "kind": "story",
        "owner": "dev",
        "anonymous": True,
        "title": "After the incident: what helped me come back to theatre",
        "summary": """A theatre practitioner describes the weeks after being involved in an
            incident that harmed a patient, and the small things that made it possible to go
            back to work.""",
        "body": """
            <p>I was part of the team when something went wrong during an operation. The patient
            was harmed. I will not describe the details, because they do not matter here. What
            matters is what happened to me afterwards, because I think it happens to many of us
            and we rarely talk about it.</p>
            <p>For weeks I replayed it. I could not sleep. I checked and rechecked everything at
            work until I was slow and anxious. I was sure everyone was talking about me.</p>
            <h2>What helped</h2>
            <ul>
            <li>My manager phoned me the next day, not to ask what happened, but to ask how I
            was.</li>
            <li>A peer supporter, a nurse from another department, met me for coffee. She had
            been through something similar.</li>
            <li>The review was about the system, not about me. I was asked what would have helped,
            and some of my suggestions were taken up.</li>
            <li>I was offered a phased return, starting on lists I knew well.</li>
            </ul>
            <h2>What did not</h2>
            <p>Hearing nothing for three weeks while the review was set up. Silence fills itself
            with the worst explanations.</p>
            <p>If you are in this position now: it does get easier. Please talk to someone.</p>
        """,
        "categories": [(CULTURE, "Second victim"), (IPS, "Stories from the front line")],
        "tags": ["second victim", "staff wellbeing", "just culture", "surgery"],
        "audiences": ["staff", "leaders"],
        "setting": "acute",
        "country": "GB",
        "region": "",
        "days_ago": 250,
        "views": 2911,
        "series": "frontline",
    },
    {
        "kind": "story",
        "owner": "peter",
        "title": "My record said I was allergic to penicillin. I am not.",
        "summary": """A wrong allergy label followed me between hospitals and GP practices for
            years, and meant I was given less effective antibiotics. Getting it removed took
            persistence.""",
        "body": """
            <p>As a child I had a rash while taking an antibiotic. Someone wrote "penicillin
            allergy" in my notes. Decades later, it was still there, copied from record to
            record.</p>
            <p>It mattered. When I had a serious chest infection, I was given a second-choice
            antibiotic. It worked more slowly, and I stayed in hospital longer than I might have.
            A hospital pharmacist asked me about the allergy, and we realised it was probably
            never an allergy at all.</p>
            <h2>Getting it removed</h2>
            <p>The pharmacist referred me for allergy testing. I was not allergic. But removing
            the label was harder than it should have been: the hospital record was updated, but
            the GP record was not, and the next time I went into hospital the label was back,
            copied across from the GP summary.</p>
            <p>In the end I asked my GP practice, in writing, to update the record and confirm
            they had done it. I now check my record online every few months.</p>
            <h2>What I would like to change</h2>
            <ul>
            <li>Ask people about the story behind an allergy, not just the word.</li>
            <li>When a label is removed, update every record, not just one.</li>
            <li>Let patients see and correct their own allergy records easily.</li>
            </ul>
        """,
        "categories": [(COMM, "Health records and plans"), (PE, "Patient stories")],
        "tags": ["health records", "medication safety", "digital health"],
        "audiences": ["patients_public", "staff"],
        "setting": "any",
        "country": "GB",
        "region": "Wales",
        "days_ago": 436,
        "views": 1954,
    },
    {
        "kind": "story",
        "owner": "james",
        "title": "Being heard on the third try: raising a concern about my mother",
        "summary": """My mother was becoming more unwell on a ward and I could not get anyone to
            listen. What finally worked, and why I think every family should know how to ask for
            a second opinion.""",
        "body": """
            <p>My mother was in hospital after an operation. On the second day she was drowsy
            and breathing quickly. I told the nurse, who said her observations were fine and she
            was probably tired. In the evening I told another nurse. She said the doctor would be
            round later.</p>
            <p>I did not know what else to do. I am not medical. I did not want to be "that
            relative".</p>
            <p>Then I noticed a poster by the bed: if you are worried that your relative is
            getting worse and you feel you are not being listened to, call this number. I called
            it. A nurse from the outreach team came within half an hour, examined my mother, and
            called a doctor straight away. She had sepsis. She was moved to a higher-care ward
            and, thankfully, recovered.</p>
            <h2>What I want others to know</h2>
            <ul>
            <li>You are allowed to ask for a second opinion.</li>
            <li>Ask on the first day how to do it, before you need it.</li>
            <li>Say what has changed: "She is not like this. This is different from this
            morning."</li>
            </ul>
            <p>The ward staff were not bad people. They were busy, and the numbers looked fine.
            But I knew my mother.</p>
        """,
        "categories": [(PE, "Patient stories"), (PE, "Keeping patients safe")],
        "tags": ["family escalation", "deterioration", "sepsis"],
        "audiences": ["everyone"],
        "setting": "acute",
        "country": "GB",
        "region": "South East England",
        "days_ago": 54,
        "views": 2387,
    },
    {
        "kind": "story",
        "owner": "kofi",
        "anonymous": True,
        "title": "The error I made, and the colleague who called me",
        "summary": """A pharmacist describes making a dispensing error that was caught by a
            patient, and the phone call from a colleague that changed how they felt about
            it.""",
        "body": """
            <p>I have been a pharmacist for many years. I check hundreds of prescriptions a week.
            And one day I made an error that could have hurt someone: I checked and passed the
            wrong strength of a medicine. The patient noticed the tablets looked different and
            called before taking any.</p>
            <p>I felt sick. I reported it straight away, as I would tell anyone to. Then I went
            home and could not stop thinking about what might have happened.</p>
            <p>The next morning, a colleague from another pharmacy rang me. She had heard about
            the incident at a regional meeting, without my name. She told me about an error she
            had made years ago, and what she had learned. She did not tell me it was fine. She
            told me it was human, and that the way the boxes looked and the way we work made it
            likely.</p>
            <p>Our review found exactly that, and we changed how we store and check look-alike
            medicines. I still think about the patient who noticed. I am grateful to her, and to
            the colleague who called.</p>
            <p>If you hear that someone you know has made an error, call them.</p>
        """,
        "categories": [(IPS, "Stories from the front line"), (CULTURE, "Second victim")],
        "tags": ["second victim", "community pharmacy", "just culture", "medication safety"],
        "audiences": ["staff"],
        "setting": "primary",
        "country": "GB",
        "region": "",
        "days_ago": 372,
        "views": 1499,
        "series": "frontline",
    },
    {
        "kind": "story",
        "owner": "peter",
        "title": "My brother's hospital passport",
        "summary": """My brother has a learning disability and does not use many words. A
            hospital passport, and staff who read it, made the difference between a frightening
            admission and a safe one.""",
        "body": """
            <p>My brother has a learning disability and autism. He uses a few words and a lot of
            gestures. When he is in pain he goes quiet and rocks, rather than saying it
            hurts.</p>
            <p>The first time he went into hospital, nobody knew this. He was labelled as
            "settled" because he was quiet. He had appendicitis, and it was found late.</p>
            <h2>The passport</h2>
            <p>Afterwards, with his support workers, we made a hospital passport: a few pages
            about him. How he communicates. What pain looks like for him. What frightens him
            (needles, loud alarms) and what helps (his music, dim light, one person explaining at
            a time). That he needs someone he knows with him.</p>
            <p>The next time he was admitted, the emergency department nurse read it in the first
            ten minutes. She found him a quiet room, let me stay, and asked me how he would show
            pain. They gave him pain relief before they did anything else. It was a different
            experience entirely.</p>
            <h2>What I ask of staff</h2>
            <ul>
            <li>Ask if there is a passport. Read it.</li>
            <li>Ask the people who know the person best.</li>
            <li>Never assume quiet means comfortable.</li>
            </ul>
        """,
        "categories": [(PSHC, "Learning disabilities"), (PE, "Patient-centred care")],
        "tags": ["learning disabilities", "reasonable adjustments", "health inequalities"],
        "audiences": ["everyone"],
        "setting": "acute",
        "country": "GB",
        "region": "Wales",
        "days_ago": 655,
        "views": 2140,
    },
    {
        "kind": "story",
        "owner": "topiclead",
        "title": "Three years on from the first wave: what still stays with me",
        "summary": """An anaesthetist who worked in intensive care through the first waves of
            COVID-19 reflects on moral distress, teamwork and what recovery has looked like.""",
        "body": """
            <p>I am an anaesthetist. In the first wave I spent most of my time in intensive care,
            alongside colleagues from surgery, theatres and outpatients who had never worked
            there before.</p>
            <p>What stays with me is not the long shifts or the equipment. It is the
            conversations with families on the phone, because they could not visit. It is the
            decisions we had to make with too little information and not enough beds. It is
            holding a tablet so that someone could say goodbye.</p>
            <h2>What helped</h2>
            <ul>
            <li>The team. I have never felt so connected to colleagues.</li>
            <li>Wobble rooms: a quiet space with tea, where nobody asked you to talk.</li>
            <li>A psychologist who came to our huddles and simply listened.</li>
            </ul>
            <h2>What came later</h2>
            <p>The hardest part for me was the year after, when everything was supposed to be
            normal. I was tired in a way sleep did not fix. Talking to a counsellor through our
            staff support service helped. So did reading other people's stories here.</p>
            <p>If you worked through it and still feel it: you are not alone, and it is not a
            weakness.</p>
        """,
        "categories": [
            (COVID, "Frontline insights during the pandemic"),
            (COVID, "Mental health"),
        ],
        "tags": ["COVID-19", "staff wellbeing", "second victim"],
        "audiences": ["staff", "everyone"],
        "setting": "acute",
        "country": "GB",
        "region": "North West England",
        "days_ago": 990,
        "views": 1733,
        "series": "frontline",
    },
]

# Items in other states, for the demo's editors to work on.
IN_PROGRESS = [
    {
        "kind": "blog",
        "owner": "maria",
        "state": SUBMITTED,
        "title": "A family's checklist for leaving hospital",
        "summary": """Ten questions my family now asks before anyone we love leaves hospital,
            from medicines to who to call at the weekend.""",
        "body": """
            <p>Leaving hospital is a moment of relief, and a moment of risk. Here are the
            questions we now ask, written on a card we keep in the hospital bag.</p>
            <ul>
            <li>What has changed with the medicines, and why?</li>
            <li>Who will give any new injections, and when is the first one?</li>
            <li>What should we watch for, and who do we call, including at the weekend?</li>
            <li>Has the GP been sent the discharge letter? Can we have a copy?</li>
            <li>Does the community pharmacy know about the changes?</li>
            <li>Are there follow-up appointments, and who books them?</li>
            <li>Is any equipment needed at home, and who is bringing it?</li>
            <li>Is it safe to climb the stairs, have a bath, drive?</li>
            <li>Who is the named contact on the ward if we have questions tomorrow?</li>
            <li>What would make you want to see them back in hospital?</li>
            </ul>
        """,
        "categories": [(PSHC, "Transitions of care"), (PE, "Keeping patients safe")],
        "tags": ["discharge", "family escalation", "medication safety"],
        "audiences": ["patients_public"],
        "setting": "acute",
        "country": "GB",
        "region": "South West England",
        "days_ago": 2,
    },
    {
        "kind": "good_practice",
        "owner": "niamh",
        "state": SUBMITTED,
        "title": "A safety pause for high-risk medicines on the ward round",
        "summary": """A one-minute pause on each ward round to review anticoagulants, insulin,
            opioids and antimicrobials reduced omissions and duplications.""",
        "body": """
            <p>On our medical wards, high-risk medicines were often reviewed only when something
            went wrong. We added a short, structured pause to every consultant ward round.</p>
        """,
        "gp": {
            "gp_problem": """Anticoagulant duplications, missed insulin doses and antibiotics
                continued beyond their planned duration were recurring themes in incident
                reports.""",
            "gp_actions": """At the end of each patient's review, the ward pharmacist or nurse
                asks four questions: anticoagulant right? insulin right? opioid right?
                antimicrobial review date set? Answers are recorded in a structured box in the
                ward round note.""",
            "gp_results": """Over six months, pharmacist interventions for these four groups fell
                by about a third, suggesting problems were caught earlier on the round. The pause
                was recorded on most patient reviews after the first month.""",
            "gp_cost": """About a minute per patient on the round. A half-day to design the note
                template.""",
            "gp_adoption": """Needs a pharmacist or senior nurse present on the round, and
                consultant support. Keep it to four questions.""",
            "gp_contact": "Medication safety team, Lakeshore Regional Health Service",
        },
        "categories": [(PSHC, "Medication"), (IPS, "Improving systems of care")],
        "tags": ["medication safety", "anticoagulation", "insulin"],
        "audiences": ["staff"],
        "setting": "acute",
        "country": "IE",
        "region": "Leinster",
        "days_ago": 5,
    },
    {
        "kind": "incident_learning",
        "owner": "dev",
        "state": RETURNED,
        "return_note": """Thank you, this is a clear and useful review. Before we publish, please
            take out the day and the list details in the first paragraph: together with the
            procedure, they could let colleagues identify the patient. Please also give the
            second safety action a measure we could check.""",
        "title": "Swab count discrepancy at wound closure in day surgery",
        "summary": """The final swab count did not match at closure. The missing swab was found
            in a waste bin after an X-ray had been arranged. An after action review looked at
            why the count went wrong.""",
        "body": """
            <p>On the Tuesday afternoon day surgery list, during the third case, the final swab
            count before wound closure was one short. The surgeon paused closure and the team
            searched the field and the floor. An X-ray was arranged in theatre. Before it was
            taken, the missing swab was found in a clinical waste bin, where it had been
            discarded without being counted out. The X-ray was not needed and the patient came to
            no harm.</p>
        """,
        "learning_response": "after_action_review",
        "factors": {
            "tasks": """A swab was discarded directly into the bin during a busy moment instead of
                into the swab rack, so it was never counted out.""",
            "organisation": """A change of scrub practitioner part-way through the case meant
                the count was handed over verbally.""",
        },
        "aar": {
            "expected": """That every swab would be placed in the swab rack and the final count
                would match.""",
            "happened": """One swab went into the waste bin and the count was one short at
                closure.""",
            "difference": """The bin was within reach of the scrub area, and the handover of the
                count between practitioners was verbal.""",
            "learned": """Keep bins away from the scrub area during procedures and use a
                written count board at every handover.""",
        },
        "actions": [
            (
                "Move clinical waste bins out of reach of the scrub area during procedures",
                "Theatre manager",
                "Spot checks of bin placement each week",
                30,
                "intermediate",
                "planned",
            ),
            (
                "Written count board to be updated at every change of scrub practitioner",
                "Lead scrub practitioner",
                "To be confirmed",
                45,
                "intermediate",
                "planned",
            ),
        ],
        "categories": [(IPS, "Disasters averted/near misses")],
        "tags": ["surgery", "near miss", "checklists"],
        "audiences": ["staff"],
        "setting": "acute",
        "country": "GB",
        "region": "South East England",
        "days_ago": 9,
    },
    {
        "kind": "article",
        "owner": "peter",
        "state": DRAFT,
        "title": "Questions to ask about your medicines at every appointment",
        "summary": """A short list of questions for anyone who takes regular medicines, to use
            with their GP, pharmacist or hospital clinic.""",
        "body": """
            <p>Draft: I am still working on this one and would welcome suggestions before I
            submit it.</p>
            <ul>
            <li>Is this medicine still right for me?</li>
            <li>What is it for, and how will I know it is working?</li>
            <li>What side effects should I look out for?</li>
            <li>Does it interact with anything else I take, including things I buy?</li>
            <li>Who should I tell if I stop taking it?</li>
            </ul>
        """,
        "categories": [(PSHC, "Medication"), (PE, "Keeping patients safe")],
        "tags": ["medication safety", "polypharmacy", "patient partners"],
        "audiences": ["patients_public"],
        "setting": "home",
        "country": "GB",
        "region": "Wales",
        "days_ago": 1,
    },
]

ITEMS = ARTICLES + BLOGS + NEWS + GOOD_PRACTICE + INCIDENT_LEARNING + STORIES + IN_PROGRESS

# Comments on published items, by item title. Each thread: {"by", "text", ["anonymous"],
# ["replies": [{"by", "text", ["anonymous"]}]]}.
COMMENTS = {
    "Why deterioration is missed at night: a human factors view": [
        {
            "by": "aisha",
            "text": """The bit about escalation having a social cost is so true. On nights I
                have sometimes waited for a second set of observations because I had already
                called the registrar twice. Having "I am worried" accepted as a reason would
                change that.""",
            "replies": [
                {
                    "by": "li",
                    "text": """Thank you. That hesitation came up in almost every interview we
                        did. It is not a personal failing; it is a predictable response to the
                        conditions.""",
                },
            ],
        },
        {
            "by": "hana",
            "text": """We trialled a "worried" prompt on two wards last year. Escalations rose a
                little at first and then settled, and the outreach team said the calls were
                earlier and more useful.""",
        },
    ],
    "Five things families can do on a hospital ward": [
        {
            "by": "james",
            "text": """Number four is the one I wish I had known. Asking on the first day how to
                raise a concern feels awkward, but it is much easier than asking in a
                crisis.""",
        },
        {
            "by": "aisha",
            "text": """As a ward sister, I would add: tell us about hearing aids and glasses.
                People are often confused partly because they cannot hear or see us
                properly.""",
            "replies": [
                {"by": "maria", "text": "Yes! I will add that to the list. Thank you."},
            ],
        },
    ],
    "A two-minute falls huddle on an acute medical ward": [
        {
            "by": "claire",
            "text": """Love how simple this is. Did you find the huddle slipped on very busy days,
                and if so how did you keep it going?""",
            "replies": [
                {
                    "by": "aisha",
                    "text": """It did at first. What helped was making the nurse in charge's
                        first job of the shift "start the huddle", and having the healthcare
                        assistants remind us. They own it as much as we do now.""",
                },
            ],
        },
        {
            "by": "maria",
            "text": """As a family member, I would have loved to know my father was on that
                board. Could families be told when someone is flagged as high risk?""",
        },
    ],
    "The night I was the only registered nurse": [
        {
            "by": "dev",
            "text": """Thank you for writing this. "Nothing went wrong is not the same as it was
                safe" should be printed on every staffing report.""",
        },
        {
            "by": "grace",
            "text": """When I inspect, I do read staffing incident reports, and I ask what
                happened next. Please keep reporting.""",
            "replies": [
                {
                    "by": "aisha",
                    "anonymous": True,
                    "text": """That is good to hear. Sometimes it feels like they go into a
                        void.""",
                },
            ],
        },
    ],
    "After the incident: what helped me come back to theatre": [
        {
            "by": "topiclead",
            "text": """"Silence fills itself with the worst explanations." That sentence will
                stay with me. A phone call the next day costs so little.""",
        },
        {
            "by": "kofi",
            "anonymous": True,
            "text": """I recognise every word of this. It does get easier. Thank you for being
                brave enough to share it.""",
        },
    ],
    "PSIRF one year on: what changed when we stopped counting root causes": [
        {
            "by": "niamh",
            "text": """We are about a year behind you in Ireland with a similar approach. How did
                you persuade the board to move away from counting reports?""",
            "replies": [
                {
                    "by": "claire",
                    "text": """Slowly! We showed them the safety actions and their strength
                        alongside the old numbers for six months, and let them see which told
                        them more.""",
                },
            ],
        },
        {
            "by": "grace",
            "text": """Reporting the strength of actions is exactly the kind of measure
                regulators find helpful.""",
        },
    ],
    "Insulin missed for two days after discharge to a care home": [
        {
            "by": "kofi",
            "text": """We see this from the community side too. Would the hospital consider
                including the community pharmacy in the automatic referral?""",
            "replies": [
                {
                    "by": "aisha",
                    "text": """Good idea, I will take it to the digital team, who are building
                        the new section now.""",
                },
            ],
        },
    ],
    "Sepsis recognised late in a frail older woman on a surgical ward": [
        {
            "by": "james",
            "text": """Reading this, I recognise my mother's experience. The family concern
                route is so important.""",
        },
        {
            "by": "li",
            "text": """Showing the trend rather than the latest score is a strong action. We see
                the same pattern in our observation data: slow rises are easy to miss one
                reading at a time.""",
        },
    ],
    "Wrong-side nerve block stopped at the last moment": [
        {
            "by": "grace",
            "text": """A good example of a stronger action: a physical prompt rather than a
                reminder.""",
        },
        {
            "by": "topiclead",
            "text": """We adopted the same tag on our regional anaesthesia packs after reading
                this. Thank you for sharing.""",
        },
    ],
    "Handover is a conversation, not a list": [
        {
            "by": "hana",
            "text": "Sickest first is such a simple rule. Did the doctors adopt it too?",
            "replies": [
                {
                    "by": "aisha",
                    "text": """Our night medical team uses it now for their handover to the day
                        team. It spread on its own.""",
                },
            ],
        },
    ],
    "The day I nearly didn't speak up in theatre": [
        {
            "by": "topiclead",
            "text": """As a senior clinician, this is a useful reminder that the invitation at
                the brief matters. I say it every morning now.""",
        },
        {
            "by": "peter",
            "text": """As a patient, I find it reassuring to know that people in theatre are
                encouraged to check. Thank you.""",
        },
    ],
    "Being heard on the third try: raising a concern about my mother": [
        {
            "by": "maria",
            "text": """I am so glad your mother recovered. "She is not like this" is exactly the
                right way to put it.""",
        },
        {
            "by": "editor",
            "text": """Thank you for sharing this. Several members have asked about the family
                concern line: there is a news item about it in the library.""",
        },
    ],
    "My father's fall, and the question nobody asked": [
        {
            "by": "claire",
            "text": """Thank you for sharing this so generously, and for helping write the
                leaflet. That is what partnership looks like.""",
        },
        {
            "by": "peter",
            "text": "I will be asking your question next time I visit someone. Thank you.",
        },
    ],
    "Thematic review: therapeutic observations on mental health wards": [
        {
            "by": "aisha",
            "anonymous": True,
            "text": """I worked bank shifts on a mental health ward for a year. Being put on
                observations for three hours with someone I had never met was common. The
                one-hour limit is overdue.""",
        },
    ],
    "Look-alike, sound-alike: designing out medicine name confusion": [
        {
            "by": "kofi",
            "text": """Procurement is so often left out of these conversations. We have had real
                success asking our wholesaler to supply a different brand for one
                strength.""",
        },
    ],
    "Patient Safety Partners: a practical guide to the first six months": [
        {
            "by": "hana",
            "text": """The point about making it easy to say "not this one" is so important. We
                learned that the hard way.""",
        },
    ],
    "Safety Hub adds structured templates for sharing incident learning": [
        {
            "by": "niamh",
            "text": """The strength rating on actions is really useful. Could we also filter the
                library by learning response type?""",
            "replies": [
                {
                    "by": "editor",
                    "text": """Good suggestion, thank you. We have added it to the list for the
                        next round of changes.""",
                },
            ],
        },
    ],
    "My brother's hospital passport": [
        {
            "by": "aisha",
            "text": """"Never assume quiet means comfortable." I am sharing this with my whole
                team.""",
        },
    ],
    "Riverside opens a round-the-clock line for families worried about deterioration": [
        {
            "by": "maria",
            "text": """This would have made such a difference to us. I hope other hospitals
                follow.""",
        },
    ],
    "Pharmacist-led medicines check within a week of discharge": [
        {
            "by": "peter",
            "text": "I had one of these calls last year. It caught a duplicate blood pressure "
            "tablet.",
        },
    ],
}

# Demo members who react to published items (owners never react to their own).
REACTORS = [
    "editor",
    "moderator",
    "topiclead",
    "maria",
    "james",
    "aisha",
    "kofi",
    "claire",
    "niamh",
    "li",
    "hana",
    "dev",
    "grace",
    "peter",
]
