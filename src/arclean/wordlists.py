"""Word lists behind the letter filters: data with the reasons, no logic.

Words are written in plain Arabic letters without diacritics. Each list says what it is
for and what it leaves out on purpose; a word is added only when its spelling is not in
doubt.

>>> "على" in ALEF_MAKSURA_WORDS and "رأي" not in ALEF_MAKSURA_WORDS
True
"""

from __future__ import annotations

# Words that Arabic spells with a final alef maksura (ى). A Persian keyboard types both
# ى and ي as Farsi yeh (ی); at the end of one of these words the lookalikes filter writes
# ى, everywhere else ي. Left out on purpose, because a common word with a final ي is
# spelled the same: رأى/رأي (opinion), بنى/بني (sons of), منى/مني (from me),
# عنى/عني, سلمى/سلمي, يسرى/يسري, توفى/توفي (died), and the verbs whose verbal noun ends
# in ي (تحدى/تحدي, تبنى/تبني, تلقى/تلقي, تمنى/تمني, تخطى/تخطي, تولى/تولي, تجلى/تجلي,
# تعدى/تعدي, تبقى/تبقي, أبقى/أبقي). Those fall back to ي.
ALEF_MAKSURA_WORDS = frozenset(
    # particles and prepositions
    "على إلى الى حتى متى لدى أنى بلى سوى عسى شتى سدى"
    # names
    " مصطفى موسى عيسى يحيى مرتضى مجتبى مثنى كسرى ليلى لبنى سلوى"
    # nouns
    " مستشفى منتدى ملتقى مقهى مبنى معنى مدى مرمى مسعى مجرى مأوى مغزى مستوى محتوى"
    " فتوى دعوى شكوى نجوى تقوى ذكرى بشرى كبرى صغرى عظمى قصوى حمى رؤى قرى هدى"
    " ندى ضحى مبتغى منحنى"
    # comparatives and feminine elatives
    " أعلى أدنى أقصى أقوى أسمى أغنى أحرى أجدى أزكى أولى أخرى"
    # verbs
    " أتى أعطى ألقى أدى أبدى أجرى أرسى أنهى ألغى أوصى أمضى أهدى أثنى اشترى انتهى"
    " التقى ارتقى اقتضى ادعى استدعى استولى استثنى تسنى تعالى جرى سعى قضى مضى نهى"
    " رمى مشى بكى حكى جنى شفى طوى نوى هوى روى كفى".split()
)

# One-letter and two-letter proclitics that may stand before a listed word: وعلى،
# بمستوى، والمستشفى. Longest first, so وال is tried before و.
PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل")

# Enclitic pronouns that may follow a listed word: إلٰهكم، لٰكنه.
ENCLITICS = ("كما", "هما", "كم", "كن", "هم", "هن", "نا", "ها", "ه", "ك", "ي")

# Words that standard spelling writes WITHOUT an alef where the Quranic script has a
# superscript (dagger) alef: هٰذا is written هذا, not هاذا. Elsewhere the dagger alef
# becomes a full alef: ٱلْعَٰلَمِينَ is written العالمين, إِبْرَٰهِيمَ is إبراهيم.
# Written with alef variants folded to ا, as the diacritics filter compares them.
SILENT_DAGGER_ALEF_WORDS = frozenset(
    "هذا هذه هذان هذين هؤلاء ذلك ذلكم ذلكما ذلكن لكن لكنما اله الاه رحمن"
    " الله اللهم اولئك اولئكم هكذا طه".split()
)

# Function words that mark a paragraph as Arabic or as Persian/Urdu. Written folded
# as the language check compares them: alef variants as ا, ی and ى as ي, ک as ك, so
# the lists match before and after any arclean filter. A word is here only when the
# other language rarely writes it; ان (Arabic أن, Persian آن) is in neither.
ARABIC_FUNCTION_WORDS = frozenset(
    "في علي الي عن التي الذي الذين اللذين هذا هذه ذلك تلك كان كانت يكون قد لقد او لم"
    " لن مع قال قالت بين حيث ثم ايضا كما لكن منذ خلال عند حول ضد لدي حتي وفي وقد وهو"
    " وهي ومن وعلي والتي والذي".split()
)
PERSIAN_FUNCTION_WORDS = frozenset(
    "است اين كه را از براي يك شد شده كرد بود مي هاي نيز بايد اند ايشان با تا در همه"
    " كند كنند شود دارد بر خود".split()
)
