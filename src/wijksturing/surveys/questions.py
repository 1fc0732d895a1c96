"""The default question set of a wijkpeiling and the monitor indicators it feeds.

Written for wijksturing in plain Dutch (B1), after the public question definitions that Dutch
municipal surveys share: the report mark for the buurt, the CBS Veiligheidsmonitor items on
feeling unsafe, nuisance and the four-item social cohesion scale ("De mensen kennen elkaar in
deze buurt nauwelijks", …), contact with neighbours, satisfaction with green and facilities, and
willingness to take part. The wording is ours; only the constructs follow those definitions,
so figures are comparable in kind with other surveys, not item for item.

Every indicator has a direction (is more better or worse?) and a measure:
``mean`` (report mark), ``share`` (% giving one of ``share_values``) or ``scale`` (the
cohesion scale: mean agreement of its statements, 1–5 with negative statements reversed,
turned into 0–10 as ``(mean − 1) / 4 × 10``; only respondents who answered every statement).
"""

from __future__ import annotations

from dataclasses import dataclass

AGREE = [[5, "Helemaal mee eens", "Strongly agree"], [4, "Mee eens", "Agree"],
         [3, "Niet eens, niet oneens", "Neither agree nor disagree"], [2, "Niet mee eens", "Disagree"],
         [1, "Helemaal niet mee eens", "Strongly disagree"]]
SATISFIED = [[5, "Zeer tevreden", "Very satisfied"], [4, "Tevreden", "Satisfied"],
             [3, "Niet tevreden, niet ontevreden", "Neither satisfied nor dissatisfied"],
             [2, "Ontevreden", "Dissatisfied"], [1, "Zeer ontevreden", "Very dissatisfied"]]
COHESION_NL = "Wat vindt u van de mensen in uw buurt? Geef aan hoe eens u het bent met deze zinnen."
COHESION_EN = "What do you think of the people in your neighbourhood? Say how much you agree."


@dataclass(frozen=True)
class SurveyIndicator:
    code: str
    name_nl: str
    name_en: str
    direction: str
    unit: str
    decimals: int
    dimension: str
    definition: str


INDICATORS = [
    SurveyIndicator("wp_rapportcijfer", "Rapportcijfer voor de buurt (peiling)", "Report mark for the neighbourhood (survey)",
                    "higher_better", "cijfer", 1, "oordeel",
                    "Gewogen gemiddeld rapportcijfer (1-10) dat bewoners hun buurt geven, met 95%-foutmarge."),
    SurveyIndicator("wp_onveilig_pct", "Voelt zich weleens onveilig in de buurt (peiling)",
                    "Sometimes feels unsafe in the neighbourhood (survey)", "higher_worse", "%", 0, "veiligheid",
                    "Gewogen percentage bewoners dat zich vaak of soms onveilig voelt in de eigen buurt."),
    SurveyIndicator("wp_overlast_pct", "Ervaart veel overlast in de buurt (peiling)",
                    "Experiences a lot of nuisance in the neighbourhood (survey)", "higher_worse", "%", 0, "veiligheid",
                    "Gewogen percentage bewoners dat het afgelopen jaar veel overlast had in de buurt."),
    SurveyIndicator("wp_sociale_cohesie", "Sociale samenhang (schaal 0-10, peiling)", "Social cohesion (scale 0-10, survey)",
                    "higher_better", "schaal 0-10", 1, "samenhang",
                    "Gemiddelde instemming met vier uitspraken over de mensen in de buurt (een negatief "
                    "geformuleerde omgedraaid), omgerekend naar 0-10; alleen wie alle vier beantwoordde."),
    SurveyIndicator("wp_contact_buren_pct", "Heeft minstens elke week contact met buren (peiling)",
                    "Has contact with neighbours at least weekly (survey)", "higher_better", "%", 0, "samenhang",
                    "Gewogen percentage bewoners dat minstens één keer per week contact heeft met buren."),
    SurveyIndicator("wp_meedoen_pct", "Wil meedoen om de buurt te verbeteren (peiling)",
                    "Willing to take part in improving the neighbourhood (survey)", "higher_better", "%", 0, "samenhang",
                    "Gewogen percentage bewoners dat ja zegt op de vraag of zij willen meedoen aan activiteiten voor de buurt."),
    SurveyIndicator("wp_tevreden_groen_pct", "Tevreden over het groen in de buurt (peiling)",
                    "Satisfied with green space in the neighbourhood (survey)", "higher_better", "%", 0, "voorzieningen",
                    "Gewogen percentage bewoners dat (zeer) tevreden is over parken, plantsoenen en bomen in de buurt."),
    SurveyIndicator("wp_tevreden_voorz_pct", "Tevreden over de voorzieningen in de buurt (peiling)",
                    "Satisfied with facilities in the neighbourhood (survey)", "higher_better", "%", 0, "voorzieningen",
                    "Gewogen percentage bewoners dat (zeer) tevreden is over winkels, buurthuis, sport en "
                    "andere voorzieningen in de buurt."),
]
INDICATOR_BY_CODE = {i.code: i for i in INDICATORS}

DIMENSIONS = {  # of the subjective index: code -> (Dutch, English)
    "oordeel": ("Oordeel over de buurt", "Judgement of the neighbourhood"),
    "veiligheid": ("Veiligheid en overlast", "Safety and nuisance"),
    "samenhang": ("Samen in de buurt", "Together in the neighbourhood"),
    "voorzieningen": ("Groen en voorzieningen", "Green space and facilities"),
}

# code, kind, Dutch, English, options, indicator, measure, share values, reverse, group
DEFAULT_QUESTIONS: list[dict] = [
    dict(code="rapportcijfer", kind="mark",
         text_nl="Welk rapportcijfer geeft u uw buurt? (1 is heel slecht, 10 is uitstekend)",
         text_en="What mark do you give your neighbourhood? (1 is very bad, 10 is excellent)",
         indicator_code="wp_rapportcijfer", measure="mean"),
    dict(code="onveilig", kind="choice",
         text_nl="Voelt u zich weleens onveilig in uw buurt?",
         text_en="Do you ever feel unsafe in your neighbourhood?",
         options=[[1, "Vaak", "Often"], [2, "Soms", "Sometimes"], [3, "(Bijna) nooit", "(Almost) never"]],
         indicator_code="wp_onveilig_pct", measure="share", share_values=[1, 2]),
    dict(code="overlast", kind="choice",
         text_nl="Had u het afgelopen jaar overlast in uw buurt? "
                 "Bijvoorbeeld van lawaai, afval, verkeer of mensen op straat.",
         text_en="Did you have nuisance in your neighbourhood in the past year? "
                 "For example noise, litter, traffic or people in the street.",
         options=[[1, "Veel overlast", "A lot of nuisance"], [2, "Een beetje overlast", "A little nuisance"],
                  [3, "Geen overlast", "No nuisance"]],
         indicator_code="wp_overlast_pct", measure="share", share_values=[1]),
    dict(code="cohesie_kennen", kind="choice", group_nl=COHESION_NL, group_en=COHESION_EN,
         text_nl="De mensen kennen elkaar in deze buurt nauwelijks.",
         text_en="People in this neighbourhood hardly know each other.",
         options=AGREE, indicator_code="wp_sociale_cohesie", measure="scale", reverse=True),
    dict(code="cohesie_omgang", kind="choice", group_nl=COHESION_NL, group_en=COHESION_EN,
         text_nl="De mensen gaan in deze buurt prettig met elkaar om.",
         text_en="People in this neighbourhood get on well with each other.",
         options=AGREE, indicator_code="wp_sociale_cohesie", measure="scale"),
    dict(code="cohesie_gezellig", kind="choice", group_nl=COHESION_NL, group_en=COHESION_EN,
         text_nl="Ik woon in een gezellige buurt. Mensen helpen elkaar en doen dingen samen.",
         text_en="I live in a friendly neighbourhood. People help each other and do things together.",
         options=AGREE, indicator_code="wp_sociale_cohesie", measure="scale"),
    dict(code="cohesie_thuis", kind="choice", group_nl=COHESION_NL, group_en=COHESION_EN,
         text_nl="Ik voel me thuis bij de mensen in deze buurt.",
         text_en="I feel at home with the people in this neighbourhood.",
         options=AGREE, indicator_code="wp_sociale_cohesie", measure="scale"),
    dict(code="contact_buren", kind="choice",
         text_nl="Hoe vaak heeft u contact met uw buren? Bijvoorbeeld een praatje of elkaar helpen.",
         text_en="How often are you in touch with your neighbours? For example a chat or helping each other.",
         options=[[1, "(Bijna) elke dag", "(Almost) every day"], [2, "Elke week", "Every week"],
                  [3, "Elke maand", "Every month"], [4, "Minder dan één keer per maand", "Less than once a month"],
                  [5, "Nooit", "Never"]],
         indicator_code="wp_contact_buren_pct", measure="share", share_values=[1, 2]),
    dict(code="tevreden_groen", kind="choice",
         text_nl="Hoe tevreden bent u over het groen in uw buurt? Denk aan parken, plantsoenen en bomen.",
         text_en="How satisfied are you with the green space in your neighbourhood? Think of parks, lawns and trees.",
         options=SATISFIED, indicator_code="wp_tevreden_groen_pct", measure="share", share_values=[4, 5]),
    dict(code="tevreden_voorzieningen", kind="choice",
         text_nl="Hoe tevreden bent u over de voorzieningen in uw buurt? Denk aan winkels, een buurthuis en sport.",
         text_en="How satisfied are you with the facilities in your neighbourhood? Think of shops, a community centre and sport.",
         options=SATISFIED, indicator_code="wp_tevreden_voorz_pct", measure="share", share_values=[4, 5]),
    dict(code="meedoen", kind="choice",
         text_nl="Wilt u meedoen aan activiteiten om uw buurt beter te maken?",
         text_en="Would you like to take part in activities to make your neighbourhood better?",
         options=[[1, "Ja", "Yes"], [2, "Misschien", "Maybe"], [3, "Nee", "No"]],
         indicator_code="wp_meedoen_pct", measure="share", share_values=[1]),
]

# Background questions for weighting: the categories match the CBS age groups and sex in the
# monitor (15–24 stands for the surveyed 16–24; 0–14 are not surveyed).
AGE_GROUPS = [("16-24", "a_15_24", "16 tot 25 jaar", "16 to 24 years"),
              ("25-44", "a_25_44", "25 tot 45 jaar", "25 to 44 years"),
              ("45-64", "a_45_64", "45 tot 65 jaar", "45 to 64 years"),
              ("65+", "a_65_oo", "65 jaar of ouder", "65 years or older")]
SEXES = [("man", "a_man", "Man", "Man"), ("vrouw", "a_vrouw", "Vrouw", "Woman")]
SEX_OTHER = ("anders", "Anders", "Other")
