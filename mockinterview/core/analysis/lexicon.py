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
EMOTION_ADJECTIVES = _words(
    "upset happy unhappy angry annoyed frustrated thrilled pleased glad satisfied impressed furious "
    "mad worried concerned disappointed grateful thankful excited nervous relieved delighted fine "
    "skeptical sceptical resistant hesitant reluctant supportive receptive defensive hostile "
    "irritated livid confused surprised appreciative okay ok"
)
# Participles that are adjectives after "be"/"get" rather than passives.
ADJECTIVAL_PARTICIPLES = EMOTION_ADJECTIVES | _words(
    "stuck tired exhausted involved based supposed used located overwhelmed interested scared "
    "excited bored stressed burned burnt qualified prepared experienced motivated "
    "committed dedicated organized organised aligned behind lost convinced determined focused "
    "embarrassed ashamed engaged connected related limited packed swamped understaffed short-staffed"
)

COGNITION = _words(
    "notice realize realise know see saw think thought believe learn learned learnt understand "
    "recognize recognise guess suppose assume remember forget wonder expect hope wish worry doubt "
    "imagine feel mean trust suspect sense bet reckon consider"
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
