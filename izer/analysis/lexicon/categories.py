"""What each category is said with: complaint, technical, support, sales, inquiry."""

from __future__ import annotations

from izer.analysis.terms import Terms

# fmt: off
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
    "done being polite", "nazik olmaktan bik*", "kibar olmaktan bik*", "bi daha getirmem", "bir daha getirmem", "bi daha gelmem", "bir daha gelmem", "bi daha almam",
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
# fmt: on

__all__ = [
    "BIKE",
    "BLOCKING",
    "COMPLAINT_OUTRIGHT",
    "COMPLAINT_STRONG",
    "COMPLAINT_WEAK",
    "DAMAGED_ON_ARRIVAL",
    "DEFECT",
    "HEDGE",
    "INQUIRY",
    "INQUIRY_GENERIC",
    "NEGATED_VERB",
    "NIGHT",
    "OWNERSHIP",
    "PART",
    "PRICE_GRIEVANCE",
    "QUESTION",
    "REFUSED",
    "RENTAL",
    "REPEAT_ORDINAL",
    "REQUEST",
    "RIDEABLE",
    "SALES",
    "SALES_STRONG",
    "SPECIFIC_ITEM",
    "SUPPORT",
    "TOUR",
    "USAGE",
]
