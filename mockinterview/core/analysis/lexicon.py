"""Word lists behind the rules. Kept general: no entry is keyed to a particular answer."""
from __future__ import annotations


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


FILLER_WORDS = _words("um uh erm er uhm hmm mm ah")
DISCOURSE = _words("so okay ok yeah yes well sure and but then oh right alright anyway")
ADVERBS = _words(
    "also just actually really basically then even still already only quickly immediately finally "
    "eventually personally myself ourselves directly pretty much mostly first later initially "
    "simply literally honestly obviously definitely probably kind sort of all both each together "
    "never always usually often sometimes ever soon right instead again back carefully "
    "specifically originally slowly quietly gradually officially proactively jointly "
    "not n't"
)
SUBORDINATORS = _words(
    "when while because after before if since until as although though once whenever unless "
    "where whereas so that which who whom whose what how why"
)
COORDINATORS = _words("and but or so then plus yet")
PREPOSITIONS = _words(
    "of in on at to for with from by about into onto over under through between across after "
    "before during without within around against among toward towards per like than via up "
    "down out off behind beside near"
)
DETERMINERS = _words(
    "the a an this that these those my our your his her their its some any every each no one "
    "two three four five several many few most all both another other"
)

BE = _words("am is are was were be been being 's 're 'm")
HAVE = _words("have has had having 've 'd")
DO = _words("do does did")
MODALS = _words("will would could can should might must may shall 'll 'd")
AUX = BE | HAVE | DO | MODALS | _words("got get gets getting")

SUBJECT_PRONOUNS = {
    "i": "self", "we": "team", "he": "other", "she": "other", "they": "other",
    "you": "generic", "it": "thing", "this": "thing", "that": "thing", "there": "thing",
    "everyone": "team", "everybody": "team", "someone": "other", "somebody": "other",
    "nobody": "other", "anyone": "other", "anybody": "other", "people": "other",
    "nothing": "thing", "everything": "thing", "something": "thing", "which": "thing",
}
OBJECT_PRONOUNS = _words("me us him them")

TEAM_NOUNS = _words("team teams group crew squad department class committee unit staff everyone")
# Nouns that denote people or organisations (an identifiable "other" agent).
PERSON_NOUNS = _words(
    "manager managers boss supervisor supervisors director directors lead leads lead's colleague colleagues "
    "coworker coworkers co-worker co-workers customer customers client clients user users guest guests "
    "patient patients parent parents student students teacher teachers principal engineer engineers "
    "developer developers designer designers vp ceo cfo cto coo founder founders owner owners homeowner "
    "inspector inspectors auditor auditors vendor vendors supplier suppliers contractor contractors gc gm "
    "foreman foremen sub subs subcontractor subcontractors people person doctor doctors doc nurse nurses "
    "resident residents hospitalist physician tech techs technician technicians agent agents rep reps "
    "recruiter professor pi advisor mentor intern interns partner partners company companies firm "
    "leadership management legal engineering marketing sales support finance hr ops operations "
    "housekeeping procurement council board school hospital city family mom dad mother father "
    "daughter son kid kids child children friend friends classmate classmates teammate teammates "
    "controller accountant analyst analysts scientist researcher researchers coordinator head executive "
    "executives stakeholders stakeholder reviewer reviewers officer chef cook cooks driver drivers "
    "employee employees worker workers associates associate member members admin administrator "
    "dean coach player players volunteer volunteers buyer buyers seller landlord tenant tenants "
    "prospect prospects shelter agency bank vendor's someone somebody nobody anyone others other "
    "sites site superintendent architect architects surgeon pharmacist therapist pt "
    "counselor instructor tutor tutors attorney lawyer lawyers investor investors editor host hosts "
    "organisation organization organizations organisations university committee's mentee mentees "
    "cashier cashiers server servers bartender caller callers citizen citizens resident's neighbor "
    "neighbours neighbors manager's client's customer's leader leaders corporate hq headquarters "
    "postdoc postdocs grad"
)
# More people: jobs, family, roles (a noun in this list acting is someone else acting).
_MORE_PEOPLE = (
    "man woman lady gentleman fella girl boy bloke lad haulier landlord landlady neighbour neighbor "
    "dispatcher planner scheduler estimator buyer merchandiser cashier clerk receptionist secretary assistant "
    "paralegal accountant bookkeeper auditor actuary economist statistician programmer tester architect "
    "surveyor electrician plumber carpenter mechanic welder machinist operator technician installer "
    "inspector foreman laborer labourer crew driver courier porter janitor cleaner housekeeper cook chef "
    "baker barista bartender waiter waitress server host hostess sommelier dishwasher steward stewardess "
    "pilot captain officer sergeant soldier lieutenant commander firefighter paramedic medic nurse midwife "
    "doctor surgeon anesthetist anaesthetist radiologist pharmacist dentist hygienist therapist psychologist "
    "counsellor counselor worker caseworker carer caregiver aide orderly registrar consultant "
    "specialist attending resident intern scientist chemist biologist physicist researcher "
    "professor lecturer tutor teacher headteacher headmaster principal dean provost chancellor librarian "
    "coach trainer instructor mentor mentee apprentice trainee recruit recruiter interviewer interviewee "
    "candidate applicant hr salesperson salesman saleswoman rep representative executive "
    "marketer strategist analyst designer writer editor reporter journalist producer director actor "
    "photographer translator interpreter lawyer attorney solicitor barrister judge clerk notary banker "
    "broker trader investor underwriter adjuster agent realtor landlord tenant homeowner neighbour neighbor "
    "husband wife partner spouse son daughter mother father mom mum dad parent grandparent grandmother "
    "grandfather brother sister sibling cousin uncle aunt friend roommate classmate teammate peer "
    "stakeholder sponsor owner founder cofounder co-founder chairman chairwoman president "
    "vp secretary treasurer governor mayor councillor councilor minister official regulator "
    "auditor examiner assessor moderator reviewer approver admin administrator coordinator organiser "
    "organizer volunteer donor member guest visitor caller customer client patron shopper passenger "
    "traveller traveler patient resident pupil student child kid toddler baby teen teenager adult family "
    "vendor supplier contractor subcontractor freelancer partner distributor wholesaler retailer shipper "
    "carrier lender borrower debtor creditor owner operator manager supervisor lead leader boss "
    "superintendent foreperson steward guard")
# Bodies that act as one (the guide's "organisation": other), and informal words for people.
_ORGANISATIONS = (
    "district company firm authority ministry government county union trust charity clinic library "
    "college insurer provider airline consortium competitor chain store branch franchise brand agency "
    "institute foundation nonprofit startup publisher manufacturer plant factory warehouse depot lab "
    "laboratory regiment battalion platoon brigade battalion unit precinct parish diocese church "
    "court tribunal police army navy marines lads guy guys folk folks senior junior colleague coworker "
    "co-worker staffer hire newcomer regular local dr doc exec execs farm practice surgery walker management shift venue employer developer engineer maintainer "
    "contributor author")
PERSON_NOUNS = PERSON_NOUNS | _words(_MORE_PEOPLE) | _words(" ".join(w + "s" for w in _MORE_PEOPLE.split())) \
    | _words(_ORGANISATIONS) | _words(" ".join(w + "s" for w in _ORGANISATIONS.split()) + " companies libraries "
                                     "authorities charities factories laboratories")
# Nouns that are a body only with a name before them: "the fire service", "the transportation office".
COMPOUND_BODIES = _words("service office desk center centre department board")
EMOTION_ADJECTIVES = _words(
    "upset happy unhappy angry annoyed frustrated thrilled pleased glad satisfied impressed furious "
    "mad worried concerned disappointed grateful thankful excited nervous relieved delighted fine "
    "skeptical sceptical resistant hesitant reluctant supportive receptive defensive hostile "
    "irritated livid confused surprised appreciative okay ok proud"
)
# Of those, the ones that are a response to someone or something (the guide's "evaluative
# response", other); the rest are states ("he was scared", "she was stressed": none).
STATE_EMOTIONS = _words("worried concerned nervous relieved confused scared stressed anxious afraid "
                        "overwhelmed tired exhausted embarrassed ashamed lost stuck")
# Things one receives from someone, which make that someone the agent: "feedback from our professor".
RESPONSE_NOUNS = _words("feedback praise approval complaint complaints thanks request requests email emails "
                        "call calls message messages note notes pushback sign-off signoff go-ahead review "
                        "reviews comment comments shout shout-out shout-outs shoutout shoutouts kudos compliment "
                        "compliments recognition")
# Participles that are adjectives after "be"/"get" rather than passives.
ADJECTIVAL_PARTICIPLES = EMOTION_ADJECTIVES | _words(
    "stuck tired exhausted involved based supposed used located overwhelmed interested scared "
    "excited bored stressed burned burnt qualified prepared experienced motivated "
    "committed dedicated organized organised aligned behind lost convinced determined focused "
    "embarrassed ashamed engaged connected related limited packed swamped understaffed short-staffed "
    "slammed hammered flooded snowed overloaded"
)
# Participles that, after "get", are something that happened to someone: "we got hit with a fee".
EXPERIENCE_PARTICIPLES = _words("hit stuck caught slammed burned burnt hammered blindsided")
# Nouns for work that hides who did it ("a root-cause review found…", "testing uncovered…").
ACTION_NOUNS = _words("review analysis audit investigation testing test survey check inspection assessment "
                      "evaluation study research retrospective postmortem post-mortem debrief probe inquiry")

COGNITION = _words(
    "notice realize realise know see saw think thought believe learn learned learnt understand "
    "recognize recognise guess suppose assume remember forget wonder expect hope wish worry doubt "
    "imagine feel mean trust suspect sense bet reckon consider figure picture visualise visualize envision "
    "envisage dream ponder"
)
FEELING = _words("want like love enjoy hate prefer appreciate need care dislike fear miss regret")
# Verbs of speech and direction: what follows them is reported, not done by the speaker.
SPEECH = _words("say said tell told ask asked mention mentioned explain explained")
STATE = _words(
    "be have seem appear look sound remain stay lose lost face struggle experience suffer belong "
    "contain include involve cost take depend mean exist matter last happen occur feel get fall "
    "run"
)
PARTICIPATION = _words("work join attend participate belong")
EMPATHY_TARGETS = _words("see understand stay be keep remain empathize empathise put imagine listen")
LEAD_VERBS = _words("lead led manage managed run ran running leading managing supervise supervised "
                    "coordinate coordinated oversee oversaw own owned head headed chair chaired")
# Phrasal experiences: "we ran into", "we got stuck".
EXPERIENCE_PHRASES = {("run", "into"), ("come", "up"), ("hit", "a")}

# -- for the dependency-based clause reader (deps.py) ---------------------------------------------------
# Verbs whose object does what the following infinitive says: "asked me to call", "had me refund".
OBJECT_CONTROL = _words("ask tell want get have make let allow force persuade convince encourage push "
                        "remind invite need expect require help pay hire assign task")
# Verbs of giving orders or directions: what the candidate does under them is the other's decision.
DIRECTIVE = _words("have make let order instruct direct require assign tell ask want need get")
# Effort and attempt: the kind of the verb they govern decides ("tried to stay calm" is not an act).
EFFORT_VERBS = _words("try attempt strive aim struggle endeavour endeavor work")
PERCEPTION = _words("see notice hear spot observe feel sense realize realise recognize recognise discover "
                    "find learn understand appreciate watch")
# Perception that comes from one's own investigation counts as a contribution (the guide).
DISCOVERY = _words("find identify discover uncover diagnose trace pinpoint calculate measure")
SPEECH_LEMMAS = _words("say tell ask mention explain answer reply respond suggest propose recommend argue "
                       "insist warn inform remind request demand complain email call text message write")
WEAK_VERBS = _words("help assist support contribute participate aid")
# Agreeing is an opinion for the speaker but a decision for someone else ("He agreed after some back and forth").
EVALUATIVE_VERBS = _words("agree approve accept reject refuse object push praise thank complain")
STATE_LEMMAS = _words(
    "be have seem appear look sound remain stay lose face struggle experience suffer belong contain include "
    "involve cost depend exist matter last happen occur get fall deserve lack disagree become "
    "receive wait stay")
DIRECTIONS = _words("to into in on onto out over through back up down across around off")
# Group nouns that mean the candidate's own group unless something says otherwise ("the team
# decided"); other groups ("the committee", "the board") are someone else.
OWN_GROUP_NOUNS = _words("team teams group crew squad everyone")
# Wants and plans: the speaker's own are framing (none), a team's or someone else's count (the guide).
WANT_VERBS = _words("want hope plan wish aim intend prefer expect")
CHANGE_VERBS = _words("rise fall drop increase decrease grow double triple improve decline climb jump spike "
                      "dip shrink plummet soar go come stay hit reach")
# "one of our clients", "a couple of us": the class is that of the group named after "of".
QUANTIFIER_HEADS = _words("one each two three four five some most all half couple few lot rest none both many "
                          "several part majority minority handful chunk portion number share fraction bunch "
                          "percent quarter third")
# What someone's work does when it stands for them: "my analysis showed", "our audit found".
SHOWING_VERBS = _words("show find reveal prove identify flag catch highlight uncover point suggest demonstrate "
                       "confirm save cut")
# Nouns for traits, which "showed initiative" names instead of an act.
TRAIT_NOUNS = _words("initiative leadership resilience teamwork flexibility ownership creativity patience "
                     "empathy skill skills adaptability commitment integrity courage judgement judgment "
                     "professionalism accountability persistence determination maturity")
# Tools, systems and measures that open sentences as if they were people: not agents.
TOOL_NOUNS = _words(
    "jenkins jira salesforce excel tableau slack zendesk github gitlab kubernetes aws azure gcp terraform sap "
    "workday hubspot epic cerner confluence trello asana notion figma sql python java javascript docker "
    "ansible datadog splunk grafana looker powerbi sharepoint outlook teams zoom quickbooks xero netsuite "
    "oracle sheets docs airtable monday shopify stripe twilio sentry pagerduty circleci travis bamboo "
    "system software tool script pipeline dashboard spreadsheet report model algorithm process app platform "
    "server database bot automation form template checklist survey dependabot renovate copilot chatgpt "
    "ci cd linter compiler scanner scanners printer kiosk robot sensor sensors alarm monitor pos api apis "
    "endpoint service's website site's")
METRIC_ACRONYMS = _words("csat nps kpi kpis mrr arr sla slas okr okrs roi p&l aht fcr cpa ctr dau mau "
                         "ebitda cac ltv gmv wer")
# Work products that, owned by "my", stand for the speaker ("my analysis showed…").
WORK_NOUNS = _words("analysis research work idea proposal suggestion data model investigation notes report memo "
                    "script fix change plan pitch design prototype recommendation audit review survey "
                    "findings spreadsheet dashboard presentation numbers part")
# Capitalised words that open sentences without being names.
COMMON_CAPITALISED = _words("so and but then well yes no okay ok sure honestly basically actually luckily "
                            "eventually finally overall afterwards later first second third next also")

HABITUAL_MARKERS = _words("always usually often generally typically normally sometimes tend nowadays")

IRREGULAR_PAST = {
    "was": "be", "were": "be", "had": "have", "did": "do", "went": "go", "got": "get", "gotten": "get",
    "made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give", "came": "come",
    "saw": "see", "seen": "see", "knew": "know", "known": "know", "thought": "think", "told": "tell",
    "said": "say", "found": "find", "felt": "feel", "kept": "keep", "left": "leave", "brought": "bring",
    "bought": "buy", "built": "build", "sent": "send", "spent": "spend", "began": "begin",
    "begun": "begin", "wrote": "write", "written": "write", "ran": "run", "led": "lead", "met": "meet",
    "sat": "sit", "stood": "stand", "spoke": "speak", "spoken": "speak", "drew": "draw", "drawn": "draw",
    "drove": "drive", "driven": "drive", "chose": "choose", "chosen": "choose", "broke": "break",
    "broken": "break", "caught": "catch", "taught": "teach", "fought": "fight", "held": "hold",
    "heard": "hear", "lost": "lose", "paid": "pay", "sold": "sell", "won": "win", "rose": "rise",
    "risen": "rise", "fell": "fall", "fallen": "fall", "grew": "grow", "grown": "grow", "threw": "throw",
    "thrown": "throw", "understood": "understand", "overcame": "overcome", "became": "become",
    "forgot": "forget", "forgotten": "forget", "shook": "shake", "woke": "wake", "wore": "wear",
    "hung": "hang", "dug": "dig", "fed": "feed", "fled": "flee", "lent": "lend", "meant": "mean",
    "slept": "sleep", "swept": "sweep", "stuck": "stick", "struck": "strike", "sought": "seek",
    "undertook": "undertake", "oversaw": "oversee", "rebuilt": "rebuild", "rewrote": "rewrite",
    "rewritten": "rewrite", "reran": "rerun", "withdrew": "withdraw", "upheld": "uphold",
    "put": "put", "set": "set", "cut": "cut", "read": "read", "let": "let", "hit": "hit",
    "quit": "quit", "shut": "shut", "spread": "spread", "cost": "cost", "hurt": "hurt",
    "reset": "reset", "split": "split", "upset": "upset", "bet": "bet", "burnt": "burn",
    "learnt": "learn", "dealt": "deal", "done": "do", "gone": "go", "been": "be",
    "showed": "show", "shown": "show", "flew": "fly", "blew": "blow", "ate": "eat", "froze": "freeze",
    "stole": "steal", "laid": "lay", "lay": "lie", "rode": "ride", "hid": "hide", "bit": "bite",
    "proved": "prove", "proven": "prove", "sped": "speed", "shot": "shoot", "swore": "swear",
    "outgrew": "outgrow", "redid": "redo", "redone": "redo", "sang": "sing", "swam": "swim", "rang": "ring",
    "sank": "sink", "sprang": "spring", "drank": "drink", "beat": "beat", "bent": "bend",
    "bound": "bind", "wound": "wind", "ground": "grind", "slid": "slide", "strove": "strive",
    "tore": "tear", "torn": "tear", "wove": "weave", "wept": "weep", "crept": "creep", "leapt": "leap",
}
# Words ending in -ed that are not past-tense verbs.
NOT_PAST_ED = _words("need bed red shed speed feed seed weed indeed embed breed hundred proceed "
                     "exceed succeed ahead instead bleed greed deed shred sled fed")
ING_NOT_VERB = _words("thing things nothing something anything everything morning evening "
                      "during bring king ring spring string sing building meeting ceiling "
                      "training funding pricing morning bring")

# Common base-form verbs, used to spot "had NP <verb>" causatives and "to <verb>" goals.
BASE_VERBS = _words(
    "make take give get go come do build write send call email check fix run set put cut move "
    "change review draft design test schedule prepare present pitch sign shadow redo mock help "
    "look talk meet show explain pull push update create plan book order ship refund cover "
    "handle answer document train lead manage own share clean organize organise track follow "
    "rewrite re-run rerun re-export re-export contact reach file fill sort stock close open"
)

HEDGES = (
    ("i", "think"), ("i", "guess"), ("i", "suppose"), ("i", "believe"), ("i", "feel", "like"),
    ("kind", "of"), ("sort", "of"), ("maybe",), ("perhaps",), ("probably",), ("just",),
    ("i", "'d", "say"), ("more", "or", "less"), ("somewhat",), ("pretty", "much"), ("a", "bit"),
    ("a", "little", "bit"), ("hopefully",), ("possibly",), ("i", "mean"),
)
FILLERS = (("um",), ("uh",), ("erm",), ("er",), ("uhm",), ("you", "know"), ("basically",),
           ("literally",), ("like",), ("i", "mean"), ("you", "see"), ("so", "yeah"), ("or", "whatever"))

# Function words for a cheap "is this English?" check.
ENGLISH_FUNCTION_WORDS = _words(
    "the a an and or but of to in on at for with from by i we you he she it they me us him her "
    "them my our your his their is are was were be been have has had do did not no so that this "
    "what which who when where how if then there as about just like up out all some"
)

# Verbs only a person (or a body of people) does: a noun we do not know acting with one of these
# is someone ("the trustees asked", "one of the walkers emailed").
ANIMATE_VERBS = _words("ask tell decide want refuse agree complain thank email phone text insist demand promise "
                       "apologise apologize beg invite hire fire promote volunteer argue reply shout yell "
                       "praise blame thank")
# Things that "say", "ask" or "tell" in ordinary English without being people.
DOCUMENT_NOUNS = _words("email letter note sign website page policy contract rule rules law message notice "
                        "memo form survey data report system doc document manual guide label screen")
# What one misses by falling short, not by longing: "I missed my sales target".
SHORTFALLS = _words("target targets deadline deadlines goal goals quota cutoff cut-off date slot slots step steps "
                    "error errors mistake sign signs check checks call calls appointment appointments payment")
# Verbs whose past tense is their base form: a résumé line "Cut costs by 12%." reads as an order.
SAME_FORM_PAST = _words("cut set put shut split spread cast broadcast quit hit let upset reset")
# "So this guy comes in…": people a story told in the present introduces with "this".
STORY_PEOPLE = _words("guy man woman lady gentleman kid child boy girl customer guest client patient caller "
                      "couple family fella bloke lad dad mum mother father driver resident student")
# What the body does to someone: a reaction, not an act ("I was shaking", "I cried").
BODILY = _words("cry shake tremble sob weep panic fume freak blush sweat")
# Verbs the lexicon knows: a lemma the tagger got wrong ("hated" → "hat") is put right against these.
KNOWN_VERBS = FEELING | COGNITION | PERCEPTION | STATE_LEMMAS | WEAK_VERBS | LEAD_VERBS | BODILY | \
    _words("hate create state rate date locate relate translate debate estimate update automate calculate "
           "negotiate delegate escalate navigate operate generate graduate demonstrate evaluate facilitate")
