"""Harm to the rider: the body and what hurts it, falls, vehicles, care and hospitals, a motor that
runs away."""

from __future__ import annotations

from izer.analysis.terms import Terms

# fmt: off
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
    "defolu", "defective", "faulty", "degistirmeye", "degistirebilir*", "degistirir misiniz",
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
    "hastanede calis*", "hastanede hemsire*", "hastanede doktor*", "need bleeding", "needs bleeding",
    "brake bleed*", "bleed the brake*", "bleeding the brake*", "bleed kit",
)
"""Care words for a job or a business ("we're a private ambulance service", "hastanede çalışıyorum"), or for
a brake's service ("do they need bleeding?")."""
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
# fmt: on

__all__ = [
    "ACHE",
    "BODY",
    "CARE",
    "CARE_OTHER_SENSE",
    "CRASH_GEAR",
    "FALL_OTHER_SENSE",
    "HARM",
    "HOSPITAL",
    "IMPACT",
    "INCIDENT",
    "MORTAL_DANGER",
    "NOT_FAILURE",
    "REFUND_ASKED",
    "RIDER_FALL",
    "RUNAWAY_PART",
    "RUNAWAY_SIGN",
    "VEHICLE",
]
