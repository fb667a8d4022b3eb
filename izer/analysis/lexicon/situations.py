"""Critical situations beside safety: a person missing, a rider stranded, a legal threat, a large B2B
order at risk; and time pressure, calm-down, follow-ups and double charges."""

from __future__ import annotations

from izer.analysis.terms import Terms

# fmt: off
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
EXPOSED = Terms(
    "gunesin altinda*", "gunes altinda*", "sicakta", "sicaktan bunal*", "golge yok", "in the sun", "in the heat",
    "no shade", "scorching",
)
"""Out in the heat with no shade: like a dark or remote road, a place where a stuck rider is in trouble."""
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
# fmt: on

__all__ = [
    "ACCOUNT",
    "ACCOUNT_ENDING",
    "AWAY_TOO_LONG",
    "B2B",
    "BREAKDOWN",
    "CANCEL_RISK",
    "COMPANY",
    "DAY_NEAR",
    "DEADLINE",
    "DEPLETED",
    "DOUBLE_CHARGE",
    "FAR_AWAY",
    "FOLLOWUP",
    "GOT_HOME",
    "IRONY",
    "JOKING",
    "KIN",
    "LEGAL",
    "LOCKED_OUT",
    "LOST_WAY",
    "MISSING_PERSON",
    "NEEDED",
    "NOT_COMPLAINT",
    "NO_RUSH",
    "NO_TRANSPORT",
    "PHONE_POWER",
    "PICKUP",
    "PRESENT_PLACE",
    "QUANTITY",
    "RECURRENCE",
    "RETRACTED",
    "SERVICE_BLAME",
    "SHARING",
    "SHIPMENT_LOST",
    "SOFT_RISK",
    "SOON",
    "STRANDED",
    "EXPOSED",
    "THEFT",
    "TIMES_COUNTED",
    "TODAY",
    "UNREACHABLE",
    "URGENT",
]
