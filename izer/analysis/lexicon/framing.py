"""How a story is told: long ago, delivered so, resolved, asked under a condition, denied, blessed,
fictional, heard from others, or about a bike nobody rides."""

from __future__ import annotations

from izer.analysis.lexicon.safety import _PRECAUTIONS, _SUPPOSE, _WISH_IF, _WOULD_IT
from izer.analysis.terms import Terms

# fmt: off
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
KIDDING = Terms(
    "saka saka", "sakaydi", "saka yaptim", "saka yapiyorum", "sadece saka", "just kidding", "only kidding",
    "jk", "kidding",
)
"""An alarm called a joke in the same message ("fren tutmuyo 😂 şaka şaka"): no danger was told."""
DENIAL = Terms(
    "sandik", "sandim", "sanmistik", "sanmistim", "zannettik", "zannettim", "we thought", "i thought it was",
    "oyle bir sey olmadi", "oyle bi sey olmadi", "oyle bisey olmadi", "boyle bir sey olmadi", "boyle bi sey olmadi",
    "nothing like that happened", "it hasnt happened", "hasnt happened", "not that it happened",
    "nothing happened yet", "su an bi sorun yok", "su an bir sorun yok", "simdilik sorun yok", "sadece merak ettim",
    "no problem right now", "nothing wrong right now", "just curious", "not on a bike", "not on the bike",
    "bisikletle degil", "bisikletten degil", "bisiklette degil",
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
    "nightmare", "kabusumda", "cartoon*", "cizgi film*", "simulator*", "simulasyon*", "oyun oynuyo*",
    "oyun oynarken", "playing a game", "were playing",
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
# fmt: on

__all__ = [
    "BLESSING",
    "BURNT_OUT",
    "CONDITIONAL",
    "DELIVERED",
    "DENIAL",
    "FICTION",
    "HEARSAY",
    "KIDDING",
    "LONG_AGO",
    "NOT_RIDING",
    "POLITE_AGAIN",
    "RESOLVED",
    "TRAFFIC",
]
