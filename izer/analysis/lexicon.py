"""Domain vocabulary of the rule analyzer: Turkish first, English second, WhatsApp spelling tolerated.

Entries are folded like messages (see :mod:`analysis.text`): write them with or without diacritics.
``word*`` is a stem (any suffix), ``a b`` a phrase, ``a ~ b`` a phrase with up to three words between,
``re:`` a raw pattern over keys. Continuous tenses are written ``-iyo*`` because WhatsApp drops the r.
"""

from __future__ import annotations

from izer.analysis.terms import Terms
from izer.analysis.text import TYPOS

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
    "fren* gitti", "fren* gitmis*", "frenim yok", "frenler yok", "no brakes", "frensiz kal*", "lost my brakes",
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
    "firladi*", "yerinden cikti*", "cikti geldi", "came off", "came loose", "fell off", "flew off",
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
    "yangin merdiven*", "yangin cikis*", "yangin alarm*", "yangin kapi*", "yangin dolab*", "yangin guvenli*",
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

# --- critical: safety as concepts, a subject paired with a sign of failure or harm --------------
# A safety risk is a safety-relevant subject (brakes, anything carrying current, the frame and steering, the
# wheels, the rider's body, a vehicle) named in the same sentence as a sign of failure or harm, in any tense
# or spelling. Subjects and signs are separate tables, so a new wording of either still pairs:
# "fren kolu gidona değiyor, hiçbir şey olmuyor", "the stem bolt sheared off", "bir kamyonet sıyırdı".
BRAKE = Terms(
    "fren*", "brake*", "braking", "balata*", "lever", "levers", "kol", "kolu", "kollar*", "kolunu", "kola",
    "disk", "diski", "diskler*", "disc", "discs", "rotor*", "kaliper*", "caliper*", "hidrolik*", "hydraulic*",
    "pad", "pads", "squeez*", "siktim", "sikiyo*", "sikinca", "pulled hard", "frn*", "breaks", "front break",
    "rear break", "back break", "break lever*",
)
NOT_BRAKE = Terms(
    "vites kol*", "gear lever*", "shift lever*", "shifter*", "gaz kol*", "throttle lever*", "fren lamba*",
    "fren isig*", "stop lamba*", "brake light*", "kendime fren*", "kendimi frenle*", "quick release lever*",
    "release lever*", "dropper lever*", "seatpost lever*", "sele kol*", "kelepce kol*", "cabuk sokme kol*",
)
"""Levers and lights that are not brakes: "vites kolu kırıldı", "fren lambası yanmıyor", "the quick release
lever won't budge"."""
BRAKE_SIGN = Terms(
    "durmadi*", "yavaslamadi*", "birakti*", "birakiyo*", "tutmuyo*", "tutmadi*", "tutmaz*", "tutmiyo*",
    "calismiyo*", "calismadi*", "bosa", "bosta", "bosa gidiyo*", "bosa gitti*", "bosaldi*", "koptu*", "kopmus*",
    "kopuk", "kirildi*", "kirilmis*", "kirik*", "patladi*", "durduramiyo*", "durduramadi*", "duramiyo*",
    "durmuyo*", "durdurmuyo*", "frenlemiyo*", "yavaslatmiyo*", "tepki vermiyo*", "tepki vermedi*", "hicbir sey olmuyo*",
    "hicbir sey olmadi", "hic bir sey olmuyo*",
    "bir sey olmuyo*", "bisey olmuyo*", "bisi olmuyo*", "etki etmiyo*", "etkisiz*", "yag kacir*", "sizdir*",
    "yerinden cikti*", "elimde kaldi", "elinde kaldi", "came off in my hand", "gidona deg*", "gidona kadar",
    "gidona yapis*",
    "gidona dayan*", "sonuna kadar", "dibe kadar", "dibine kadar", "fail*", "not work*", "dont work*",
    "doesnt work*", "didnt work*", "arent work*", "isnt work*", "stopped work*", "no longer work*",
    "stopped respond*", "not responding", "snapped", "broke", "broken", "gave way", "gave out", "give out",
    "let go", "gone", "went out", "died", "not there", "no resistance", "nothing happens", "nothing happened",
    "do nothing", "does nothing", "did nothing", "no effect", "no bite", "no braking", "useless",
    "didnt stop*", "doesnt stop*", "dont stop*", "wouldnt stop*", "not stopping", "wont slow*", "cant slow*",
    "doesnt slow*", "didnt slow*", "couldnt slow*", "to the bar", "to the bars", "to the grip*",
    "to the handlebar*", "touches the grip*", "touches the bar*", "touch the grip*", "hits the grip*",
    "hit the grip*", "bottom* out", "locked up", "seized", "leak*", "fade*", "faded", r"re:not [a-z]+ing",
    "lost all", "lost braking", "stopped doing anything", "stopped doing its job", "stopped grabbing",
)
"""Signs that a brake does not brake, whatever the tense: "tutmadı", "cevap vermiyor", "nothing happens"."""
STOP_FAILURE = Terms(
    "durmadi*", "durmuyo*", "duramiyo*", "duramadi*", "duramadik", "durduramadi*", "durduramiyo*", "yavaslamadi*",
    "yavaslamiyo*", "yavaslayamadi*", "yavaslayamiyo*", "didnt stop", "did not stop", "wouldnt stop",
    "would not stop", "wont stop", "doesnt stop", "couldnt stop", "could not stop", "cant stop", "cannot stop",
    "not stopping", "didnt slow", "wouldnt slow", "wont slow", "couldnt slow", "cant slow", "kept going", "just kept",
    "rolled into", "rolled through", "rolling into", "ran the red", "kaydim", "kaydik",
    "went straight through", "went through the red", "through the intersection", "through the junction",
    "into the intersection", "went straight into", "kavsaga girdim", "direkt kavsaga",
    "kirmizida gectim",
)
"""A bike that does not stop: with a brake or the bike anywhere in the sentence, a brake failure."""
DEGREE = Terms(
    "biraz", "tam", "pek", "eskisi gibi", "eskisi kadar", "eskisinden", "hafif*", "hafiften", "gec",
    "a bit", "a little", "slightly", "kind of", "sort of", "somewhat", "not as",
)
"""Degree words before a sign that make it mild: "tam tutmuyor", "biraz gevşemiş", "a bit loose"."""
COMPARED = Terms("as well", "as good", "as before", "as it used", "as they used", "like before", "like new")
"""Comparisons after a sign that make it mild: "doesn't stop as well as before"."""
STRONG = Terms(
    "hic", "hicbir", "tamamen", "tamamiyla", "komple", "completely", "totally", "at all", "nothing", "zero",
    "sifir", "birden", "aniden", "suddenly",
)
"""Words that make a sign total even next to a degree word: "biraz önce tamamen bıraktı"."""
POWER = Terms(
    *POWER_PART.entries, "ekran*", "display*", "screen*", "fis", "fisi", "fisten", "fise", "kasa", "kasasi*",
    "kasasin*", "hucre*", "cell", "cells", "brick", "wire*", "wiring", "tesisat*", "elektrik", "elektrikten",
    "electrical", "pack", "aku*",
)
"""Anything that carries current: a fire sign next to it is a fire risk ("ekran kablosundan duman çıktı")."""
FIRE_SIGN = Terms(
    *_HEAT, "duman*", "tisla*", "tisliyo*", "tis tis", "cizirdiyo*", "cizirdi*", "cizirti*", "erimis*", "eridi*",
    "eriyo*", "erime*", "kavrul*", "kabar*", "bombe*", "sisiyo*", "sicacik", "fazla isin*",
    "elle tutulmuyo*", "elle tutulam*", "elle tutulmay*", "dokunulmuyo*", "dokunulmay*", "dokunulam*",
    "dokunam*", "tutamadim", "tutamiyo*", "o kadar isin*", "cant touch", "couldnt touch", "cant hold",
    "couldnt hold", "too hot to", "el yakiyo*", "elimi yakti*", "so hot", "really hot", "extremely hot",
    "burning hot", "scald*", "charred", "koktu*", "kokusu*", "smelt", "fume*", "yanik*",
    "kapkara", "simsiyah", "akiyo*", "akmis*", "patladi*", "patlama*", "pop", "popping", "popped", "bang",
    "spark*", "sizzl*", "expand*", "alev*", "ates*", "carpiyo*", "carpti", "carpmasi", "shock*", "zap*",
    "karincalan*", "pat", "pat diye", "bubbl*", "kabarcik*", "sisip", "sisik*", "sisen", "sisince", "sismeye",
)
"""Signs of heat, smoke, swelling, leaking or sparks: with something that carries current, a fire risk."""
HEATING = Terms(
    "isindi*", "isiniyo*", "isinmis*", "isinip", "isinarak", "isinmaya basla*",
    "gets hot", "got hot", "getting hot", "gets really hot", "heats up", "heating up", "heated up",
)
"""Something carrying current heating up: a fire risk unless a degree word softens it ("biraz ısınıyor")."""
NEGATED_AFTER = Terms("yok", "degil", "gelmiyo*", "cikmiyo*", "yapmiyo*", "olmadi", "yoktu")
NEGATED_BEFORE = Terms("no", "not", "without", "never", "nor", "isnt", "wasnt", "arent")
"""Negations right next to a sign: "duman yok", "no smoke", "not hot"."""
FRAME = Terms(
    *_STRUCTURES, "bars", "handlebars", "gidon bogaz*", "headset*", "bolt*", "civata*", "axle*", "aks", "aksi",
    "forks", "quick release", "qr", "kelepce*", "clamp*", "kaynak", "kaynagi", "kaynak yeri*", "weld", "welds",
    "welding",
)
FRAME_SIGN = Terms(
    *_STRUCTURE_FAILS, "catlamis*", "catlak*", "kirilmis*", "kirik*", "kopmus*", "cikti geldi",
    "ayrilmis*", "yerinden cikmis*", "firlamis*", "yerinden oynamis*", "dustu", "kaydi", "slipped", "dropped",
    "gevsedi*", "gevsemis*", "bosaldi*", "dondu", "coktu*", "elimde kaldi", "elinde kaldi", "came off in my hand",
    "snap", "cracking", "came apart", "came out", "flew off",
    "fell apart", "detached", "split", "collapsed", "buckled", "folded", "gave way", "twisted", "sheared*",
    "stripped", "spun", "slipped", "came undone", "worked loose", "unscrewed", "popped out", "popped off",
    "let go", "gave out", "sheared off", "snapped off", "broke off",
    "separated", "went loose", "loose",
)
"""Signs that a load-bearing part gave way: "çatal ikiye ayrıldı", "the stem bolt sheared off"."""
WHEEL = Terms(*_WHEELS, "tekerlekler*", "wheels")
WHEEL_SIGN = Terms(
    *_DETACH_FAILS, "ayrildi*", "came out", "detached", "fell out", "popped out", "popped off", "came undone",
    "dropped out", "cikip*", "cozuldu*",
)
CRACK = Terms("catlak*", "catlamis*", "catladi*", "crack", "cracked", "hairline", "kilcal")
"""A crack: on the frame, the fork or the suspension, a part that can give way under the rider."""
CARRYING_PART = Terms("carbon", "karbon", "stanchion*", "bottom bracket", "orta gobek*", "kadro*", "frame*")
"""Parts beside the frame table that carry the rider's weight, where a crack is structural."""
RIDE_AHEAD = Terms(
    "cikicaz", "cikacagiz", "cikacagim", "cikicam", "surecegim", "surecem", "binecegim", "binicem",
    "donmem lazim", "donmem gerek*", "binebilir miyim", "binsem olur mu", "surebilir miyim", "binmeye devam*",
    "kullanmaya devam*", "biniyim mi", "bineyim mi", "safe to ride", "ok to ride", "okay to ride", "can i ride",
    "can i still ride", "keep riding", "heading home", "ride it home", "riding it home", "ride tomorrow",
    "riding tomorrow", "every day since", "ridden it",
)
"""A ride ahead, or one going on: with a crack in a carrying part, a danger before it happens."""
SUSPENSION = Terms(
    "amortisor*", "suspansiyon*", "suspension*", "shock absorber*", "front shock*", "rear shock*",
)
"""The suspension: locking or shaking while riding throws the rider."""
WOBBLE = Terms(
    "sallan*", "sallaniyo*", "oynuyo*", "oynamaya", "titriyo*", "titredi*", "titreme*", "yalpa*", "zangir*", "salgi*",
    "wobbl*", "shak*", "shimmy*", "speed wobble", "oscillat*", "death wobble",
)
"""A wheel, the steering or the suspension shaking: a crash risk when it happens while riding."""
WHEEL_LOCK = Terms("kilitlendi*", "kilitlenip", "kitlendi*", "locked", "locked up", "seized", "jammed")
"""A wheel that locks: a crash risk when it happens while riding."""
TYRE = Terms(
    "lastik*", "tyre*", "tire*", "tube*", "jant*", "rim", "rims", "spoke*", "pedal*", "krank*",
    "crank*", "sele*", "saddle*", "seat",
)
TYRE_SIGN = Terms(
    "patladi*", "patlayinca", "patlayip", "blew", "blew out", "blowout", "blow out", "burst", "exploded",
    "yarildi*", "koptu*", "kopuyo*", "kirildi*", "catla*", "crack*", "snapped", "snapping", "broke", "gave way",
    "came off", "coktu*",
)
"""A tyre, rim, spoke, pedal or saddle giving way: a crash risk while riding, an ordinary repair at home."""
RIDING = Terms(
    "giderken", "inerken", "surerken", "ilerlerken", "cikarken", "donerken", "cevirirken", "seyir*",
    "yokus asagi*", "yokustan", "inis*", "hizla", "hizlice", "yuksek hiz*", "trafikte", "otoyol*", "anayol*",
    "kavsak*", r"re:\d+ ?(?:km|kmh|kph|mph)", "while riding", "mid ride", "on the descent",
    "descending", "downhill", "going down", "at speed", "going fast", "full speed", "in traffic", "on my way",
    "riding", "on the road", "junction", "roundabout", "highway", "motorway", "otoban*", "freeway", "surus*",
    "giderken*", "inis sirasinda", "frenlerken", "fren yaparken", "frene basinca", "when braking", "while braking",
    "under braking",
)
"""Moving, at speed, in traffic: what turns a flat or a locked wheel into a crash risk."""
LOST_CONTROL = Terms(
    "toparlayama*", "kontrol* kaybet*", "kontrolu kaybet*", "lost control", "savrul*",
    "nearly came off", "almost came off", "nearly went down", "almost went down", "az kalsin",
    "az daha", "neredeyse", "nearly", "almost", "barely", "slid", "skid*", "kaydi*", "kaydim", "kayarak",
)
BODY = Terms(
    "kolum*", "kolu*", "kollarim*", "bacag*", "bacak*", "bilek*", "bileg*", "omuz*", "omz*",
    "diz", "dizi*", "dizin*", "dizim*", "dizler*", "kafa*", "basim*", "basin", "basini", "basina", "basindan",
    "cene*", "yuzum*", "yuzunu", "yuzu", "burun", "burnum*", "burnu*", "parmag*",
    "parmak*", "kaburga*", "kalca*", "sirtim*", "belim*", "elim", "elimi", "eli", "elini", "elinden",
    "ellerim*", "ayag*", "kopruck*", "dirseg*",
    "dirsek*", "boyn*", "gogs*", "dudag*", "arm", "arms", "leg", "legs", "wrist*", "ankle*", "knee*",
    "elbow*", "shoulder*", "collarbone*", "rib", "ribs", "head", "face", "chin", "nose", "tooth", "teeth",
    "lip", "lips", "hip", "hips", "neck", "hand", "hands", "finger*", "foot", "jaw", "skull",
)
"""The rider's body: harm next to it is an injury."""
HARM = Terms(
    "siyrik*", "siyrildi*", "soyuldu*",
    "kirildi*", "kirik*", "kirilmis*", "catladi*", "catlak*", "sisti*", "sismis*", "siskin*", "kaniyo*",
    "kanadi*", "kanama*", "kan", "kanlar*", "yarildi*", "yarik*", "morardi*", "mosmor*", "burkuldu*",
    "cikti", "kesildi*", "kesik*", "dikis*", "alci*", "oynatamiyo*", "kipirdatamiyo*", "hareket ettiremiyo*",
    "hareket edemiyo*", "kaldiramiyo*", "hissetmiyo*", "carpti*", "carptim", "vurdum", "vurdu", "vurmus*", "broken",
    "broke", "fractured",
    "fracture*", "bleeding", "bled", "blood*", "injured", "cut",
    "gash*", "swollen", "swelling", "sprain*", "dislocat*", "cant move", "cannot move",
    "cant feel", "stitches", "banged", "smashed", "slammed", "ezildi*", "ezik", "crushed", "bump", "lump",
    "sticking out", "out of place", "deformed", "sikisti*", "caught in", "trapped",
)
"""Harm to a body part that is an injury on its own: "bacağım şişti", "knee is split open", "kolu kırık"."""
ACHE = Terms(
    "agriyo*", "agri*", "aciyo*", "acitiyo*", "sizliyo*", "uyustu*", "morluk*", "hurts", "hurt", "hurting",
    "in pain", "pain", "painful", "bruised", "bruise*", "numb", "sore", "donuyo*", "dizzy", "bulaniyo*", "messed up",
    "killing me", "scraped",
    "torn", "road rash",
)
"""Pain: an injury after an incident ("omzum çok ağrıyor" after a fall), a fitting question otherwise."""
RIDER_FALL = Terms(
    "yan yattim", "yere yattim", "yere serildim",
    "dustum", "dustuk", "devrildim", "devrildik", "yere yapis*", "yere cakil*", "cakildim", "asfalta cakil*",
    "asfalta dus*", "savruldum", "savrulduk", "ucup dus*",
    "bisikletten uctu*", "bisikletten uctum", "bisikletten ucup", "bisikletten dustu*", "bisikletten dusup",
    "bisikletten dusmus*", "bisikletten dusunce", "bisikletten firla*", "bisikletten atil*", "yere dustum", "uctum",
    "carptim", "carptik", "i went down", "we went down",
    "he went down", "she went down", "wiped out", "went over the bars", "over the handlebar*", "over the bars",
    "flew over", "thrown off", "hit the ground", "hit the deck", "hit the pavement", "hit the tarmac",
    "took a tumble", "took a spill", "i came off", "she came off", "he came off", "we came off", "i crashed",
    "we crashed", "crashed into", "slammed into", "went into the", "went into a", "ran off the road",
    r"re:(?<=^ )(?:crashed|fell off|came off|wiped out)", "yigildim",
    "kapaklandi*", "kapaklanip", "kapaklanmis*", "takla att*", "takla atti*", "faceplant*", "face planted",
    "went flying",
    "yere yigil*", "yerde yatiyo*", "yerdeyim",
    "lying on the ground", "lying on the road", "lying on the pavement", "lying in the road", "came down hard",
    "had to jump off", "jumped off", "bailed", "ustunden uctum", "uzerinden uctum", "gidonun ustunden*",
)
"""A rider coming off the bike or hitting something: an accident."""
INCIDENT = Terms(
    *RIDER_FALL.entries, "dustu*", "dusup", "dusunce", "dusmus*", "carp*", "vurdu*", "kaza*", "fell", "fall*",
    "crash*", "hit", "knocked", "accident*", "collision", "went down", "came off",
)
"""Something happened to the rider: pain after it is an injury."""
VEHICLE = Terms(
    "cip", "cipin", "cipi", "jip*", "minivan*", "panelvan*",
    "araba*", "arac", "araci", "aracin", "otomobil*", "taksi*", "otobus*", "minibus*", "dolmus*", "kamyon*",
    "motosiklet*", "motorsiklet*", "motorcu*", "tir", "surucu*", "sofor*", "car", "cars", "van", "taxi", "bus",
    "truck", "lorry", "motorbike*", "motorcycle*", "moped", "driver*", "cab", "suv", "jeep", "pickup",
)
IMPACT = Terms(
    "yol vermedi*", "didnt yield", "didnt stop for me",
    "carpti*", "carpip", "carpmis*", "carpisti*", "carpistik", "siyirdi*", "siyirip", "siyirmis*", "bindirdi*",
    "devirdi*", "ezdi*", "kapi acti*", "kapiyi acti*", "kapisini acti*", "altina gir*", "sikistirdi*", "hit",
    "hits", "knocked", "ran into", "ran me", "ran over", "drove into", "doored",
    "sideswiped", "side swiped", "rear ended", "cut me off", "swerved into", "opened the door",
    "opened his door", "opened her door", "opened a door", "door opened", "reversed into", "backed into",
    "vurdu", "vurup", "vurmus*", "took me out", "pulled out in front", "pulled out on me", "onume cikti*",
    "onumu kesti*", "altinda kal*", "run over", "pushed me", "pushed us", "forced me", "itti", "itip",
)
"""A vehicle striking the rider: "bir kamyonet bana çarptı", "a bus clipped my handlebar"."""
CRASH_GEAR = Terms(
    "kask* ~ catla*", "kask* ~ kirildi*", "kask* ~ yarildi*", "kask* ~ ikiye*", "helmet* ~ crack*",
    "helmet* ~ split", "helmet* ~ broke*", "helmet* ~ snapped",
)
"""A helmet that cracked: the head took a blow, so whoever wore it crashed."""
REFUND_ASKED = Terms(
    "iade*", "refund*", "return it", "money back", "geri ver*", "degisim*", "exchange", "garanti*", "warranty",
    "defolu", "defective", "faulty",
)
"""A cracked helmet sent back as a faulty product is a complaint, not a crash."""
CARE = Terms(
    "dikis at*", "dikis atil*", "stitches", "alciya*", "alcida*", "acildeyi*", "acil serviste*",
    "acil servise kaldir*", "acil servise gotur*", "acile kaldir*", "acile gotur*", "acile git*", "ambulans*",
    "ambulance", "emergency room", "emergency department", "emergency clinic", "urgent care", "a e", "x ray",
    "rontgen*", "concussion", "unconscious", "bilinci*",
    "bilinc kayb*", "kusuyo*", "dizzy", "hastaneye kaldir*", "hastaneye gotur*", "hastanelik", "taken to hospital",
    "rushed to hospital", "rushed to the hospital",
)
"""Being treated for an injury: stitches, a cast, the emergency room, an ambulance."""
HOSPITAL = Terms(
    "hastanedeyi*", "hastanede*", "hastaneye git*", "hastaneye gidiyo*", "acil servis*", "in hospital",
    "in the hospital", "to the hospital", "to hospital", "hospitalized", "at the hospital", "at hospital",
)
"""Being in hospital: an injury when the message also tells of a fall, a crash or a hurt body, not a routine
operation or a nurse's shift."""
MORTAL_DANGER = Terms(
    "could have died", "couldve died", "could have been killed", "couldve been killed", "nearly died",
    "almost died", "nearly killed", "almost killed", "nearly got killed", "almost got killed",
    "lucky to be alive", "olecektim", "oluyordum", "olebilirdim", "olebilirdik", "olumden don*",
    "olum tehlike*", "hayati tehlike*", "canimdan oluyo*", "kaza yapabilirdim", "kaza yapacaktim",
)
"""A rider saying they could have died: critical unless joking."""
CARE_OTHER_SENSE = Terms(
    "ambulance service*", "ambulance company", "ambulance crew*", "ambulance driver*", "private ambulance",
    "ambulans hizmet*", "ambulans firma*", "ambulans sirket*", "ambulans sofor*", "paramedics", "for our paramedics",
    "hastanede calis*", "hastanede hemsire*", "hastanede doktor*",
)
"""Care words for a job or a business: "we're a private ambulance service", "hastanede çalışıyorum"."""
FALL_OTHER_SENSE = Terms(
    "fell asleep", "fall asleep", "falls asleep", "fell in love", "fall in love", "fell for", "fall for",
    "prices fell", "fiyat* dustu*", "fiyat* dusmus*", "menzil* dus*", "uyuyakal*",
    r"re:crashed (?:[a-z]+ )?(?:laptop|computer|phone|app|site|website|system|pc|browser)",
)
"""Falling that hurts nobody: "my son fell asleep in the trailer", "fiyatlar düştü"."""
NOT_FAILURE = Terms(
    "squeak*", "squeal*", "rub*", "noise*", "make*", "ses*", "otmuyo*", "gicirdamiyo*", "cizirdamiyo*",
    "gelmiyo*", "satmiyo*", "kullanmiyo*", "sevmiyo*", "begenmiyo*", "bulunmuyo*", "sikayet*", "yapmiyo*",
)
"""Negated verbs that say a brake is fine or is not for sale: "brakes don't squeak", "balata gelmiyor"."""
RUNAWAY_PART = Terms("motor*", "throttle*", "gaz", "gazi", "assist*", "destek*")
RUNAWAY_SIGN = Terms(
    "kendi kendine", "kendiliginden", "by itself", "on its own", "keeps accelerat*", "kept accelerat*",
    "even when i squeeze", "even when i brake", "even with the brake*",
    "wont stop", "doesnt stop", "wont cut", "doesnt cut", "wont turn off", "kesmiyo*",
    "durmuyo*", "birakmiyo*", "takili kal*", "full power", "tam gaz*", "full throttle", "surges", "surging", "lurch*",
    "frene bassam da", "frene bastigim halde", "fren* ragmen", r"re:keeps? (?:pushing|pulling|driving)",
    r"re:kept (?:pushing|pulling|driving)",
)
"""A motor that drives on by itself: a runaway bike."""
LONG_AGO = Terms(
    "last year", "last month", "last week", "last summer", "last winter", "years ago", "months ago", "weeks ago",
    r"re:(?:a|one|two|three|\d+) (?:years?|months?|weeks?) ago", "gecen yil*", "gecen sene*", "gecen ay*",
    "gecen hafta*", "gecen yaz*", "gecen kis*", "yillar once", "aylar once", r"re:\d+ (?:yil|ay|hafta) once",
    r"re:(?:bir|iki|uc) (?:yil|ay|hafta) once", "gecenlerde",
    r"re:in (?:january|february|march|april|june|july|august|september|october|november|december)",
    r"re:(?:ocak|subat|mart|nisan|mayis|haziran|temmuz|agustos|eylul|ekim|kasim|aralik)(?:ta|da|ayinda)",
)
"""A time long past: an accident "last year" is history, not an emergency."""
DELIVERED = Terms(
    "in transit", "kargo*", "kutu*", "box", "boxes", "arrived", "delivered", "delivery", "geldi", "gelmis",
    "teslim*", "paketten", "unboxing", "unboxed", "out of the box",
)
"""A part that arrived broken is a damaged delivery, not a failure on the road."""
RESOLVED = Terms(
    "no harm done", "nobody hurt", "no one hurt", "nobody was hurt", "no one was hurt", "not hurt", "unhurt",
    "kimse yaralanmadi", "kimseye bir sey olmadi", "bir seyim yok",
    "sorted", "fixed", "all good now", "works perfectly",
    "fine now", "recovered", "back on the bike", "tikir tikir", "sorunsuz", "duzeldi",
    "cozuldu", "halloldu", "yeni gibi", "as good as new", "cozdu*", "cozdunuz", "hallettiniz", "halletti*",
    "toparlamis*", "toparladiniz", "toparlandi", "onardiniz", "onarmissiniz", "tamir ettiniz", "tamir etmissiniz",
    "solved", "all fixed", "fixed it", "sorted it", "repaired it", "ayarladiniz", "ayarlamissiniz", "duzelttiniz",
    "duzeltmissiniz", "bulduk", "bulundu", "bulunmus*", "found him", "found her", "found them", "we found",
    "geri geldi", "came back safe*", "sag salim*", "safe and sound", "super oldu", "harika oldu", "mukemmel oldu",
    "works great now", "runs great now", "rides great now",
)
"""Words that end a story well: a past incident told with thanks is not an emergency."""
POLITE_AGAIN = Terms(
    "sorry again", "thanks again", "thank you again", "apologies again", "tekrar tesekkur*", "tekrar ozur*",
    "tekrardan tesekkur*", "yine de tesekkur*", "tekrar sagol*", "tekrardan sagol*",
)
"""Politeness said twice: "sorry again" is not the problem happening again."""
CONDITIONAL = Terms(
    *_SUPPOSE, _WOULD_IT, "mi diye", "mu diye", "wondering if", "wondering whether", "wonder if", "sigorta*", "insurance",
    "insured", "in case", "olursa", "durumunda", "halinde", "policy",
    "what happens if", "what if", "if", "dayanikli*", "riski*", "onle*", "fireproof", "resistant",
    "extinguisher*", "sonduru*", "yangin tup*", "fire blanket*", "avoid*", "prevent*", "covered", *_PRECAUTIONS,
    r"re:[a-z]+(?:irsa|irse|ursa|urse|arsa|erse|mazsa|mezse|yorsa|yosa)(?:m|k|niz|n)?",
    r"re:[a-z]+(?:diysa|tiysa|duysa|tuysa|diyse|tiyse|duyse|tuyse)", r"re:[a-z]+(?:mamak|memek)[a-z]*", _WISH_IF,
)
"""Words that make a nearby danger a question or a precaution: "fren tutmazsa", "what if the battery",
"yangın tüpü", "kaza yapmamak için"."""
BURNT_OUT = Terms(
    "motor* ~ yandi", "motor* ~ yanmis*", "beyni ~ yandi", "kontrolcu* ~ yandi", "burned out", "burnt out",
    "fried",
)
"""A part that burned out and stopped: a defect, not a fire, when nothing smokes or burns."""
DENIAL = Terms(
    "sandik", "sandim", "sanmistik", "sanmistim", "zannettik", "zannettim", "we thought", "i thought it was",
    "oyle bir sey olmadi", "oyle bi sey olmadi", "oyle bisey olmadi", "boyle bir sey olmadi", "boyle bi sey olmadi",
    "nothing like that happened", "it hasnt happened", "hasnt happened", "not that it happened",
    "nothing happened yet", "su an bi sorun yok", "su an bir sorun yok", "simdilik sorun yok", "sadece merak ettim",
    "no problem right now", "nothing wrong right now", "just curious",
)
"""A danger said not to have happened: "alev alırsa garanti kapsar mı? öyle bi şey olmadı ha"."""
BLESSING = Terms(
    "kazadan beladan", "kaza bela*", "allah korusun", "allah saklasin", "maazallah", "god forbid", "knock on wood",
    "touch wood",
)
"""An accident named to be warded off: "Allah kazadan beladan korusun" is a wish, not an event."""
TRAFFIC = Terms(
    "trafik*", "traffic", "tunel*", "tunnel", "kopru*", "bridge", r"re:(?:arabalar|araclar|kamyonlar) (?:cok )?hizli",
    "cars flying", "cars speeding", "cars are flying", "no shoulder", "emniyet seridi*", "kavsagin ortasinda",
    "yolun ortasinda", "korna cal*", "middle of the junction", "middle of the intersection", "cars honking",
)
"""Somewhere a rider cannot stand for long: beside fast traffic, in a tunnel, on a bridge."""
FICTION = Terms(
    "video game*", "video oyun*", "oyunda", "bilgisayar oyun*", "in the game", "in a game", "in the movie",
    "in a movie", "in the film", "filmde", "dizide", "ruyamda", "ruyada", "in my dream", "dreamt", "dreamed",
    "nightmare", "kabusumda", "cartoon*", "cizgi film*", "simulator*", "simulasyon*",
)
"""A danger told of a game, a film or a dream: nothing happened to anyone."""
HEARSAY = Terms(
    "friend says", "friend said", "friends say", "people say", "they say", "i heard", "ive heard", "heard that",
    "someone told me", "someone said", "read that", "i read", "saw online", "saw a video", "is it true",
    "duydum", "duyduk", "diyorlar", "soyleniyo*", "soylediler", "derler", "okudum", "dogru mu", "dogru mudur",
    "gercek mi", "haberlerde", "haberde", "in the news", "on the news", "youtube*", "scary stories", "stories online", "online stories",
    "reading stories",
)
"""A danger heard of and asked about ("my friend says e-bikes explode, that's not a thing, right?"): a
question, not an event; :mod:`analysis.hazards` reads it so only in a message that asks."""
NOT_RIDING = Terms(
    "parked", "havent ridden", "not riding it", "stopped riding", "wont ride it", "not using it", "havent used it",
    "afraid to ride", "binmiyo", "binmiyor", "binen yok", "binmiyorum", "binmiyoruz", "binmedim", "binmedik", "binmeyecegim", "kullanmiyorum",
    "kullanmiyoruz", "kullanmadim", "evde duruyo*", "garajda duruyo*", "binmeye korku*", "binmeye cekiniyo*",
)
"""A bike standing still since the fault was found: a failure to fix before the next ride, not on the road.
:data:`GOT_HOME` reads the same way for a mechanical failure."""
MISSING_PERSON = Terms(
    r"re:(?:oglum|kizim|cocug|cocuk|arkadasim|arkadasimiz|esim|annem|babam|kardesim|yegenim|ogrenci|misafir)[a-z]*"
    r" (?:[a-z0-9]+ ){0,8}?(?:gozden kaybet|kayboldu|kaybolmus|bulamiyo|bulamadi|haber alamiyo|ortada yok"
    r"|ortalikta yok|geri donmedi|donmedi|gruptan ayril|grubundan ayril|gruptan kop|grubu kaybet|gruptan ayri dus"
    r"|yolu bilmiyo)[a-z]*",
    r"re:(?:my|our|the) (?:son|daughter|kid|child|boy|girl|friend|wife|husband|guest|student)s? (?:[a-z]+ ){0,4}?"
    r"(?:got separated|was separated|is separated|separated from)",
    r"re:(?:gozden kaybet|bulamiyo|bulamadi)[a-z]* (?:[a-z]+ ){0,2}(?:oglum|kizim|cocug|cocuk|arkadas|esim|annem"
    r"|babam|kardes)[a-z]*",
    r"re:(?:my|our|the) (?:son|daughter|kid|child|boy|girl|friend|wife|husband|guest|student)s? (?:[a-z]+ ){0,4}?"
    r"(?:is missing|went missing|gone missing|disappeared|hasnt come back|never came back|didnt come back)",
    r"re:lost sight of (?:my|our|the|one) [a-z]+",
    r"re:(?:hes|shes|he s|she s|he is|she is|theyre|they re|they are) (?:still )?(?:missing|nowhere to be found)",
    r"re:(?:cant|cannot|couldnt) find (?:my|our|the) (?:son|daughter|kid|child|boy|girl|friend|wife|husband)s?",
    r"re:no sign of (?:my|our|the) [a-z]+",
)
"""Someone of the party missing: a child out of sight on a rental tour is an emergency wherever it happens."""
KIN = Terms(
    "oglum*", "kizim*", "cocugum*", "cocugumuz*", "annem*", "babam*", "esim*", "arkadasim*", "kardesim*", "yegenim*",
    "misafir*", "katilimci*", "my son", "my daughter", "my kid", "my mother", "my mum", "my mom", "my father",
    "my dad", "my wife", "my husband", "my friend", "our guest", "one of our", "his phone", "her phone",
)
UNREACHABLE = Terms(
    r"re:(?:telefonu|telefonunu|telefonlari) (?:da |hala )?(?:kapali|acmiyo|acmiyor|acmadi|cekmiyo|cekmiyor)",
    "straight to voicemail", r"re:(?:his|her|their) phone (?:is |s )?(?:off|dead)", "not picking up",
    "isnt answering", "not answering his", "not answering her", "cant reach him", "cant reach her",
)
AWAY_TOO_LONG = Terms(
    "donmedi", "donmemis*", "hala yok", "hasnt come back", "hasnt returned", "not back yet", "didnt come back",
    r"re:(?:oglum|kizim|cocugum|annem|babam|esim|arkadasim|kardesim) yok",
    r"re:(?:\d+(?: \d+)?|an|a|one|two|three|four|five|bir|iki|uc|dort|bes|yarim) (?:saat|dakika|dk|min|mins|minutes"
    r"|hours?)[a-z]* (?:oldu|ago|gecti|olmus)",
)
"""A member of the party who should be back, cannot be reached, and has been gone too long: missing."""

# --- critical: stranded customer --------------------------------------------------------------
STRANDED = Terms(
    "yolda kaldi*", "yolda kalmis*", "yolunda kaldi*", "yolunda kalmis*", "yolun ortasinda", "ortada kaldi*", "ortada kaldik", "dagda kaldi*",
    "gece ~ kaldik", "gece ~ kaldim", "stuck out here", "come and get us", "come get us",
    "mahsur*", "eve donemiyo*", "geri donemiyo*", "donemiyoruz", "donemiyorum", "eve nasil donece*",
    "nasil donece*", "stranded", "stuck on the road", "stuck on a road", "stuck on the side",
    "stuck in the middle", "stuck on the trail", "stuck on a trail", "middle of nowhere", "cant get home",
    "cant get back", "cannot get home", "cannot get back", "no way to get back", "no way back",
    "far from home", "miles from home", "km from home", "side of the road", "roadside",
)
BREAKDOWN = Terms(
    "bozuldu*", "ariza yapti*", "broke", "broken", "kapandi",
    "kapaniverdi", "shredded", "wrecked", "shut down", "shut off", "patladi", "motor kesti", "motor* ~ kesti", "motor* durdu",
    "kesti birden", "birden kesti", "cut out", "cuts out", "died on me",
    "sarj* bitti", "sarji bitti", "pil bitti", "batarya* bitti",
    "koptu", "kirildi", "arizalan*", "ariza verdi*", "patlak*", "broke down", "broken down", "died", "dead",
    "battery ran out",
    "ran out of battery",
    "stopped working", "snapped", "calismiyo*", "calismadi*", "durdu", "lastik* patladi*", "flat tyre",
    "flat tire", "puncture*",
)
LOCKED_OUT = Terms(
    "kilit* ~ acilmiyo*", "kilit* ~ acilmadi*", "kilit* ~ acamiyo*", "kilit* ~ acamadi*", "kilit* ~ acmiyo*",
    "kilit* ~ acmadi*", "kilitli kaldi*", "kilitte kaldi*", "kilidi ~ bozuk*", "uygulama* ~ acmiyo*",
    "locked out", "cant unlock", "cannot unlock", "couldnt unlock", "wont unlock", "will not unlock",
    "unable to unlock", "doesnt unlock", "not unlocking", "lock wont open", "lock will not open", "lock is stuck",
    "lock stuck", "lock jammed", "lock is jammed", "app wont unlock", "still locked", "wont release",
    "will not release", "none of the bikes will", "not releasing", "device offline", "kilitten cikmiyo*",
    "kilitten cikaramiyo*", "kilidi birakmiyo*",
)
"""A bike (a rental) that will not unlock: the rider cannot go on, as with a breakdown."""
LOST_WAY = Terms(
    "kaybolduk", "kayboldum", "yolu kaybetti*", "yolumuzu kaybetti*", "yolumu kaybetti*", "yolu bulamiyo*",
    "yolumuzu bulamiyo*", "nerede oldugumuzu bilmiyo*", "nerede oldugumu bilmiyo*", "nerdeyiz bilmiyo*",
    "got lost", "we are lost", "i am lost", "im lost", "lost our way", "lost my way", "cant find the way",
    "cant find our way", "cannot find the way", "dont know where we are", "dont know where i am",
)
"""Riders who do not know where they are: far away or after dark, they are stranded as a broken bike is."""
PRESENT_PLACE = Terms(
    r"re:[a-z]+(?:dayim|deyim|tayim|teyim|dayiz|deyiz|tayiz|teyiz)", "simdi", "su an", "right now",
    "currently", "im at", "i am at", "we are at", "im on", "were on", "im in", "i am in", "were in", "we are in",
    "stuck", "kaldim", "kaldik", "help",
    "yardim*", "can someone come", "come and get", "pick me up", "pick us up", "gelebilir mi*",
    "alabilir misiniz", "kurtar*", "hava karariyo*", "getting dark", "what do i do", "what should i do",
    "ne yapayim", "ne yapmaliyim", "ne yapacagim", "nasil iner*", "nasil doner*", "karardi", "aksam oluyo*",
    "gece oluyo*", "gece yarisi", "karanlik*",
    "its dark", r"re:\d+ ?(?:km|kilometre|kilometer|miles?)", "how do i get home", "how do we get home",
    "how do i get back", "how do we get back", "waiting", "what now", "ne yapalim", "ne yapacagiz",
    "napcaz", "napiyim", "napalim", "napicam", "please come", "can you come", "could you come", "send someone",
    "birini gonder*", "gelir misiniz", "yardim edin", "su anda",
    "dark", "no taxi*", "taksi yok", "alabilir mi*", "pick us", "pick me", r"re:\d+ ?pm", "tonight", "bu gece",
)
"""Being somewhere now, or asking to be fetched: a breakdown far away strands only a customer still there."""
FAR_AWAY = Terms(
    "uzakta*", "uzagi*", "uzaktayi*", "oteye", "otede", "far away", "far from", "in the middle", "ortasinda",
    "halfway", "yari yol*", "dagin*", "tepesinde*", "tepede*", "orman*", "patika*", "in the woods", "forest",
    "top of the hill", "on the mountain", "dagda", "dag yolu*", "koyde", "yolda", "yoldayi*", "on the road",
    "side of the road", "roadside", "highway", "on the trail", "on a trail", "otoyol*", "sehir disi*",
    "from the hotel", "otelden uzak*", "kilometre uzak*", "km uzak*", "miles away", "km away", "yolundayi*",
    "coast road", "in the mountains", "on a mountain", "daglik*", "yolunda", "sahil yolu*", "km from",
    "from town", "from the city", "from the hotel", "sehirden", "koye", r"re:\d+ ?(?:km|kilometre) kala", "mountain*",
    "kimse yok", "issiz*", "out of town", "ortasinda*", "ortasindayi*", r"re:\d+ saat (?:yuru|yol)[a-z]*",
    r"re:(?:yurusek|yuruyerek|on foot|walk) (?:[a-z]+ )?\d+ (?:saat|hours?)", "yol kenar*", "yolun kenar*", "banket*",
    "kilometrelerce", "saatlerce", "dag",
    "dag koy*", "hours from", "hours away", "miles from", r"re:[a-z]+dag(?:da|inda)",
    r"re:\d+ ?(?:km|kilometre|kilometer|miles?) (?:from|away|out|uzak|uzag|otede|ileri)[a-z]*",
)

NO_TRANSPORT = Terms(
    "yedek yok", "yedek ic lastik yok", "no spare", r"re:ne [a-z]+ var ne (?:dolmus|taksi|otobus|arac)[a-z]*",
    "dolmus da yok", "taksi de yok",
    "taksi yok", "no taxi*", "no bus*", "son otobus*", "son minibus*", "son dolmus*", "son vapur*", "last bus",
    "last ferry", "last train", "last minibus", "otobus yok", "dolmus yok", "vasita yok",
    "arac yok", "arabamiz yok", "arabam yok", "no car", "no lift", "no ride home", "no transport*", "ulasim yok",
    "cant get a taxi", "taksi bulamiyo*", "no uber", "uber yok", "no signal", "sinyal yok", "cekmiyo*",
    "telefonum* bit*", "telefonumun sarj*", "phone is dying", "phone is dead", "phone battery", "no pump", "pompa yok",
    "bus left", "missed the bus", "last ferry", "otobus kacti*",
    "otobus gitti", "son vapur*", "son feribot*", "no shops", "nothing open", "hicbir yer acik degil",
    r"re:(?:otobus|dolmus|taksi|arac|vasita|servis|minibus)[a-z]* yok",
    r"re:no (?:buses|bus|taxis|taxi|cabs|cab|trains|train|ferry|ferries)",
)
PICKUP = Terms(
    "gelip alabilir*", "gelip alir misiniz", "gelip alin", "bizi alabilir*", "beni alabilir*", "bizi alin", "beni alin",
    "alabilecek biri*", "kurtarin", "come get us", "come get me", "pick us up", "pick me up", "come pick*",
    "rescue us",
)
"""A rider asking to be fetched: with a bike that cannot go on, they cannot get back on their own."""
"""No way to get help or a ride: a breakdown then strands a rider even close to town."""
COMPANY = Terms(
    r"re:yanimda (?:[a-z0-9]+ ){0,3}(?:kizim|oglum|cocu[a-z]*|bebe[a-z]*|esim|annem|babam|yasli[a-z]*)",
    "yalnizim", "yalniziz", "yalniz basima", "tek basima*", "cocuklarla", "cocuklarimla", "cocugumla",
    r"re:(?:iki|uc|\d+) cocukla", "bebekle", "bebegimle", "yasli annem*", "yasli babam*", "kizimla", "oglumla",
    "esimle", "annemle", "babamla", "hamileyim", "pregnant", "with my son", "with my daughter", "with my wife",
    "with my husband", "with my mother", "with my father", "with my kids", "with the kids", "with kids",
    "kids with us", "kids with me", r"re:with (?:my |our |the )?(?:two |three |\d+ )?(?:kids|children|baby)",
    "with a baby", "alone", "by myself", "on my own", "yagmur*", "firtina*", "storm*", "pouring", "rain*",
    "freezing", "cok soguk",
    r"re:(?:arkada|arkamda|koltukta|sepette|yanimda) (?:[a-z0-9]+ ){0,2}(?:kizim|oglum|cocug[a-z]*|bebe[a-z]*)",
    r"re:(?:\d+ yasindaki |kucuk )(?:kizim|oglum|cocugum|kardesim)",
)
"""Alone, with children or elderly people, in bad weather: what makes a breakdown on the road an emergency."""
DEPLETED = Terms(
    "bitti", "tukendi", "bosaldi", "sifirlan*", "sifira indi", "kapandi", "oldu bitti", "dead", "died", "empty",
    "sondu", "sonmus", "sondu gitti",
    "ran out", "run out", "flat", "gone",
    "yuzde 0", "sifir", "0", "out of battery", "out of charge", "no battery left", "sarjsiz kal*", "sarj kalmadi",
)
"""An empty battery: with a battery or the charge, a breakdown."""
GOT_HOME = Terms(
    "eve geldim", "eve geldik", "eve dondum", "eve donduk", "eve vardim", "eve vardik", "iterek getirdim", "iterek eve",
    r"re:eve (?:[a-z]+ )?(?:geldim|geldik|dondum|donduk|vardim|vardik)", "walked home", "walked it back",
    "pedal cevirerek", "made it home", "got home", "got back home",
    "walked it home", "pushed it home", "pushed it back", "evdeyim", "evdeyiz", "im home", "im back home",
    "at home now", "otele geldik", "otele vardik", "back at the hotel",
)
"""A rider who already got home is not stranded: "bataryam yolda bitti ama pedal çevirerek eve geldim"."""

SERVICE_BLAME = Terms(
    "your mechanic*", "your technician*", "your shop", "your workshop", "your staff", "your guys", "your service",
    "after your repair", "after your service", "after the service", "since the service", "after servicing",
    "just serviced", "you tightened", "you fixed", "you adjusted", "you installed", "you serviced", "you replaced",
    "you assembled", "servisten aldim", "servisten aldik", "servisten yeni", "servisten cikti*", "servisten geldi*",
    "servisten sonra", "bakimdan sonra", "bakimdan yeni", "bakimdan aldim", "tamirden sonra", "tamirden yeni",
    "tamirden aldim", "ustaniz*", "teknisyeniniz*", "tamirciniz*", "sizin servis*", "sizin usta*",
    r"re:(?:sik|tak|ayarla|degistir|topla|kur|tamir et|monte et)(?:tiniz|diniz|mistiniz|missiniz)",
    "hesabini soraca*", "hesap soraca*", "hesabini sorar*", "sizin yuzunuzden", "sizin hata*", "your fault",
    "negligen*", "ihmal*", "sorumlusu kim", "kim karsilayacak", "kim odeyecek",
)
"""The shop's own work or responsibility named with a safety risk: a complaint, not a diagnosis question."""

# --- critical: legal --------------------------------------------------------------------------
LEGAL = Terms(
    "avukat*", "dava", "davaci*", "dava ac*", "davalik", "mahkeme*", "hakem heyet*", "tuketici hakem*",
    "tuketici mahkeme*", "tuketici haklari*", "savcilik*", "suc duyuru*", "ihtarname*", "noter*",
    "yasal yol*", "yasal islem*", "yasal haklari*", "hukuki*", "hukuk yolu*", "cimer*", "lawyer*",
    "attorney*", "solicitor*", "sue", "suing", "sued", "lawsuit*", "legal action", "legal steps",
    "take legal", "court", "consumer protection", "small claims", "consumer rights", "mahkemeye ver*",
    "legal proceedings", "file a claim", "filing a claim", "trading standards", "consumer court", "btk",
    "ticaret bakanlig*", "bakanliga*", "ticaret mudurlug*", "il ticaret*", "arabulucu*", "uzlastirma*",
    "uzlasma*", "mediation", "mediator", "arbitrat*", "opened a dispute", "filed a dispute", "opened a chargeback",
    "filed a chargeback", "initiated a chargeback", "dispute has been opened", "harcama itirazi yaptim",
    "harcama itirazinda bulundum", "harcama itirazi actim", "bankaya itiraz ettim",
    "ihtar", "ihtar cek*", "icraya*", "icra takib*", "zabitaya*", "polise sikayet*", "savci*",
    "hakkimi aray*", "hakkimizi aray*", "hakkimi sonuna*", "haklarimi biliyo*", "hukuk*", "tuketici derneg*",
    "tuketici sikayet*", "tuketici hakem*", "arbitration*", "arbitrator*", "ombudsman", "consumer agency",
    "consumer authority", "consumer council", "consumer board", "consumer affairs",
    "report you to", "reporting you to", "cease and desist", "notary", "letter before action", "demand letter",
    "see you in court", "take you to court", "taking you to court", "litigation", "class action",
    "know my rights", "legal route", "legal advice", "yargiya", "yargi yolu*",
    "resmi sikayet*", "dilekce*", "kanuni*", "legal team", "legal department", "legal counsel", "press charges",
    "formal complaint",
)

# --- time pressure, calm-down and follow-ups --------------------------------------------------
NO_RUSH = Terms(
    "acil degil*", "acil bi sey degil", "acil bir sey degil", "aceles* yok", "acele yok", "acele etmeyin",
    "acelesi olmayan", "musait oldugunuzda", "musait oldugunda", "vaktiniz olunca", "vaktiniz oldugunda",
    "zamaniniz oldugunda", "bos vaktiniz*", "no rush", "no hurry", "not urgent", "non urgent",
    "whenever you can", "when you have time", "when you get a chance", "at your convenience", "no pressure",
    "not in a hurry", "in no hurry", "not time sensitive", "zamani gelince", "aceleye gerek*",
    "acele etmenize gerek*", "acele etmeye gerek*", "acelem yok", "acelemiz yok", "acelesi yok", "no need to rush",
    "take your time", "not a rush", "not in a rush", "no urgency", "not pressing", "low priority",
    "whenever is convenient", "whenever suits", "whenever works",
)
URGENT = Terms(
    "acil", "acilen", "aciliyet*", "acil durum*",
    r"re:hemen(?! al)(?! gel)(?! gec)(?! havale)(?! ode)(?! eft)(?! siparis)(?! satin)"
    r"(?! (?:[a-z]+ )?[a-z]+(?:di|du|ti|tu|mis|mus)(?:k|m|n|niz|nuz|ler|lar)? )", "derhal", "ivedi*", "asap",
    "urgent*",
    "immediately", "right away", "right now", "as soon as possible", "emergency", "hurry", "acele*",
)
TODAY = Terms(
    "bugun", "bugunku", "bu aksam", "bu gece", "aksama kadar", "oglene kadar", "birazdan", "today", "tonight",
    "this evening", "this afternoon", "within an hour", "in an hour", "1 saat icinde", "bir saat icinde",
    "by tomorrow", "first thing tomorrow", "yarina kadar",
)
DEADLINE = Terms(
    r"re:(?<!ne )kadar", "until", "by", "mumkun mu", "possible", "need", "lazim", "gerek*", "must", "yetis*", "edilmezse",
    "olmazsa", "yoksa", "otherwise", "unless", "deadline", "son gun", "teslim",
)
PHONE_POWER = Terms(
    "phone battery died", "phone battery", "phone died", "my phone died", "phone is dead", "phone was dead",
    "telefonumun sarji*", "telefonun sarji*", "telefonum kapandi", "telefonum oldu", "sarjim bitti",
)
"""The phone's battery, not the bike's: "sorry, my phone battery died earlier" strands nobody."""
RETRACTED = Terms(
    "unutun*", "unut onu", "vazgectim", "vazgectik", "gerek kalmadi", "gerek yok artik", "artik gerek yok",
    "geri aliyorum", "pardon pardon", "panik yaptim", "yanlis alarm", "false alarm", "forget it", "forget about it", "forget that", "forget what i said", "never mind", "nevermind",
    "scratch that",
)
"""A threat taken back: "dava açıcam demiştim ya, unutun onu"."""
NOT_COMPLAINT = Terms(
    "sikayet degil*", "sikayet etmiyo*", "sikayetim yok", "sikayet icin degil", "sikayet amacli degil",
    "not a complaint", "not complaining", "no complaints", "im not complaining",
)
"""A complaint word denied: "şikayet değil ama bir öneri"."""
IRONY = Terms(
    "truly impressive", "really impressive", "very impressive", "impressive", "world class", "great job", "good job",
    "well done", "bravo*", "tebrikler", "helal olsun", "aferin*", "harika hizmet*", "super hizmet*", "amazing service",
    "great service", "thanks for nothing", "cok profesyonel*", "ne profesyonel*", "yeah right",
)
"""Praise that a quoted word turns around ("Great job, the 'fixed' gears jumped twice"): sarcasm."""
SHARING = Terms(
    "sadece paylasmak isted*", "paylasmak istedim", "paylasayim dedim", "just wanted to share", "just sharing",
    "wanted to share", "bilginize sunmak isted*",
)
"""News shared with nothing asked: a chat, not a request."""
JOKING = Terms("lol", "haha*", "hehe*", "jk", "kidding", "sakaya*", "saka saka", "xd", "sjsj*", "ahah*", "lmao")
FOLLOWUP = Terms(
    "ikinci kez sor*", "ikinci kere sor*", "ikinci defa sor*", "ikinci kez yaz*", "ikinci kere yaz*", "tekrar soruyo*",
    "asking again", "second time asking", "asking for the second time", "writing for the second time",
    "hala cevap*", "cevap yok", r"re:cevap ver(?!di|mis)[a-z]*", "cevap alama*", "cevap gelmedi", "donus yok", "donus yap*",
    "geri donus*", "donen yok", "donmuyo*", "kimse don*", "kimse cevap*", "kimse ilgilen*", "ses yok",
    "ses seda yok", "haber yok", "hala haber*", "hala bekli*", "bekliyorum", "bekliyoruz", "gundur yaziyo*",
    "tekrar yaziyo*", "yine yaziyo*", "son kez yaziyo*", "kac kere yaz*", "kac kez yaz*", "yazdim ~ cevap*",
    "ulasamiyo*", "ulasamadi*", "muhatap*",
    r"re:(?:acan|bakan|arayan|soran|donen|ilgilenen|yanitlayan|cevaplayan|cevap veren|haber veren|okuyan) yok",
    r"re:[a-z]+(?:den|dan|ten|tan) beri (?:yaziyo|ariyo|bekliyo|mesaj)[a-z]*", "yanit*", "ne oldu", "still waiting",
    "any update*", "any news",
    "no reply", "no response", "no answer", "nobody answer*", "nobody repl*", "no one answer*",
    "no one repl*", "nobody respond*", "no one respond*", "kimse yanit*", "no one got back", "nobody got back",
    "havent heard", "not heard back", "ignored",
    "ignoring", "anyone there", "is anyone there", "please answer", "answer me", "please reply",
)
TIMES_COUNTED = Terms(
    r"re:(?:\d+|iki|uc|dort|bes|birkac|bir kac|kac) (?:kere|kez|defa|sefer)", "twice", "several times",
    "a few times", "many times", r"re:(?:\d+|three|four|five) times",
)
"""How many times something happened: "yolda kaldım 2 kere" tells a fault that recurs, not a rider stuck now."""
RECURRENCE = Terms(
    "yine*", "gene", "tekrar*", "aynisi", "ayni sey*", "ayni sorun*", "ayni ariza*", "hala ayni*", "again",
    "same problem", "same issue", "same thing", "still the same", "happened again", "back again",
)

# --- large B2B order at risk ------------------------------------------------------------------
B2B = Terms(
    "bayi*", "distributor*", "distribut*", "dealer*", "toptan*", "wholesale", "kurumsal*", "corporate",
    "filo*", "fleet*", "firma*", "sirket*", "company", "gmbh", "ltd", "retail*", "partner*", "acente*",
    "bulk", "units", "unit", "belediye*", "municipal*", "ihale*", "tender*", "retail chain", "chain client", "client",
    "clients", "musterimiz*", "customer of ours",
)
SOON = Terms(
    "bu hafta*", "hafta icinde", "hafta sonuna kadar", "this week", "end of the week", "end of this week",
    r"re:(?:pazartesi|sali|carsamba|persembe|cuma|cumartesi|pazar)[a-z]* kadar", "by monday", "by tuesday",
    "by wednesday", "by thursday", "by friday", "within days", "birkac gun icinde", "in a few days",
)
"""A delivery wanted within days: with a large B2B order and a need, time pressure."""
NEEDED = Terms("lazim", "need", "needed", "gerek*", "must", "sart", "have to", "zorunda*", "ihtiyac*")
"""A need, not a question: "bu hafta 12 adet lazım", not "bu hafta sevk mümkün mü"."""
SOFT_RISK = Terms(
    "baska marka*", "baska firma*", "baska tedarik*", "baska yere", "another supplier", "another brand",
    "go elsewhere", "elsewhere", "zorunda kal*", "otherwise", "unless", "olmazsa", "aksi halde", "if we dont",
    "if i dont", "if you dont", "if you cant", "if not", "switch brand*", "switch supplier*", "go with another",
    "marka degistir*", "tedarikci* degistir*", r"re:if (?:[a-z]+ ){0,5}(?:isnt|arent|not|dont|doesnt|cant|wont)",
    r"re:[a-z]+(?:mazsa|mezse|mazsak|mezsek|mazsaniz|mezseniz|madikca|medikce)[a-z]*",
)
CANCEL_RISK = Terms(
    "iptal*", "cancel*", "kaybed*", "kaybeder*", "budget goes back", "lose the budget", "butce yan*",
    "penalty clause*", "apply the penalt*", "cezai sart*", "rolls back", "roll back to", "project is dead", "ihaleyi kacir*", "siparisi kacir*", "miss the tender",
    "miss the deadline", "lose the", "losing the", "lose this", "pull out",
    "back out", "vazgec*", "void*", "move to another", "baska tedarikci*", "diger tedarikci*", "diger firma*", "baska firma*", "backup supplier",
    "another supplier", "other supplier", "go with another", "other vendor", "another vendor", "drop the", "drop our", "switch brand*",
    "pull the order", "elimizden gid*", "gidiyo* elimizden", "elimizden cik*", "terminate*", "fesih*", "feshed*", "end the contract", "end the partnership", "lose the whole",
    "ortakligi bitir*", "isbirligini bitir*", "anlasmayi bitir*", "anlasmayi iptal*",
    "lose the contract", "lose this contract", "rakip*", "rakibe", "competitor*", "cezai*", "ceza*", "penalt*",
    "another supplier", "other supplier*", "diger tedarikci*", "baska tedarikci*", "baska firma*", "baska marka*", "lose the account", "lose the client",
    "lose our client", "lose the customer", "goes elsewhere", "go elsewhere", "musteri* kaybed*", "feshed*",
    "pull* out", "sonlandir*", "feshet*", "drop us", "drops us", "dropping us", "disqualif*", "elen*",
    "ikinci firma*", "diger firma*", "diger teklif*", "other supplier", "other bidder", "runner up",
)
SHIPMENT_LOST = Terms(
    "kaybolmus*", "kayboldu", "bulunamadi", "hala gelmedi", "hala yok", "hicbir sey gelmedi", "never arrived",
    "hasnt arrived", "havent arrived", "not arrived", "nothing arrived", "and nothing", "still nothing",
    "lost in transit", "no sign of the", "didnt arrive", "didnt show up", "not shown up", "hasnt shown up",
)
"""A delivery lost or overdue: with many bikes and an event today or tomorrow, a B2B order at risk."""
DAY_NEAR = Terms("yarin*", "tomorrow*", "bu aksam*", "bu gece", "tonight", "bugun*", "today*")
ACCOUNT_ENDING = Terms(
    "reviewing the contract", "review the contract", "sozlesmeyi gozden gecir*", "end the contract", "end our contract", "end the partnership", "terminate*", "fesih*", "feshed*",
    "bayiligi birak*", "bayilikten cekil*", "bayiligi sonlandir*", "stop being your dealer", "reconsidering the renewal",
    "reconsider the renewal", "not renew*", "wont renew*", "yenilemeyece*", "yenilemeyi dusunmu*",
    "ortakligi bitir*", "isbirligini bitir*", "anlasmayi bitir*", "anlasmayi iptal*", "sozlesmeyi iptal*",
    "sozlesmeyi bitir*", "cancel the contract", "cancel our contract",
)
"""A business account about to end (a contract, a dealership, a partnership): the whole account at risk."""
ACCOUNT = Terms(
    "bayi*", "dealer*", "distribut*", "kurumsal*", "corporate", "filo*", "fleet*", "belediye*", "municipal*",
    "ihale*", "tender*", "retail chain", "retail partner*", "chain client",
    "musterimiz*", "our client*", "our customer", "toptan*", "wholesale", "zincir market*", "sozlesme*",
    "contract*", "partnership", "partner*", "our agreement", "anlasma*", "isbirlig*", "acente*", "council",
    "the sla", "under the sla",
)
"""A business account (dealer, fleet, tender, a client of a client): its order at risk is critical."""
QUANTITY = Terms(
    r"re:\d+ (?:[a-z]+ ){0,2}(?:adet|tane|unit|pcs|piece|bisiklet|ebike|bike|e bike|koli|kask|kilit|lastik"
    r"|batarya|scooter|helmet|lock|tyre|tire|tube|batter|charger|set|cargo bike|kisilik|people|guest|misafir|kisi"
    r"|participant|katilimci)[a-z]*",
)

# --- money: double charge ---------------------------------------------------------------------
THEFT = Terms(
    "calindi", "caldilar", "calinmis", "calinan", "hirsiz*", "stolen", "got stolen", "theft", "was stolen",
)
DOUBLE_CHARGE = Terms(
    "iki kere ~ cek*", "iki kez ~ cek*", "2 kere ~ cek*", "2 kez ~ cek*", "iki defa ~ cek*", "2 defa ~ cek*",
    "cift cekim*", "mukerrer*", "charged ~ twice", "twice ~ charged",
    "fazladan cek*", "fazladan cikti*", "charged twice", "double charg*", "charged me twice", "billed twice",
    "twice for", "fazla cekil*",
)

# --- complaint --------------------------------------------------------------------------------
COMPLAINT_STRONG = Terms(
    "rezalet*", "berbat*", "felaket*", "skandal*", "sacmalik*", "utanmiyo*", "utanc*", "ayip*", "yaziklar*",
    "kabul edilemez*", "memnun degil*", "memnun kalmadim", "hayal kirikligi*", "sikayet*", "sikayetvar*",
    "tatmin etmedi*", "ne arayan var ne soran", "kimse ilgilenmiyo*", "muhatap bulam*", "param cope*",
    "paramizi cope*", "paramin karsiligi*", "size guven*", "guvenip aldim", "nobody called", "no one called",
    "bahane*", "cok ilgisiz*", "ilgisizdi*", "yuzume bile", "zaten vardi", "dolandir*",
    "magdur*",
    "sorumlusu kim", "kim karsilayacak", "kim odeyecek", "hesabini soraca*", "hesap soraca*", "bir daha asla",
    "bir daha ~ almam", "bir daha ~ gelmem", "bir daha ~ almayacag*", "almayacagim", "fiyasko*", "let down",
    "tavsiye etmiyorum", "alisveris yapmiyo*",
    "alisveris yapmam", "kotu yorum*", "yorum yazaca*", "yorum yaz*", "yildiz ver*", "google yorum*",
    "bu nasil is", "bu ne bicim", "nasil bir hizmet", "rezil*", "unacceptable", "worst", "terrible", "awful",
    "horrible", "disgusting", "ridiculous", "rude", "filthy", "scam*", "rip off", "ripped off", "never again",
    "disappoint*", "complain*", "complaint*", "1 star", "one star", "tripadvisor", "google review",
    "bad review", "leave a review", "leaving a review",
    "dispute*", "disputing", "chargeback", "fed up", "waste of money", "pathetic", "not acceptable",
    "shame on", "disgrace*", "shameful", "you lied", "lied to", "blame", "para almak icin", "kesinti yap*",
    "odemeyi kes*",
    "odeme yapmayaca*", "sozlesme* ~ ihlal*", "breach", "biktim", "biktik", "bikmis*", "yeter artik",
    "oyaliyo*", "oyalama*", "kandir*", "mahvol*", "mahvett*", "kaba", "kaba davran*", "kabalik*", "saygisiz*",
    "kalitesiz*", "fahis*", "kazik*", "soygun*", "soz verdiniz", "soz verdig*", "sozunuzu tut*",
    "bekletildi*", "bekletiyo*", "kimse ilgilenmedi", "ilgilenmediniz", "ilgilenmiyo*", "daha kotu",
    "bi daha getirmem", "bir daha getirmem", "bi daha gelmem", "bir daha gelmem", "bi daha almam",
    "bir daha almam", "para tuzag*", "kabul etmiyorum", "musterinizdim", "poor work", "sloppy work",
    "shoddy", "not coming back", "never coming back", "wont be coming back", "never again",
    "dagildi*", "sinir bozucu", "kizgin*", "ofke*", "pisman*", "yaziklar olsun", "amator*", "ozensiz*",
    "umursamaz*", "guvenim kalmadi", "tazminat*", "telafi*", "frustrat*", "annoy*", "angry", "furious",
    "upset", "excuse*", "unprofessional", "falling apart", "fell apart", "not what i paid*", "you promised",
    "promised", "how many times", "poor service", "bad service", "very bad", "very unhappy", "unhappy with",
    "not happy with", "nightmare", "overcharg*",
    "write a review", "writing a review", "review on google", "post a review", "a review on", "sosyal medya*",
    "social media", "herkese anlataca*", "paylasacagim", "neden kimse", "neden hala", "bu mu hizmet*",
    "kimse bilgi vermiyo*", "bilgi veren yok", "kimse aramadi", "kimse aramiyo*", "kimse acmadi",
    "boyle mi teslim*", "boyle mi olur", "bu sekilde mi", "is this how you", "parami bosa*", "param bosa*",
    "sorun* hala devam*", "problem* hala devam*", "ariza* hala devam*", "hala devam ediyo* sorun*",
    "not a great experience", "not great", "not good", "bad experience", "kotu deneyim*", "still nothing",
    "hala bir sey yok", "hicbir donus*", "no response to my", "nobody replied to my", r"re:\d+ weeks ago",
    "bu kadar ~ normal degil", "bu kadar ~ olmaz", "artik yeter", "yeter ama", "cok kotu", "for nothing",
    "nobody said sorry", "no one said sorry",
    "sinirliyim", "sinirlendim", "sinirlendir*", "sinir oldum", "sinirim bozul*", "cildir*", "delirdim",
    "deliriyo*", "delirece*", "tepem att*", "cok kizdim", "bu nasil olur", "nasil olur ya", "olur mu boyle",
    "boyle sey olur mu", "how is this possible", "how can this happen", "how is that possible",
    r"re:(?:teknisyen|usta|tamirci|gorevli|ekip|ekibiniz)[a-z]* (?:[a-z]+ ){0,2}gelmedi[a-z]*", "kimse gelmedi",
    "nobody came", "no one came", "nobody showed up", "no one showed up", "didnt show up", "never showed up",
    "no show", r"re:kimse (?:de )?(?:haber|bilgi) ver(?:medi|miyo)[a-z]*", "haber bile vermedi*",
    "haber vermediniz", "nobody told us", "nobody told me", "nobody let us know", "habersiz*",
    "didnt even say sorry",
 "sabrim kalmadi", "sabrim tukendi", "sabrim tasti", "had enough", "sick of",
    "sick and tired", "unbelievable", "inanilir gibi degil", "param* bosuna*", "bosuna para*", "oncekinden ~ kotu*",
    "eskisinden ~ kotu*", "worse than before", "never received", "never got my", "you charged me",
    "reverse the payment", "reverse the charge", "asked my bank", "bankama itiraz*", "harcama itiraz*",
    "ters ibraz*", "yuzume kapat*", "hung up on me", "her aradigimda", "every time i call", "you keep saying",
    "yarin diyorsunuz", "oyalan*", "bu nasil firma", "nasil bir firma", "ne bicim firma", "what kind of company",
    "what kind of service", "boyle muamele", "muamele*", "ozur bile", "even apologi*", "no apology",
    "ozur dilemedi*", "terminate the contract", "sozlesme* ~ fesh*", "switch to another", "baska firmaya gec*",
    r"re:(?:boz|ciz|kir|kaybet|unut|kandir|yanilt|dolandir|kazikla|bekleti|ez|cal|kes)(?:diniz|dunuz|tiniz|tunuz)",
    r"re:you (?:broke|scratched|damaged|lost|forgot|ignored|overcharged|ruined|dented|bent)",
    "daha da kotu*", "ne yaptiniz", "hos degil", "hic hos degil", "soylenenden fazla", "more than you quoted",
    "more than quoted",
    "kimse acmiyo*", "bagir*", "hakaret*", "yoneticiniz*", "yoneticiyle*", "yetkiliyle gorus*",
    "yetkili biri*", "manager", "supervisor", "telefon* acmiyo*", "telefonu acan yok", "ulasilamiyo*",
    r"re:\d+ (?:kere|kez|defa) (?:aradim|yazdim|sordum|gittim|geldim)", "kac kere arad*", "kac kez arad*",
    "denied", "refuse*", "unfair", "outrageous", "shocking", "appalling", "useless", "incompetent",
    "careless", "i demand", "demand a refund", "compensation", "waste of time", "thanks for nothing",
    "not ok", "not okay",
)
COMPLAINT_OUTRIGHT = Terms(
    "parami geri*", "parami iade*", "paramizi geri*", "param iade*", "money back", "refund me", "give my money",
    r"re:(?:really|very|so|extremely|truly|deeply) (?:unhappy|disappointed|angry|upset|annoyed|frustrated)",
    "full refund", "want a refund", "want my refund", "demand a refund", "iademi isti*", "paramı isti*",
)
"""Money back demanded, or dissatisfaction stated outright: a complaint whatever the topic."""
DAMAGED_ON_ARRIVAL = Terms(

    "kutu* ~ yirtik*", "kutu* ~ hasar*", "ezik geldi", "kirik geldi", "hasarli geldi", "yirtik geldi", "bozuk geldi",
    "cizik geldi", "egri geldi", "egri geliyo*", "yamuk geldi", "yamuk geliyo*", "arrived bent", "came bent",
    "eksik parca* geldi", "arrived damaged", "arrived broken", "arrived scratched", "came damaged",
    "came broken", "damaged in transit", "damaged on arrival", "damaged box", "kutu* ezik*", "kutusu hasar*",
    "box was crushed", "box was damaged",
)
COMPLAINT_WEAK = Terms(
    "kotu", "kotuydu", "already has", "already broken", "already broke", "simdiden", "after only",
    "ilgisiz*", "cizik*", "gundur", "haftadir", "aydir", r"re:[a-z]+(?:madiniz|mediniz)",
    r"re:[a-z]+(?:miyorsunuz|miyosunuz|muyorsunuz|muyosunuz)", "same problem again", "same issue again",
    "ayni sorun tekrar", "tekrar ayni", r"re:(?:after|for) \d+ (?:weeks|months)", r"re:after \d+ days",
    "dalga mi gec*", "saka mi", "ciddiye al*", "her seferinde", "hep ayni", "is this a joke", "seriously",
    "every time i", "no one cares", "nobody cares", "not good enough", "what a mess", "mess", "you didnt",
    "you never", "you havent", "you still havent", "whats going on", "still no", "still not", "bu kadar para",
    "overpriced", "too expensive", "cok pahali", "cizilmis*", "hasar*", "zarar*", "damage*", "damaged",
    "scratch*", "dented", "hala gelmedi", "gundur ~ bekli*", "nobody answers", "no one answers",
    "was already there", "kept my", "yoktu", "beni hic", "not happy", "unhappy", "sad", "normal degil", "bosuna",
    r"re:\d+ (?:gun|hafta|ay) oldu", r"re:waited \d+ (?:minutes|hours|days)",
    r"re:hala (?:[a-z]+ ){0,2}[a-z]+(?:madi|medi)[a-z]*",
    "uzuldum", "uzucu", "missed", "kacirdiniz",
)
PRICE_GRIEVANCE = Terms(
    "pahali*", "pahalli*", "fiyatlar* ~ yuksek", "yuksek bence", "ucuzu var", "daha ucuz*", "baska yerde*",
    "internette daha", "cheaper", "overpriced", "expensive", "pricey", "fiyat* artmis*", "fiyat* ~ artmis*",
    "zam yap*", "zamlan*", "tuzlu", "cok artmis*", "baya artmis*", "bayagi artmis*", "biraz fazla", "fazla bence",
    "went up",
    "price increase*", "more expensive",
)
"""Prices found too high: a mild complaint on its own, part of haggling next to a discount request."""
HEDGE = Terms(
    "biraz", "bit", "a bit", "a little", "slightly", "otherwise fine", "otherwise ok", "otherwise good",
    "otherwise great", "overall", "genel olarak", "not a big deal", "buyuk sorun degil", "cok onemli degil",
    "just saying",
)
"""Softeners that keep a complaint mild: "a bit disappointed ... otherwise fine", "biraz pahalı bence"."""
SPECIFIC_ITEM = Terms(
    "sitenizdeki", "ilandaki", "ilaninizdaki", "vitrindeki", "instagramdaki", "paylastiginiz", "in your post",
    "in your window", "on your website", "from your website", "on your site", "in the photo", "this one",
    "that one", "bu model*", "su model*", "this model", "that model", "the one in",
)
"""A price asked for one item seen somewhere is a step towards buying it; prices in general are information."""

REPEAT_ORDINAL = Terms(
    r"re:(?:[3-9]|\d\d+)nci (?:kez|kere|defa|sefer|mesaj|yazis|aray)[a-z]*", "ucuncu kez",
    "ucuncu kere", "dorduncu kez", "kacinci kez", "kacinci kere", "third time", "fourth time",
    "ucuncu mesaj*", "dorduncu mesaj*", "third message", "fourth message", "fifth message",
    r"re:(?:[3-9]|\d\d+)(?:st|nd|rd|th) (?:message|time|email|call|attempt)",
    "again and again",
)
"""A third time or more, in the writer's own words: a complaint repeated and unanswered. A second time ("ikinci
kez soruyorum", "the rim bent a second time") is a follow-up or a recurrence, not yet that."""

# --- technical --------------------------------------------------------------------------------
PART = Terms(
    "fren*", "balata*", "disk*", "kaliper*", "vites*", "aktarici*", "aktarma*", "zincir*", "disli*",
    "aynakol*", "kaset*", "pedal*", "krank*", "orta gobek*", "gobe*", "jant*", "lastik*", "ic lastik*",
    "sibop*", "supap*", "tekerlek*", "teker*", "jant tel*", "gidon*", "sele*", "kadro*", "amortisor*",
    "suspansiyon*", "catal*", "fari*", "zil*", "batarya*", "baterya*", "pil", "pili*", "sarj*", "adaptor*",
    "motor*", "ekran*", "display*", "kumanda*", "sensor*", "kablo*", "soket*", "konnektor*", "gaz kolu*",
    "ampul*", "arka far*", "on far*", "farlar*", "stop lamba*", "rulman*", "bilye*", "hidrolik*", "brake*",
    "pad", "pads", "disc*", "caliper*", "gear*", "derailleur*", "shifter*", "chain*", "cassette*",
    "sprocket*", "pedal*", "crank*", "bottom bracket*", "hub*", "wheel*", "rim*", "tyre*", "tire*", "tube*",
    "valve*", "spoke*", "handlebar*", "saddle*", "seat post*", "seatpost*", "frame*", "fork*", "suspension*",
    "shock*", "battery", "batteries", "charger*", "motor*", "screen*", "controller*", "sensor*", "cable*",
    "connector*", "throttle*", "pedal assist*", "assist*", "destek*", "kiox", "bosch", "bafang", "shimano",
    "sram", "stem", "bolt*", "civata*", "vida*", "torque", "tork", "quick release", "menzil*", "gidon bogaz*",
)
DEFECT = Terms(
    "ariza*", "arizali*", "bozuk*", "bozuldu*", "calismiyo*", "calismaz*", "acilmiyo*", "kapaniyo*",
    "kesiyo*", "kesildi*", "koptu*", "kopmus*", "kopuk", "snapped", "hata*", r"re:e\d{1,3}", "error*",
    r"re:err? ?\d{1,3}", "ses geliyo*", "ses yapiyo*", "ses cikariyo*", "sesi var", "garip ses*", "tikirti*",
    "gicirti*", "gicird*", "tikird*", "takird*", "cizird*", "takirti*", "cizirti*", "kayiyo*", "kaciriyo*", "atliyo*",
    "atlatiyo*", "vites* atla*",
    "vites* ~ kacir*", "zincir* ~ atiyo*", "zincir* ~ cikiyo*", "yerinden cikiyo*", "zincir* ~ dusuyo*",
    "vites* ~ atla*", "vites* ~ gecmiyo*", "vites* ~ degisiyo*", "menzil* ~ dus*", "menzil* ~ azal*", "range ~ drop*",
    "lastik* ~ iniyo*", "hava* ~ iniyo*", "lastik* indi", "hava kaciriyo*", "patladi*", "patlak*",
    "sizdiriyo*", "sizinti*", "egri*", "egildi*", "kirildi*", "kirik*", "gevsek*", "gevsedi*", "bosluk yap*",
    "surtuyo*", "karariyo*", "paslan*", "pasli", "rust*", "surtun*", "degiyo*", "reset*",
    r"re:keeps [a-z]+ing", "didnt work", "doesnt work", "yanmiyo*", "sonuyo*", "bosa donuyo*", "donmuyo*",
    "ilerlemiyo*", "atmiyo*", "kilitleniyo*", "bosa dus*", "bosa cik*", "bosaliyo*", "sesi geliyo*", "sesi var",
    "ses var", "creak*", "ticking",
    "knocking", "squeal*", "losing air", "keeps deflating", "wont hold", "doesnt hold", "wont shift",
    "doesnt shift", "stiff", "hard to pedal", "dragging", "misaligned", "intermittent*", "tutmuyo*",
    "sarj olmuyo*", "sarj almiyo*", "sarj etmiyo*", "dolmuyo*", "isiniyo*", "titriyo*", "sallaniyo*",
    "coktu*", "sikisti*", "takiliyo*", "gecmiyo*", "normal mi", "how do i fix", "how do i adjust",
    "how do i reset", "how do i change", "how to fix", "how to adjust", "how to reset", "nasil ayarla*",
    "nasil duzelt*", "nasil sifirla*", "nasil degistir*", "nasil sisir*", "ne yapmaliyim", "ne yapayim",
    "ne yapabilirim", "what should i do", "lastik basinc*", "tire pressure", "tyre pressure", "uyumlu mu",
    "compatible", "is it normal", "is this normal", "worn out", "wearing out", "eskidi*", "yipran*",
    "humming", "buzzing", "whining", "vibrat*", "uyari isig*", "ikaz*", "yanip sonuyo*", "warning light*",
    "blinking", "flashing", r"re:sorun[a-z]*(?! degil)(?! yok)(?! cozul)(?! kalmadi)(?! giderildi)(?! halloldu)",
    r"re:(?<!no )problem[a-z]*(?! solved)(?! fixed)", "kalibr*",
    "ayari*", "ayar yap*", "ayarlat*", "rahatsiz ediyo*", "desteg* kes*", "eskisi kadar", "menzil* dus*",
    "not working", "doesnt work*", "dont work*", "wont*", "broken", "broke", "fault*", "issue*", "noise*",
    "click*", "squeak*", "grind*", "rattl*", "slip*", "skip*", "falls off", "falling off", "fell off", "flat",
    "puncture*", "leak*", "bent", "crack*", "loose", "wobbl*", "rub*", "stuck", "cuts out", "cutting out",
    "cut out", "dies", "shuts off", "turns off", "not charging", "overheat*", "calibrat*", "adjust*", "weird",
    "strange", "kicks in late", "lag", "lagging", "drain*", "range dropped",
)
USAGE = Terms(
    r"re:[a-z]+(?:meli|mali)(?:yim|yiz|miyim|miyiz|mi|yim mi|yiz mi)", "should i ride", "should i charge",
    "should i use", "should i store", "should i set", "how should i", "which mode", "what mode", r"re:hangi mod(?:da|de|u|unda|a|la|e)",
    "hangi destek*", "hangi seviye*", "which setting*", "which level",
)
"""How a part should be used ("yokuşta hangi modda sürmeliyim?"): with a part, a technical question."""
BLOCKING = Terms(
    r"re:calismiyo[a-z]*(?! mu)", "calismaz oldu", r"re:acilmiyo[a-z]*(?! mu)", "binemiyo*", "kullanamiyo*",
    "kullanilamaz*", "hareket etmiyo*", "sarj olmuyo*", "sarj almiyo*", "hic gitmiyo*", "tepki vermiyo*",
    "kilitlendi*", "takili kaldi*", "donuyo*", "dondu", "olu", "wont start", "wont turn on", "doesnt turn on",
    "not turning on", "dead", "not working", "doesnt work*", "dont work*", "stopped working", "wont go",
    "wont move", "cant ride", "cannot ride", "unusable", "stuck on", "frozen", "freezes", "not charging",
    "wont charge", "doesnt charge", "unrideable", "cant use", "cannot use", "wont engage", "wont work",
    "wont power*", "no power", "doesnt respond", "not responding", "hic calismiyo*", "hic acilmiyo*",
    "gidemiyo*", "destegi yok", "destek yok", "destek vermiyo*", "no assist", "assist not working",
    "wont assist", "doesnt assist", "not assisting", "no assistance",
    r"re:(?:wont|doesnt|dont|isnt|cant|didnt) [a-z]+ at all",
)
NEGATED_VERB = Terms(
    r"re:(?!istemiyo|bilmiyo|dusunmuyo|bulamiyo|anlamiyo|gerekmiyo|olmuyo|yapmiyo)[a-z]+(?:miyo|muyo)[a-z]*",
    r"re:(?:doesnt|dont|wont|isnt|arent|cant|didnt|wouldnt) (?!know|think|want|need|have|like|mind|care)[a-z]+",
)
"""A verb that does not do its job: with a part, a defect ("motor devreye girmiyor", "the app doesn't connect")."""
REFUSED = Terms(
    r"re:(?:stopped|quit|ceased) [a-z]+ing",
    *NEGATED_VERB.entries,
    r"re:(?!gel|ol|bul|yap|iste|begen|anla|sor|bak|degis|tak|gonder|ayarla|sat|kullan|kal)[a-z]+(?:madi|medi)[a-z]*",
    "and nothing", "but nothing", "ama hicbir sey", "ama bir sey olmadi",
)
"""A verb that did not do its job, in any tense: after a brake, a failure ("freni dinlemedi", "doesn't grab")."""
BIKE = Terms("bisiklet*", "ebike*", "bike*", "scooter*", "tandem*")
NIGHT = Terms(
    "dark", "karanlik*", "karardi", "kararmak*", "aksam", "gun batiyo*", "gunes batiyo*", "gun batimi*",
    "gunes batmak*", "sunset", "sun is setting", "sun s setting", "sun is going down", "sun s going down",
    r"re:(?:12|[1-5]) ?am", "kararacak*", "karariyo*",
    "aksam ol*", "gece ol*", r"re:\d+ ?pm",
    "phone signal", "signal", "sinyal*", "kapsama*", "hava karariyo*", r"re:gece(?!n )[a-z]*", "night", "midnight", "no taxi*",
    "taksi yok",
    "no signal", "sinyal yok", "telefonumun sarj*", "telefonum*", "phone is dying", "phone battery",
    r"re:saat (?:[a-z]+ )?(?:9|10|11|12|21|22|23|24|00|01|02|03)",
)
"""Dark, late, or cut off: a breakdown then strands a rider even near town."""
RIDEABLE = Terms(
"still rideable", "still ride", "binilebiliyo*", "kullanabiliyo*", "idare ediyo*")

# --- support ----------------------------------------------------------------------------------
SUPPORT = Terms(
    "siparis*", "kargo*", "takip*", "teslimat*", "teslim*", "fatura*", "irsaliye*", "garanti*", "iade*",
    "randevu*", "servis*", "bakim*", "bakima", "kiraladig*", "kiraladim*", "rezervasyon*", "depozito*",
    "odeme*", "cekilmis*", "cekildi*", "iptal*", "sozlesme*", "rapor*", "hazir mi", "hazir olur",
    "ne zaman hazir", "ne zaman gelir", "ne zaman yatar", "uzat*", "degistirebilir*", "degistirmek isti*",
    "degisim*", "guncelle*", "seri numara*", "book a", "book an", "to book", "book the",
    "sevkiyat*", "gelmedi*", "ulasmadi*", "yatmadi*", "order*", "track*", "delivery*", "deliver*", "shipping",
    "service", "serviced", "servicing", "picked up",
    "shipment*", "invoice*", "receipt*", "warranty", "refund*", "return*", "exchange", "appointment*",
    "booking*", "booked", "reservation*", "extend*", "deposit*", "charged", "payment*", "confirmation*",
    "ticket*", "dropped it off", "dropped off", "ready", "pickup", "pick them up", "reschedule*", "contract*",
    "report*", "never arrived", "hasnt arrived", "didnt arrive", "late", "check", "checkup", "check up",
    "kontrol*", "ilk bakim*", "periyodik bakim*", "tamir*", "repair*", "sifre*", "unuttum", "kaybettim",
    "forgot", "lost my", "ertele*", "postpone*", "anahtar*", "key", "mail*", "e posta*", "email*", "sms",
    "onay*", "uygulama*", "app", "login", "giris yap*", "uyelik*", "account", "kupon*", "coupon*",
    "promo code", "hediye ceki*", "gift card", "parca bekle*", "teslim al*", "kurye*", "haber ver*",
    "hazir olunca", "durumu*", "ne durumda", "status", "news on", "update on", "ulasmak isti*",
    "gorusmek isti*", "iletisim*", "numarasi*", "numaranizi", "get in touch", "speak to", "talk to someone",
    "reach", "courier", "drop off", "return the bike", "duzelt*", "yanlis yazil*", "yanlis cikmis", "kisalt*",
    "correct the", "update my", "change my", "change the",
)
OWNERSHIP = Terms(
    "siparis verdi*", "satin aldi*", "siparisim*", "faturam*", "randevum*", "rezervasyonum*", "bisikletim*",
    "bisikletimiz*", "aldigim*",
    "aldigimiz*", "aldim", "kiraladig*", "kiraladim*", "siparis ettig*", "verdigim*", "verdigimiz*",
    "teslim ettim", "biraktim", "odedim", "odedig*", "my order*", "my rental*", "my booking*", "my bike*",
    "my reservation*", "my invoice*", "my deposit*", "my appointment*", "my ebike*", "my repair*", "i booked",
    "we booked", "i ordered", "we ordered", "i rented", "we rented", "i bought", "we bought",
    "dropped it off", "booking", "ticket", r"re:r \d+",
    r"re:(?:kiralama|sure|rezervasyon|randevu|siparis|fatura|odeme|iade|depozito|hesab|hesap|bisiklet|ebike"
    r"|teslimat|kargo|kask|kilit|batarya|sozlesme)(?:m|mi|mu|miz|mizi|im|imi|imiz|imizi|um|umu|umuz)",
    "servisten aldig*", "servisteki*", "serviste",
)
# --- sales ------------------------------------------------------------------------------------
SALES_STRONG = Terms(
    r"re:(?<!randevu )(?<!bilgi )(?<!destek )(?<!servis )(?<!haber )almak isti[a-z]*", "almayi dusun*",
    "hemen geleyim", "gelip alayim", "gelip alirim", "gelip alacag*",
    r"re:(?:kask|kilit|bisiklet|ebike|lastik|zincir|pedal|sele|lamba|far|pompa|eldiven|gozluk)[a-z]* (?:[a-z]+ )?lazim",
    "alacagim", "alacagiz", "alicam", "alcam",
    "alirsam", "alirim", "satin almak*", "satin alaca*", "satin alabilir*", "satin alma*", "siparis vermek*",
    "siparis verece*", "siparis vericem", "siparis verebilir*", "siparis veriyo*", "siparis verelim",
    "siparis versem", "siparis verir*",

    "almam lazim", "almamiz lazim", "almam gerek*", "almamiz gerek*", "almaliyim", "almaliyiz", "need to buy",
    "tender*", "ihale*", "alayim", "alalim", "aliyorum", "aliyoruz", "almaya karar*", "onerirsiniz",
    "tavsiye edersiniz", "tavsiye eder misiniz", "alim yap*", "duzenli alim*", "toptan alim*",
    r"re:(?:havale|eft|odeme|odemeyi|odemesini) (?:yap|gonder)(?:acag|ecek|icag|icam|cam|arim|iyorum|ayim)[a-z]*",
    "odeyece*", "odicem", "oderim", "oderiz",
    r"re:(?:i|we)(?:ll| will| would| d)? (?:buy|take|order|purchase) (?:it|one|them|two|both|this|that)",
    "and buy", "and buy it", "could i buy", "can i buy", "can we buy", "i want to buy",
    "ill buy", "well buy", "ill order", "looking at the", "looking at your",
    r"re:(?:want|need) an? (?:new |good |cheap |cargo |kids |electric |folding |city |road |mountain )?"
    r"(?:bike|ebike|e bike|bicycle|helmet|lock|scooter)s?",
    "siparis gec*", "siparis vermek", "teklif*", "bayi olmak", "bayiniz olmak", "bayilik*", "bayi sart*",
    "iskonto*", "takas*", "son fiyat*", "ne onerirsiniz", "onerir misiniz", "onerebilir misiniz",
    "ne tavsiye*", "kararsiz*", "paket fiyat*", "odeme hazir", "ayirt*", "ayirir misiniz",
    "ayirabilir misiniz", "want to buy", "like to buy", "looking to buy", "buying", "purchase*", "quote*",
    "quotation*", "want to order", "like to order", "to order", "next order", "place an order", "reserve it",
    "id like to reserve", "trade in", "wholesale", "interested in buying", "what do you recommend",
    "can you recommend", "could you recommend", "would you recommend", "recommend me", "recommendation*",
    "wholesale rental rates", "looking for a", "looking for an", "looking for something",
    # booking a rental or a tour is buying one; a window display points at the bike to buy
    "kiralamak isti*", "kiralamak isteriz", "kiralayabilir miyiz", "kayit olmak isti*", "kayit yaptirmak*",
    "rezervasyon yapmak isti*", "rezervasyon yaptirmak*", "want to rent", "like to rent", "love to rent",
    "can we rent", "could we rent", "vitrindeki", "in your window", "in the window",
    r"re:(?:to|we|i) book(?! (?:a |an |the |my |our |in )?(?:[a-z]+ )?(?:service|repair|check|checkup|appointment|fitting|slot)s?\b)",
    r"re:(?:bisiklet|ebike|model|kask|jant|kadro|scooter)[a-z]* (?:[a-z]+ )?(?:bakiyo|ariyo)[a-z]*",
    "ben de bakiyo*", r"re:\d+ bin (?:civari|arasi|alti|kadar|butce)[a-z]*", r"re:\d+ bine kadar",
    "ilgileniyo*", "fiyat ver*", "fiyat alabilir*", "fiyat atar*", "fiyati ne olur", "kaca veriyo*",
    "kaca olur", "ne kadara", "en son kac", "how much would", "price for", "give me a price",
    "send me a price", "want to get", "looking to get", "thinking of buying", "considering buying",
    "planning to buy", "can i order", "how do i order", "pre order", "on siparis*", "hediye*",
    "still available", "bir tane istiyo*", "bir tane al*", "tane alsam", "tane alacag*", "ill take",
    "id take", "i want one", "id like one", "need a new", "need a bike", "ihtiyacim var", "proforma*",
    "siparis olustur*", "if i buy", "if we buy", "if i order", "if we order", "if i take", "come see it",
    "come and see", "gelip bak*", "gelip gor*", "calisanlarimiz*", "calisanlarina", "employees",
    "for our staff", "for our team", "thinking about getting", "getting one", "get one", "buy one",
    "order one", "hold the", "hold one", "hold it", "put aside", "set aside", "keep it for me",
    "ayirabilir misiniz", "alirsam", r"re:under \d+ ?(?:k|tl|lira|euro|eur)", "alirsak",
    "alacak olsam", "indirim yap*", "indirim olur*", "en iyi fiyat*", "best price", "collaborat*",
    "partnership", "is birlig*", "isbirlig*", "pay cash", "kapida odeme", "odeme secenek*", "payment options",
    "test ride", "test surus*",
    r"re:(?:bisiklet|ebike|model|kask|kilit|scooter)[a-z]*(?:ten|tan|den|dan) istiyo[a-z]*",
)
SALES = Terms(
    "fiyat*", "taksit*", "indirim*", "nakit", "pazarlik*", "kampanya*", "butce*", "uygun fiyat*", "tavsiye*",
    "oneri*", "hangisi*", "hangsi*", "hangi*", "lazim", "toptan*", "kurumsal*", "buy", "budget*", "deal",
    "alsam", "alsak",
    "discount*", "financing", "installment*", "pay by", "price*", "rates", "lead time", "how much for",
    "which one", "interested", "available", "cost*", "kac liraya", "pesin*", "kredi karti*", "kac lira*", "beden*",
    "kadro boy*", "boyum", "frame size", "what size", "which size",
)
# --- inquiry ----------------------------------------------------------------------------------
INQUIRY = Terms(
    "nerede*", "nerde*", "neresi*", "konum*", "adres*", "acik mi", "acik misiniz", "acikmisiniz",
    "kaca kadar", "kapali mi*", "kapali misiniz", "closed on", "open on", "kacta acil*", "kacta kapan*", "kacta ac*",
    "kacta kapa*", "calisma saat*", "mesai*", "subeniz*", "sube*", "kac km",
    "kac yas*", "yasindan", "fiyat liste*", "ucret*", "kimlik*", "ehliyet*", "tur", "turlar*", "hangi marka*",
    "kac para", "where", "location", "address", "opening hours", "hours", "open", "close", "closing",
    "price list", "prices", "policy", "minimum age", "is it near", "stok*", "stock*", "fiyatlar*", "dahil mi",
    "sigorta*", "insurance", "insured", "colour*", "color*", "renk*", "kac saat*", "kac gun*", "kac dakika*",
    "kac yil*", "kac ay*", "how many years", "ne kadar sur*", "do you have", "do you offer", "do you sell",
    "do you rent", "do you do", "weight", "katalog*", "catalog*", "brosur*",
    r"re:[a-z]+ [a-z]+(?:iyo|uyo)r? musunuz",
)
"""Information topics: hours, places, policies, general prices, stock."""
INQUIRY_GENERIC = Terms(
    "var mi", "var mu", "yapiyo musunuz", "yapiyor musunuz", "satiyo* musunuz", "kiraliyo* musunuz",
    r"re:[a-z]+(?:iyo|uyo)r? musunuz", "ne kadar", "devam ediyo* mu", "bilgi*", "merak*", "ogrenmek isti*",
    "gerekiyo* mu", "lazim mi", "oluyo* mu", "olur mu", "mumkun mu", "nedir", "dahil*", "included", "include",
    r"re:do you [a-z]+", r"re:does it [a-z]+", r"re:are you [a-z]+", "can i", "is it", "is there",
    "are there", "how much", "how far", "how many", "how long", "max", "maximum", "limit", "wondering",
    "info", "information", "do i need", "near", "what are", "whats",
)
"""Question phrases that ask for information without naming a topic of their own."""
QUESTION = Terms(
    "what", "which", "how", "when", "hangi*", "nasil", "kac", "ne zaman", "neler", "nedir", "mi", "mu",
    "misiniz", "musunuz", "var mi",
)
"""Question words: a question with nothing more specific is an inquiry."""
REQUEST = Terms(
    "misiniz", "musunuz", "miyim", "miyiz", "lutfen", "rica*", "isti*", "would like", "id like", "need",
    "lazim", "can you", "could you", "please", "want", "gerek*", r"re:[a-z]+(?:ebilir|abilir) mi[a-z]*",
)
"""Asking for something: praise that asks for nothing is not a request."""
TOUR = Terms(
    "turda", "turdan", "turdayiz", "turundayiz", "turumuz*", "turunuz*", "tur grub*", "turun rehber*", "rehber*",
    "guided", "tour", "tours", "our guide", "the guide", "tour guide",
)
"""A guided tour: a rider left behind on one, like a renter, needs the tour looked after, not a mechanic."""
RENTAL = Terms("kirala*", "kiralik*", "rental*", "rent", "rented", "renting", "hire", "hired")

# --- general: greetings, thanks, wishes, closings, spam, wrong number, tests ----------------------
GREETING = Terms(
    "merhaba*", "nasilsiniz", "nasilsin", "how are you", "mrb", "mrhaba", "slm", "selam*", "selamun aleykum",
    "gunaydin", "iyi aksamlar", "iyi gunler", "tunaydin", "hi", "hello", "hey", "hiya", "good morning",
    "good afternoon", "good evening", "dear", "arkadaslar", "herkese", "hocam", "abi", "abla", "hanim", "bey",
    "everyone", "all", "team", "ekibi",
)
THANKS = Terms(
    "tesekkur*", "tsk", "tsklr", "tesk*", "sagol*", "sagolun", "sag olun", "sag ol", "eyvallah", "eyw", "thanks",
    "thank you",

    "thank u", "thx", "ty", "tnx", "cheers", "much appreciated", "appreciate it", "rica ederim",
)
WISHES = Terms(
    "iyi bayramlar", "bayraminiz*", "mutlu yillar", "yeni yiliniz*", "iyi calismalar", "kolay gelsin",
    "bereketli*", "hayirli*", "bol satis*", "happy new year", "happy holidays", "merry christmas",
    "have a nice day", "have a great*", "good luck", "congrat*", "tebrik*", "iyi tatiller",
    "iyi hafta sonlari",
)
POSITIVE = Terms(
    "harika*", "super", "mukemmel*", "muhtesem*", "cok guzel*", "memnun kaldi*",
    r"re:memnun(?:um|uz)?(?! degil)", "bayildi*", "begendi*", "amazing",
    r"re:(?<!not )(?<!not a )(?<!not so )great", "awesome", "perfect", "wonderful", "fantastic", "excellent",
    r"re:(?<!d )(?<!would )lov(?:e|ed|ely|ing)(?! to)", "enjoyed", "brilliant", "lovely", "nice", "cok iyi",
    "iyiydi", r"re:(?<!not )(?<!nt )happy", "tavsiye ettim", "tavsiye ederim", "recommended you",
    "i recommend you", "ellerinize saglik", "elinize saglik", "eline saglik", "emeginize saglik",
    "tesekkur ederiz", "helal olsun",
)
CLOSING = Terms(
    "tamam*", "tmm", "tamamdir", "ok", "okay", "okey", "oke", "okie", "peki", "anladim", "anlasildi", "olur",
    "tabi", "tabii", "cozuldu", "sorun cozuldu", "duzeldi", "halloldu", "gorusuruz", "kolay gelsin",
    "iyi gunler", "iyi aksamlar", "iyi calismalar", "got it", "great", "perfect", "sure", "alright", "cool",
    "noted", "resolved", "sorted", "works now", "fixed", "all good", "see you", "bye", "super", "aldim",
    "ulasti", "geldi", "received", "arrived", "gordum", "saw it", "thanks for the update",
)
WRONG_NUMBER = Terms(
    "yanlis kisi*", "yanlis numara*", "yanlislikla", "yanlis attim", "yanlis yere", "wrong number",
    "wrong chat", "wrong person", "sorry wrong", "not for you",
)
TEST = Terms("test*", "deneme*", "testing")
TEST_FILLER = Terms(r"re:\d+", "mesaj*", "message*", "msg", "ignore", "ignore this", "bu", "this", "is", "a")
SPAM = Terms(
    "kripto*", "kazanc*", "garantili kazanc*", "bahis*", "casino*", "kumar*", "ilk 100 kisi*", "katilin",
    "takipci*", "followers", "grow your", "dm for", "click here", "tikla*", "crypto*", "bitcoin",
    "investment opportunit*", "yatirim firsat*", "kredi basvuru*", "lottery", "kazandiniz", "hediye ceki*",
    "congratulations you", "limited offer", "join our", "grubumuza", "kanalimiza", "subscribe",
    "manufacturer*", "ureticisi*", "ureticiyiz", "real followers", "we can grow", "our catalogue",
    "our catalog", "katalogumuz*", "seo hizmet*", "web siteniz*", "we manufacture", "oem", "moq", "we produce",
    "uretiyoruz", "claim here",
    "claim your", "youve been selected", "you have been selected", "hesabiniz askiya", "dogrulamak icin",
    "reply yes", "ai chatbot", "boost your", "hukuki danismanlik", "tazminat hakki*", "hemen arayin",
    "ucretsiz danismanlik", "free consultation", "call now", "google ranking*", "first page of google", "google da ilk*",
    "googleda ilk*", "dear business owner", "isletme sahibi*", "free audit", "ucretsiz analiz*",
)
JOB = Terms(
    "eleman*", "is ilan*", "ilaniniz*", "cv", "ozgecmis*", "part time", "partime", "staj*", "is basvuru*",
    "is ariyo*", "calismak isti*", "job*", "hiring", "vacanc*", "internship", "resume", "work for you",
)
"""Job applications: general, however politely they ask."""
SPAM_WEAK = Terms(
    "dear sir*", "sir madam", "leading", "catalogue", "catalog", "please find", "cooperation", "our products",
    "we offer", "ucretsiz", "free", "per day", "earn", "profit*", "seo", "loan*", "winner", "sinirli sure*",
    "attached", "ekte", "gunluk yuzde", "garantili", "selected", "gift card", "amazon", "tiklayin", "click",
    "only this week", "sadece bu hafta", "50 off", "yuzde 50", "we guarantee", "garanti ediyo*", "ranking*",
    "marketing", "pazarlama*", "reklam ajans*", "agency",
)

STOPWORDS = frozenset(
    {
        "ve",
        "ile",
        "bir",
        "bi",
        "bu",
        "su",
        "o",
        "da",
        "de",
        "ki",
        "mi",
        "mu",
        "ne",
        "ya",
        "ama",
        "fakat",
        "icin",
        "cok",
        "daha",
        "en",
        "gibi",
        "kadar",
        "sonra",
        "once",
        "her",
        "hic",
        "hep",
        "hem",
        "ben",
        "sen",
        "biz",
        "siz",
        "onlar",
        "bana",
        "beni",
        "size",
        "sizin",
        "sizi",
        "sizden",
        "bizim",
        "benim",
        "var",
        "yok",
        "misiniz",
        "musunuz",
        "miyim",
        "miyiz",
        "misin",
        "musun",
        "acaba",
        "lutfen",
        "rica",
        "ederim",
        "ediyorum",
        "ederiz",
        "olarak",
        "olur",
        "oldu",
        "olan",
        "olsun",
        "simdi",
        "zaten",
        "bile",
        "diye",
        "icinde",
        "uzere",
        "yani",
        "iste",
        "sey",
        "bunu",
        "buna",
        "bunun",
        "onu",
        "ona",
        "nasil",
        "neden",
        "niye",
        "hangi",
        "kim",
        "kac",
        "degil",
        "evet",
        "hayir",
        "yine",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "im",
        "i",
        "me",
        "my",
        "we",
        "our",
        "us",
        "you",
        "your",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "if",
        "so",
        "as",
        "not",
        "no",
        "yes",
        "please",
        "just",
        "also",
        "very",
        "what",
        "when",
        "where",
        "which",
        "who",
        "how",
        "why",
        "any",
        "some",
        "all",
        "about",
        "up",
        "out",
        "into",
        "than",
        "then",
        "too",
        "id",
        "ill",
        "ive",
        "dont",
        "cant",
        "wont",
        "get",
        "got",
        "like",
        "want",
        "s",
        "t",
        "d",
        "ll",
        "re",
        "m",
        "hi",
        "hello",
        "hey",
        "merhaba",
        "slm",
        "selam",
        "mrb",
        "merhabalar",
        "tl",
        "abi",
        "hocam",
        "bey",
        "hanim",
        "arkadaslar",
        "dear",
        "ok",
        "okay",
        "tamam",
        "peki",
        "sn",
        "vs",
        "etc",
        "lol",
        "haha",
        "bide",
        "ise",
        "olsa",
        "olabilir",
        "dir",
        "dur",
    }
)

KEYWORD_TABLES: tuple[Terms, ...] = (
    FIRE, FIRE_SIGN, BRAKE_FAILURE, STRUCTURE_FAILURE, ACCIDENT_EVENT, ACCIDENT, INJURY, STRANDED, LEGAL,
    COMPLAINT_STRONG, COMPLAINT_OUTRIGHT, PRICE_GRIEVANCE,
    DOUBLE_CHARGE, BLOCKING, DEFECT, PART, QUANTITY, SALES_STRONG, SUPPORT, SALES, INQUIRY, RENTAL,
    COMPLAINT_WEAK, URGENT, NO_RUSH, SPAM,
)
"""Tables whose matches become keywords, most telling first."""
# fmt: on
READ_TABLES: tuple[Terms, ...] = (
    HEATING,
    SUSPENSION,
    SUBJECT_DANGER,
    DANGER_QUESTION,
    WOBBLE,
    SERVICE_BLAME,
    USAGE,
    SOON,
    NEEDED,
    BRAKE,
    NOT_BRAKE,
    BRAKE_SIGN,
    STOP_FAILURE,
    STRONG,
    POWER,
    FIRE_SIGN,
    NEGATED_AFTER,
    NEGATED_BEFORE,
    FRAME,
    FRAME_SIGN,
    WHEEL,
    WHEEL_SIGN,
    WHEEL_LOCK,
    TYRE,
    TYRE_SIGN,
    RIDING,
    LOST_CONTROL,
    BODY,
    HARM,
    ACHE,
    RIDER_FALL,
    INCIDENT,
    VEHICLE,
    IMPACT,
    CRASH_GEAR,
    CARE,
    CARE_OTHER_SENSE,
    HOSPITAL,
    MORTAL_DANGER,
    RUNAWAY_PART,
    RUNAWAY_SIGN,
    FALL_OTHER_SENSE,
    REFUSED,
    NOT_FAILURE,
    LONG_AGO,
    DELIVERED,
    DEGREE,
    COMPARED,
    RESOLVED,
    POLITE_AGAIN,
    CONDITIONAL,
    NO_TRANSPORT,
    COMPANY,
    DEPLETED,
    GOT_HOME,
    ACCOUNT,
    FIRE,
    POWER_PART,
    LIGHT,
    BRAKE_FAILURE,
    BRAKE_WEAK,
    STRUCTURE_FAILURE,
    NEAR_MISS,
    RUNAWAY,
    ACCIDENT,
    ACCIDENT_EVENT,
    INJURY,
    DANGER,
    FIGURATIVE,
    HYPOTHETICAL,
    LEGAL_OTHER_SENSE,
    RIGHTS_QUESTION,
    STRANDED,
    BREAKDOWN,
    PRESENT_PLACE,
    FAR_AWAY,
    LEGAL,
    NO_RUSH,
    URGENT,
    TODAY,
    DEADLINE,
    JOKING,
    FOLLOWUP,
    RECURRENCE,
    B2B,
    SOFT_RISK,
    CANCEL_RISK,
    QUANTITY,
    THEFT,
    DOUBLE_CHARGE,
    COMPLAINT_STRONG,
    COMPLAINT_OUTRIGHT,
    DAMAGED_ON_ARRIVAL,
    COMPLAINT_WEAK,
    PRICE_GRIEVANCE,
    HEDGE,
    SPECIFIC_ITEM,
    REPEAT_ORDINAL,
    PART,
    DEFECT,
    BLOCKING,
    NEGATED_VERB,
    BIKE,
    NIGHT,
    RIDEABLE,
    SUPPORT,
    OWNERSHIP,
    SALES_STRONG,
    SALES,
    INQUIRY,
    INQUIRY_GENERIC,
    QUESTION,
    REQUEST,
    RENTAL,
    TOUR,
    SHIPMENT_LOST,
    DAY_NEAR,
    CRACK,
    CARRYING_PART,
    RIDE_AHEAD,
    NOT_RIDING,
    ACCOUNT_ENDING,
    TIMES_COUNTED,
    GREETING,
    THANKS,
    WISHES,
    POSITIVE,
    CLOSING,
    WRONG_NUMBER,
    SPAM,
    SPAM_WEAK,
    JOB,
    TEST,
    TEST_FILLER,
)
"""Every table :func:`analysis.reading.read` may match a text against (a table is only scanned when asked
for); the typo corrector learns their words."""
FILLER_TABLES: tuple[Terms, ...] = (GREETING, THANKS, WISHES, POSITIVE, CLOSING)
"""Words that carry no request: a message made only of these is a greeting, thanks or closing."""

_CRITICAL_TABLES = (
    HEATING,
    WOBBLE,
    BRAKE_SIGN,
    STOP_FAILURE,
    FIRE_SIGN,
    FRAME_SIGN,
    WHEEL_SIGN,
    TYRE_SIGN,
    HARM,
    ACHE,
    RIDER_FALL,
    INCIDENT,
    IMPACT,
    CARE,
    MORTAL_DANGER,
    RUNAWAY_SIGN,
    FIRE,
    BRAKE_FAILURE,
    STRUCTURE_FAILURE,
    NEAR_MISS,
    RUNAWAY,
    ACCIDENT,
    ACCIDENT_EVENT,
    INJURY,
    STRANDED,
    BREAKDOWN,
    LEGAL,
)


def _teach_typos() -> None:
    """Let the typo corrector aim at the lexicon's words. A misspelling is bent into a critical word only
    when that word is long: "düştü" must not become "düştük" (we fell) and page a person for a battery
    that lost range."""
    for terms in READ_TABLES:
        TYPOS.add(terms.vocabulary(), min_length=8 if terms in _CRITICAL_TABLES else TYPOS.MIN_LENGTH)
    TYPOS.add({"bisiklet", "elektrikli", "listesi", "istiyorum"})


_teach_typos()
