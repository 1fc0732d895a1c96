"""Demo content, written by hand from the seeds (Dutch, as in the sources).

* ``CSA``: the area programme of gebied W1 Centrum–Spijkerkwartier–Arnhemse Broek, from
  ``seeds/000_44aefa9645ab542d.txt`` (gemeente Arnhem, wijkprogramma CSA, with the bijlage of
  the Perspectiefnota 2018-2021): its five themes, the agendas each serves (with the programme's
  own words), and every intended result, verbatim. The source has themes and results, not goal
  sentences: each theme gets one goal whose "what" we phrased from the theme, and whose "why"
  is the programme's text. Indicators were chosen by us (see each ``rationale``).
* ``SOCIAL_QUALITY``: the city-wide change agenda "Verhoging sociale kwaliteit" with its three
  goals and their realisation ("Is het beoogde resultaat behaald?") from
  ``seeds/003_27254fece19afd96.txt`` (jaarverslag 2015). The yes/partly answers are our reading
  of the realisation text.

Measures: ``baseline_year`` is fixed here; the baseline value is read from the monitor at load
time (the real CBS/Politie figure); ``change`` is the target as a relative change of it.
"""

AGENDAS = [
    ("inclusief-arnhem", "Inclusief Arnhem", "Het bestrijden van uitsluiting en intolerantie."),
    ("doorbraak-naar-werk", "Doorbraak naar werk",
     "Voorkomen van uitkeringsafhankelijkheid; perspectief om voor eigen inkomen te zorgen."),
    ("zorg-dichterbij", "Zorg dichterbij",
     "Minder afhankelijkheid van specialistische ondersteuning door versterking van basisvoorzieningen."),
    ("circulair-arnhem", "Circulair Arnhem", "Een circulaire (wijk)economie."),
    ("vitale-economie", "Vitale economie Arnhem Nijmegen", "Een vitale economie in de regio."),
    ("sociale-kwaliteit", "Verhoging sociale kwaliteit",
     "Gerichte inspanning op welzijn, wijkeconomie, sport, cultuur en sociale veiligheid."),
]

TEAM = "Team leefomgeving CSA"

CSA = {
    "area_code": "W1",
    "title": "Wijkprogramma Centrum, Spijkerkwartier en Arnhemse Broek (CSA)",
    "start_year": 2023, "end_year": 2030,
    "summary": (
        "Thema's, veranderopgaven en beoogde resultaten uit het wijkprogramma CSA van de gemeente Arnhem "
        "(achtergrond: bijlage Perspectiefnota 2018-2021, 'Van Wijken weten'). In deze demo loopt het programma "
        "2023-2030, de looptijd van de Koersnota Van Wijken Weten, zodat het met de monitorcijfers te volgen is. "
        "Samenhang: Vitale economie Arnhem Nijmegen (wijk Centrum); Circulair Arnhem (wijk Spijkerkwartier); "
        "Doorbraak naar werk en Inclusief Arnhem (alle wijken in CSA)."
    ),
    "source": "Gemeente Arnhem, wijkprogramma CSA (seeds/000_44aefa9645ab542d.txt)",
    "themes": [
        {
            "title": "Integrale leefbaarheidsaanpak",
            "description": (
                "De leefbaarheid en kwaliteit van de leefomgeving staan in een aantal buurten en straten (met name "
                "het Spijkerkwartier en het Arnhemse Broek) onder druk. Verschillende factoren beïnvloeden deze "
                "leefbaarheidsbeleving. Een bepalende factor is de aanwezigheid van verschillende maatschappelijke "
                "opvangvoorzieningen."
            ),
            "agendas": [("inclusief-arnhem", "Het bestrijden van uitsluiting en intolerantie.")],
            "goal": {
                "title": "De leefbaarheid en de beleving van de leefomgeving in Spijkerkwartier en Arnhemse Broek verbeteren",
                "for_whom": "Bewoners en bezoekers van Spijkerkwartier en Arnhemse Broek, en bezoekers van de opvang",
                "owner": TEAM,
                "qualitative": "De belevingskwaliteit staat niet in de monitor; het team leefomgeving beoordeelt die jaarlijks met bewoners en partners.",
                "measures": [
                    {"indicator": "g_ruimte", "area_code": "WK020203", "baseline_year": 2016, "change": 0.0, "target_year": 2030,
                     "rationale": (
                         "Oppervlakte land per inwoner (CBS KWB, fysieke omgeving in de Leefbaarometer): de ruimte die de "
                         "bewoners van het Arnhemse Broek hebben, nu er gebouwd wordt. Doel: niet minder dan in 2016, het "
                         "eerste jaar met dit cijfer; later cijfers voor 2023 en 2024.")},
                    {"indicator": "g_ruimte", "area_code": "WK020202", "baseline_year": 2016, "change": 0.0, "target_year": 2030,
                     "rationale": "Hetzelfde voor het Spijkerkwartier, de dichtst bewoonde wijk van Arnhem."},
                    {"indicator": "g_misd_1000", "area_code": "W1", "baseline_year": 2023, "change": -0.10, "target_year": 2030,
                     "rationale": (
                         "Geregistreerde misdrijven per 1.000 inwoners (Politie via CBS) is het enige veiligheidscijfer per "
                         "wijk in de monitor. De open data hebben alleen 2023: de voortgang wordt berekend zodra de "
                         "politiecijfers van een later jaar zijn ingelezen; doel: 10% lager in 2030.")},
                ],
            },
            "results": [
                "versterken van het formele en informele netwerk;",
                "meer ogen en oren op straat (inclusieve samenleving) en iedereen is welkom;",
                "verhogen van de belevingskwaliteit en balans in dynamiek;",
                "de opvang ontwikkelt zich de komende jaren tot een kortdurende en tijdelijke plek met een maatwerktraject voor iedere bezoeker;",
                "versterken van de samenredzaamheid in de leefomgeving door inzet van een ervaringsdeskundige.",
            ],
            "efforts": {4: [("Inzet van een ervaringsdeskundige in de leefomgeving", "Team leefomgeving CSA",
                             "Maatschappelijke opvang, sociaal wijkteam", "running")]},
        },
        {
            "title": "Preventieve aanpak kwetsbare jongeren en jongvolwassenen",
            "description": (
                "In de wijken van CSA komt het onderwerp kwetsbare jongeren en jongvolwassenen vaak terug. Deze "
                "problematiek is voor het Centrum en het Spijkerkwartier toe te kennen aan het grote aandeel "
                "jongvolwassenen die op zichzelf wonen. In het Arnhemse Broek zijn bijvoorbeeld veel jongeren inwonend "
                "bij ouders en in het Spijkerkwartier en het Centrum wonen veel studenten en jongvolwassenen in "
                "woonvoorzieningen. Kenmerkend voor deze groepen is de schuldenproblematiek en het perspectief op werk "
                "en toekomst."
            ),
            "agendas": [
                ("doorbraak-naar-werk",
                 ("Voorkomen uitkeringsafhankelijkheid; perspectief om voor eigen inkomen te zorgen; passend aanbod op het "
                  "zoveel mogelijk werkfit maken; op wijkniveau algemene voorzieningen richten op preventie van schulden, "
                  "armoede (bij kinderen) en het wegnemen van belemmeringen voor participatie.")),
                ("zorg-dichterbij", "Vermindering van schuldenproblematiek door vroegsignalering en inzet van passende ondersteuning."),
            ],
            "goal": {
                "title": "Kwetsbare jongeren en jongvolwassenen in CSA hebben minder schulden en meer perspectief op werk",
                "for_whom": "Jongeren en jongvolwassenen in CSA, met name wie op zichzelf of in een woonvoorziening woont",
                "owner": "Team leefomgeving CSA met het sociaal wijkteam",
                "qualitative": "Schulden van jongeren staan niet in de monitor; de nadere verkenning van aard en omvang levert die informatie.",
                "measures": [
                    {"indicator": "p_ink_li", "area_code": "WK020202", "baseline_year": 2021, "change": -0.10, "target_year": 2030,
                     "rationale": (
                         "Inwoners met een inkomen in de laagste 40% van Nederland (CBS KWB) als maat voor armoede en "
                         "perspectief op werk. 2021: de buurtcijfers opgeteld tot de wijk; 2022: het wijkcijfer van CBS. "
                         "Bijstand en huishoudens met een laag inkomen staan alleen voor 2021 in de open data en kunnen "
                         "daarom nog geen voortgang tonen.")},
                    {"indicator": "p_ink_li", "area_code": "WK020201", "baseline_year": 2021, "change": -0.10, "target_year": 2030,
                     "rationale": (
                         "Hetzelfde voor het Centrum. Voor het Arnhemse Broek ontbreken in 2021 buurten, zodat er geen "
                         "wijkcijfer 2021 is.")},
                ],
            },
            "results": [
                "vroegtijdige aanpak schuldenproblematiek jongeren;",
                "perspectief op werk;",
                "nadere verkenning van aard en omvang om wijk/buurtspecifieke interventies in te zetten;",
                "interventies richten op positief perspectief op wonen, werken en leven.",
            ],
        },
        {
            "title": "Ontmoeten in de wijk versterken",
            "description": (
                "Behouden en versterken van ontmoetingsplekken die laagdrempelig zijn om de sociale samenhang en "
                "betrokkenheid in en met de wijk te vergroten. Voorop staat dat meer ontmoetingsplekken niet garant "
                "staan voor meer ontmoeting. De huidige plekken in de wijk voor ontmoeting worden ondersteund en blijven "
                "bestaan en worden waar nodig geadopteerd door de wijk."
            ),
            "agendas": [],
            "goal": {
                "title": "Laagdrempelige ontmoetingsplekken in CSA blijven bestaan en worden sterker",
                "for_whom": "Alle bewoners van CSA",
                "owner": TEAM,
                "qualitative": "Geen indicator in de monitor past: het team leefomgeving beoordeelt de voortgang jaarlijks met de wijk.",
                "measures": [],
            },
            "results": [
                "meer buurt community's ontstaan en zijn zichtbaarder in de wijk;",
                "versterken en het verbinden van kwaliteiten en waarden in de wijk;",
                "onzichtbaar wordt zichtbaar (alles wordt zichtbaar alleen verbinding is nodig);",
                "versterken van bestaande wijkinitiatieven;",
                "op basis van behoefte ontwikkelen van ontmoetingsplekken in de wijk;",
                "samen met bewoners de onderlinge zelfredzaamheid vergroten.",
            ],
        },
        {
            "title": "Leefklimaat / duurzaamheid",
            "description": (
                "De circulaire wijkeconomie houdt in dat de sociale en economische waarden in de wijk ten goede komen aan "
                "de wijk in een cyclisch proces en daarmee duurzaam zijn. In de wijk Spijkerkwartier is op dit gebied een "
                "belangrijke ontwikkeling gaande, waarbij zij vooruit lopen op andere wijken in Arnhem. Onder andere het "
                "buurtgroenbedrijf dat naast financiële opbrengsten onderzoekt wat de maatschappelijke waarde is voor een "
                "wijk, door activering van mensen."
            ),
            "agendas": [("circulair-arnhem", "Hierbij wordt aangesloten op de veranderopgave Circulair Arnhem.")],
            "goal": {
                "title": "Een circulaire wijkeconomie en meer groen in de versteende wijken van CSA",
                "for_whom": "Bewoners en ondernemers in CSA, in het bijzonder het Spijkerkwartier",
                "owner": TEAM,
                "qualitative": "Groen en wijkeconomie staan niet in de monitor; het team beoordeelt de voortgang met de initiatiefnemers.",
                "measures": [],
            },
            "results": [
                "wijkeconomie om duurzaamheid en participatie in de wijk te bevorderen.",
                "bevordering groen in versteende wijken om te komen tot gezonde wijken en sociale cohesie;",
                "circulaire wijkeconomie mogelijk maken door flexibele regelgeving en inzet van middelen.",
            ],
            "efforts": {0: [("Buurtgroenbedrijf Spijkerkwartier: maatschappelijke waarde van activering onderzoeken",
                             "Buurtgroenbedrijf", "Team leefomgeving CSA", "running")]},
        },
        {
            "title": "Verschuiving van het specialistische (individuele) naar het collectieve (algemene) domein",
            "description": (
                "Gezamenlijk zijn de teams Leefomgeving en de sociale wijkteams verantwoordelijk voor een zo effectief "
                "mogelijke inzet van de beschikbare instrumenten, waarbij het streven is om verschuivingen te realiseren "
                "van het gespecialiseerde (individuele) naar het collectieve (algemene) domein."
            ),
            "agendas": [("zorg-dichterbij", "Minder afhankelijkheid van specialistische ondersteuning door versterking van basisvoorzieningen.")],
            "goal": {
                "title": "Minder specialistische ondersteuning nodig door sterkere algemene voorzieningen in CSA",
                "for_whom": "Inwoners van CSA met een ondersteuningsvraag",
                "owner": "Team leefomgeving CSA en sociaal wijkteam CSA",
                "qualitative": "Gebruik van Wmo en jeugdhulp per gebied zit nog niet in de demo-monitor; beoordeling door de teams.",
                "measures": [],
            },
            "results": ["de zelfredzame inwoner in de zelfredzame (zelforganiserende) wijk."],
        },
    ],
}

SOCIAL_QUALITY = {
    "area_code": "GM0202",
    "title": "Verhoging sociale kwaliteit door gerichte inspanning op het gebied van welzijn, wijkeconomie, sport, cultuur en sociale veiligheid",
    "start_year": 2015, "end_year": 2016,
    "summary": "Veranderopgave van de gemeente Arnhem met drie doelen en hun realisatie volgens het jaarverslag 2015.",
    "source": "Gemeente Arnhem, jaarverslag 2015 (seeds/003_27254fece19afd96.txt)",
    "themes": [{
        "title": "Sociale kwaliteit in de wijken",
        "description": "Voor deze veranderopgave zijn concrete doelen gesteld.",
        "agendas": [("sociale-kwaliteit", "")],
        "goals": [
            {
                "title": "Bestendiging, waar nodig verbetering van de sociale veiligheid, mede door de stadsbrede inzet van Overleg Zorg- en Overlast (OZO)",
                "for_whom": "Bewoners die overlast ervaren, en bewoners met zorg op adresniveau", "owner": "Gemeente Arnhem",
                "result": "Sociale veiligheid bestendigd of verbeterd; OZO stadsbreed ingezet.",
                "review": ("yes",
                           ("De OZO (Overleg Zorg- en Overlast) is inmiddels goed gepositioneerd binnen de gemeente Arnhem. Alle "
                           "betrokken partijen zijn zeer te spreken over de werkwijze en uitkomsten van de OZO aanpak. Het is een "
                           "zeer goed instrument gebleken tegen overlast op adresniveau.")),
                "measures": [{"indicator": "g_misd_1000", "area_code": "GM0202", "baseline_year": 2023, "change": 0.0,
                              "target_year": 2030,
                              "rationale": "Geregistreerde misdrijven per 1.000 inwoners voor heel Arnhem; 'bestendiging' = niet hoger dan in 2023. Eerste jaar in de monitor is 2023: voortgang onbekend tot er een later jaar is."}],
            },
            {
                "title": "Bewoners werken, waar noodzakelijk en gewenst met ondersteuning door gemeente en professionals, aan de kwalitatieve verbetering van hun woon- en leefomgeving en daarmee aan hun eigen zorg, welzijn en gezondheid",
                "for_whom": "Alle bewoners van Arnhem", "owner": "Gemeente Arnhem",
                "result": "Bewoners werken zelf aan de kwaliteit van hun woon- en leefomgeving.",
                "review": ("partly",
                           ("De motie \"instellen buurtrechten/buurtwet\" is aangenomen. In het nieuwe programma 'Van Wijken "
                           "weten' is de opgave 'versterken participatie en zelforganiserend vermogen van inwoners' opgenomen. "
                           "In 2016 zal een uitvoeringsplan worden opgesteld.")),
                "measures": [{"indicator": "p_leegsw", "area_code": "GM0202", "baseline_year": 2020, "change": 0.0,
                              "target_year": 2026,
                              "rationale": "Leegstand van woningen (CBS KWB) hoort bij de woonkwaliteit in de Leefbaarometer; het enige woon-cijfer met een reeks (2020-2025) in de demo. Doel: niet hoger dan in 2020."}],
            },
            {
                "title": "De infrastructuur van de wijkaanpak benutten zodat de transities goed in de wijken kunnen indalen en de zorg zo dichtbij de burger kan worden georganiseerd",
                "for_whom": "Inwoners met een zorgvraag", "owner": "Gemeente Arnhem",
                "result": "Zorg dicht bij de burger georganiseerd via de wijkaanpak.",
                "review": ("partly",
                           ("Vanuit het programma 'Van Wijken weten' is een doorontwikkeling in gang gezet van de wijkteams "
                           "leefomgeving. Medewerkers worden in de wijk (en dus dicht bij de inwoners) gepositioneerd. Ook de "
                           "transities in het sociale domein worden langs deze lijn neergezet.")),
                "measures": [],
            },
        ],
    }],
}
