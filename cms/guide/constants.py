"""Fixed vocabularies of the guide, each with its CHOICES for forms and models."""

from django.utils.translation import gettext_lazy as _

WEEKDAY_CHOICES = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]

COST_FREE, COST_REDUCED, COST_PAID = "free", "reduced", "paid"
COST_CHOICES = [
    (COST_FREE, _("Free of charge")),
    (COST_REDUCED, _("Reduced price possible")),
    (COST_PAID, _("Costs money")),
]

PARTNER_KIND_CHOICES = [
    ("counselling", _("Counselling office")),
    ("jobcenter", _("Jobcenter")),
    ("employment_agency", _("Employment agency")),
    ("adult_education", _("Adult education centre (Volkshochschule)")),
    ("migration_counselling", _("Migration counselling")),
    ("authority", _("Authority")),
    ("housing", _("Housing company")),
    ("childcare", _("Childcare")),
    ("health", _("Health")),
    ("employer", _("Employer")),
    ("association", _("Association")),
    ("other", _("Other")),
]

TARGET_GROUP_CHOICES = [
    ("everyone", _("Everyone")),
    ("newcomers", _("Newly arrived people")),
    ("refugees", _("Refugees")),
    ("young_people", _("Young people")),
    ("women", _("Women")),
    ("parents", _("Parents")),
    ("long_term_unemployed", _("Long-term unemployed people")),
    ("disabled_people", _("People with disabilities")),
    ("seniors", _("Older people")),
]

# The structured accessibility of an offer: field name and what it means.
ACCESSIBILITY_FEATURES = [
    ("step_free_entrance", _("Step-free entrance")),
    ("lift", _("Lift")),
    ("accessible_toilet", _("Accessible toilet")),
    ("hearing_loop", _("Hearing loop")),
    ("sign_language", _("Sign language")),
    ("easy_language_material", _("Material in easy language")),
]

# Languages staff may speak: ISO 639-1 code and the language's own name.
SPOKEN_LANGUAGE_CHOICES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("tr", "Türkçe"),
    ("ku", "Kurdî"),
    ("ps", "پښتو"),
    ("ti", "ትግርኛ"),
    ("so", "Soomaali"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("sq", "Shqip"),
    ("fr", "Français"),
    ("es", "Español"),
    ("vi", "Tiếng Việt"),
    ("sgn", "Gebärdensprache"),
]
