"""Sentence templates and name parts for the generated corpus (bench/corpus.py).

Written for storycheck; every name is invented. Templates use ``str.format`` slots that
corpus.py fills per story (people, places, organisations, numbers) and per article
(how the date and the numbers are worded). Each kind of story has its own vocabulary
so two stories of one kind (two strikes, two floods) share wording but no facts:
that is what makes grouping articles into stories non-trivial.

Slots every template may use:
  {city} {region} {venue} {date} {month} {year} {earlier_month}
  {n_main} (hedged count, as this outlet words it) {n_second} {money} {pct} {pct_ask} {hours}
  {actor} {actor_last} {actor_title}  {official} {official_last} {official_title}
  {minister} {minister_last} {minister_title}  {boss} {boss_last} {boss_title}
  {expert} {expert_last} {expert_org}  {witness} {witness_last}
  plus the keys of the story's chosen ``variant`` (e.g. {workers}, {union}, {company}).
A kind's ``count`` sentence states {n_main} when the chosen lead does not, so every article
words the story's main number (and a planted number conflict is always visible).
"""

from __future__ import annotations

FIRST_NAMES = (
    "Amara Bram Celia Dario Elif Fergus Greta Hamid Ines Jonas Katya Lionel Maren Nikhil Odile "
    "Pavel Quinn Rosalind Stellan Tamsin Ulrich Vesna Wendell Ximena Yusuf Zora Anselm Beatrix "
    "Cosmo Delphine Emeric Fenna Gideon Halima Ivo Juno Kasimir Leonie Mattias Noor Osric Perpetua "
    "Rafferty Saoirse Thaddeus Una Viggo Wilhelmina Adaeze Benedikt Calla Dov Esme Florian Gwen "
    "Hollis Idris Jolene Kenji Lorna Mirela Nasser Orla Piet Rhiannon Soren Tova Valentin Wren"
).split()

SURNAMES = (
    "Abernathy Bellweather Castellano Dunmore Eskildsen Fairbanks Galloway Haverford Ibarra Jessop "
    "Kovalenko Lindqvist Marchetti Nakamura Oyelaran Pemberton Quintero Rasmussen Stavros Thorne "
    "Umberfield Varga Whitcombe Yardley Zielinski Achterberg Blackwood Corvino Delacroix Ellory "
    "Falkner Grimaldi Holloway Ingersoll Jankowski Kettering Lovejoy Mbeki Norwood Okonkwo "
    "Pritchard Radcliffe Sandoval Tremaine Underhill Vasquez Winthrop Ashdown Brightwater Calloway "
    "Dragomir Everly Fontaine Gallagher Hartigan Iversen Juniper Kingsley Larkspur Moravec Nightingale"
).split()

# City names are stems + endings; none of the endings make a real city with the stems below
# often enough to matter, and the pairs are checked for uniqueness per corpus.
CITY_STEMS = (
    "Aldr Brenn Carrow Dunst Elm Farr Garn Hollin Ister Kell Lorr Marr Nether Orrin Penn Quill "
    "Rav Sarn Tarl Ulv Varr Wend Yarl Zenn Ashb Bryn Corm Dray Esk Fenw"
).split()
CITY_ENDINGS = (
    "haven mouth ford bury stead wick mere port dale holm brook gate field ton ley"
).split()
CITY_PREFIXES = ("Upper", "Lower", "Port", "East", "West", "North", "South", "New", "Old", "Great")
REGION_NAMES = (
    "North Valley", "Eastern Lowlands", "Coastal Province", "Upper Marches", "Western Reach",
    "Southern Plains", "Lake District of Vell", "Highland Province", "Riverlands", "Bay Province",
    "Central Basin", "Old Forest Province",
)

OUTLET_PATTERNS = (
    "The {city} Courier", "{city} Evening Post", "Radio {city}", "{city} Today", "The {city} Sentinel",
    "{city} Daily Record", "{city} Weekly", "{city} News Online",
)
NATIONAL_OUTLETS = (
    "The National Ledger", "Morning Standard", "The Meridian Observer", "Daily Chronicle",
    "The Weekly Compass", "Capital Times", "Open Channel News", "The Evening Mirror",
    "Broadsheet Review", "The Citizen Herald", "Northwind Broadcasting", "Civic Report",
)
WIRE_AGENCIES = ("Meridian Wire", "Continental Press", "Atlas News Agency", "Union Press Service")

NAV_ITEMS = (
    "Home", "News", "Local", "Politics", "Business", "Sport", "Opinion", "Weather", "Culture",
    "Podcasts", "Video", "Live", "Traffic", "Obituaries", "Subscribe", "Sign in", "Menu",
)
CATEGORIES = ("News", "Local News", "Business", "Politics", "Regional", "World", "Environment", "Courts")
SHARE_LINES = (
    ("Share this article", "Facebook", "X", "WhatsApp", "Email"),
    ("Share", "Save"),
    ("Share on Facebook", "Share on X", "Share by email"),
    ("Copy link",),
)
STREETS = ("Harbour Road", "Market Street", "Mill Lane", "Station Parade", "Castle Row", "Quay Street",
           "Bridge Street", "Orchard Way")

OTHER_TITLES = (
    "Council approves new cycle lanes for the city centre",
    "Local bakery wins regional award for its rye bread",
    "Road closures planned for weekend bridge repairs",
    "School governors back plan for longer lunch breaks",
    "Library to extend opening hours over the winter",
    "Five things to do this weekend",
)

COMMENTS = (
    "Hope this gets sorted out quickly. {city} deserves better than this.",
    "Where was the {official_title} when all this started? Asleep, as usual.",
    "Good reporting, thank you for covering this properly.",
    "I live two streets away and nobody told us anything until it was on the news.",
    "Same story every few years. Nothing changes until somebody gets hurt.",
    "The numbers in this article don't match what I heard on the radio this morning.",
    "Let's wait for the full facts before blaming anyone.",
    "My family has lived in {city} for three generations and I have never seen anything like it.",
    "Who is going to pay for all this? We are, through our taxes.",
    "Thoughts with everyone affected. Stay safe.",
)
REPLIES = (
    "Agreed. Someone has to be held responsible.",
    "Exactly what I was thinking.",
    "Not sure that's fair, they did warn people last year.",
    "You're right, the radio said something different too.",
    "Well said.",
)

GENERIC_BODY = (
    "Local officials said more details would be released later in the week.",
    "{company} did not respond to a request for comment.",
    "Videos shared on social media showed crowds gathering near {venue}.",
    "The situation remained tense in parts of {city} on the following day, residents said.",
    "Opposition councillors called for an independent review of how the authorities had handled events.",
    "Several schools in {city} stayed open, although some parents kept their children at home.",
)
# Background that fits reports and previews alike (no tense tied to the event).
GENERIC_BACKGROUND = (
    "{city}, home to about {population} people, is one of the main towns of the {region}.",
    "The {region} has seen several disputes and emergencies in recent years, and local leaders have repeatedly asked the national government for more support.",
    "{official} has been in public life in {city} for more than a decade and is widely known in the town.",
    "Local newspapers and radio stations have followed the issue closely for months.",
    "Many residents of {city} work in jobs that depend on the town's transport links and on its larger employers.",
    "Questions about public spending in the {region} have featured in every local election since {earlier_year}.",
)
GENERIC_EXTRA = (
    "Readers in {region} who were affected can contact our newsroom with their experiences.",
    "The story has been updated with comments from local residents.",
    "Our reporters across {region} will continue to follow developments.",
)

# A variant dict is merged into the story's slots; ``event`` names the dated main event.
KINDS: dict[str, dict] = {
    "strike": {
        "count": "The union represents {n_main} {workers}.",
        "count_preview": "The union represents {n_main} {workers}.",
        "variants": (
            {"workers": "dockworkers", "union": "{city} Dock and Harbour Workers' Union",
             "company": "{city} Port Terminals", "workplace": "the port"},
            {"workers": "bus drivers", "union": "{region} Transport Workers' Union",
             "company": "{city} City Buses", "workplace": "the bus depots"},
            {"workers": "refuse collectors", "union": "{city} Municipal Employees' Union",
             "company": "{city} Waste Services", "workplace": "the city's waste depots"},
            {"workers": "nurses", "union": "{region} Nurses' Association",
             "company": "{city} General Hospital Trust", "workplace": "the hospital"},
        ),
        "roles": {"actor_title": "general secretary of the {union}", "boss_title": "chief executive of {company}",
                  "official_title": "mayor of {city}", "minister_title": "labour minister"},
        "numbers": {"n_main": (300, 6000), "n_second": (2, 9), "money": (1, 40), "pct": (2, 6), "hours": (3, 14)},
        "titles": (
            "Strike by {workers} shuts {workplace} in {city}",
            "{city} {workers} walk out after pay talks collapse",
            "Thousands affected as {city} strike enters its second day",
            "{union} strike: what we know so far",
            "No end in sight for {city} walkout as both sides dig in",
        ),
        "preview_titles": (
            "{city} {workers} set to strike as deadline nears",
            "Strike looms at {workplace} in {city}",
        ),
        "leads": (
            "{n_main} {workers} in {city} went on strike {date}, halting work at {workplace} after pay talks with {company} broke down.",
            "A strike by {n_main} {workers} that began {date} has brought {workplace} in {city} to a standstill, with the {union} and {company} still far apart on pay.",
            "{workers_cap} in {city} walked out {date} after {company} refused to improve its pay offer of {pct} percent, the {union} said.",
        ),
        "preview_leads": (
            "{n_main} {workers} in {city} are set to go on strike {date} unless {company} improves its pay offer, the {union} said.",
            "A strike by {workers} that would shut {workplace} in {city} is expected to begin {date} after a final round of talks failed.",
        ),
        "body": (
            "The {union} said its members had voted overwhelmingly for action after rejecting an offer of {pct} percent over two years.",
            "{company} said it had made a fair offer and urged the union to return to talks.",
            "{boss}, {boss_title}, said the company could not meet the union's demands without cutting jobs.",
            "Picket lines formed before dawn outside {workplace}, and passers-by stopped to bring food and hot drinks.",
            "{official}, the {official_title}, offered to host talks at {venue} and said the city would stay neutral.",
            "The {minister_title}, {minister}, said the government had no plans to intervene for now.",
            "Talks lasted {hours} hours without a breakthrough, according to people familiar with the discussions.",
            "The dispute has been building since {earlier_month}, when the previous agreement expired.",
            "Businesses that depend on {workplace} warned of losses of about ${money} million a week if the stoppage dragged on.",
            "{expert}, who studies labour relations at {expert_org}, said the dispute reflected years of wages falling behind prices.",
            "Managers were drafted in to keep a limited service running, the company said.",
            "The union said emergency work would continue throughout the strike.",
            "Some {workers} crossed the picket line, according to the company, a claim the union disputed.",
            "Union members were due to meet again at the end of the week to decide on further action.",
        ),
        "preview_body": (
            "Union leaders are expected to meet {company} managers one more time before the deadline.",
            "If the strike goes ahead it will be the first at {workplace} in more than a decade.",
            "{official} said the city would do everything it could to keep essential services running.",
            "The company is expected to announce contingency plans in the coming days.",
        ),
        "quotes": (
            ("actor", "Our members have been patient for a long time, and that patience has run out"),
            ("actor", "We did not want this strike, but the company left us no choice"),
            ("boss", "We have made a fair offer and our door remains open"),
            ("official", "Every day this goes on costs the city money and goodwill"),
            ("minister", "Both sides need to get back around the table"),
            ("witness", "I support them, but I still need to get to work"),
        ),
        "headings": ("What the union wants", "The company's position", "What happens next", "Impact on the city"),
        "bullets": ("a pay rise of {pct_ask} percent over two years", "an end to compulsory overtime",
                    "guaranteed hours for casual staff", "better safety equipment", "a review of night shift pay"),
    },
    "flood": {
        "count": "Officials put the number of people forced from their homes at {n_main}.",
        "count_preview": "Officials said {n_main} people live in the streets most at risk.",
        "variants": (
            {"river": "River {river_name}", "agency": "{region} Water Authority", "company": "the {region} Water Authority"},
            {"river": "{river_name} Brook", "agency": "National Flood Service", "company": "the National Flood Service"},
        ),
        "roles": {"actor_title": "head of the {agency}", "boss_title": "chief engineer at the {agency}",
                  "official_title": "mayor of {city}", "minister_title": "environment minister"},
        "numbers": {"n_main": (150, 9000), "n_second": (40, 900), "money": (5, 120), "pct": (30, 90), "hours": (12, 60)},
        "titles": (
            "Floods force {n_main_plain} people from their homes in {city}",
            "{river} bursts its banks as storms batter {region}",
            "{city} flooding: thousands evacuated as waters rise",
            "Clean-up begins in {city} after worst floods in decades",
        ),
        "preview_titles": ("{city} braces for flooding as {river} rises", "Flood warning issued for {city}"),
        "leads": (
            "{n_main} people were forced from their homes in {city} {date} after the {river} burst its banks following days of heavy rain.",
            "Floodwater swept through low-lying streets of {city} {date}, leaving {n_main} residents displaced and cutting roads across {region}.",
            "The {river} overflowed {date}, flooding much of central {city} and forcing {n_main} people to leave their homes, officials said.",
        ),
        "preview_leads": (
            "Residents of {city} are expected to be told to leave their homes {date} as the {river} rises toward record levels.",
            "Forecasters said the {river} is set to peak {date}, threatening the homes of {n_main} people in {city}.",
        ),
        "body": (
            "The {agency} said {hours} hours of continuous rain had fallen on already saturated ground.",
            "Rescue teams used boats to reach elderly residents trapped on upper floors.",
            "About {n_second} homes were damaged, according to a preliminary count by the city.",
            "{official}, the {official_title}, said emergency shelters had been opened at {venue}.",
            "The {minister_title}, {minister}, promised emergency funding of ${money} million for the worst-hit areas.",
            "Power was cut to parts of the city as a precaution while substations were checked.",
            "Insurers said it was too early to estimate the total cost of the damage.",
            "{expert}, a hydrologist at {expert_org}, said the river had risen faster than in any flood on record.",
            "Residents complained that flood defences promised after previous floods had never been built.",
            "Several roads into {city} remained closed, and train services were suspended.",
            "Volunteers filled sandbags through the night at the town's fire station.",
            "The {agency} said river levels were expected to fall slowly over the following days.",
            "Farmers in the surrounding valley said around {pct} percent of their fields were under water.",
        ),
        "preview_body": (
            "The {agency} has issued its highest level of warning for the river.",
            "Sandbags are being handed out at {venue}, the city said.",
            "More rain is expected to fall over the hills upstream in the next two days.",
            "{official} urged residents in low-lying streets to prepare to leave at short notice.",
        ),
        "quotes": (
            ("official", "We have never seen the water come up this fast"),
            ("actor", "Our teams have been working around the clock to keep people safe"),
            ("minister", "No family will be left to deal with this alone"),
            ("witness", "The water was up to my knees in the kitchen within twenty minutes"),
            ("expert", "These are exactly the kinds of floods the models have been warning about"),
        ),
        "headings": ("Rescue efforts", "Damage and costs", "Were the defences enough?", "What residents should do"),
        "bullets": ("avoid walking or driving through floodwater", "check on elderly neighbours",
                    "report damage to the city hotline", "keep medicines and documents upstairs"),
    },
    "fire": {
        "count": "In all, {n_main} people were evacuated from the site and nearby streets.",
        "count_preview": "The fire forced {n_main} people from the site and nearby streets.",
        "variants": (
            {"site": "chemical plant", "company": "{surname_b} Chemicals", "agency": "{region} Fire and Rescue Service"},
            {"site": "furniture factory", "company": "{surname_a} Furniture", "agency": "{city} Fire Brigade"},
            {"site": "warehouse", "company": "{surname_a} Logistics", "agency": "{region} Fire and Rescue Service"},
        ),
        "roles": {"actor_title": "chief fire officer of the {agency}", "boss_title": "managing director of {company}",
                  "official_title": "mayor of {city}", "minister_title": "interior minister"},
        "numbers": {"n_main": (40, 900), "n_second": (2, 30), "money": (2, 60), "pct": (10, 80), "hours": (3, 20)},
        "titles": (
            "Huge fire at {city} {site} forces evacuation",
            "Blaze tears through {site} in {city}",
            "{city} {site} fire: investigation launched",
            "Firefighters battle {site} blaze for hours in {city}",
        ),
        "preview_titles": ("Inquiry into {city} {site} fire set to open", "{company} fire: hearing expected next week"),
        "leads": (
            "A fire broke out at a {site} run by {company} in {city} {date}, forcing {n_main} workers and nearby residents to evacuate.",
            "Firefighters fought a large blaze at a {site} on the edge of {city} {date}, and {n_main} people were evacuated as thick smoke drifted over the town.",
            "{n_main} people were evacuated {date} when fire swept through a {site} owned by {company} in {city}, the {agency} said.",
        ),
        "preview_leads": (
            "An inquiry into the fire at the {site} run by {company} in {city} is set to open {date}, officials said.",
            "Investigators are expected to publish their first findings on the {city} {site} fire {date}.",
        ),
        "body": (
            "The {agency} said {n_second} people were treated for smoke inhalation, none with life-threatening injuries.",
            "The fire took {hours} hours to bring under control, the {agency} said.",
            "Residents within a mile of the site were told to keep windows and doors closed.",
            "{boss}, {boss_title}, said the company was cooperating fully with investigators.",
            "The cause of the fire was not yet known.",
            "{official}, the {official_title}, visited the site and thanked the crews.",
            "Former employees said they had raised safety concerns about the building last year.",
            "Damage was estimated at about ${money} million, according to the company's insurers.",
            "{expert}, a fire safety specialist at {expert_org}, said older industrial buildings were often poorly protected.",
            "Roads around the site were closed and bus services diverted.",
            "The {minister_title}, {minister}, ordered a review of inspections at similar sites.",
            "Around {pct} percent of the building was destroyed, the brigade said.",
        ),
        "preview_body": (
            "The inquiry is expected to hear from firefighters, workers and company managers.",
            "Families of those injured have asked for the hearings to be held in public.",
            "{company} is expected to present its own account of the night.",
        ),
        "quotes": (
            ("actor", "Crews worked in extremely dangerous conditions to stop the fire spreading"),
            ("boss", "Our first thought is with our staff and our neighbours"),
            ("official", "We need to know how this happened and whether it could happen again"),
            ("witness", "The whole sky turned orange and the windows were shaking"),
            ("minister", "Every site like this one will be inspected"),
        ),
        "headings": ("The response", "Safety concerns", "What caused the fire?", "Advice for residents"),
        "bullets": ("keep windows and doors closed", "avoid the area around the site",
                    "call the helpline if you feel unwell", "do not touch debris"),
    },
    "election": {
        "count": "{n_main} votes were cast across the city's polling stations.",
        "count_preview": "{n_main} votes are expected to be cast across the city's polling stations.",
        "variants": (
            {"office": "mayor", "party_a": "Civic Alliance", "party_b": "People's Renewal", "company": "the {city} Electoral Office"},
            {"office": "regional governor", "party_a": "Progress Party", "party_b": "Union of the Centre", "company": "the {region} Electoral Board"},
        ),
        "roles": {"actor_title": "{party_a} candidate", "boss_title": "head of {company}",
                  "official_title": "outgoing {office}", "minister_title": "{party_b} candidate"},
        "numbers": {"n_main": (20000, 400000), "n_second": (100, 9000), "money": (1, 9), "pct": (38, 71), "hours": (2, 9)},
        "titles": (
            "{actor} wins {city} {office} race",
            "{city} elects {actor_last} as {office}",
            "{party_a} claims victory in {city} vote",
            "Close race ends with {actor_last} as {city}'s new {office}",
        ),
        "preview_titles": ("{city} votes for a new {office}", "Tight race expected as {city} goes to the polls"),
        "leads": (
            "{actor} of the {party_a} won the election for {office} of {city} held {date}, taking {pct} percent of the vote, according to {company}.",
            "Voters in {city} chose {actor} as their new {office} {date}, ending a bitter campaign against {minister} of the {party_b}.",
            "{actor} was elected {office} of {city} {date} after a campaign dominated by housing and public transport.",
        ),
        "preview_leads": (
            "Voters in {city} are set to choose a new {office} {date}, with {actor} and {minister} neck and neck in the polls.",
            "{city} is expected to elect a new {office} {date} after a campaign dominated by housing costs.",
        ),
        "body": (
            "Turnout was {pct} percent, higher than at the last election, {company} said.",
            "{minister}, the {minister_title}, conceded defeat late in the evening and congratulated the winner.",
            "{official}, the {official_title}, did not stand for re-election.",
            "Counting continued past midnight at {venue}, where supporters of both candidates gathered.",
            "The margin of victory was {n_second} votes, close enough for the loser to request a partial recount.",
            "{expert}, a political scientist at {expert_org}, said the result showed frustration with the city's housing shortage.",
            "Observers reported no serious irregularities at polling stations.",
            "The new {office} takes office at the start of next month.",
            "Campaign spending by both sides exceeded ${money} million, according to filings.",
            "Young voters turned out in larger numbers than in previous local elections.",
        ),
        "preview_body": (
            "Polls are expected to open at 7 a.m. and close at 9 p.m.",
            "Both candidates are set to hold final rallies on the eve of the vote.",
            "{company} said results were expected shortly after midnight.",
        ),
        "quotes": (
            ("actor", "Tonight {city} chose change"),
            ("actor", "I will be the {office} of every resident, whatever their vote"),
            ("minister", "We fought a good campaign and I respect the result"),
            ("official", "The city is in good hands, and I wish my successor well"),
            ("expert", "This was a vote about rents more than about parties"),
        ),
        "headings": ("How the vote went", "What the winner promised", "Reaction", "What comes next"),
        "bullets": ("build new affordable homes", "cut bus fares", "hire more street cleaners",
                    "review the city budget", "open more nursery places"),
    },
    "court": {
        "count": "The sentence of {n_main} years is the longest handed to a city official in the {region} in a decade.",
        "count_preview": "Prosecutors have asked for a sentence of {n_main} years.",
        "variants": (
            {"charge": "fraud", "court": "{city} District Court", "company": "the {city} prosecutor's office"},
            {"charge": "bribery", "court": "{region} High Court", "company": "the national anti-corruption office"},
        ),
        "roles": {"actor_title": "former deputy mayor of {city}", "boss_title": "chief prosecutor",
                  "official_title": "presiding judge", "minister_title": "justice minister"},
        "numbers": {"n_main": (2, 12), "n_second": (3, 40), "money": (1, 30), "pct": (10, 60), "hours": (2, 8)},
        "titles": (
            "Former {city} official {actor_last} convicted of {charge}",
            "{actor} found guilty in {charge} trial",
            "Court sentences {actor_last} over {city} contracts",
            "Verdict in {city} {charge} case: {actor_last} jailed",
        ),
        "preview_titles": ("Verdict due in {actor_last} {charge} trial", "{city} awaits ruling in {charge} case"),
        "leads": (
            "{actor}, the {actor_title}, was sentenced to {n_main} years in prison {date} after the {court} found him guilty of {charge}.",
            "The {court} convicted {actor} of {charge} {date} and sentenced the {actor_title} to {n_main} years in prison.",
            "A court in {city} found {actor}, the {actor_title}, guilty of {charge} {date} in a case over public building contracts.",
        ),
        "preview_leads": (
            "The {court} is set to deliver its verdict {date} in the {charge} trial of {actor}, the {actor_title}.",
            "A verdict in the {charge} case against {actor} is expected {date}, lawyers for both sides said.",
        ),
        "body": (
            "Prosecutors said contracts worth ${money} million had been steered to companies owned by friends of the defendant.",
            "{boss}, the {boss_title}, said the verdict showed that no official was above the law.",
            "Defence lawyers said they would appeal.",
            "The trial lasted {n_second} weeks and heard evidence from dozens of witnesses.",
            "{official}, the {official_title}, said the evidence of wrongdoing was overwhelming.",
            "Two business owners were convicted alongside him and received suspended sentences.",
            "{expert}, who teaches law at {expert_org}, said the sentence was at the upper end of the range.",
            "Supporters of the defendant gathered outside {venue} as the verdict was read.",
            "The court also ordered him to repay the money he had received.",
            "The {minister_title}, {minister}, declined to comment on the case while an appeal was possible.",
        ),
        "preview_body": (
            "The defendant has denied all charges.",
            "Prosecutors are expected to ask for a long prison sentence.",
            "Reporters and supporters are set to gather outside the court early in the morning.",
        ),
        "quotes": (
            ("boss", "Public money belongs to the public"),
            ("actor", "I have always acted in good faith and I will clear my name"),
            ("official", "The defendant abused the trust placed in him"),
            ("expert", "This case will change how cities award contracts"),
        ),
        "headings": ("The case", "The sentence", "Reaction", "The appeal"),
        "bullets": ("contracts for school repairs", "a new bus depot", "road resurfacing", "a sports hall"),
    },
    "takeover": {
        "count": "{company} employs {n_main} people, most of them in {city}.",
        "count_preview": "{company} employs {n_main} people, most of them in {city}.",
        "variants": (
            {"company": "{surname_a} Foods", "buyer": "{surname_b} Holdings", "sector": "food"},
            {"company": "{city} Steel", "buyer": "{surname_b} Industries", "sector": "steel"},
            {"company": "{surname_a} Telecom", "buyer": "{surname_b} Group", "sector": "telecoms"},
        ),
        "roles": {"actor_title": "chief executive of {buyer}", "boss_title": "chief executive of {company}",
                  "official_title": "mayor of {city}", "minister_title": "economy minister"},
        "numbers": {"n_main": (400, 12000), "n_second": (50, 900), "money": (80, 4000), "pct": (10, 45), "hours": (2, 9)},
        "titles": (
            "{buyer} agrees to buy {company}",
            "{company} sold in ${money} million deal",
            "Jobs fears as {buyer} takes over {company}",
            "{city}'s {company} changes hands",
        ),
        "preview_titles": ("{company} shareholders set to vote on takeover", "{buyer} bid for {company} faces key vote"),
        "leads": (
            "{buyer} agreed {date} to buy {company}, the {sector} group based in {city} that employs {n_main} people, in a deal worth ${money} million.",
            "{company} announced {date} that it had accepted a ${money} million takeover offer from {buyer}, raising questions about the future of its {n_main} staff.",
            "The {city} {sector} firm {company} is to be sold to {buyer}, the two companies said {date}.",
        ),
        "preview_leads": (
            "Shareholders of {company} are set to vote {date} on a ${money} million takeover offer from {buyer}.",
            "{buyer}'s offer for {company} is expected to be approved at a meeting of shareholders {date}.",
        ),
        "body": (
            "The offer values {company}'s shares at a premium of {pct} percent to their last closing price.",
            "{boss}, {boss_title}, said the deal would give the company the money it needed to invest.",
            "Unions said they would seek guarantees that no jobs would be lost in {city}.",
            "{buyer} said it planned to keep the headquarters in {city} for at least three years.",
            "The deal still needs approval from the competition authority.",
            "{official}, the {official_title}, said he would meet the new owners to discuss jobs.",
            "{expert}, an analyst at {expert_org}, said the price was generous given the company's recent losses.",
            "About {n_second} jobs in administration could be cut, according to a person familiar with the plans.",
            "Shares in {company} rose sharply after the announcement.",
            "The {minister_title}, {minister}, said the government would study the deal closely.",
        ),
        "preview_body": (
            "The board has recommended that shareholders accept the offer.",
            "A group of small investors is expected to vote against it.",
            "The deal is set to be completed by the end of the year if approved.",
        ),
        "quotes": (
            ("actor", "{company} is a great business with a great future"),
            ("boss", "This deal secures the future of the company"),
            ("official", "{city} will hold the new owners to their promises"),
            ("expert", "The buyer is paying for the brand, not the factories"),
        ),
        "headings": ("The deal", "What it means for jobs", "Market reaction", "Next steps"),
        "bullets": ("approval by the competition authority", "a shareholder vote", "talks with unions",
                    "a review of the company's sites"),
    },
    "protest": {
        "count": "Organisers put the crowd at {n_main}.",
        "count_preview": "Organisers expect {n_main} people to take part.",
        "variants": (
            {"cause": "a planned motorway through the {park_name} woods", "company": "the {city} police", "group": "Save {park_name}"},
            {"cause": "rising public transport fares", "company": "the {city} police", "group": "Fair Fares {city}"},
            {"cause": "the closure of the {city} maternity unit", "company": "the {region} police", "group": "Keep {city} Births Local"},
        ),
        "roles": {"actor_title": "spokesperson for {group}", "boss_title": "police commander for {city}",
                  "official_title": "mayor of {city}", "minister_title": "transport minister"},
        "numbers": {"n_main": (500, 40000), "n_second": (2, 60), "money": (10, 900), "pct": (10, 60), "hours": (2, 9)},
        "titles": (
            "Thousands march in {city} against {cause}",
            "{city} protest: crowds demand a rethink on {cause}",
            "Protesters fill {city} streets",
            "Arrests as {city} protest turns tense",
        ),
        "preview_titles": ("Protest planned in {city} this weekend", "Organisers expect large crowd at {city} march"),
        "leads": (
            "{n_main} people marched through {city} {date} to protest against {cause}, in one of the largest demonstrations the city has seen.",
            "Protesters gathered in central {city} {date} to oppose {cause}, with organisers putting the crowd at {n_main}.",
            "A march against {cause} drew {n_main} people to the streets of {city} {date}, police said.",
        ),
        "preview_leads": (
            "Campaigners against {cause} are set to march through {city} {date}, and organisers expect {n_main} people.",
            "A protest against {cause} is expected to bring {n_main} people to central {city} {date}.",
        ),
        "body": (
            "Police said {n_second} people were arrested, most of them for blocking a main road.",
            "The march ended with speeches outside {venue}.",
            "{boss}, the {boss_title}, said the protest had been largely peaceful.",
            "{official}, the {official_title}, said she would meet the organisers.",
            "The {minister_title}, {minister}, defended the plans, saying they had been widely consulted on.",
            "{expert}, who studies social movements at {expert_org}, said the turnout was unusually high for a local issue.",
            "Some shops along the route closed early as a precaution.",
            "Organisers said they would return every weekend until the plans were dropped.",
            "Counter-protesters held a smaller rally a few streets away.",
            "The project is expected to cost about ${money} million, according to official estimates.",
        ),
        "preview_body": (
            "Police are expected to close several roads in the city centre.",
            "Organisers have asked marchers to stay on the agreed route.",
            "Buses are set to be diverted for most of the day.",
        ),
        "quotes": (
            ("actor", "The people of {city} were never asked, so today we are answering"),
            ("boss", "The vast majority of people protested peacefully"),
            ("official", "I have heard the message and I will take it to the government"),
            ("minister", "These plans are good for the whole region"),
            ("witness", "I brought my children because this is about their future"),
        ),
        "headings": ("The march", "Arrests", "The government's response", "What the campaigners want"),
        "bullets": ("a public inquiry", "a pause on construction", "a referendum", "the publication of all studies"),
    },
    "derailment": {
        "count": "There were {n_main} passengers on board, {operator} said.",
        "count_preview": "The train was carrying {n_main} passengers when it derailed.",
        "variants": (
            {"train": "a passenger train", "operator": "{region} Railways", "company": "{region} Railways", "line": "the {city}-{other_city} line"},
            {"train": "a freight train", "operator": "National Freight Rail", "company": "National Freight Rail", "line": "the coastal line near {city}"},
        ),
        "roles": {"actor_title": "chief inspector of the Rail Accident Board", "boss_title": "chief executive of {operator}",
                  "official_title": "mayor of {city}", "minister_title": "transport minister"},
        "numbers": {"n_main": (20, 600), "n_second": (2, 40), "money": (2, 80), "pct": (10, 60), "hours": (4, 48)},
        "titles": (
            "Train derails near {city}",
            "Derailment on {line} injures passengers",
            "Investigators at scene of {city} train crash",
            "{operator} derailment: line closed for days",
        ),
        "preview_titles": ("Report on {city} derailment due", "Line through {city} set to reopen after derailment"),
        "leads": (
            "{train} derailed on {line} {date}, injuring {n_second} people and stranding {n_main} passengers, {operator} said.",
            "Several carriages of {train} left the tracks near {city} {date}, and {n_second} people were taken to hospital.",
            "{operator} suspended services on {line} {date} after {train} derailed outside {city}.",
        ),
        "preview_leads": (
            "Investigators are set to publish their first report into the derailment near {city} {date}.",
            "{line} is expected to reopen {date}, {operator} said.",
        ),
        "body": (
            "The Rail Accident Board sent a team of investigators to the site.",
            "{actor}, the {actor_title}, said it was too early to say what caused the derailment.",
            "{boss}, {boss_title}, apologised to passengers and said services would be replaced by buses.",
            "Repairs to the track were expected to take {hours} hours.",
            "{official}, the {official_title}, said the local hospital had coped well with the injured.",
            "Passengers described being thrown from their seats as the carriages tilted.",
            "Residents said they had complained about the condition of the track for years.",
            "{expert}, a railway engineer at {expert_org}, said heat and old rails were a common cause of derailments.",
            "The {minister_title}, {minister}, said maintenance budgets would be reviewed.",
            "The operator estimated the cost of the damage at ${money} million.",
        ),
        "preview_body": (
            "The report is expected to focus on the condition of the track.",
            "Replacement buses are set to run until the line reopens.",
            "Passenger groups have called for compensation for delayed travellers.",
        ),
        "quotes": (
            ("actor", "Our job is to find out exactly what happened, and we will"),
            ("boss", "We are deeply sorry for what our passengers went through"),
            ("witness", "There was a huge bang and then everything went sideways"),
            ("minister", "Safety on our railways is not negotiable"),
        ),
        "headings": ("What happened", "The injured", "The investigation", "Travel advice"),
        "bullets": ("check before you travel", "replacement buses run every hour", "tickets remain valid on other routes",
                    "refunds are available online"),
    },
}

VENUES = ("City Hall", "the town hall", "the civic centre", "the old market hall", "the county buildings",
          "the sports centre", "the cathedral square", "the central library")
UNIVERSITIES = ("{region} University", "the Institute for Public Policy", "{city} Polytechnic",
                "the Centre for Urban Studies", "the National Research Council")
PARK_NAMES = ("Oakhollow", "Fernside", "Larchmont", "Wolds End", "Greywater", "Hazelwick")
RIVER_NAMES = ("Tessel", "Arn", "Wyle", "Cordle", "Mirrin", "Lune", "Fayle", "Hobb")
