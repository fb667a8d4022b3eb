"""Safety words: heat and fire, injuries and accidents, and the hedges that make them a question
(hypotheticals, precautions, suppositions)."""

from __future__ import annotations

from izer.analysis.terms import Terms

# fmt: off
# --- critical: safety -------------------------------------------------------------------------
FIRE = Terms(
    "duman cik*", "duman gel*", "duman var", "duman yuksel*", "duman tut*", "duman at*", "duman sal*",
    "duman kokusu*", "dumani*", "dumanlar*", "dumandan", "dumana", "smoke coming", "smoke pouring", "smoke from",
    "there s smoke", "theres smoke", "smoke everywhere", "full of smoke", "smoke in the", "alev aldi*", "alev almis*",
    "alev aliyo*", "alev alan", "alev alarak", "alev cik*", "alevler*",
    "alevlen*", "yangin*", "tutustu*", "tutusa*",
    "yanik koku*", "yanik kok*", "smoking", "flame*", "on fire", "caught fire", "catch* fire",
    "catching fire", "explod*", "explosion", "burning smell", "smell* ~ burn*", "burnt smell", "patlama riski",
    "kivilcim* ~ cik*", "kivilcim* sac*", "sparks from", "sparks coming", "itfaiye*", "fire brigade",
    "fire department", "electric shock", "elektrik carp*", "carpildim", "electrocut*", "got a shock",
    "shocked me",
)
"""Fire words: a fire wherever it is. Plain "fire" is slang too ("this bike is fire"), so it is a sign that
needs something carrying current next to it (:data:`FIRE_SIGN`)."""
_HEAT = (
    "fire", "yandi", "yaniyo*", "yanmis*", "yanmaya", "yanarak", "burning", "burnt", "burned", "melt*", "eridi",
    "erimis*", "kivilcim*", "spark", "sparks", "sparking", "sisti", "sismis*", "siskin*", "sisme*", "swollen",
    "swelling", "swell*", "bulging", "bulge*", "puff*", "hissing", "hisses", "hissed", "crackl*", "citirti*", "koku*",
    "kokuyo*",
    "smell*", "stink*", "chemical*", "kimyasal*", "deform*", "leak*", "sizinti*", "sizdiriyo*", "batarya* patla*",
    "pil* patla*", "asiri isin*", "cok isin*",
    "overheat*", "hot to the touch", "too hot", "very hot", "cok sicak", "asiri sicak",
)
POWER_PART = Terms(
    "batarya*", "bataria*", "baterya*", "pil", "pili*", "sarj*", "adaptor*", "kablo*", "soket*", "priz*",
    "battery", "batteries", "charger*", "charging", "cable*", "plug*", "socket*", "outlet", "controller*",
    "kontrolcu*", "beyin", "motor*",
)
LIGHT = Terms(
    "isik*", "isig*", "lamba*", "led", "ledi*", "light*", "gosterge*", "uyari isig*", "ikaz*", "yesil*",
    "kirmizi*", "mavi", "turuncu", "sari", "beyaz", "green", "red", "blue", "orange", "amber",
)
"""Indicator lights: "şarj aleti yeşil yanıyor" (the charger LED is on) is not a fire."""
BRAKE_WEAK = Terms(
    "fren* ~ zayif*", "fren* ~ yumusa*", "fren* ~ tam tutmuyo*", "fren* ~ gec tutuyo*", "fren* ~ sunger*",
    "brake* ~ spongy", "brake* ~ soft", "brake* ~ weak*", "brake* ~ barely", "lever* ~ to the bar",
    "fren kolu* ~ sonuna kadar*",
)
"""Brakes that still work, badly: a safety concern for the next ride, not yet a failure."""
BRAKE_FAILURE = Terms(
    "fren* gitti", "fren* gitmis*", "lever* ~ to the grip", "all the way to the grip", "frenim yok", "frenler yok", "no brakes", "frensiz kal*", "lost my brakes",
    "lost the brakes", "durduramadim", "couldnt stop",
    "cant stop", "cannot stop", "wont stop", "duramiyo*", "durduramiyo*", "durduramad*", "frenlemiyo*",
    "fren* yok", "yavaslayamiyo*", "yavaslamiyo*", "doesnt stop at all", "wont slow down", "cant slow down",
    "couldnt slow down", "no stopping power", "couldnt brake", "cant brake", "wont brake", "doesnt brake",
    "didnt brake", "frenleyemedim", "frenleyemiyo*", "fren yapamadim", "fren yapamiyo*",
    "durmakta zorlan*", "durmakta zorluk*", "durdurmakta zorlan*", "durdurmakta zorluk*", "zor durdu*",
    "zar zor dur*", "zorla durdu*", "trouble stopping", "hard time stopping", "struggl* to stop", "barely stop*",
    "hard to stop", "used my feet to stop", "used my shoes to stop", "feet to stop", "shoes to stop",
    "dragged my feet", "ayagimla durdu*", "ayaklarimla durdu*", "ayakla durdu*", "ayagimi yere*",
    "fren* tamamen gid*", "fren* komple gid*", "fren* birden gid*", "fren* aniden gid*", "fren* bir anda gid*",
    "brake* went completely", "brake* just went", "brake* completely gone",
)
_STRUCTURES = (
    "kadro*", "catal*", "gidon*", "sele borusu*", "sele boru*", "frame", "fork", "handlebar*", "stem",
    "seatpost*", "seat post*",
)
_WHEELS = ("tekerlek*", "teker", "tekeri*", "aks", "aksi", "axle", "wheel*")
_STRUCTURE_FAILS = (
    "catla*", "kirildi*", "koptu*", "ayrildi*", "firladi*", "yerinden cikti*", "yerinden oynadi*", "crack*",
    "snapped", "broke", "broken", "came off", "came loose", "fell off",
)
_DETACH_FAILS = (
    "firladi*", "firlamis*", "yerinden cikti*", "yerinden cikmis*", "cikti geldi", "came off", "came loose",
    "fell off", "flew off",
)
STRUCTURE_FAILURE = Terms(
    *(f"{part} ~ {fail}" for part in _STRUCTURES for fail in _STRUCTURE_FAILS),
    *(f"{wheel} ~ {fail}" for wheel in _WHEELS for fail in _DETACH_FAILS),
)
_NEAR = ("az kalsin", "az daha", "neredeyse", "nearly", "almost", "barely avoided")
_FALLS = (
    "dusuyo*", "dusecek*", "dustum", "dustuk", "kaza yap*", "kazaya", "kaza geciri*", "carpiyo*", "carpacak*",
    "devriliyo*", "devrilecek*", "uctum", "ucuyo*", "fall*", "fell", "crash*", "went over", "hit a",
    "hit the", "flew over", "over the handlebar*", "kafa ustu", "kafaustu", "head first", "headfirst",
)
_NEAR_VEHICLES = ("car", "bus", "truck", "van", "taxi", "araba*", "arac*", "otobus*", "kamyon*", "taksi*")
NEAR_MISS = Terms(
    *(f"{near} ~ {fall}" for near in _NEAR for fall in _FALLS),
    *(f"{near} ~ {vehicle}" for near in _NEAR for vehicle in _NEAR_VEHICLES),
    *(f"{vehicle} ~ {near}" for near in _NEAR[:2] for vehicle in _NEAR_VEHICLES),
)
RUNAWAY = Terms(
    "kendi kendine hizlan*", "kendi kendine gidiyo*", "gaz* takili kal*", "throttle* stuck",
    "accelerat* by itself", "accelerat* on its own", "wont stop accelerat*",
)
ACCIDENT = Terms(
    "kaza", "kazaya", "kazada", "kazadan", "kazasi", "kazayi", "kazalar", r"re:(?<!by )accident", "collision",
    "bike crash*",
)
"""Accident words: an accident that happened is critical, "kaza sigortası" (accident insurance) is not."""
ACCIDENT_EVENT = Terms(
    "kaza yapti*", "kaza gecirdi*", "kaza gecirdik", "kaza gecirdim", "kazaya karis*", "kaza oldu", "crashed into",
    r"re:crashed (?:my|the|his|her|our) (?:[a-z]+ )?(?:bike|ebike|bicycle|scooter|rental|cargo bike)s?",
    "crashed on", "had a crash", "bad crash", "had an accident",
    r"re:(?:i|we|he|she|son|daughter|wife|husband|friend|kid|child|rider|courier|customer|guest|someone) crashed",
)
"""An accident told as something that happened: no "if" or "insurance" nearby makes it a question."""
INJURY = Terms(
    "yaralan*", "yarali*", "kaniyo*", "kanama*", "hastaneye kaldir*", "hastanelik", "hastaneye gotur*",
    "acile kaldir*", "acile git*", "ambulans*",
    "dustum", "dustuk", "bisikletten dustu*", "bisikletten dusup", "bisikletten dusmus*", "araba carpti*",
    "arac carpti*", "carpisti*", "kolum kirildi*",
    "bacagim kirildi*", "bilegim kirildi*", "acildeyi*", "bilinci*", "kafasini carp*",
    "basini carp*", "kafami carp*", "basimi carp*",
    r"re:(?:kolum|bacagim|bacagi|bilegim|bilegi|kafam|kafasi|basim|omzum|omzu|dizim|dizi|kaburga[a-z]*"
    r"|burnum|burnu|disim|parmagim|parmagi|kopruck[a-z]*) (?:[a-z]+ ){0,2}(?:kirildi|kirik|kaniyo|kanadi|catladi"
    r"|yarildi|acayip agri|cok agri)[a-z]*",
    r"re:(?:oglum|kizim|cocugum|esim|annem|babam|arkadasim|kuryemiz|kurye|musterimiz) (?:[a-z]+ ){0,3}dus(?:tu|up)",
    r"re:(?:my|his|her|their) (?:collarbone|arm|leg|wrist|ankle|ribs?|nose|head|shoulder|hip|knee|hand|teeth|face)"
    r" (?:[a-z]+ ){0,2}(?:is |are |was )?(?:broken|fractured|bleeding|cut open|swollen|injured)",
    r"re:(?:hit|banged|bumped) (?:my|his|her) head", "head injury", "concussion", "unconscious", "passed out",
    "emergency room", "broke his", "broke her",
    r"re:(?:son|daughter|kid|child|wife|husband|friend|he|she|i|we|rider|courier) (?:[a-z]+ ){0,2}fell",
    "hit by a", "knocked me", "ran into me", "drove into me", "doored", "bruised", "wrecked",
    r"re:(?:car|van|taxi|bus|truck|lorry|motorbike|scooter|driver) (?:just )?(?:hit|knocked|ran into|doored)"
    r" (?:me|us|him|her|my)",
    r"re:(?:araba|arac|taksi|otobus|kamyon|minibus|motor|motorsiklet|surucu)[a-z]* (?:[a-z]+ ){0,2}"
    r"carp(?:ti|ip|masi)[a-z]*",
    "injur*", "hurt", "bleeding", "ambulance", "fell off my", "fell off the bike", "fell off his",
    "fell off her", "i fell", "we fell", "he fell", "she fell", "fell down", "broke my arm", "broke my leg",
    "broke my wrist", "knocked off", "was hit", "got hit",
)
"""Someone hurt: critical whatever else the message says."""
DANGER = Terms(
    "korktum", "cok korktum", "korkutucu", "olum tehlike*", "hayati tehlike*", "olecektim", "oluyordum",
    "cok tehlikeli", "tehlike atlat*", "could have been killed", "could have died", "nearly died", "almost died",
    "scared me", "terrified", "terrifying", "very dangerous", "so dangerous", "zor durdum", "barely stopped",
    "korkuyorum", "korkuyoruz", "binmeye kork*", "ucuz atlat*", "ucuz kurtul*", "sayesinde kurtul*",
    "sans eseri", "sansliymisim", "scary", "frightening", "felt unsafe", "guvensiz*", "tehlikeliydi",
)
"""A rider telling of danger just lived through: with a part or a breakdown, a safety risk."""
SUBJECT_DANGER = Terms(
    "dangerous", "tehlikeli*", "unsafe", "guvenli degil", "guvenilmez", "korkutucu", "scary", "frightening",
    "risky", "riskli", "hazard*",
)
"""A brake, a battery, the frame or a wheel called dangerous: a safety risk unless asked about."""
DANGER_QUESTION = Terms(
    "is it", "is that", "is this", "are they", "are these", "would it", "could it", "will it", "can it", "mi",
    "mu", "midir", "mudur", "olur mu", "olabilir mi", "degil mi", "how", "why", "nasil", "neden",
)
"""Asking whether something is dangerous ("frenler tehlikeli mi?", "is it dangerous to…") is a question."""
FIGURATIVE = Terms(
    "fire safety", "safety bag*", "charging bag*", "fire escape", "fire exit", "fire alarm*", "fire door*",
    "yangin muslug*", "fire hydrant*", "hydrant*", "yangin merdiven*", "yangin cikis*", "yangin alarm*", "yangin kapi*", "yangin dolab*", "yangin guvenli*",
    "in the reviews", "on fire in", "yangin yeri*", "yangin gibi", "ates gibi", "alev gibi", "bomba gibi",
    "roket gibi", "is fire", "so fire",
    "fire sale", "accident free", "kazasiz*", "crash free", "crash test*", "smoking fast", "smoking quick",
    "smoking hot", "smoking deal", "smokin", "tatbikat*", "fire drill*", "drill", "kaza eseri", "kazara",
    "my legs had", "my legs have", "legs had", "bacaklarimin fren*", "bacaklarim ~ fren*", "siparis* patladi",
    "siparis* patliyo*", "isler patladi", "is patladi", "ortalik patladi",
)
"""Fire words used as praise: "your new e-bike is on fire in the reviews", "kampanya yangın gibi"; a failure
said of the rider's own legs ("my legs had total brake failure") or of the work ("siparişler patladı")."""
_WOULD_IT = r"re:(?!var )[a-z]+(?:ar|er|ir|ur|maz|mez) m[iu]"
"""An aorist question asks what would happen: "elektrik çarpar mı", "batarya patlar mı", "fren tutmaz mı"."""
_WISH_IF = (
    r"re:(?:kal|ol|birak|tak|yap|bin|sur|gel|git|dur|cek|kullan|unut|koy|sok|tut|ver|bekle|dokun|sarj et)"
    r"(?:sa|se)(?:m|k|n|niz|nuz|lar|ler)?"
)
"""A plain conditional of a common verb ("takılı kalsa", "gece şarjda bıraksam"): what would happen, not what did."""
_PARTICIPLE_PLURAL = (
    r"re:(?!(?:fren|ekran|duman|insan|zaman|orman|hayvan|kazan|liman|meydan|tavan|alan|yan)(?:ler|lar))"
    r"[a-z]+(?:enler|anlar)[a-z]*"
)
"""Those who do something ("kaza yapanlar", "şarjda unutanlar") ask in general; a plural noun in -en/-an
("frenler", "dumanlar", "ekranlar") does not."""
_PRECAUTIONS = (
    "protection", "protected against", "protects against", "koruma*", "safety feature*", "guvenlik ozellig*",
    "cut off switch", "kesme devre*",
)
"""A protective feature named next to a danger word asks about the feature: "overheat protection"."""
_SUPPOSE = (
    "diyelim ki", "diyelimki", "tutalim ki", "varsayalim", "farz edelim", "farz et", "olur da", "teorik olarak",
    "suppose", "supposing", "lets say", "hypothetical*", "theoretically",
)
"""A scene set up as a supposition: "diyelim ki turda lastik patladı", "let's say the battery dies"."""
HYPOTHETICAL = Terms(
    *_SUPPOSE,
    "sigorta*", "insurance", "insured", "in case", "olursa", "durumunda", "halinde", "policy", "what happens if",
    "what if", "if", "diye", "gibi", "karsi", "dayanikli*", "riski*", "onle*", "fireproof", "resistant",
    "extinguisher*", "sonduru*", "yangin tup*", "fire blanket*", "smoke free", "no smoking", "non smoking", "sigara*",
    "avoid*", "prevent*", "sorumlu*", "responsible", "liable", "covered",
    r"re:[a-z]+(?:irsa|irse|ursa|urse|arsa|erse|mazsa|mezse|yorsa|yosa)(?:m|k|niz|n)?",
    r"re:[a-z]+(?:diysa|tiysa|duysa|tuysa|diyse|tiyse|duyse|tuyse)", r"re:[a-z]+(?:mamak|memek)[a-z]*", _WISH_IF,
    _PARTICIPLE_PLURAL, "mi diye", "mu diye", "wondering if", "wondering whether", "wonder if",
    _WOULD_IT, "yapan", "geciren", "yasayan", "rapor*", "tutanag*", "tutanak*", "report*", "claim*",
    "insurer*", "ekspertiz*", *_PRECAUTIONS,
)
"""Words that make a nearby accident, theft, fire or breakdown a question, not an event: "kaza yaparsam",
"in case of theft", "yangına dayanıklı mı", "yangın gibi", "kaza yapmamak için"."""
LEGAL_OTHER_SENSE = Terms(
    "ben avukat*", "avukat olarak", "avukatlik buro*", "hukuk buro*", "hukuk fakulte*", "buromuz*",
    "i am a lawyer", "im a lawyer", "as a lawyer", "lawyer friend", "law firm", "law office", "law school",
    "mahkeme bina*", "mahkemenin yani*", "adliye*", "courthouse", "court house", "tennis court", "basketball court",
    "food court", "lawyer here", "dava konusu degil", "davalik degil", "avukatlik ofis*", "hukuk ofis*",
    "law practice", "court of appeals", "appeals court", "supreme court", "works at the court",
    "retired from the court", "judge at", "my lawyer said", "my lawyer says", "our lawyer said",
    "our lawyer says", "avukatim diyo*", "avukatim dedi", "avukatimiz diyo*", "avukatimiz dedi",
)
"""A legal word used for a job or a place, or a lawyer's advice passed on, not a threat: "ben avukatım,
büromuz için 3 bisiklet", "my lawyer said the invoice should show VAT separately"."""
RIGHTS_QUESTION = Terms(
    "hakkim var mi", "hakkimiz var mi", "hakki var mi", "hakkim var midir", "hakkim nedir", "haklarim neler",
    "do i have the right", "am i entitled", "what are my rights", "is it my right", "acisindan sor*",
    "sormak istiyo*", "i d like to ask", "id like to ask", "just asking",
)
"""Asking what one's rights are: a question for the shop, not a threat against it."""
# fmt: on

__all__ = [
    "ACCIDENT",
    "ACCIDENT_EVENT",
    "BRAKE_FAILURE",
    "BRAKE_WEAK",
    "DANGER",
    "DANGER_QUESTION",
    "FIGURATIVE",
    "FIRE",
    "HYPOTHETICAL",
    "INJURY",
    "LEGAL_OTHER_SENSE",
    "LIGHT",
    "NEAR_MISS",
    "POWER_PART",
    "RIGHTS_QUESTION",
    "RUNAWAY",
    "STRUCTURE_FAILURE",
    "SUBJECT_DANGER",
]
