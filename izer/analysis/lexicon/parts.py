"""Safety as concepts: the subjects (brakes, anything carrying current, the frame and steering, the
wheels, the suspension) and the signs of their failure, and the riding that makes a failure a danger."""

from __future__ import annotations

from izer.analysis.lexicon.safety import _DETACH_FAILS, _HEAT, _STRUCTURE_FAILS, _STRUCTURES, _WHEELS, POWER_PART
from izer.analysis.terms import Terms

# fmt: off
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
    "ayrilmis*", "yerinden cikmis*", "firlamis*", "yerinden oynamis*", "dustu", "kaydi", "slipped",
    r"re:dropped(?! (?:it |them |the bike |my bike )?off)",
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
# fmt: on

__all__ = [
    "BRAKE",
    "BRAKE_SIGN",
    "CARRYING_PART",
    "COMPARED",
    "CRACK",
    "DEGREE",
    "FIRE_SIGN",
    "FRAME",
    "FRAME_SIGN",
    "HEATING",
    "LOST_CONTROL",
    "NEGATED_AFTER",
    "NEGATED_BEFORE",
    "NOT_BRAKE",
    "POWER",
    "RIDE_AHEAD",
    "RIDING",
    "STOP_FAILURE",
    "STRONG",
    "SUSPENSION",
    "TYRE",
    "TYRE_SIGN",
    "WHEEL",
    "WHEEL_LOCK",
    "WHEEL_SIGN",
    "WOBBLE",
]
