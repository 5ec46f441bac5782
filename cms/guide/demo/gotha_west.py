"""The demo guide for Gotha-West, a district of Gotha in Thuringia.

Written in plain, short German and translated into English, Ukrainian and
Arabic. Every `Text` is (German, English, Ukrainian, Arabic). A plain string
(an address, a phone number) is the same in every language. Names of offices
stay in German inside the translations too, because that is what is written
on the door and on the letters.

Everything here is invented: the offices' addresses, phone numbers, e-mail
addresses (all on example.org) and websites. A German subscriber number never
starts with 0, so none of the phone numbers can reach anybody.
"""

from __future__ import annotations

from . import (
    FRI,
    MON,
    THU,
    TUE,
    WED,
    Heading,
    bullets,
    days_from_load,
    rich,
    slot,
    slug,
)
from . import Text as T

# --- Places ---------------------------------------------------------------------------

CITY = {"postal_code": "99867", "city": "Gotha"}
AM_WESTPARK_4 = {"street": "Am Westpark 4", **CITY, "latitude": 50.9471, "longitude": 10.6789}
AM_WESTPARK_10 = {"street": "Am Westpark 10", **CITY, "latitude": 50.9476, "longitude": 10.6801}
LINDENAUER_STRASSE_20 = {
    "street": "Lindenauer Straße 20",
    **CITY,
    "latitude": 50.9502,
    "longitude": 10.6986,
}
PARKALLEE_7 = {"street": "Parkallee 7", **CITY, "latitude": 50.9455, "longitude": 10.7012}
MUEHLGRABENWEG_9 = {"street": "Mühlgrabenweg 9", **CITY, "latitude": 50.9468, "longitude": 10.6868}
ULMENWEG_2 = {"street": "Ulmenweg 2", **CITY, "latitude": 50.9512, "longitude": 10.6901}
BRUEHLER_WEG_31 = {"street": "Brühler Weg 31", **CITY, "latitude": 50.9487, "longitude": 10.7034}

GROUND_FLOOR = T(
    "Alle Räume sind im Erdgeschoss.",
    "All rooms are on the ground floor.",
    "Усі приміщення розташовані на першому поверсі.",
    "جميع الغرف في الطابق الأرضي.",
)
# The Anlaufstelle: a ground-floor shop front with a ramp.
ANLAUFSTELLE_ACCESS = {
    "step_free_entrance": True,
    "lift": False,
    "accessible_toilet": True,
    "hearing_loop": False,
    "sign_language": False,
    "easy_language_material": True,
}
MIGRATION_ACCESS = {
    "step_free_entrance": True,
    "lift": False,
    "accessible_toilet": False,
    "hearing_loop": False,
    "sign_language": False,
    "easy_language_material": True,
    "accessibility_note": T(
        "Das Büro ist im Erdgeschoss. Die Toilette ist nicht barrierefrei.",
        "The office is on the ground floor. The toilet is not wheelchair accessible.",
        "Офіс розташований на першому поверсі. Туалет не пристосований для людей з інвалідністю.",
        "المكتب في الطابق الأرضي. دورة المياه غير مهيّأة لذوي الإعاقة.",
    ),
}

# --- Texts used in several places -------------------------------------------------------

WHAT_TO_DO = T("So gehen Sie vor", "What to do", "Що робити", "ما عليك فعله")
PLEASE_BRING = T("Bitte bringen Sie mit", "Please bring", "Візьміть із собою", "يرجى إحضار")
QUESTIONS = T("Häufige Fragen", "Frequently asked questions", "Часті запитання", "أسئلة شائعة")
OFFERS_IN_GOTHA_WEST = T(
    "Angebote in Gotha-West",
    "Services in Gotha-West",
    "Послуги в Гота-Вест",
    "خدمات في غوتا-فيست",
)
ID_DOCUMENT = T(
    "Personalausweis, Pass oder Aufenthaltstitel",
    "ID card, passport or residence permit",
    "Посвідчення особи, паспорт або дозвіл на проживання",
    "بطاقة الهوية أو جواز السفر أو تصريح الإقامة",
)
JOBCENTER_NOTICE = T(
    "Ihren Bescheid vom Jobcenter oder Ihre Lohnabrechnung",
    "Your decision letter from the Jobcenter (Bescheid) or your payslip",
    "Рішення джобцентру (Bescheid) або ваш розрахунковий листок",
    "قرار مركز العمل (Bescheid) أو كشف راتبك",
)


def at(street: dict[str, object]) -> str:
    """The address as a contact card shows it, on two lines."""
    return f"{street['street']}\n{street['postal_code']} {street['city']}"


# --- Topics (snippets; the key is the slug, the same in every language) -----------------

TOPICS = {
    "arbeit": {
        "name": T(
            "Arbeit und Jobsuche",
            "Work and job search",
            "Робота і пошук роботи",
            "العمل والبحث عن وظيفة",
        ),
        "description": T(
            "Bewerbung, Jobcenter, Praktikum und Ausbildung.",
            "Applications, the Jobcenter, internships and apprenticeships.",
            "Заяви на роботу, джобцентр, практика та професійне навчання.",
            "طلبات التوظيف، مركز العمل (Jobcenter)، التدريب العملي والتدريب المهني.",
        ),
    },
    "sprache": {
        "name": T("Deutsch lernen", "Learning German", "Вивчення німецької", "تعلّم الألمانية"),
        "description": T(
            "Integrationskurse, Berufssprachkurse und Gelegenheiten zum Üben.",
            "Integration courses, German courses for work and chances to practise.",
            "Інтеграційні курси, професійні мовні курси та нагода попрактикуватися.",
            "دورات الاندماج، ودورات اللغة المهنية، وفرص للتدرّب على الكلام.",
        ),
    },
    "anerkennung": {
        "name": T(
            "Anerkennung von Abschlüssen",
            "Recognition of qualifications",
            "Визнання дипломів і кваліфікацій",
            "الاعتراف بالشهادات",
        ),
        "description": T(
            "Wie Ihr Berufsabschluss oder Studium aus dem Ausland in Deutschland gilt.",
            "How your vocational or university qualification from abroad counts in Germany.",
            "Як визнати в Німеччині професійну чи вищу освіту, здобуту за кордоном.",
            "كيف تُعتمد في ألمانيا شهادتك المهنية أو الجامعية من الخارج.",
        ),
    },
    "geld-schulden": {
        "name": T("Geld und Schulden", "Money and debts", "Гроші та борги", "المال والديون"),
        "description": T(
            "Hilfe bei Rechnungen, Mahnungen und Schulden.",
            "Help with bills, payment reminders and debts.",
            "Допомога з рахунками, нагадуваннями про оплату та боргами.",
            "مساعدة في الفواتير ورسائل المطالبة والديون.",
        ),
    },
    "wohnen": {
        "name": T("Wohnen", "Housing", "Житло", "السكن"),
        "description": T(
            "Eine Wohnung finden, Miete, Nebenkosten und Probleme in der Wohnung.",
            "Finding a flat, rent, service charges and problems in your flat.",
            "Пошук квартири, орендна плата, комунальні платежі та проблеми в квартирі.",
            "إيجاد شقة، والإيجار، والتكاليف الإضافية، والمشكلات في الشقة.",
        ),
    },
    "kinder": {
        "name": T(
            "Kinder und Kita",
            "Children and childcare",
            "Діти та дитячий садок",
            "الأطفال ورياض الأطفال",
        ),
        "description": T(
            "Einen Platz in der Kita oder bei einer Tagesmutter finden.",
            "Finding a place at a nursery (Kita) or with a childminder.",
            "Як знайти місце в дитячому садку (Kita) або в денної няні.",
            "إيجاد مكان في روضة الأطفال (Kita) أو لدى مربية أطفال نهارية.",
        ),
    },
    "beratung": {
        "name": T(
            "Beratung und erste Schritte",
            "Counselling and first steps",
            "Консультації та перші кроки",
            "الاستشارة والخطوات الأولى",
        ),
        "description": T(
            "Wer bei Briefen, Anträgen und Fragen zum Leben in Gotha hilft.",
            "Who helps with letters, applications and questions about life in Gotha.",
            "Хто допоможе з листами, заявами та питаннями про життя в Готі.",
            "من يساعدك في الرسائل والطلبات والأسئلة عن الحياة في غوتا.",
        ),
    },
}

# --- Partners (snippets) ----------------------------------------------------------------

PARTNERS = {
    "anlaufstelle": {
        "name": T(
            "Anlaufstelle Gotha-West",
            "Anlaufstelle Gotha-West (neighbourhood advice centre)",
            "Anlaufstelle Gotha-West (консультаційний пункт району)",
            "مركز الاستشارة في غوتا-فيست (Anlaufstelle Gotha-West)",
        ),
        "kind": "counselling",
        "description": T(
            "Die Beratungsstelle des Stadtteilprojekts. Wir helfen bei Briefen, Bewerbungen "
            "und der Jobsuche. Es gibt einen freien PC.",
            "The advice centre of the neighbourhood project. We help with letters, job "
            "applications and finding work. There is a free computer you can use.",
            "Консультаційний пункт районного проєкту. Ми допомагаємо з листами, заявами на "
            "роботу та пошуком роботи. Тут є безкоштовний комп’ютер.",
            "مركز الاستشارة التابع لمشروع الحي. نساعدك في الرسائل وطلبات التوظيف والبحث عن "
            "عمل. يوجد حاسوب مجاني للاستخدام.",
        ),
        "phone": "03621 000 410",
        "email": "anlaufstelle@gotha-west.example.org",
        "website": "https://gotha-west.example.org/anlaufstelle",
    },
    "jobcenter": {
        "name": T(
            "Jobcenter Gotha",
            "Jobcenter Gotha",
            "Джобцентр Гота (Jobcenter Gotha)",
            "مركز العمل في غوتا (Jobcenter Gotha)",
        ),
        "kind": "jobcenter",
        "description": T(
            "Das Jobcenter zahlt Bürgergeld und hilft bei der Suche nach Arbeit und Ausbildung.",
            "The Jobcenter pays Bürgergeld (basic income support) and helps you find work or "
            "an apprenticeship.",
            "Джобцентр виплачує Bürgergeld (базову соціальну допомогу) і допомагає знайти "
            "роботу чи місце професійного навчання.",
            "يدفع مركز العمل إعانة المواطن (Bürgergeld) ويساعدك في البحث عن عمل أو تدريب مهني.",
        ),
        "phone": "03621 000 200",
        "email": "jobcenter-gotha@example.org",
        "website": "https://jobcenter-gotha.example.org",
    },
    "vhs": {
        "name": T(
            "Volkshochschule Gotha",
            "Volkshochschule Gotha (adult education centre)",
            "Народний університет Гота (Volkshochschule)",
            "الجامعة الشعبية في غوتا (Volkshochschule)",
        ),
        "kind": "adult_education",
        "description": T(
            "Die Volkshochschule bietet Integrationskurse, Deutschkurse für den Beruf und "
            "Prüfungen an.",
            "The Volkshochschule offers integration courses, German courses for work and "
            "language exams.",
            "Народний університет пропонує інтеграційні курси, курси німецької для роботи та "
            "мовні іспити.",
            "تقدّم الجامعة الشعبية دورات الاندماج ودورات اللغة الألمانية للعمل وامتحانات اللغة.",
        ),
        "phone": "03621 000 300",
        "email": "info@vhs-gotha.example.org",
        "website": "https://vhs-gotha.example.org",
    },
    "migration": {
        "name": T(
            "Migrationsdienste Gotha",
            "Migrationsdienste Gotha (migration services)",
            "Міграційні служби Гота (Migrationsdienste)",
            "خدمات الهجرة في غوتا (Migrationsdienste)",
        ),
        "kind": "migration_counselling",
        "description": T(
            "Migrationsberatung für Erwachsene (MBE) und Jugendmigrationsdienst (JMD) unter "
            "einem Dach. Die Beratung ist kostenlos und vertraulich.",
            "Migration counselling for adults (MBE) and the youth migration service (JMD) "
            "under one roof. Counselling is free and confidential.",
            "Міграційна консультація для дорослих (MBE) і молодіжна міграційна служба (JMD) "
            "в одному місці. Консультації безкоштовні та конфіденційні.",
            "استشارة الهجرة للبالغين (MBE) وخدمة هجرة الشباب (JMD) في مكان واحد. الاستشارة "
            "مجانية وسرّية.",
        ),
        "phone": "03621 000 510",
        "email": "info@migrationsdienste-gotha.example.org",
        "website": "https://migrationsdienste-gotha.example.org",
    },
    "iq": {
        "name": T(
            "IQ Anerkennungsberatung Gotha",
            "IQ recognition counselling Gotha (Anerkennungsberatung)",
            "Консультація IQ з визнання кваліфікацій, Гота (Anerkennungsberatung)",
            "استشارة IQ للاعتراف بالشهادات في غوتا (Anerkennungsberatung)",
        ),
        "kind": "counselling",
        "description": T(
            "Beratung zur Anerkennung von Berufs- und Studienabschlüssen aus dem Ausland. Ein "
            "Angebot im Förderprogramm „Integration durch Qualifizierung (IQ)“.",
            "Advice on getting vocational and university qualifications from abroad "
            "recognised. Part of the programme “Integration through Qualification (IQ)”.",
            "Консультації з визнання професійної та вищої освіти, здобутої за кордоном. "
            "Частина програми «Інтеграція через кваліфікацію (IQ)».",
            "استشارة حول الاعتراف بالشهادات المهنية والجامعية من الخارج، ضمن برنامج «الاندماج "
            "عبر التأهيل (IQ)».",
        ),
        "phone": "03621 000 610",
        "email": "anerkennung@iq-gotha.example.org",
        "website": "https://iq-gotha.example.org",
    },
    "schuldnerberatung": {
        "name": T(
            "Schuldnerberatung Gotha",
            "Schuldnerberatung Gotha (debt counselling)",
            "Schuldnerberatung Gotha (консультація з боргів)",
            "استشارة الديون في غوتا (Schuldnerberatung)",
        ),
        "kind": "counselling",
        "description": T(
            "Hilfe bei Schulden, Mahnungen und Pfändungen. Auch Beratung zur Privatinsolvenz.",
            "Help with debts, payment reminders and the seizure of wages or bank accounts. "
            "Also advice on personal insolvency.",
            "Допомога з боргами, нагадуваннями про оплату та арештом зарплати чи рахунку. "
            "Також консультації щодо особистого банкрутства.",
            "مساعدة في الديون ورسائل المطالبة والحجز على الراتب أو الحساب، وكذلك استشارة حول "
            "الإفلاس الشخصي.",
        ),
        "phone": "03621 000 710",
        "email": "schuldnerberatung-gotha@example.org",
        "website": "https://schuldnerberatung-gotha.example.org",
    },
    "wohnungsgesellschaft": {
        "name": T(
            "Wohnungsgesellschaft Gotha-West",
            "Wohnungsgesellschaft Gotha-West (housing company)",
            "Wohnungsgesellschaft Gotha-West (житлова компанія)",
            "شركة الإسكان في غوتا-فيست (Wohnungsgesellschaft Gotha-West)",
        ),
        "kind": "housing",
        "description": T(
            "Vermietet Wohnungen in Gotha-West. Im Stadtteilbüro gibt es eine Sprechstunde "
            "für Mieterinnen und Mieter.",
            "Rents out flats in Gotha-West. Tenants can come to the consultation hour at the "
            "neighbourhood office.",
            "Здає в оренду квартири в Гота-Вест. Для орендарів у районному офісі є години прийому.",
            "تؤجّر شققاً في غوتا-فيست. وفي مكتب الحي ساعة استشارة للمستأجرين.",
        ),
        "phone": "03621 000 810",
        "email": "mieterservice@wohnen-gotha-west.example.org",
        "website": "https://wohnen-gotha-west.example.org",
    },
    "kita": {
        "name": T(
            "Kita-Servicestelle der Stadt Gotha",
            "Kita-Servicestelle, City of Gotha (childcare service office)",
            "Kita-Servicestelle міста Гота (служба дитячих садків)",
            "مكتب خدمات رياض الأطفال في مدينة غوتا (Kita-Servicestelle)",
        ),
        "kind": "childcare",
        "description": T(
            "Informiert über freie Plätze in Kitas und in der Kindertagespflege und hilft bei "
            "der Anmeldung.",
            "Tells you about free places at nurseries and with childminders and helps you "
            "register.",
            "Розповідає про вільні місця в дитячих садках і в денних нянь та допомагає з "
            "реєстрацією.",
            "يقدّم معلومات عن الأماكن الشاغرة في رياض الأطفال ولدى مربيات الأطفال النهاريات، "
            "ويساعد في التسجيل.",
        ),
        "phone": "03621 000 910",
        "email": "kita-service@gotha.example.org",
        "website": "https://gotha.example.org/kita",
    },
}

# --- Home page and the two index pages -------------------------------------------------

HOME = {
    "title": T(
        "Lotse – Wegweiser Gotha-West",
        "Lotse – Guide to Gotha-West",
        "Lotse – путівник районом Гота-Вест",
        "Lotse – دليل غوتا-فيست",
    ),
    "slug": T("lotse", "lotse-en", "lotse-uk", "lotse-ar"),
    "intro": rich(
        T(
            "Willkommen beim Lotsen der Anlaufstelle Gotha-West. Hier finden Sie Hilfe in "
            "Ihrer Nähe: Beratung, Sprachkurse, Arbeit, Anerkennung von Abschlüssen, Wohnen "
            "und Kinderbetreuung.",
            "Welcome to the Lotse of the Anlaufstelle Gotha-West. Here you will find help "
            "near you: counselling, language courses, work, recognition of qualifications, "
            "housing and childcare.",
            "Ласкаво просимо до Lotse від Anlaufstelle Gotha-West. Тут ви знайдете допомогу "
            "поруч: консультації, мовні курси, роботу, визнання дипломів, житло та догляд за "
            "дітьми.",
            "أهلاً بك في Lotse، دليل مركز الاستشارة في غوتا-فيست. هنا تجد المساعدة القريبة "
            "منك: الاستشارة، ودورات اللغة، والعمل، والاعتراف بالشهادات، والسكن، ورعاية الأطفال.",
        ),
        T(
            "Alle Angebote sind in Gotha. Viele sind kostenlos. In die Anlaufstelle können "
            "Sie ohne Termin kommen.",
            "All services are in Gotha. Many are free of charge. You can come to the "
            "Anlaufstelle without an appointment.",
            "Усі послуги — в Готі. Багато з них безкоштовні. До Anlaufstelle можна прийти без "
            "запису.",
            "كل الخدمات في غوتا، وكثير منها مجاني. يمكنك المجيء إلى مركز الاستشارة "
            "(Anlaufstelle) دون موعد.",
        ),
    ),
}

GUIDE_INDEX = {
    "title": T("Wegweiser", "Guide", "Путівник", "الدليل"),
    "slug": slug("wegweiser", "guide"),
    "intro": rich(
        T(
            "Wählen Sie ein Thema. Auf jeder Seite steht, was Sie tun können, was Sie "
            "mitbringen müssen und wer Ihnen hilft.",
            "Choose a topic. Each page tells you what you can do, what to bring and who "
            "can help you.",
            "Оберіть тему. На кожній сторінці написано, що можна зробити, що взяти з собою і "
            "хто вам допоможе.",
            "اختر موضوعاً. في كل صفحة تجد ما يمكنك فعله، وما عليك إحضاره، ومن يساعدك.",
        ),
    ),
}

OFFER_INDEX = {
    "title": T("Angebote", "Services and courses", "Послуги та курси", "الخدمات والدورات"),
    "slug": slug("angebote", "services"),
    "intro": rich(
        T(
            "Hier finden Sie alle Angebote in Gotha-West: Beratung, Kurse und Sprechstunden. "
            "Bei jedem Angebot stehen die Zeiten, die Adresse und die Sprachen.",
            "Here you will find all services in Gotha-West: counselling, courses and "
            "consultation hours. Each one shows its times, address and languages.",
            "Тут зібрано всі послуги в Гота-Вест: консультації, курси та години прийому. Для "
            "кожної вказано час, адресу й мови.",
            "هنا تجد كل الخدمات في غوتا-فيست: الاستشارات والدورات وساعات الاستقبال. وعند كل "
            "خدمة تجد المواعيد والعنوان واللغات.",
        ),
    ),
}

# --- Offers (Angebote) --------------------------------------------------------------------
# Keyed by a name the topic pages refer to. Fields are OfferPage's.

OFFERS = {
    "jobcoaching": {
        "title": T(
            "Jobcoaching",
            "Job coaching",
            "Коучинг із пошуку роботи",
            "التدريب على البحث عن عمل (Jobcoaching)",
        ),
        "slug": slug("jobcoaching", "job-coaching"),
        "provider": "anlaufstelle",
        "summary": T(
            "Eine feste Ansprechperson hilft Ihnen bei der Suche nach Arbeit, Ausbildung oder "
            "Praktikum.",
            "One person stays at your side and helps you look for work, an apprenticeship or "
            "an internship.",
            "Постійна контактна особа допомагає вам шукати роботу, професійне навчання або "
            "практику.",
            "يساعدك شخص ثابت في البحث عن عمل أو تدريب مهني أو تدريب عملي.",
        ),
        "description": rich(
            T(
                "Wir schauen gemeinsam, was Sie können und was Sie wollen. Dann suchen wir "
                "passende Stellen.",
                "Together we look at what you can do and what you want. Then we look for "
                "jobs that fit.",
                "Разом ми з’ясуємо, що ви вмієте і чого хочете. Потім шукаємо відповідні вакансії.",
                "ننظر معاً إلى ما تجيده وما تريده، ثم نبحث عن وظائف مناسبة.",
            ),
            bullets(
                T(
                    "Lebenslauf und Anschreiben schreiben",
                    "Writing your CV and cover letter",
                    "Написання резюме та супровідного листа",
                    "كتابة السيرة الذاتية ورسالة التقديم",
                ),
                T(
                    "Üben für das Vorstellungsgespräch",
                    "Practising for job interviews",
                    "Підготовка до співбесіди",
                    "التدرّب على مقابلة العمل",
                ),
                T(
                    "Begleitung zum ersten Arbeitstag, wenn Sie möchten",
                    "Someone to go with you on your first day at work, if you like",
                    "Супровід у перший робочий день, якщо бажаєте",
                    "مرافقتك في أول يوم عمل إذا رغبت",
                ),
            ),
        ),
        "topics": ["arbeit", "beratung"],
        "target_groups": ["long_term_unemployed", "newcomers", "young_people"],
        "staff_languages": ["de", "en", "ru", "ar"],
        **AM_WESTPARK_4,
        "opening_slots": [
            slot(MON, "09:00", "12:00"),
            slot(TUE, "13:00", "16:00", by_appointment=True),
            slot(THU, "09:00", "12:00"),
        ],
        "opening_notes": T(
            "Am besten vereinbaren Sie einen Termin. In der offenen Sprechstunde am Montag und "
            "Donnerstag können Sie ohne Termin kommen.",
            "It is best to make an appointment. You can come without one to the open "
            "consultation hours on Monday and Thursday.",
            "Найкраще домовитися про зустріч. На відкриті години прийому в понеділок і четвер "
            "можна прийти без запису.",
            "الأفضل أن تحجز موعداً. ويمكنك الحضور دون موعد في ساعات الاستشارة المفتوحة يومي "
            "الاثنين والخميس.",
        ),
        "cost": "free",
        **ANLAUFSTELLE_ACCESS,
        "accessibility_note": GROUND_FLOOR,
        "phone": "03621 000 410",
        "email": "jobcoaching@gotha-west.example.org",
        "website": "https://gotha-west.example.org/jobcoaching",
        "appointment_url": "https://gotha-west.example.org/termin",
    },
    "pc": {
        "title": T(
            "Freier PC-Arbeitsplatz",
            "Free computer workstation",
            "Безкоштовне робоче місце з комп’ютером",
            "حاسوب مجاني للاستخدام",
        ),
        "slug": slug("pc-arbeitsplatz", "free-computer"),
        "provider": "anlaufstelle",
        "summary": T(
            "Am PC in der Anlaufstelle können Sie Stellen suchen, Bewerbungen schreiben und "
            "drucken.",
            "At the computer in the Anlaufstelle you can search for jobs, write applications "
            "and print them.",
            "За комп’ютером в Anlaufstelle можна шукати вакансії, писати заяви на роботу й "
            "друкувати їх.",
            "على الحاسوب في مركز الاستشارة (Anlaufstelle) يمكنك البحث عن وظائف وكتابة طلبات "
            "التوظيف وطباعتها.",
        ),
        "description": rich(
            T(
                "Der PC hat Internet, einen Drucker und einen Scanner. Die Stellensuche von "
                "Lotse gibt es auch in Ihrer Sprache.",
                "The computer has internet access, a printer and a scanner. The Lotse job "
                "search is available in your language too.",
                "Комп’ютер має інтернет, принтер і сканер. Пошук вакансій у Lotse доступний і "
                "вашою мовою.",
                "الحاسوب متصل بالإنترنت، ومعه طابعة وماسح ضوئي. والبحث عن الوظائف في Lotse "
                "متاح بلغتك أيضاً.",
            ),
            T(
                "Wenn Sie Hilfe brauchen, fragen Sie am Empfang. Wir speichern nichts von dem, "
                "was Sie am PC suchen.",
                "If you need help, ask at the reception. We do not store anything you search "
                "for on the computer.",
                "Якщо потрібна допомога, зверніться на рецепцію. Ми не зберігаємо нічого з "
                "того, що ви шукаєте за комп’ютером.",
                "إذا احتجت إلى مساعدة فاسأل في الاستقبال. لا نحفظ شيئاً مما تبحث عنه على الحاسوب.",
            ),
        ),
        "topics": ["arbeit"],
        "target_groups": ["everyone"],
        "staff_languages": ["de", "en", "ru", "ar"],
        **AM_WESTPARK_4,
        "opening_slots": [
            slot(MON, "09:00", "15:00"),
            slot(TUE, "09:00", "15:00"),
            slot(WED, "09:00", "15:00"),
            slot(THU, "09:00", "15:00"),
            slot(FRI, "09:00", "13:00"),
        ],
        "opening_notes": T(
            "Ohne Termin. Wenn viele Menschen warten, können Sie den PC eine Stunde nutzen.",
            "No appointment needed. When many people are waiting, you can use the computer "
            "for one hour.",
            "Без запису. Якщо чекає багато людей, комп’ютером можна користуватися одну годину.",
            "دون موعد. إذا كان هناك كثير من المنتظرين، يمكنك استخدام الحاسوب لمدة ساعة واحدة.",
        ),
        "cost": "free",
        "cost_note": T(
            "Drucken ist bis 20 Seiten kostenlos.",
            "Printing is free for up to 20 pages.",
            "Друк до 20 сторінок безкоштовний.",
            "الطباعة مجانية حتى 20 صفحة.",
        ),
        **ANLAUFSTELLE_ACCESS,
        "accessibility_note": T(
            "Der PC-Tisch ist höhenverstellbar. Es gibt eine große Tastatur.",
            "The computer desk can be raised or lowered. There is a large keyboard.",
            "Стіл для комп’ютера регулюється за висотою. Є велика клавіатура.",
            "طاولة الحاسوب قابلة لتعديل الارتفاع، وتوجد لوحة مفاتيح كبيرة.",
        ),
        "phone": "03621 000 410",
        "email": "anlaufstelle@gotha-west.example.org",
        "website": "https://gotha-west.example.org/pc",
    },
    "jobcenter": {
        "title": T(
            "Jobcenter: Bürgergeld und Arbeitsvermittlung",
            "Jobcenter: Bürgergeld and job placement",
            "Джобцентр: Bürgergeld і пошук роботи",
            "مركز العمل: إعانة المواطن والتوسّط في العمل",
        ),
        "slug": slug("jobcenter", "jobcenter"),
        "provider": "jobcenter",
        "summary": T(
            "Im Jobcenter stellen Sie den Antrag auf Bürgergeld. Ihre Ansprechperson hilft bei "
            "der Suche nach Arbeit.",
            "At the Jobcenter you apply for Bürgergeld. Your contact person helps you look "
            "for work.",
            "У джобцентрі ви подаєте заяву на Bürgergeld. Ваша контактна особа допомагає "
            "шукати роботу.",
            "في مركز العمل تقدّم طلب إعانة المواطن (Bürgergeld)، ويساعدك الموظف المسؤول عنك "
            "في البحث عن عمل.",
        ),
        "description": rich(
            T(
                "In der Eingangszone bekommen Sie Anträge und können Unterlagen abgeben. Für "
                "ein Gespräch mit Ihrer Ansprechperson brauchen Sie einen Termin.",
                "At the front desk (Eingangszone) you can get forms and hand in documents. "
                "To talk to your contact person you need an appointment.",
                "У зоні прийому (Eingangszone) можна взяти бланки заяв і здати документи. Для "
                "розмови з вашою контактною особою потрібен запис.",
                "في منطقة الاستقبال (Eingangszone) تحصل على الاستمارات ويمكنك تسليم الأوراق. "
                "وللحديث مع الموظف المسؤول عنك تحتاج إلى موعد.",
            ),
            T(
                "Viele Anträge können Sie auch online stellen, auf jobcenter.digital.",
                "You can also make many applications online, at jobcenter.digital.",
                "Багато заяв можна подати й онлайн, на jobcenter.digital.",
                "يمكنك أيضاً تقديم كثير من الطلبات عبر الإنترنت على jobcenter.digital.",
            ),
        ),
        "topics": ["arbeit", "geld-schulden"],
        "target_groups": ["everyone", "long_term_unemployed", "refugees"],
        "staff_languages": ["de", "en"],
        **LINDENAUER_STRASSE_20,
        "opening_slots": [
            slot(MON, "08:00", "12:00"),
            slot(TUE, "08:00", "12:00"),
            slot(THU, "08:00", "12:00"),
            slot(THU, "14:00", "18:00", by_appointment=True),
            slot(FRI, "08:00", "12:00"),
        ],
        "opening_notes": T(
            "Bitte bringen Sie zu jedem Termin Ihren Ausweis und Ihre Kundennummer mit.",
            "Please bring your ID and your customer number (Kundennummer) to every appointment.",
            "На кожну зустріч беріть посвідчення особи та свій номер клієнта (Kundennummer).",
            "يرجى إحضار هويتك ورقم العميل (Kundennummer) إلى كل موعد.",
        ),
        "cost": "free",
        "step_free_entrance": True,
        "lift": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "sign_language": False,
        "easy_language_material": True,
        "accessibility_note": T(
            "Das Jobcenter bezahlt eine Dolmetscherin oder einen Dolmetscher für "
            "Gebärdensprache. Bitte sagen Sie bei der Terminvereinbarung Bescheid.",
            "The Jobcenter pays for a sign language interpreter. Please tell us when you make "
            "your appointment.",
            "Джобцентр оплачує перекладача жестової мови. Будь ласка, повідомте про це, коли "
            "записуєтеся на прийом.",
            "يدفع مركز العمل تكاليف مترجم لغة الإشارة. يرجى إخبارنا بذلك عند حجز الموعد.",
        ),
        "phone": "03621 000 200",
        "email": "jobcenter-gotha@example.org",
        "website": "https://jobcenter-gotha.example.org",
        "appointment_url": "https://jobcenter-gotha.example.org/termin",
    },
    "integrationskurs": {
        "title": T(
            "Integrationskurs am Vormittag (A1 bis B1)",
            "Morning integration course (A1 to B1)",
            "Інтеграційний курс у першій половині дня (A1–B1)",
            "دورة الاندماج الصباحية (من A1 إلى B1)",
        ),
        "slug": slug("integrationskurs-vormittag", "integration-course-mornings"),
        "provider": "vhs",
        "summary": T(
            "Deutsch lernen von A1 bis B1 und im Orientierungskurs mehr über Leben und Recht "
            "in Deutschland erfahren.",
            "Learn German from A1 to B1 and find out more about life and law in Germany in "
            "the orientation course.",
            "Вивчайте німецьку від рівня A1 до B1 і дізнайтеся більше про життя та закони в "
            "Німеччині на орієнтаційному курсі.",
            "تعلّم الألمانية من مستوى A1 إلى B1، وتعرّف في دورة التوجيه على الحياة والقانون في "
            "ألمانيا.",
        ),
        "description": rich(
            T(
                "Der Kurs ist von Montag bis Freitag am Vormittag. Am Ende machen Sie den "
                "Deutsch-Test für Zuwanderer und den Test „Leben in Deutschland“.",
                "The course runs Monday to Friday in the mornings. At the end you take the "
                "German test for immigrants (DTZ) and the “Life in Germany” test.",
                "Курс проходить з понеділка по п’ятницю в першій половині дня. Наприкінці ви "
                "складаєте німецький тест для іммігрантів (DTZ) і тест «Життя в Німеччині».",
                "الدورة من الاثنين إلى الجمعة صباحاً. وفي النهاية تقدّم امتحان اللغة الألمانية "
                "للمهاجرين (DTZ) واختبار «الحياة في ألمانيا».",
            ),
            T(
                "Für die Anmeldung brauchen Sie eine Berechtigung vom BAMF, vom Jobcenter oder "
                "von der Ausländerbehörde. Wir helfen Ihnen dabei.",
                "To register you need an entitlement (Berechtigung) from the BAMF, the "
                "Jobcenter or the immigration office. We will help you with this.",
                "Для реєстрації потрібен дозвіл (Berechtigung) від BAMF, джобцентру або "
                "відомства у справах іноземців. Ми вам із цим допоможемо.",
                "للتسجيل تحتاج إلى إذن (Berechtigung) من المكتب الاتحادي للهجرة واللاجئين "
                "(BAMF) أو من مركز العمل أو من دائرة الأجانب. وسنساعدك في ذلك.",
            ),
        ),
        "topics": ["sprache"],
        "target_groups": ["newcomers", "refugees"],
        "staff_languages": ["de", "en", "uk", "ru"],
        **PARKALLEE_7,
        "opening_slots": [slot(day, "08:30", "12:45") for day in (MON, TUE, WED, THU, FRI)],
        "opening_notes": T(
            "Kein Unterricht in den Thüringer Schulferien.",
            "No lessons during the Thuringian school holidays.",
            "Під час шкільних канікул у Тюрингії занять немає.",
            "لا توجد دروس خلال العطل المدرسية في ولاية تورينغن.",
        ),
        "cost": "reduced",
        "cost_note": T(
            "Mit Berechtigung kostenlos oder mit kleinem Eigenanteil.",
            "Free with an entitlement, or with a small contribution.",
            "З дозволом безкоштовно або з невеликою доплатою.",
            "مجاني مع الإذن أو مقابل مساهمة صغيرة.",
        ),
        "step_free_entrance": True,
        "lift": True,
        "accessible_toilet": True,
        "hearing_loop": False,
        "sign_language": False,
        "easy_language_material": True,
        "accessibility_note": T(
            "Der Kursraum ist im 2. Stock. Es gibt einen Aufzug.",
            "The classroom is on the second floor. There is a lift.",
            "Навчальна кімната на третьому поверсі. Є ліфт.",
            "قاعة الدرس في الطابق الثاني، ويوجد مصعد.",
        ),
        "phone": "03621 000 300",
        "email": "integration@vhs-gotha.example.org",
        "website": "https://vhs-gotha.example.org/integrationskurse",
        "appointment_url": "https://vhs-gotha.example.org/einstufung",
        # One course with a start and an end, always running when the demo is loaded.
        "valid_from": days_from_load(-70),
        "valid_until": days_from_load(230),
    },
    "sprachcafe": {
        "title": T(
            "Sprachcafé: Deutsch sprechen üben",
            "Language café: practise speaking German",
            "Мовне кафе: практика розмовної німецької",
            "مقهى اللغة: تدرّب على التحدّث بالألمانية",
        ),
        "slug": slug("sprachcafe", "language-cafe"),
        "provider": "anlaufstelle",
        "summary": T(
            "Bei Kaffee und Tee sprechen Sie mit Ehrenamtlichen Deutsch. Jedes Niveau ist "
            "willkommen.",
            "Over coffee and tea you speak German with volunteers. Every level is welcome.",
            "За кавою та чаєм ви розмовляєте німецькою з волонтерами. Запрошуємо з будь-яким "
            "рівнем мови.",
            "تتحدّث بالألمانية مع متطوعين أثناء شرب القهوة والشاي. جميع المستويات مرحَّب بها.",
        ),
        "description": rich(
            T(
                "Sie brauchen keine Anmeldung. Kinder können mitkommen, es gibt eine Spielecke.",
                "You do not need to register. Children can come along; there is a play corner.",
                "Реєстрація не потрібна. Можна приходити з дітьми, є дитячий куточок.",
                "لا تحتاج إلى تسجيل. ويمكن أن يأتي الأطفال معك، ففي المكان ركن للّعب.",
            ),
        ),
        "topics": ["sprache"],
        "target_groups": ["everyone", "newcomers", "parents"],
        "staff_languages": ["de", "en", "uk", "ar"],
        **AM_WESTPARK_4,
        "opening_slots": [slot(WED, "15:00", "17:00")],
        # The one offer that is closed for now, so the guide shows what that looks like.
        "temporarily_closed": True,
        "opening_notes": T(
            "Das Sprachcafé macht Pause, weil der Gemeinschaftsraum renoviert wird. Wir sagen "
            "Bescheid, wenn es wieder losgeht.",
            "The language café is taking a break while the community room is being "
            "renovated. We will let you know when it starts again.",
            "Мовне кафе має перерву, поки триває ремонт спільної зали. Ми повідомимо, коли "
            "воно знову запрацює.",
            "مقهى اللغة متوقف مؤقتاً بسبب تجديد قاعة الحي. وسنخبرك عندما يعود.",
        ),
        "cost": "free",
        "cost_note": T(
            "Kaffee und Tee sind kostenlos.",
            "Coffee and tea are free.",
            "Кава й чай безкоштовні.",
            "القهوة والشاي مجاناً.",
        ),
        **ANLAUFSTELLE_ACCESS,
        "accessibility_note": GROUND_FLOOR,
        "phone": "03621 000 410",
        "email": "anlaufstelle@gotha-west.example.org",
        "website": "https://gotha-west.example.org/sprachcafe",
    },
    "mbe": {
        "title": T(
            "Migrationsberatung für Erwachsene (MBE)",
            "Migration counselling for adults (MBE)",
            "Міграційна консультація для дорослих (MBE)",
            "استشارة الهجرة للبالغين (MBE)",
        ),
        "slug": slug("migrationsberatung", "migration-counselling"),
        "provider": "migration",
        "summary": T(
            "Beratung für Zugewanderte ab 27 Jahren: Aufenthalt, Sprachkurs, Arbeit, Familie "
            "und Briefe von Ämtern.",
            "Advice for immigrants aged 27 and over: residence, language courses, work, "
            "family and letters from the authorities.",
            "Консультації для мігрантів від 27 років: перебування, мовні курси, робота, сім’я "
            "та листи від установ.",
            "استشارة للمهاجرين من عمر 27 عاماً فما فوق: الإقامة، ودورة اللغة، والعمل، والعائلة، "
            "ورسائل الدوائر الرسمية.",
        ),
        "description": rich(
            T(
                "Wir erklären Briefe und helfen bei Anträgen. Gemeinsam planen wir Ihre "
                "nächsten Schritte.",
                "We explain letters and help with applications. Together we plan your next steps.",
                "Ми пояснюємо листи й допомагаємо із заявами. Разом плануємо ваші наступні кроки.",
                "نشرح لك الرسائل ونساعدك في الطلبات، ونخطّط معاً لخطواتك التالية.",
            ),
            T(
                "Die Beratung ist kostenlos und vertraulich. Wenn nötig, kommt eine "
                "Dolmetscherin oder ein Dolmetscher dazu.",
                "Counselling is free and confidential. If needed, an interpreter joins us.",
                "Консультація безкоштовна й конфіденційна. За потреби ми залучаємо перекладача.",
                "الاستشارة مجانية وسرّية. وعند الحاجة ينضمّ إلينا مترجم أو مترجمة.",
            ),
        ),
        "topics": ["beratung", "sprache", "wohnen"],
        "target_groups": ["newcomers", "refugees", "women"],
        "staff_languages": ["de", "en", "ar", "fa", "ru", "uk"],
        **MUEHLGRABENWEG_9,
        "opening_slots": [
            slot(TUE, "09:00", "12:00"),
            slot(THU, "13:00", "16:00", by_appointment=True),
        ],
        "opening_notes": T(
            "Am Dienstag können Sie ohne Termin kommen. Am Donnerstag beraten wir nur mit Termin.",
            "On Tuesdays you can come without an appointment. On Thursdays we see people by "
            "appointment only.",
            "У вівторок можна прийти без запису. У четвер консультуємо лише за записом.",
            "يوم الثلاثاء يمكنك الحضور دون موعد. ويوم الخميس نقدّم الاستشارة بموعد فقط.",
        ),
        "cost": "free",
        **MIGRATION_ACCESS,
        "phone": "03621 000 510",
        "email": "mbe@migrationsdienste-gotha.example.org",
        "website": "https://migrationsdienste-gotha.example.org/mbe",
        "appointment_url": "https://migrationsdienste-gotha.example.org/termin",
    },
    "jmd": {
        "title": T(
            "Jugendmigrationsdienst (JMD)",
            "Youth migration service (JMD)",
            "Молодіжна міграційна служба (JMD)",
            "خدمة هجرة الشباب (JMD)",
        ),
        "slug": slug("jugendmigrationsdienst", "youth-migration-service"),
        "provider": "migration",
        "summary": T(
            "Beratung für junge Zugewanderte von 12 bis 27 Jahren: Schule, Ausbildung, Sprache "
            "und Freizeit.",
            "Advice for young immigrants aged 12 to 27: school, apprenticeships, language and "
            "free time.",
            "Консультації для молодих мігрантів віком від 12 до 27 років: школа, професійне "
            "навчання, мова та дозвілля.",
            "استشارة للمهاجرين الشباب من عمر 12 إلى 27 عاماً: المدرسة، والتدريب المهني، "
            "واللغة، وأوقات الفراغ.",
        ),
        "description": rich(
            T(
                "Wir helfen bei der Wahl der Schule oder Ausbildung und bei Bewerbungen. Wir "
                "kennen Sportvereine und Jugendtreffs in Gotha.",
                "We help you choose a school or apprenticeship and with applications. We know "
                "the sports clubs and youth clubs in Gotha.",
                "Ми допомагаємо обрати школу чи професійне навчання та подати заяви. Ми знаємо "
                "спортивні клуби й молодіжні центри в Готі.",
                "نساعدك في اختيار المدرسة أو التدريب المهني وفي طلبات التقديم. ونعرف النوادي "
                "الرياضية ومراكز الشباب في غوتا.",
            ),
        ),
        "topics": ["beratung", "arbeit", "sprache"],
        "target_groups": ["young_people", "newcomers", "refugees"],
        "staff_languages": ["de", "en", "ar", "uk", "ru"],
        **MUEHLGRABENWEG_9,
        "opening_slots": [slot(MON, "13:00", "17:00"), slot(WED, "13:00", "17:00")],
        "opening_notes": T(
            "Sie können auch mit Ihren Eltern oder Freunden kommen.",
            "You can also come with your parents or friends.",
            "Можна прийти разом із батьками або друзями.",
            "يمكنك أيضاً أن تأتي مع والديك أو أصدقائك.",
        ),
        "cost": "free",
        **MIGRATION_ACCESS,
        "phone": "03621 000 520",
        "email": "jmd@migrationsdienste-gotha.example.org",
        "website": "https://migrationsdienste-gotha.example.org/jmd",
        "appointment_url": "https://migrationsdienste-gotha.example.org/termin",
    },
    "anerkennungsberatung": {
        "title": T(
            "Anerkennungsberatung: Abschlüsse aus dem Ausland",
            "Recognition counselling: qualifications from abroad",
            "Консультація з визнання: дипломи з-за кордону",
            "استشارة الاعتراف: الشهادات من الخارج",
        ),
        "slug": slug("anerkennungsberatung", "recognition-counselling"),
        "provider": "iq",
        "summary": T(
            "Wir prüfen mit Ihnen, ob und wie Ihr Abschluss in Deutschland anerkannt werden kann.",
            "We check with you whether and how your qualification can be recognised in Germany.",
            "Разом з вами ми з’ясуємо, чи можна визнати ваш диплом у Німеччині і як це зробити.",
            "نتحقّق معك مما إذا كان يمكن الاعتراف بشهادتك في ألمانيا وكيف يتم ذلك.",
        ),
        "description": rich(
            T(
                "Für manche Berufe brauchen Sie die Anerkennung, zum Beispiel in der Pflege, "
                "als Ärztin oder als Erzieher. In anderen Berufen hilft sie bei der Bewerbung.",
                "For some professions you need recognition, for example in nursing, as a "
                "doctor or as a nursery teacher. In other jobs it helps when you apply.",
                "Для деяких професій визнання обов’язкове, наприклад у сфері догляду, для "
                "лікарів чи вихователів. В інших професіях воно допомагає під час пошуку "
                "роботи.",
                "في بعض المهن تحتاج إلى الاعتراف، مثلاً في التمريض أو للعمل طبيباً أو مربّياً. "
                "وفي مهن أخرى يساعدك الاعتراف عند التقديم على عمل.",
            ),
            T(
                "Wir sagen Ihnen, welche Stelle zuständig ist, welche Unterlagen Sie brauchen "
                "und wer die Kosten übernehmen kann.",
                "We tell you which office is responsible, which documents you need and who "
                "may pay the costs.",
                "Ми підкажемо, яка установа відповідає за визнання, які документи потрібні і "
                "хто може покрити витрати.",
                "نخبرك بالجهة المختصة، والأوراق التي تحتاجها، ومن يمكنه تحمّل التكاليف.",
            ),
        ),
        "topics": ["anerkennung", "arbeit"],
        "target_groups": ["newcomers", "refugees"],
        "staff_languages": ["de", "en", "ar", "ru", "uk"],
        # The counsellor comes to the Anlaufstelle once a month.
        **AM_WESTPARK_4,
        "appointment_only": True,
        "opening_slots": [slot(WED, "09:00", "15:00", by_appointment=True)],
        "opening_notes": T(
            "Die Beratung ist jeden ersten Mittwoch im Monat in der Anlaufstelle Gotha-West. "
            "Beratung per Video ist auch möglich.",
            "Counselling takes place on the first Wednesday of every month at the "
            "Anlaufstelle Gotha-West. Video counselling is also possible.",
            "Консультації проходять щопершої середи місяця в Anlaufstelle Gotha-West. Також "
            "можлива відеоконсультація.",
            "تُقدَّم الاستشارة في أول أربعاء من كل شهر في مركز الاستشارة Anlaufstelle "
            "Gotha-West. والاستشارة عبر الفيديو ممكنة أيضاً.",
        ),
        "cost": "free",
        "cost_note": T(
            "Die Beratung ist kostenlos. Die Anerkennung selbst kostet Gebühren.",
            "Counselling is free. The recognition procedure itself has fees.",
            "Консультація безкоштовна. За саму процедуру визнання стягується плата.",
            "الاستشارة مجانية، أما إجراء الاعتراف نفسه فله رسوم.",
        ),
        **ANLAUFSTELLE_ACCESS,
        "accessibility_note": GROUND_FLOOR,
        "phone": "03621 000 610",
        "email": "anerkennung@iq-gotha.example.org",
        "website": "https://iq-gotha.example.org",
        "appointment_url": "https://iq-gotha.example.org/termin",
    },
    "schuldnerberatung": {
        "title": T(
            "Schuldner- und Insolvenzberatung",
            "Debt and insolvency counselling",
            "Консультація з боргів і банкрутства",
            "استشارة الديون والإفلاس",
        ),
        "slug": slug("schuldnerberatung", "debt-counselling"),
        "provider": "schuldnerberatung",
        "summary": T(
            "Gemeinsam verschaffen wir uns einen Überblick über Ihre Schulden und suchen einen "
            "Weg heraus.",
            "Together we get an overview of your debts and look for a way out.",
            "Разом з вами ми складемо перелік ваших боргів і шукатимемо вихід.",
            "نكوّن معك صورة واضحة عن ديونك ونبحث معاً عن مخرج.",
        ),
        "description": rich(
            T(
                "Wir sprechen mit Gläubigern, helfen bei einem Pfändungsschutzkonto (P-Konto) "
                "und beraten zur Privatinsolvenz.",
                "We talk to creditors, help you with a protected account (P-Konto) and advise "
                "you on personal insolvency.",
                "Ми ведемо переговори з кредиторами, допомагаємо відкрити захищений від арешту "
                "рахунок (P-Konto) і консультуємо щодо особистого банкрутства.",
                "نتحدّث مع الدائنين، ونساعدك في حساب الحماية من الحجز (P-Konto)، ونقدّم "
                "الاستشارة حول الإفلاس الشخصي.",
            ),
            T(
                "Bei einer Pfändung oder einer Stromsperre kommen Sie bitte sofort in die "
                "offene Sprechstunde.",
                "If your wages or account are being seized, or your electricity is about to "
                "be cut off, please come to the open consultation hour straight away.",
                "Якщо на ваші гроші накладено арешт або вам загрожує відключення "
                "електроенергії, негайно приходьте на відкриті години прийому.",
                "إذا حُجز على راتبك أو حسابك، أو كانت الكهرباء ستُقطع عنك، فتعال فوراً إلى ساعة "
                "الاستشارة المفتوحة.",
            ),
        ),
        "topics": ["geld-schulden"],
        "target_groups": ["everyone", "long_term_unemployed"],
        "staff_languages": ["de", "en", "ru"],
        **ULMENWEG_2,
        "opening_slots": [
            slot(MON, "09:00", "12:00", by_appointment=True),
            slot(TUE, "14:00", "16:00"),
            slot(THU, "09:00", "12:00", by_appointment=True),
        ],
        "opening_notes": T(
            "Offene Sprechstunde am Dienstag. Dort bekommen Sie einen Termin für die "
            "ausführliche Beratung.",
            "Open consultation hour on Tuesday. There you get an appointment for detailed "
            "counselling.",
            "Відкриті години прийому у вівторок. Там ви отримаєте запис на детальну консультацію.",
            "ساعة استشارة مفتوحة يوم الثلاثاء، وهناك تحصل على موعد للاستشارة المفصّلة.",
        ),
        "cost": "free",
        "cost_note": T(
            "Kostenlos für Menschen aus dem Landkreis Gotha.",
            "Free for people living in the district of Gotha.",
            "Безкоштовно для мешканців району Гота.",
            "مجانية لسكان منطقة غوتا.",
        ),
        "step_free_entrance": False,
        "lift": False,
        "accessible_toilet": False,
        "hearing_loop": False,
        "sign_language": False,
        "easy_language_material": True,
        "accessibility_note": T(
            "Am Eingang sind drei Stufen. Wir beraten Sie gern auch in der Anlaufstelle.",
            "There are three steps at the entrance. We are also happy to see you at the "
            "Anlaufstelle instead.",
            "На вході три сходинки. Ми охоче проконсультуємо вас і в Anlaufstelle.",
            "عند المدخل ثلاث درجات. ويسعدنا أن نقدّم لك الاستشارة في مركز الاستشارة "
            "(Anlaufstelle) أيضاً.",
        ),
        "phone": "03621 000 710",
        "email": "schuldnerberatung-gotha@example.org",
        "website": "https://schuldnerberatung-gotha.example.org",
    },
    "mietersprechstunde": {
        "title": T(
            "Mietersprechstunde im Stadtteilbüro",
            "Tenants’ consultation hour at the neighbourhood office",
            "Години прийому для орендарів у районному офісі",
            "ساعة استشارة المستأجرين في مكتب الحي",
        ),
        "slug": slug("mietersprechstunde", "tenants-consultation"),
        "provider": "wohnungsgesellschaft",
        "summary": T(
            "Fragen zu Wohnung, Miete, Nebenkosten oder Reparaturen? Die Wohnungsgesellschaft "
            "berät Sie direkt im Stadtteil.",
            "Questions about your flat, rent, service charges or repairs? The housing company "
            "advises you right here in the neighbourhood.",
            "Маєте запитання про квартиру, оренду, комунальні платежі чи ремонт? Житлова "
            "компанія консультує вас просто в районі.",
            "هل لديك أسئلة عن الشقة أو الإيجار أو التكاليف الإضافية أو التصليحات؟ تقدّم لك شركة "
            "الإسكان الاستشارة هنا في الحي.",
        ),
        "description": rich(
            T(
                "Hier können Sie sich für eine Wohnung vormerken lassen, Schäden melden und "
                "Fragen zur Abrechnung stellen.",
                "Here you can put your name down for a flat, report damage and ask questions "
                "about your bill.",
                "Тут можна стати в чергу на квартиру, повідомити про пошкодження та запитати "
                "про рахунок за комунальні послуги.",
                "هنا يمكنك التسجيل في قائمة الانتظار للحصول على شقة، والإبلاغ عن الأعطال، وطرح "
                "الأسئلة حول كشف التكاليف.",
            ),
            T(
                "Bei einem Notfall in der Wohnung, zum Beispiel einem Wasserschaden, rufen Sie "
                "den Notdienst an. Er ist Tag und Nacht erreichbar.",
                "In an emergency in your flat, for example a water leak, call the emergency "
                "service. It is available day and night.",
                "У разі аварії в квартирі, наприклад протікання води, телефонуйте в аварійну "
                "службу. Вона працює цілодобово.",
                "في حالة طارئة في الشقة، مثل تسرّب المياه، اتصل بخدمة الطوارئ. فهي متاحة ليلاً "
                "ونهاراً.",
            ),
        ),
        "topics": ["wohnen"],
        "target_groups": ["everyone", "parents", "seniors"],
        "staff_languages": ["de", "ru", "en"],
        **AM_WESTPARK_10,
        "opening_slots": [slot(WED, "10:00", "12:00"), slot(THU, "14:00", "17:00")],
        "opening_notes": T(
            "In den Sommerferien ist die Sprechstunde nur am Donnerstag.",
            "During the summer holidays the consultation hour is on Thursdays only.",
            "Під час літніх канікул прийом лише в четвер.",
            "خلال العطلة الصيفية تكون ساعة الاستشارة يوم الخميس فقط.",
        ),
        "cost": "free",
        "step_free_entrance": True,
        "lift": True,
        "accessible_toilet": True,
        "hearing_loop": False,
        "sign_language": False,
        "easy_language_material": False,
        "accessibility_note": T(
            "Parkplätze direkt vor dem Haus.",
            "Parking spaces right in front of the building.",
            "Місця для паркування просто біля будинку.",
            "مواقف سيارات أمام المبنى مباشرة.",
        ),
        "phone": "03621 000 810",
        "email": "mieterservice@wohnen-gotha-west.example.org",
        "website": "https://wohnen-gotha-west.example.org/sprechstunde",
    },
    "kita": {
        "title": T(
            "Beratung zum Kita-Platz",
            "Advice on getting a childcare place",
            "Консультація щодо місця в дитячому садку",
            "استشارة حول مكان في روضة الأطفال",
        ),
        "slug": slug("kita-platz", "childcare-place"),
        "provider": "kita",
        "summary": T(
            "Wir zeigen Ihnen freie Plätze in Kitas und bei Tagesmüttern und helfen bei der "
            "Anmeldung.",
            "We show you free places at nurseries and with childminders and help you register.",
            "Ми покажемо вільні місця в дитячих садках і в денних нянь та допоможемо з "
            "реєстрацією.",
            "نعرض عليك الأماكن الشاغرة في رياض الأطفال ولدى مربيات الأطفال النهاريات، ونساعدك "
            "في التسجيل.",
        ),
        "description": rich(
            T(
                "Ab dem ersten Geburtstag hat Ihr Kind ein Recht auf einen Platz in der Kita "
                "oder in der Kindertagespflege.",
                "From their first birthday your child has a right to a place at a nursery or "
                "with a childminder.",
                "Від першого дня народження ваша дитина має право на місце в дитячому садку "
                "або в денної няні.",
                "من عيد ميلاده الأول يحق لطفلك الحصول على مكان في روضة الأطفال أو لدى مربية "
                "أطفال نهارية.",
            ),
            T(
                "Wenn Sie wenig Geld haben, können Sie Hilfe bei den Kosten beantragen. Wir "
                "erklären Ihnen, wie das geht.",
                "If you have little money, you can apply for help with the costs. We explain how.",
                "Якщо у вас мало грошей, можна подати заяву на допомогу з оплатою. Ми "
                "пояснимо, як це зробити.",
                "إذا كان دخلك قليلاً، يمكنك طلب المساعدة في التكاليف، وسنشرح لك كيف.",
            ),
        ),
        "topics": ["kinder"],
        "target_groups": ["parents", "newcomers"],
        "staff_languages": ["de", "en"],
        **BRUEHLER_WEG_31,
        "opening_slots": [slot(MON, "09:00", "12:00"), slot(THU, "14:00", "18:00")],
        "opening_notes": T(
            "Kommen Sie rechtzeitig: Melden Sie Ihr Kind am besten sechs Monate vor dem Start an.",
            "Come early: it is best to register your child six months before they start.",
            "Приходьте заздалегідь: найкраще зареєструвати дитину за шість місяців до початку.",
            "تعال مبكراً: الأفضل أن تسجّل طفلك قبل ستة أشهر من البدء.",
        ),
        "cost": "free",
        "step_free_entrance": True,
        "lift": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "sign_language": False,
        "easy_language_material": True,
        "accessibility_note": T(
            "Sie können mit Kinderwagen kommen. Es gibt einen Wickeltisch.",
            "You can come with a pram. There is a baby changing table.",
            "Можна приходити з дитячим візочком. Є сповивальний столик.",
            "يمكنك الحضور مع عربة الأطفال، ويوجد مكان لتغيير الحفاضات.",
        ),
        "phone": "03621 000 910",
        "email": "kita-service@gotha.example.org",
        "website": "https://gotha.example.org/kita",
        "appointment_url": "https://gotha.example.org/kita/termin",
    },
}

# --- Topic pages ------------------------------------------------------------------------
# The body is a list of (block type, value) as in TopicBodyBlock. A contact card names
# its partner by key, an offer list its offers by key.

TOPIC_PAGES = [
    {
        "title": T("Arbeit finden", "Finding work", "Як знайти роботу", "إيجاد عمل"),
        "slug": slug("arbeit", "work"),
        "topic": "arbeit",
        "summary": T(
            "Sie suchen Arbeit, eine Ausbildung oder ein Praktikum? Hier steht, wer Ihnen in "
            "Gotha hilft.",
            "Are you looking for work, an apprenticeship or an internship? Here you can see "
            "who helps you in Gotha.",
            "Шукаєте роботу, професійне навчання чи практику? Тут написано, хто вам допоможе "
            "в Готі.",
            "هل تبحث عن عمل أو تدريب مهني أو تدريب عملي؟ هنا تجد من يساعدك في غوتا.",
        ),
        "body": [
            (
                "text",
                rich(
                    T(
                        "In Gotha gibt es viele freie Stellen, zum Beispiel in der Pflege, in "
                        "der Logistik und im Handwerk. Oft können Sie anfangen, auch wenn Ihr "
                        "Deutsch noch nicht so gut ist.",
                        "There are many vacancies in Gotha, for example in care, logistics and "
                        "the skilled trades. You can often start even if your German is not "
                        "very good yet.",
                        "У Готі багато вакансій, наприклад у сфері догляду, логістиці та "
                        "ремеслах. Часто можна почати працювати, навіть якщо ваша німецька ще "
                        "не дуже добра.",
                        "في غوتا وظائف شاغرة كثيرة، مثلاً في الرعاية والخدمات اللوجستية والحِرف. "
                        "وغالباً يمكنك البدء حتى لو لم تكن لغتك الألمانية جيدة بعد.",
                    ),
                ),
            ),
            (
                "steps",
                {
                    "heading": WHAT_TO_DO,
                    "steps": [
                        {
                            "title": T(
                                "In die Anlaufstelle kommen",
                                "Come to the Anlaufstelle",
                                "Прийдіть до Anlaufstelle",
                                "تعال إلى مركز الاستشارة (Anlaufstelle)",
                            ),
                            "text": rich(
                                T(
                                    "Sie brauchen keinen Termin. Wir sprechen über Ihre "
                                    "Erfahrung und Ihre Wünsche.",
                                    "You do not need an appointment. We talk about your "
                                    "experience and what you would like to do.",
                                    "Запис не потрібен. Ми поговоримо про ваш досвід і ваші "
                                    "побажання.",
                                    "لا تحتاج إلى موعد. نتحدّث عن خبرتك وعمّا ترغب فيه.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Bewerbungsunterlagen vorbereiten",
                                "Prepare your application documents",
                                "Підготуйте документи для пошуку роботи",
                                "جهّز أوراق التقديم",
                            ),
                            "text": rich(
                                T(
                                    "Zusammen schreiben wir Ihren Lebenslauf. Am PC können Sie "
                                    "ihn ausdrucken.",
                                    "We write your CV together. You can print it at the computer.",
                                    "Разом ми напишемо ваше резюме. Роздрукувати його можна на "
                                    "комп’ютері.",
                                    "نكتب سيرتك الذاتية معاً، ويمكنك طباعتها على الحاسوب.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Stellen suchen und sich bewerben",
                                "Search for jobs and apply",
                                "Шукайте вакансії та відгукуйтеся на них",
                                "ابحث عن وظائف وقدّم طلباتك",
                            ),
                            "text": rich(
                                T(
                                    "Ihr Jobcoach zeigt Ihnen passende Stellen und übt mit "
                                    "Ihnen das Vorstellungsgespräch.",
                                    "Your job coach shows you suitable vacancies and practises "
                                    "the job interview with you.",
                                    "Ваш коуч покаже відповідні вакансії та потренує з вами "
                                    "співбесіду.",
                                    "يعرض عليك مدرّبك وظائف مناسبة ويتدرّب معك على مقابلة العمل.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "documents",
                {
                    "heading": PLEASE_BRING,
                    "documents": [
                        ID_DOCUMENT,
                        T(
                            "Zeugnisse und Arbeitsnachweise, wenn Sie welche haben",
                            "School and work certificates, if you have any",
                            "Атестати, дипломи та довідки з місць роботи, якщо вони у вас є",
                            "الشهادات وإثباتات الخبرة إن وُجدت",
                        ),
                        T(
                            "Ihren Lebenslauf, wenn Sie schon einen haben",
                            "Your CV, if you already have one",
                            "Ваше резюме, якщо воно вже є",
                            "سيرتك الذاتية إن كانت لديك",
                        ),
                    ],
                    "note": T(
                        "Es ist nicht schlimm, wenn Sie nicht alles haben. Kommen Sie trotzdem.",
                        "It does not matter if you do not have everything. Come anyway.",
                        "Нічого страшного, якщо у вас є не все. Все одно приходьте.",
                        "لا بأس إن لم يكن لديك كل شيء. تعال على أي حال.",
                    ),
                },
            ),
            (
                "faq",
                {
                    "heading": QUESTIONS,
                    "questions": [
                        {
                            "question": T(
                                "Muss ich dem Jobcenter sagen, dass ich Arbeit gefunden habe?",
                                "Do I have to tell the Jobcenter that I have found work?",
                                "Чи треба повідомляти джобцентр про нову роботу?",
                                "هل يجب أن أخبر مركز العمل بأنني وجدت عملاً؟",
                            ),
                            "answer": rich(
                                T(
                                    "Ja. Sagen Sie es sofort, am besten bevor Sie anfangen. "
                                    "Sonst müssen Sie vielleicht Geld zurückzahlen.",
                                    "Yes. Tell them straight away, ideally before you start. "
                                    "Otherwise you may have to pay money back.",
                                    "Так. Повідомте одразу, найкраще ще до початку роботи. "
                                    "Інакше, можливо, доведеться повертати гроші.",
                                    "نعم. أخبرهم فوراً، ويفضَّل قبل أن تبدأ العمل. وإلا فقد "
                                    "تضطر إلى إعادة أموال.",
                                )
                            ),
                        },
                        {
                            "question": T(
                                "Darf ich mit meinem Aufenthaltstitel arbeiten?",
                                "Am I allowed to work with my residence permit?",
                                "Чи можна мені працювати з моїм дозволом на проживання?",
                                "هل يُسمح لي بالعمل بتصريح إقامتي؟",
                            ),
                            "answer": rich(
                                T(
                                    "Auf dem Aufenthaltstitel steht, ob Sie arbeiten dürfen. "
                                    "Wenn Sie unsicher sind, fragen Sie die Migrationsberatung.",
                                    "Your residence permit says whether you are allowed to "
                                    "work. If you are not sure, ask the migration counselling "
                                    "service.",
                                    "У дозволі на проживання зазначено, чи можна вам "
                                    "працювати. Якщо не впевнені, зверніться до міграційної "
                                    "консультації.",
                                    "يُذكر في تصريح الإقامة ما إذا كان يُسمح لك بالعمل. وإذا لم "
                                    "تكن متأكداً فاسأل في استشارة الهجرة.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "partner": "anlaufstelle",
                    "name": T(
                        "Empfang der Anlaufstelle",
                        "Anlaufstelle reception",
                        "Рецепція Anlaufstelle",
                        "استقبال مركز الاستشارة (Anlaufstelle)",
                    ),
                    "phone": "03621 000 410",
                    "email": "anlaufstelle@gotha-west.example.org",
                    "address": at(AM_WESTPARK_4),
                    "hours": T(
                        "Montag bis Freitag 9 bis 15 Uhr",
                        "Monday to Friday, 9 am to 3 pm",
                        "з понеділка по п’ятницю, 9:00–15:00",
                        "من الاثنين إلى الجمعة، من 9 صباحاً حتى 3 عصراً",
                    ),
                },
            ),
            (
                "offers",
                {"heading": OFFERS_IN_GOTHA_WEST, "offers": ["jobcoaching", "pc", "jobcenter"]},
            ),
        ],
    },
    {
        "title": T(
            "Deutsch lernen in Gotha",
            "Learning German in Gotha",
            "Вивчення німецької в Готі",
            "تعلّم الألمانية في غوتا",
        ),
        "slug": slug("deutsch-lernen", "learning-german"),
        "topic": "sprache",
        "summary": T(
            "Mit Deutsch finden Sie leichter Arbeit und Freunde. In Gotha gibt es Kurse für "
            "jedes Niveau.",
            "German makes it easier to find work and friends. In Gotha there are courses for "
            "every level.",
            "Знання німецької допомагає легше знайти роботу й друзів. У Готі є курси для "
            "будь-якого рівня.",
            "مع اللغة الألمانية يسهل عليك إيجاد عمل وأصدقاء. وفي غوتا دورات لكل المستويات.",
        ),
        "body": [
            (
                "text",
                rich(
                    T(
                        "Der Integrationskurs ist der wichtigste Kurs für Menschen, die neu in "
                        "Deutschland sind. Danach gibt es Berufssprachkurse bis zum Niveau C1.",
                        "The integration course is the most important course for people who "
                        "are new to Germany. After it there are German courses for work up "
                        "to level C1.",
                        "Інтеграційний курс — найважливіший курс для тих, хто нещодавно "
                        "приїхав до Німеччини. Після нього є професійні мовні курси до рівня "
                        "C1.",
                        "دورة الاندماج هي أهم دورة للقادمين الجدد إلى ألمانيا. وبعدها توجد "
                        "دورات اللغة المهنية حتى مستوى C1.",
                    ),
                    bullets(
                        T(
                            "<b>Integrationskurs:</b> A1 bis B1, mit Orientierungskurs",
                            "<b>Integration course:</b> A1 to B1, with orientation course",
                            "<b>Інтеграційний курс:</b> A1–B1, з орієнтаційним курсом",
                            "<b>دورة الاندماج:</b> من A1 إلى B1، مع دورة التوجيه",
                        ),
                        T(
                            "<b>Berufssprachkurs:</b> B1 bis C1, Deutsch für den Beruf",
                            "<b>German for work:</b> B1 to C1, job-related German courses",
                            "<b>Професійний мовний курс:</b> B1–C1, німецька для роботи",
                            "<b>دورة اللغة المهنية:</b> من B1 إلى C1، الألمانية للعمل",
                        ),
                        T(
                            "<b>Sprachcafé:</b> Sprechen üben, ohne Prüfung",
                            "<b>Language café:</b> practise speaking, no exam",
                            "<b>Мовне кафе:</b> розмовна практика без іспиту",
                            "<b>مقهى اللغة:</b> تدرّب على الكلام دون امتحان",
                        ),
                    ),
                ),
            ),
            (
                "steps",
                {
                    "heading": WHAT_TO_DO,
                    "steps": [
                        {
                            "title": T(
                                "Berechtigung bekommen",
                                "Get your entitlement",
                                "Отримайте дозвіл на курс",
                                "احصل على الإذن",
                            ),
                            "text": rich(
                                T(
                                    "Die Berechtigung bekommen Sie vom BAMF, vom Jobcenter "
                                    "oder von der Ausländerbehörde. Die Migrationsberatung "
                                    "hilft beim Antrag.",
                                    "You get the entitlement from the BAMF, the Jobcenter or "
                                    "the immigration office. Migration counselling helps you "
                                    "apply.",
                                    "Дозвіл видає BAMF, джобцентр або відомство у справах "
                                    "іноземців. Міграційна консультація допоможе подати "
                                    "заяву.",
                                    "تحصل على الإذن من المكتب الاتحادي للهجرة واللاجئين (BAMF) "
                                    "أو من مركز العمل أو من دائرة الأجانب. وتساعدك استشارة "
                                    "الهجرة في تقديم الطلب.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Einstufungstest machen",
                                "Take the placement test",
                                "Пройдіть тест на визначення рівня",
                                "قدّم اختبار تحديد المستوى",
                            ),
                            "text": rich(
                                T(
                                    "In der Volkshochschule testen wir, was Sie schon können. "
                                    "Der Test dauert etwa eine Stunde.",
                                    "At the Volkshochschule we test what you already know. The "
                                    "test takes about an hour.",
                                    "У народному університеті перевірять, що ви вже вмієте. "
                                    "Тест триває приблизно годину.",
                                    "في الجامعة الشعبية نختبر ما تعرفه من اللغة. ويستغرق "
                                    "الاختبار نحو ساعة.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Im Kurs anfangen",
                                "Start the course",
                                "Почніть навчання",
                                "ابدأ الدورة",
                            ),
                            "text": rich(
                                T(
                                    "Sie bekommen einen Platz in einem passenden Kurs. Kommen "
                                    "Sie regelmäßig, sonst kann die Berechtigung verfallen.",
                                    "You get a place in a suitable course. Attend regularly, "
                                    "otherwise your entitlement can lapse.",
                                    "Ви отримаєте місце на відповідному курсі. Відвідуйте "
                                    "заняття регулярно, інакше дозвіл може втратити силу.",
                                    "تحصل على مكان في دورة مناسبة. احضر بانتظام، وإلا فقد يسقط "
                                    "الإذن.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "documents",
                {
                    "heading": PLEASE_BRING,
                    "documents": [
                        ID_DOCUMENT,
                        T(
                            "Die Berechtigung zur Teilnahme",
                            "Your entitlement to take part (Berechtigung)",
                            "Дозвіл на участь у курсі (Berechtigung)",
                            "إذن المشاركة (Berechtigung)",
                        ),
                        T(
                            "Zeugnisse über Deutschkurse, wenn Sie welche haben",
                            "Certificates from earlier German courses, if you have any",
                            "Сертифікати про попередні курси німецької, якщо вони є",
                            "شهادات دورات الألمانية السابقة إن وُجدت",
                        ),
                    ],
                    "note": T(
                        "Sie haben noch keine Berechtigung? Kommen Sie trotzdem zur Beratung.",
                        "No entitlement yet? Come to the advice desk anyway.",
                        "Ще не маєте дозволу на курс? Все одно приходьте на консультацію.",
                        "ليس لديك إذن بعد؟ تعال إلى الاستشارة على أي حال.",
                    ),
                },
            ),
            (
                "faq",
                {
                    "heading": QUESTIONS,
                    "questions": [
                        {
                            "question": T(
                                "Gibt es Kinderbetreuung während des Kurses?",
                                "Is there childcare during the course?",
                                "Чи доглядають за дітьми під час курсу?",
                                "هل توجد رعاية للأطفال أثناء الدورة؟",
                            ),
                            "answer": rich(
                                T(
                                    "In manchen Kursen ja. Fragen Sie bei der Anmeldung nach "
                                    "einem Kurs mit Kinderbetreuung.",
                                    "In some courses, yes. When you register, ask for a course "
                                    "with childcare.",
                                    "На деяких курсах так. Під час реєстрації запитайте про "
                                    "курс із доглядом за дітьми.",
                                    "في بعض الدورات نعم. اسأل عند التسجيل عن دورة فيها رعاية "
                                    "للأطفال.",
                                )
                            ),
                        },
                        {
                            "question": T(
                                "Was passiert, wenn ich die Prüfung nicht bestehe?",
                                "What happens if I fail the exam?",
                                "Що буде, якщо я не складу іспит?",
                                "ماذا يحدث إذا لم أنجح في الامتحان؟",
                            ),
                            "answer": rich(
                                T(
                                    "Oft können Sie 300 Stunden wiederholen, ohne dafür zu "
                                    "bezahlen. Die Volkshochschule berät Sie.",
                                    "You can often repeat 300 hours free of charge. The "
                                    "Volkshochschule will advise you.",
                                    "Часто можна безкоштовно повторити 300 годин навчання. "
                                    "Народний університет вас проконсультує.",
                                    "غالباً يمكنك إعادة 300 ساعة دون أن تدفع. وتقدّم لك الجامعة "
                                    "الشعبية الاستشارة.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "partner": "vhs",
                    "name": T(
                        "Beratung zu Integrationskursen",
                        "Integration course advice",
                        "Консультації щодо інтеграційних курсів",
                        "الاستشارة حول دورات الاندماج",
                    ),
                    "phone": "03621 000 300",
                    "email": "integration@vhs-gotha.example.org",
                    "address": at(PARKALLEE_7),
                    "hours": T(
                        "Dienstag und Donnerstag 9 bis 12 Uhr",
                        "Tuesday and Thursday, 9 am to 12 noon",
                        "вівторок і четвер, 9:00–12:00",
                        "الثلاثاء والخميس، من 9 حتى 12 ظهراً",
                    ),
                },
            ),
            (
                "offers",
                {"heading": OFFERS_IN_GOTHA_WEST, "offers": ["integrationskurs", "sprachcafe"]},
            ),
        ],
    },
    {
        "title": T(
            "Abschlüsse aus dem Ausland anerkennen lassen",
            "Getting qualifications from abroad recognised",
            "Визнання іноземних дипломів",
            "الاعتراف بالشهادات الأجنبية",
        ),
        "slug": slug("anerkennung", "recognition"),
        "topic": "anerkennung",
        "summary": T(
            "Sie haben im Ausland einen Beruf gelernt oder studiert? Mit der Anerkennung "
            "können Sie in Ihrem Beruf arbeiten.",
            "Did you train for a profession or study abroad? With recognition you can work in "
            "your profession.",
            "Ви здобули професію або вищу освіту за кордоном? Після визнання ви зможете "
            "працювати за фахом.",
            "هل تعلّمت مهنة أو درست في الخارج؟ مع الاعتراف يمكنك العمل في مهنتك.",
        ),
        "body": [
            (
                "text",
                rich(
                    T(
                        "Bei der Anerkennung wird Ihr Abschluss mit einem deutschen Abschluss "
                        "verglichen. Fehlt etwas, können Sie es oft mit einem Kurs nachholen.",
                        "Recognition compares your qualification with a German one. If "
                        "something is missing, you can often make it up with a course.",
                        "Під час визнання ваш диплом порівнюють із німецьким. Якщо чогось "
                        "бракує, часто це можна надолужити на курсі.",
                        "يقارن إجراء الاعتراف شهادتك بشهادة ألمانية. وإذا نقص شيء، يمكنك غالباً "
                        "استكماله بدورة.",
                    ),
                ),
            ),
            (
                "steps",
                {
                    "heading": WHAT_TO_DO,
                    "steps": [
                        {
                            "title": T(
                                "Beratung vereinbaren",
                                "Book a counselling appointment",
                                "Запишіться на консультацію",
                                "احجز موعداً للاستشارة",
                            ),
                            "text": rich(
                                T(
                                    "Die IQ-Beratung ist jeden ersten Mittwoch im Monat in der "
                                    "Anlaufstelle.",
                                    "IQ counselling is at the Anlaufstelle on the first "
                                    "Wednesday of every month.",
                                    "Консультація IQ проходить в Anlaufstelle щопершої середи "
                                    "місяця.",
                                    "استشارة IQ في مركز الاستشارة (Anlaufstelle) في أول أربعاء "
                                    "من كل شهر.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Unterlagen übersetzen lassen",
                                "Have your documents translated",
                                "Замовте переклад документів",
                                "اطلب ترجمة أوراقك",
                            ),
                            "text": rich(
                                T(
                                    "Die Zeugnisse muss meist eine vereidigte Übersetzerin "
                                    "oder ein vereidigter Übersetzer übersetzen.",
                                    "Your certificates usually have to be translated by a "
                                    "sworn translator.",
                                    "Документи про освіту зазвичай має перекласти присяжний "
                                    "перекладач.",
                                    "يجب غالباً أن يترجم شهاداتك مترجم محلّف.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Antrag stellen",
                                "Submit your application",
                                "Подайте заяву",
                                "قدّم الطلب",
                            ),
                            "text": rich(
                                T(
                                    "Sie schicken den Antrag an die zuständige Stelle. Die "
                                    "Entscheidung dauert meist drei bis vier Monate.",
                                    "You send the application to the responsible office. The "
                                    "decision usually takes three to four months.",
                                    "Ви надсилаєте заяву до відповідальної установи. Рішення "
                                    "зазвичай ухвалюють за три-чотири місяці.",
                                    "ترسل الطلب إلى الجهة المختصة. ويستغرق القرار عادة من "
                                    "ثلاثة إلى أربعة أشهر.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "documents",
                {
                    "heading": PLEASE_BRING,
                    "documents": [
                        ID_DOCUMENT,
                        T(
                            "Ihr Abschlusszeugnis und die Liste der Fächer mit Noten",
                            "Your final certificate and the list of subjects with grades",
                            "Ваш диплом і додаток із предметами та оцінками",
                            "شهادة التخرّج وكشف المواد والعلامات",
                        ),
                        T(
                            "Nachweise über Ihre Berufserfahrung",
                            "Proof of your work experience",
                            "Підтвердження вашого досвіду роботи",
                            "إثباتات خبرتك المهنية",
                        ),
                    ],
                    "note": T(
                        "Für die Beratung reichen Kopien. Die Originale brauchen Sie später.",
                        "Copies are enough for counselling. You will need the originals later.",
                        "Для консультації достатньо копій. Оригінали знадобляться пізніше.",
                        "تكفي النسخ للاستشارة، أما الأصول فستحتاجها لاحقاً.",
                    ),
                },
            ),
            (
                "faq",
                {
                    "heading": QUESTIONS,
                    "questions": [
                        {
                            "question": T(
                                "Wer bezahlt die Anerkennung?",
                                "Who pays for recognition?",
                                "Хто оплачує визнання?",
                                "من يدفع تكاليف الاعتراف؟",
                            ),
                            "answer": rich(
                                T(
                                    "Oft übernimmt das Jobcenter oder die Agentur für Arbeit "
                                    "die Kosten. Fragen Sie vor dem Antrag.",
                                    "The Jobcenter or the employment agency often covers the "
                                    "costs. Ask before you apply.",
                                    "Часто витрати покриває джобцентр або агентство з питань "
                                    "праці. Запитайте до подання заяви.",
                                    "غالباً يتحمّل مركز العمل أو وكالة العمل التكاليف. اسأل قبل "
                                    "تقديم الطلب.",
                                )
                            ),
                        },
                        {
                            "question": T(
                                "Ich habe keine Zeugnisse mehr. Was kann ich tun?",
                                "I no longer have my certificates. What can I do?",
                                "У мене більше немає документів про освіту. Що робити?",
                                "لم تعد لديّ شهاداتي. ماذا أفعل؟",
                            ),
                            "answer": rich(
                                T(
                                    "Sie können Ihre Kenntnisse auch anders nachweisen, zum "
                                    "Beispiel mit einer Arbeitsprobe. Die Beratung hilft "
                                    "Ihnen dabei.",
                                    "You can also show your skills in other ways, for example "
                                    "with a work sample. Counselling will help you with this.",
                                    "Свої вміння можна підтвердити й інакше, наприклад "
                                    "пробним завданням. Консультанти вам у цьому допоможуть.",
                                    "يمكنك إثبات مهاراتك بطرق أخرى أيضاً، مثلاً بعيّنة عمل. "
                                    "وستساعدك الاستشارة في ذلك.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "partner": "iq",
                    "name": T(
                        "IQ-Beratung in der Anlaufstelle",
                        "IQ counselling at the Anlaufstelle",
                        "Консультація IQ в Anlaufstelle",
                        "استشارة IQ في مركز الاستشارة (Anlaufstelle)",
                    ),
                    "phone": "03621 000 610",
                    "email": "anerkennung@iq-gotha.example.org",
                    "address": at(AM_WESTPARK_4),
                    "hours": T(
                        "Jeden ersten Mittwoch im Monat, nur mit Termin",
                        "First Wednesday of every month, by appointment only",
                        "щопершої середи місяця, лише за записом",
                        "أول أربعاء من كل شهر، بموعد فقط",
                    ),
                },
            ),
            (
                "offers",
                {
                    "heading": OFFERS_IN_GOTHA_WEST,
                    "offers": ["anerkennungsberatung", "jobcoaching"],
                },
            ),
        ],
    },
    {
        "title": T(
            "Hilfe bei Schulden", "Help with debts", "Допомога з боргами", "المساعدة في الديون"
        ),
        "slug": slug("schulden", "debts"),
        "topic": "geld-schulden",
        "summary": T(
            "Rechnungen und Mahnungen wachsen Ihnen über den Kopf? Sie sind nicht allein. Es "
            "gibt kostenlose Hilfe.",
            "Are bills and payment reminders getting too much for you? You are not alone. "
            "Free help is available.",
            "Рахунки й нагадування про оплату накопичуються? Ви не самі. Є безкоштовна допомога.",
            "هل تراكمت عليك الفواتير ورسائل المطالبة؟ لست وحدك، فهناك مساعدة مجانية.",
        ),
        "body": [
            (
                "text",
                rich(
                    T(
                        "Öffnen Sie alle Briefe, auch wenn es schwerfällt. Viele Probleme "
                        "lassen sich lösen, wenn man früh handelt.",
                        "Open all your letters, even if it is hard. Many problems can be "
                        "solved if you act early.",
                        "Відкривайте всі листи, навіть якщо це важко. Багато проблем можна "
                        "розв’язати, якщо діяти вчасно.",
                        "افتح كل رسائلك حتى لو كان ذلك صعباً. فكثير من المشكلات يمكن حلّها إذا "
                        "تصرّفت مبكراً.",
                    ),
                    bullets(
                        T(
                            "Zahlen Sie zuerst Miete, Strom und Heizung.",
                            "Pay rent, electricity and heating first.",
                            "Спершу сплачуйте оренду, електроенергію та опалення.",
                            "ادفع أولاً الإيجار والكهرباء والتدفئة.",
                        ),
                        T(
                            "Unterschreiben Sie keinen Vertrag, den Sie nicht verstehen.",
                            "Do not sign a contract you do not understand.",
                            "Не підписуйте договору, якого не розумієте.",
                            "لا توقّع عقداً لا تفهمه.",
                        ),
                        T(
                            "Nehmen Sie keinen Kredit auf, um Schulden zu bezahlen.",
                            "Do not take out a loan to pay off debts.",
                            "Не беріть кредит, щоб сплатити борги.",
                            "لا تأخذ قرضاً لتسديد الديون.",
                        ),
                    ),
                ),
            ),
            (
                "steps",
                {
                    "heading": WHAT_TO_DO,
                    "steps": [
                        {
                            "title": T(
                                "Briefe sammeln",
                                "Collect your letters",
                                "Зберіть листи",
                                "اجمع رسائلك",
                            ),
                            "text": rich(
                                T(
                                    "Legen Sie alle Rechnungen, Mahnungen und Verträge in "
                                    "einen Ordner.",
                                    "Put all bills, reminders and contracts in one folder.",
                                    "Складіть усі рахунки, нагадування й договори в одну папку.",
                                    "ضع كل الفواتير ورسائل المطالبة والعقود في ملف واحد.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "In die offene Sprechstunde kommen",
                                "Come to the open consultation hour",
                                "Прийдіть на відкриті години прийому",
                                "تعال إلى ساعة الاستشارة المفتوحة",
                            ),
                            "text": rich(
                                T(
                                    "Am Dienstagnachmittag brauchen Sie keinen Termin. Bei "
                                    "einer Pfändung bekommen Sie sofort Hilfe.",
                                    "On Tuesday afternoons you do not need an appointment. If "
                                    "your wages or account are being seized, you get help "
                                    "straight away.",
                                    "У вівторок після обіду запис не потрібен. Якщо на ваші "
                                    "гроші накладено арешт, вам допоможуть одразу.",
                                    "بعد ظهر الثلاثاء لا تحتاج إلى موعد. وإذا حُجز على أموالك "
                                    "تحصل على المساعدة فوراً.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Gemeinsam einen Plan machen",
                                "Make a plan together",
                                "Складіть план разом",
                                "ضعوا خطة معاً",
                            ),
                            "text": rich(
                                T(
                                    "Die Beraterin oder der Berater spricht mit den Gläubigern "
                                    "und sucht mit Ihnen eine Lösung.",
                                    "Your counsellor talks to the creditors and looks for a "
                                    "solution with you.",
                                    "Консультант веде переговори з кредиторами й шукає разом з "
                                    "вами рішення.",
                                    "يتحدّث المستشار مع الدائنين ويبحث معك عن حل.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "documents",
                {
                    "heading": PLEASE_BRING,
                    "documents": [
                        ID_DOCUMENT,
                        T(
                            "Alle Briefe von Gläubigern und Inkassobüros",
                            "All letters from creditors and debt collection agencies",
                            "Усі листи від кредиторів і колекторських агентств",
                            "كل الرسائل من الدائنين وشركات تحصيل الديون",
                        ),
                        T(
                            "Kontoauszüge der letzten drei Monate",
                            "Bank statements for the last three months",
                            "Виписки з банківського рахунку за останні три місяці",
                            "كشوف الحساب البنكي لآخر ثلاثة أشهر",
                        ),
                        JOBCENTER_NOTICE,
                    ],
                    "note": T(
                        "Die Beratung ist vertraulich. Niemand erfährt, dass Sie da waren.",
                        "Counselling is confidential. Nobody will find out that you came.",
                        "Консультація конфіденційна. Ніхто не дізнається, що ви приходили.",
                        "الاستشارة سرّية، ولن يعرف أحد أنك جئت.",
                    ),
                },
            ),
            (
                "faq",
                {
                    "heading": QUESTIONS,
                    "questions": [
                        {
                            "question": T(
                                "Was ist ein P-Konto?",
                                "What is a P-Konto?",
                                "Що таке P-Konto?",
                                "ما هو حساب P-Konto؟",
                            ),
                            "answer": rich(
                                T(
                                    "Ein Pfändungsschutzkonto schützt einen Teil Ihres Geldes. "
                                    "So können Sie trotz Pfändung Miete und Essen bezahlen. "
                                    "Ihre Bank muss Ihr Konto umstellen, wenn Sie das möchten.",
                                    "A protected account (Pfändungsschutzkonto) shields part "
                                    "of your money, so you can still pay for rent and food if "
                                    "your account is seized. Your bank must convert your "
                                    "account if you ask.",
                                    "Рахунок із захистом від арешту (Pfändungsschutzkonto) "
                                    "захищає частину ваших грошей. Так ви зможете платити за "
                                    "оренду та їжу навіть під час арешту. Банк зобов’язаний "
                                    "перевести ваш рахунок у такий режим на ваше прохання.",
                                    "حساب الحماية من الحجز (Pfändungsschutzkonto) يحمي جزءاً من "
                                    "أموالك، فتستطيع دفع الإيجار وشراء الطعام رغم الحجز. ويجب "
                                    "على بنكك تحويل حسابك إليه إذا طلبت ذلك.",
                                )
                            ),
                        },
                        {
                            "question": T(
                                "Kostet die Schuldnerberatung etwas?",
                                "Does debt counselling cost anything?",
                                "Чи платна консультація з боргів?",
                                "هل استشارة الديون مدفوعة؟",
                            ),
                            "answer": rich(
                                T(
                                    "Nein, für Menschen aus dem Landkreis Gotha ist sie "
                                    "kostenlos. Vorsicht bei Firmen, die für Hilfe bei "
                                    "Schulden Geld verlangen.",
                                    "No, it is free for people living in the district of "
                                    "Gotha. Be careful with companies that charge money for "
                                    "help with debts.",
                                    "Ні, для мешканців району Гота вона безкоштовна. "
                                    "Остерігайтеся фірм, які беруть гроші за допомогу з "
                                    "боргами.",
                                    "لا، فهي مجانية لسكان منطقة غوتا. واحذر من الشركات التي "
                                    "تطلب المال مقابل المساعدة في الديون.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "partner": "schuldnerberatung",
                    "name": T(
                        "Offene Sprechstunde",
                        "Open consultation hour",
                        "Відкриті години прийому",
                        "ساعة الاستشارة المفتوحة",
                    ),
                    "phone": "03621 000 710",
                    "email": "schuldnerberatung-gotha@example.org",
                    "address": at(ULMENWEG_2),
                    "hours": T(
                        "Dienstag 14 bis 16 Uhr",
                        "Tuesday, 2 pm to 4 pm",
                        "вівторок, 14:00–16:00",
                        "الثلاثاء، من 2 حتى 4 عصراً",
                    ),
                },
            ),
            (
                "offers",
                {"heading": OFFERS_IN_GOTHA_WEST, "offers": ["schuldnerberatung", "jobcenter"]},
            ),
        ],
    },
    {
        "title": T("Wohnung und Miete", "Housing and rent", "Житло та оренда", "السكن والإيجار"),
        "slug": slug("wohnen", "housing"),
        "topic": "wohnen",
        "summary": T(
            "Sie suchen eine Wohnung oder haben Fragen zur Miete? Hier finden Sie Hilfe.",
            "Are you looking for a flat or do you have questions about rent? You will find "
            "help here.",
            "Шукаєте квартиру чи маєте запитання щодо оренди? Тут ви знайдете допомогу.",
            "هل تبحث عن شقة أو لديك أسئلة عن الإيجار؟ هنا تجد المساعدة.",
        ),
        "body": [
            (
                "text",
                rich(
                    T(
                        "In Gotha-West hat die Wohnungsgesellschaft viele Wohnungen. Wenn Sie "
                        "Bürgergeld bekommen, muss das Jobcenter der Miete vorher zustimmen.",
                        "The housing company has many flats in Gotha-West. If you receive "
                        "Bürgergeld, the Jobcenter must agree to the rent beforehand.",
                        "У Гота-Вест житлова компанія має багато квартир. Якщо ви отримуєте "
                        "Bürgergeld, джобцентр має заздалегідь погодити орендну плату.",
                        "لدى شركة الإسكان شقق كثيرة في غوتا-فيست. إذا كنت تحصل على إعانة المواطن "
                        "(Bürgergeld)، فيجب أن يوافق مركز العمل على الإيجار مسبقاً.",
                    ),
                ),
            ),
            (
                "steps",
                {
                    "heading": WHAT_TO_DO,
                    "steps": [
                        {
                            "title": T(
                                "Vormerken lassen",
                                "Put your name down",
                                "Станьте в чергу на квартиру",
                                "سجّل اسمك في قائمة الانتظار",
                            ),
                            "text": rich(
                                T(
                                    "In der Mietersprechstunde füllen Sie einen Wohnungswunsch "
                                    "aus.",
                                    "At the tenants’ consultation hour you fill in a housing "
                                    "request form.",
                                    "На прийомі для орендарів ви заповнюєте заявку на квартиру.",
                                    "في ساعة استشارة المستأجرين تملأ استمارة طلب شقة.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Angebot vom Jobcenter prüfen lassen",
                                "Have the offer checked by the Jobcenter",
                                "Дайте джобцентру перевірити пропозицію",
                                "اطلب من مركز العمل فحص العرض",
                            ),
                            "text": rich(
                                T(
                                    "Bevor Sie unterschreiben, geben Sie das Mietangebot beim "
                                    "Jobcenter ab.",
                                    "Before you sign, hand in the rental offer at the Jobcenter.",
                                    "Перш ніж підписати договір, передайте пропозицію оренди "
                                    "до джобцентру.",
                                    "قبل أن توقّع، سلّم عرض الإيجار إلى مركز العمل.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Mietvertrag unterschreiben",
                                "Sign the tenancy agreement",
                                "Підпишіть договір оренди",
                                "وقّع عقد الإيجار",
                            ),
                            "text": rich(
                                T(
                                    "Lesen Sie den Vertrag genau. Die Anlaufstelle erklärt ihn "
                                    "Ihnen gern.",
                                    "Read the contract carefully. The Anlaufstelle will gladly "
                                    "explain it to you.",
                                    "Уважно прочитайте договір. В Anlaufstelle вам охоче його "
                                    "пояснять.",
                                    "اقرأ العقد بعناية، ويسعد مركز الاستشارة (Anlaufstelle) أن "
                                    "يشرحه لك.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "documents",
                {
                    "heading": PLEASE_BRING,
                    "documents": [
                        ID_DOCUMENT,
                        JOBCENTER_NOTICE,
                        T(
                            "Wohnberechtigungsschein (WBS), wenn Sie einen haben",
                            "Housing entitlement certificate (WBS), if you have one",
                            "Довідка про право на соціальне житло (WBS), якщо вона є",
                            "شهادة استحقاق السكن (WBS) إن كانت لديك",
                        ),
                    ],
                    "note": T(
                        "Wenn Sie schon in Gotha wohnen, bringen Sie auch Ihren Mietvertrag mit.",
                        "If you already live in Gotha, bring your current tenancy agreement too.",
                        "Якщо ви вже живете в Готі, візьміть також свій договір оренди.",
                        "إذا كنت تسكن في غوتا بالفعل، فأحضر أيضاً عقد إيجارك الحالي.",
                    ),
                },
            ),
            (
                "faq",
                {
                    "heading": QUESTIONS,
                    "questions": [
                        {
                            "question": T(
                                "Was sind Nebenkosten?",
                                "What are service charges (Nebenkosten)?",
                                "Що таке комунальні платежі (Nebenkosten)?",
                                "ما هي التكاليف الإضافية (Nebenkosten)؟",
                            ),
                            "answer": rich(
                                T(
                                    "Nebenkosten sind Kosten für Wasser, Heizung, Müll und "
                                    "Hausreinigung. Einmal im Jahr bekommen Sie eine "
                                    "Abrechnung.",
                                    "Service charges are the costs of water, heating, rubbish "
                                    "collection and cleaning the building. Once a year you "
                                    "get a statement.",
                                    "Комунальні платежі — це витрати на воду, опалення, "
                                    "вивезення сміття та прибирання будинку. Раз на рік ви "
                                    "отримуєте розрахунок.",
                                    "التكاليف الإضافية هي تكاليف الماء والتدفئة والنفايات "
                                    "وتنظيف المبنى. وتحصل مرة في السنة على كشف حساب بها.",
                                )
                            ),
                        },
                        {
                            "question": T(
                                "Die Heizung ist kaputt. Wen rufe ich an?",
                                "The heating is broken. Who do I call?",
                                "Зламалося опалення. Куди телефонувати?",
                                "التدفئة معطّلة. بمن أتصل؟",
                            ),
                            "answer": rich(
                                T(
                                    "Rufen Sie den Notdienst der Wohnungsgesellschaft an. Die "
                                    "Nummer hängt im Hausflur.",
                                    "Call the housing company’s emergency service. The number "
                                    "is on the notice board in the hallway.",
                                    "Телефонуйте в аварійну службу житлової компанії. Номер "
                                    "висить у під’їзді.",
                                    "اتصل بخدمة الطوارئ لدى شركة الإسكان. الرقم معلّق في مدخل "
                                    "المبنى.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "partner": "wohnungsgesellschaft",
                    "name": T(
                        "Mieterservice im Stadtteilbüro",
                        "Tenant service at the neighbourhood office",
                        "Служба для орендарів у районному офісі",
                        "خدمة المستأجرين في مكتب الحي",
                    ),
                    "phone": "03621 000 810",
                    "email": "mieterservice@wohnen-gotha-west.example.org",
                    "address": at(AM_WESTPARK_10),
                    "hours": T(
                        "Mittwoch 10 bis 12 Uhr, Donnerstag 14 bis 17 Uhr",
                        "Wednesday 10 am to 12 noon, Thursday 2 pm to 5 pm",
                        "середа 10:00–12:00, четвер 14:00–17:00",
                        "الأربعاء من 10 حتى 12 ظهراً، والخميس من 2 حتى 5 عصراً",
                    ),
                },
            ),
            (
                "offers",
                {
                    "heading": OFFERS_IN_GOTHA_WEST,
                    "offers": ["mietersprechstunde", "schuldnerberatung"],
                },
            ),
        ],
    },
    {
        "title": T(
            "Kita und Kinderbetreuung",
            "Nursery and childcare",
            "Дитячий садок і догляд за дітьми",
            "روضة الأطفال ورعاية الأطفال",
        ),
        "slug": slug("kita", "childcare"),
        "topic": "kinder",
        "summary": T(
            "Während Sie arbeiten oder lernen, ist Ihr Kind gut betreut. So finden Sie einen "
            "Platz.",
            "While you work or study, your child is well looked after. This is how you find a "
            "place.",
            "Поки ви працюєте чи навчаєтеся, про вашу дитину добре піклуються. Ось як знайти "
            "місце.",
            "بينما تعمل أو تتعلّم، يكون طفلك في رعاية جيدة. هكذا تجد مكاناً.",
        ),
        "body": [
            (
                "text",
                rich(
                    T(
                        "In der Kita spielen und lernen Kinder mit anderen Kindern. Dort lernen "
                        "sie auch schnell Deutsch.",
                        "At nursery, children play and learn with other children. They also "
                        "learn German quickly there.",
                        "У дитячому садку діти граються й навчаються разом з іншими дітьми. Там "
                        "вони також швидко вивчають німецьку.",
                        "في الروضة يلعب الأطفال ويتعلّمون مع أطفال آخرين، ويتعلّمون هناك "
                        "الألمانية بسرعة أيضاً.",
                    ),
                ),
            ),
            (
                "steps",
                {
                    "heading": WHAT_TO_DO,
                    "steps": [
                        {
                            "title": T(
                                "Kitas ansehen",
                                "Visit nurseries",
                                "Подивіться дитячі садки",
                                "زُر رياض الأطفال",
                            ),
                            "text": rich(
                                T(
                                    "Die Kita-Servicestelle gibt Ihnen eine Liste mit Kitas "
                                    "und Tagesmüttern in Ihrer Nähe.",
                                    "The childcare service office gives you a list of "
                                    "nurseries and childminders near you.",
                                    "Служба дитячих садків дасть вам список садків і денних "
                                    "нянь поблизу.",
                                    "يعطيك مكتب خدمات رياض الأطفال قائمة بالروضات ومربيات "
                                    "الأطفال النهاريات القريبة منك.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Kind anmelden",
                                "Register your child",
                                "Зареєструйте дитину",
                                "سجّل طفلك",
                            ),
                            "text": rich(
                                T(
                                    "Melden Sie Ihr Kind direkt in der Kita an. Sie können es "
                                    "in mehreren Kitas anmelden.",
                                    "Register your child directly at the nursery. You can "
                                    "register at several nurseries.",
                                    "Реєструйте дитину безпосередньо в дитячому садку. Можна "
                                    "зареєструвати її в кількох садках.",
                                    "سجّل طفلك مباشرة في الروضة. ويمكنك تسجيله في أكثر من روضة.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Eingewöhnung planen",
                                "Plan the settling-in period",
                                "Сплануйте період адаптації",
                                "خطّط لفترة التأقلم",
                            ),
                            "text": rich(
                                T(
                                    "In den ersten Wochen bleiben Sie einige Stunden mit Ihrem "
                                    "Kind in der Kita. Planen Sie dafür Zeit ein.",
                                    "In the first weeks you stay at the nursery with your "
                                    "child for a few hours. Plan time for this.",
                                    "Перші тижні ви проводите з дитиною в садку по кілька "
                                    "годин. Заплануйте на це час.",
                                    "في الأسابيع الأولى تبقى مع طفلك بضع ساعات في الروضة، فخصّص "
                                    "لذلك وقتاً.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "documents",
                {
                    "heading": PLEASE_BRING,
                    "documents": [
                        ID_DOCUMENT,
                        T(
                            "Die Geburtsurkunde Ihres Kindes",
                            "Your child’s birth certificate",
                            "Свідоцтво про народження дитини",
                            "شهادة ميلاد طفلك",
                        ),
                        T(
                            "Impfausweis oder Nachweis über die Masernimpfung",
                            "Vaccination record or proof of measles vaccination",
                            "Щеплювальний паспорт або підтвердження щеплення від кору",
                            "دفتر التطعيم أو إثبات التطعيم ضد الحصبة",
                        ),
                    ],
                    "note": T(
                        "Ohne Masernimpfung kann Ihr Kind nicht in die Kita gehen.",
                        "Without a measles vaccination your child cannot go to nursery.",
                        "Без щеплення від кору дитина не може відвідувати садок.",
                        "لا يمكن لطفلك الذهاب إلى الروضة دون التطعيم ضد الحصبة.",
                    ),
                },
            ),
            (
                "faq",
                {
                    "heading": QUESTIONS,
                    "questions": [
                        {
                            "question": T(
                                "Was kostet die Kita?",
                                "How much does nursery cost?",
                                "Скільки коштує дитячий садок?",
                                "كم تكلّف الروضة؟",
                            ),
                            "answer": rich(
                                T(
                                    "Das hängt von Ihrem Einkommen ab. Wenn Sie Bürgergeld "
                                    "oder Wohngeld bekommen, zahlen Sie meist keinen Beitrag.",
                                    "That depends on your income. If you receive Bürgergeld "
                                    "or housing benefit (Wohngeld), you usually pay no fee.",
                                    "Це залежить від вашого доходу. Якщо ви отримуєте "
                                    "Bürgergeld або житлову допомогу (Wohngeld), зазвичай "
                                    "платити не потрібно.",
                                    "يعتمد ذلك على دخلك. إذا كنت تحصل على إعانة المواطن "
                                    "(Bürgergeld) أو إعانة السكن (Wohngeld)، فعادة لا تدفع "
                                    "رسوماً.",
                                )
                            ),
                        },
                        {
                            "question": T(
                                "Wie lange muss ich auf einen Platz warten?",
                                "How long do I have to wait for a place?",
                                "Скільки треба чекати на місце?",
                                "كم يجب أن أنتظر للحصول على مكان؟",
                            ),
                            "answer": rich(
                                T(
                                    "Das ist unterschiedlich. Melden Sie Ihr Kind früh an. "
                                    "Wenn Sie keinen Platz finden, hilft die "
                                    "Kita-Servicestelle.",
                                    "It varies. Register your child early. If you cannot find "
                                    "a place, the childcare service office will help.",
                                    "По-різному. Реєструйте дитину завчасно. Якщо не знайдете "
                                    "місця, допоможе служба дитячих садків.",
                                    "يختلف ذلك. سجّل طفلك مبكراً، وإذا لم تجد مكاناً فسيساعدك "
                                    "مكتب خدمات رياض الأطفال.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "partner": "kita",
                    "name": T(
                        "Kita-Servicestelle",
                        "Childcare service office (Kita-Servicestelle)",
                        "Служба дитячих садків (Kita-Servicestelle)",
                        "مكتب خدمات رياض الأطفال (Kita-Servicestelle)",
                    ),
                    "phone": "03621 000 910",
                    "email": "kita-service@gotha.example.org",
                    "address": at(BRUEHLER_WEG_31),
                    "hours": T(
                        "Montag 9 bis 12 Uhr, Donnerstag 14 bis 18 Uhr",
                        "Monday 9 am to 12 noon, Thursday 2 pm to 6 pm",
                        "понеділок 9:00–12:00, четвер 14:00–18:00",
                        "الاثنين من 9 حتى 12 ظهراً، والخميس من 2 حتى 6 مساءً",
                    ),
                },
            ),
            ("offers", {"heading": OFFERS_IN_GOTHA_WEST, "offers": ["kita", "sprachcafe"]}),
        ],
    },
    {
        "title": T(
            "Neu in Gotha: Beratung und Hilfe",
            "New in Gotha: advice and help",
            "Ви нещодавно в Готі: консультації та допомога",
            "جديد في غوتا: الاستشارة والمساعدة",
        ),
        "slug": slug("beratung", "counselling"),
        "topic": "beratung",
        "summary": T(
            "Ein Brief vom Amt, den Sie nicht verstehen? Fragen zum Aufenthalt oder zur "
            "Familie? Diese Stellen beraten Sie kostenlos.",
            "A letter from an authority that you do not understand? Questions about your "
            "residence or your family? These services advise you free of charge.",
            "Отримали лист від установи й не розумієте його? Маєте запитання про перебування "
            "чи сім’ю? Ці служби консультують безкоштовно.",
            "وصلتك رسالة من دائرة رسمية لا تفهمها؟ لديك أسئلة عن الإقامة أو العائلة؟ هذه "
            "الجهات تقدّم لك الاستشارة مجاناً.",
        ),
        "body": [
            (
                "text",
                rich(
                    Heading(
                        T(
                            "Wer hilft wem?",
                            "Who helps whom?",
                            "Хто кому допомагає?",
                            "من يساعد من؟",
                        )
                    ),
                    bullets(
                        T(
                            "<b>Migrationsberatung (MBE):</b> für Erwachsene ab 27 Jahren",
                            "<b>Migration counselling (MBE):</b> for adults aged 27 and over",
                            "<b>Міграційна консультація (MBE):</b> для дорослих від 27 років",
                            "<b>استشارة الهجرة (MBE):</b> للبالغين من عمر 27 عاماً فما فوق",
                        ),
                        T(
                            "<b>Jugendmigrationsdienst (JMD):</b> für junge Menschen von 12 "
                            "bis 27 Jahren",
                            "<b>Youth migration service (JMD):</b> for young people aged 12 to 27",
                            "<b>Молодіжна міграційна служба (JMD):</b> для молоді від 12 до 27 "
                            "років",
                            "<b>خدمة هجرة الشباب (JMD):</b> للشباب من عمر 12 إلى 27 عاماً",
                        ),
                        T(
                            "<b>Anlaufstelle Gotha-West:</b> für alle anderen Fragen",
                            "<b>Anlaufstelle Gotha-West:</b> for all other questions",
                            "<b>Anlaufstelle Gotha-West:</b> з усіма іншими питаннями",
                            "<b>مركز الاستشارة Anlaufstelle Gotha-West:</b> لكل الأسئلة الأخرى",
                        ),
                    ),
                ),
            ),
            (
                "steps",
                {
                    "heading": WHAT_TO_DO,
                    "steps": [
                        {
                            "title": T(
                                "Einen Termin machen oder vorbeikommen",
                                "Make an appointment or just drop in",
                                "Запишіться або просто приходьте",
                                "احجز موعداً أو تعال مباشرة",
                            ),
                            "text": rich(
                                T(
                                    "In der offenen Sprechstunde brauchen Sie keinen Termin.",
                                    "You do not need an appointment for the open consultation "
                                    "hour.",
                                    "На відкриті години прийому запис не потрібен.",
                                    "لا تحتاج إلى موعد في ساعة الاستشارة المفتوحة.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Briefe mitbringen",
                                "Bring your letters",
                                "Візьміть із собою листи",
                                "أحضر رسائلك",
                            ),
                            "text": rich(
                                T(
                                    "Bringen Sie alle Briefe mit, um die es geht. Wir lesen "
                                    "sie gemeinsam.",
                                    "Bring all the letters your question is about. We read "
                                    "them together.",
                                    "Візьміть усі листи, яких стосується ваше питання. Ми "
                                    "прочитаємо їх разом.",
                                    "أحضر كل الرسائل المتعلقة بسؤالك، وسنقرؤها معاً.",
                                )
                            ),
                        },
                        {
                            "title": T(
                                "Die nächsten Schritte vereinbaren",
                                "Agree on the next steps",
                                "Домовтеся про наступні кроки",
                                "اتفقوا على الخطوات التالية",
                            ),
                            "text": rich(
                                T(
                                    "Am Ende wissen Sie, was Sie tun müssen und bis wann.",
                                    "At the end you know what you have to do and by when.",
                                    "Наприкінці ви знатимете, що потрібно зробити і до якого "
                                    "терміну.",
                                    "في النهاية تعرف ما عليك فعله وحتى متى.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "documents",
                {
                    "heading": PLEASE_BRING,
                    "documents": [
                        ID_DOCUMENT,
                        T(
                            "Die Briefe, um die es geht",
                            "The letters your question is about",
                            "Листи, яких стосується ваше питання",
                            "الرسائل المتعلقة بسؤالك",
                        ),
                    ],
                    "note": T(
                        "Wenn Sie eine Frist haben, kommen Sie bitte schnell.",
                        "If you have a deadline, please come quickly.",
                        "Якщо у вас є кінцевий термін, приходьте якнайшвидше.",
                        "إذا كان لديك موعد نهائي فتعال بسرعة من فضلك.",
                    ),
                },
            ),
            (
                "faq",
                {
                    "heading": QUESTIONS,
                    "questions": [
                        {
                            "question": T(
                                "Brauche ich eine Dolmetscherin oder einen Dolmetscher?",
                                "Do I need an interpreter?",
                                "Чи потрібен мені перекладач?",
                                "هل أحتاج إلى مترجم؟",
                            ),
                            "answer": rich(
                                T(
                                    "Viele Beraterinnen und Berater sprechen mehrere Sprachen. "
                                    "Bei jedem Angebot steht, welche. Wenn nötig, holen wir "
                                    "eine Dolmetscherin oder einen Dolmetscher dazu.",
                                    "Many counsellors speak several languages; each service "
                                    "lists which. If needed, we bring in an interpreter.",
                                    "Багато консультантів володіють кількома мовами. Біля "
                                    "кожної послуги зазначено, якими саме. За потреби ми "
                                    "залучаємо перекладача.",
                                    "كثير من المستشارين يتحدّثون عدة لغات، ومذكور عند كل خدمة "
                                    "أيّ لغات. وعند الحاجة نستعين بمترجم.",
                                )
                            ),
                        },
                        {
                            "question": T(
                                "Erfährt die Ausländerbehörde, was ich erzähle?",
                                "Will the immigration office find out what I tell you?",
                                "Чи дізнається відомство у справах іноземців, що я розповідаю?",
                                "هل تعرف دائرة الأجانب ما أقوله؟",
                            ),
                            "answer": rich(
                                T(
                                    "Nein. Die Beratung ist vertraulich. Wir geben nichts "
                                    "ohne Ihre Zustimmung weiter.",
                                    "No. Counselling is confidential. We pass nothing on "
                                    "without your consent.",
                                    "Ні. Консультація конфіденційна. Без вашої згоди ми "
                                    "нічого нікому не передаємо.",
                                    "لا. الاستشارة سرّية، ولا ننقل أي شيء دون موافقتك.",
                                )
                            ),
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "partner": "migration",
                    "name": T(
                        "Migrationsberatung",
                        "Migration counselling",
                        "Міграційна консультація",
                        "استشارة الهجرة",
                    ),
                    "phone": "03621 000 510",
                    "email": "mbe@migrationsdienste-gotha.example.org",
                    "address": at(MUEHLGRABENWEG_9),
                    "hours": T(
                        "Dienstag 9 bis 12 Uhr ohne Termin, Donnerstag 13 bis 16 Uhr mit Termin",
                        "Tuesday 9 am to 12 noon without an appointment, Thursday 1 pm to "
                        "4 pm by appointment",
                        "вівторок 9:00–12:00 без запису, четвер 13:00–16:00 за записом",
                        "الثلاثاء من 9 حتى 12 ظهراً دون موعد، والخميس من 1 حتى 4 عصراً بموعد",
                    ),
                },
            ),
            ("offers", {"heading": OFFERS_IN_GOTHA_WEST, "offers": ["mbe", "jmd", "pc"]}),
        ],
    },
]
