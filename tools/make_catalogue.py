"""One-off generator of monitor/catalogue/indicators.yaml from CBS's metadata of table
85984NED (KWB 2024). Kept for provenance; the YAML is the source of truth and is edited
by hand since. Usage: python tools/make_catalogue.py ../shared/data/cbs/cbs_85984NED_kolommen.csv
"""
import csv
import re
import sys

import yaml

C, S, R, W, N = "context", "sum", "ratio", "weighted_mean", "none"
# odata key -> code, English name, theme, aggregation, denominator/weight, scale, direction, context
SPEC = {
    "AantalInwoners_5": ("a_inw", "Inhabitants", "bevolking", S, None, 1, 0, True),
    "Mannen_6": ("a_man", "Men", "bevolking", S, None, 1, 0, True),
    "Vrouwen_7": ("a_vrouw", "Women", "bevolking", S, None, 1, 0, True),
    "k_0Tot15Jaar_8": ("a_00_14", "Aged 0 to 15", "bevolking", S, None, 1, 0, True),
    "k_15Tot25Jaar_9": ("a_15_24", "Aged 15 to 25", "bevolking", S, None, 1, 0, True),
    "k_25Tot45Jaar_10": ("a_25_44", "Aged 25 to 45", "bevolking", S, None, 1, 0, True),
    "k_45Tot65Jaar_11": ("a_45_64", "Aged 45 to 65", "bevolking", S, None, 1, 0, True),
    "k_65JaarOfOuder_12": ("a_65_oo", "Aged 65 or older", "bevolking", S, None, 1, 0, True),
    "Ongehuwd_13": ("a_ongeh", "Unmarried", "bevolking", S, None, 1, 0, True),
    "Gehuwd_14": ("a_gehuwd", "Married", "bevolking", S, None, 1, 0, True),
    "Gescheiden_15": ("a_gesch", "Divorced", "bevolking", S, None, 1, 0, True),
    "Verweduwd_16": ("a_verwed", "Widowed", "bevolking", S, None, 1, 0, True),
    "Nederland_17": ("a_herk_nl", "Origin: the Netherlands", "bevolking", S, None, 1, 0, True),
    "EuropaExclusiefNederland_18": ("a_herk_eu", "Origin: Europe (excl. the Netherlands)", "bevolking", S, None, 1, 0, True),
    "BuitenEuropa_19": ("a_herk_bu", "Origin: outside Europe", "bevolking", S, None, 1, 0, True),
    "Nederland_20": ("a_gnl_nl", "Born in NL, origin NL", "bevolking", S, None, 1, 0, True),
    "EuropaExclusiefNederland_21": ("a_gnl_eu", "Born in NL, origin Europe", "bevolking", S, None, 1, 0, True),
    "BuitenEuropa_22": ("a_gnl_bu", "Born in NL, origin outside Europe", "bevolking", S, None, 1, 0, True),
    "EuropaExclusiefNederland_23": ("a_gbl_eu", "Born abroad, in Europe", "bevolking", S, None, 1, 0, True),
    "BuitenEuropa_24": ("a_gbl_bu", "Born abroad, outside Europe", "bevolking", S, None, 1, 0, True),
    "GeboorteTotaal_25": ("a_geb", "Births", "bevolking", S, None, 1, 0, True),
    "GeboorteRelatief_26": ("p_geb", "Births per 1,000 inhabitants", "bevolking", R, "a_inw", 1000, 0, True),
    "SterfteTotaal_27": ("a_ste", "Deaths", "bevolking", S, None, 1, 0, True),
    "SterfteRelatief_28": ("p_ste", "Deaths per 1,000 inhabitants", "bevolking", R, "a_inw", 1000, 0, True),
    "HuishoudensTotaal_29": ("a_hh", "Households", "bevolking", S, None, 1, 0, True),
    "Eenpersoonshuishoudens_30": ("a_1p_hh", "Single-person households", "bevolking", S, None, 1, 0, True),
    "HuishoudensZonderKinderen_31": ("a_hh_z_k", "Households without children", "bevolking", S, None, 1, 0, True),
    "HuishoudensMetKinderen_32": ("a_hh_m_k", "Households with children", "bevolking", S, None, 1, 0, True),
    "GemiddeldeHuishoudensgrootte_33": ("g_hhgro", "Average household size", "bevolking", W, "a_hh", 1, 0, True),
    "Bevolkingsdichtheid_34": ("bev_dich", "Population density", "fysiek", R, "a_lan_ha", 100, 0, False),
    "Woningvoorraad_35": ("a_woning", "Dwellings", "wonen", S, None, 1, 0, False),
    "NieuwbouwWoningen_36": ("a_nieuw", "New dwellings", "wonen", S, None, 1, 0, False),
    "NietWoningvoorraad_37": ("a_nwoning", "Non-residential buildings", "wonen", S, None, 1, 0, False),
    "NieuwbouwNietWoningen_38": ("a_nieuw_nw", "New non-residential buildings", "wonen", S, None, 1, 0, False),
    "GemiddeldeWOZWaardeVanWoningen_39": ("g_woz", "Average WOZ value of dwellings", "wonen", W, "a_woning", 1, 1, False),
    "PercentageEengezinswoning_40": ("p_1gezw", "Single-family dwellings", "wonen", R, "a_woning", 100, 0, False),
    "PercentageTussenwoningEengezins_41": ("p_1gz_tw", "Terraced houses", "wonen", R, "a_woning", 100, 0, False),
    "PercentageHoekwoningEengezins_42": ("p_1gz_hw", "End-of-terrace houses", "wonen", R, "a_woning", 100, 0, False),
    "PercentageTweeOnderEenKapWoningEe_43": ("p_1gz_2k", "Semi-detached houses", "wonen", R, "a_woning", 100, 0, False),
    "PercentageVrijstaandeWoningEengezins_44": ("p_1gz_vw", "Detached houses", "wonen", R, "a_woning", 100, 0, False),
    "PercentageMeergezinswoning_45": ("p_mgezw", "Multi-family dwellings", "wonen", R, "a_woning", 100, 0, False),
    "OnbewoondeWoningen_46": ("p_leegsw", "Unoccupied dwellings", "wonen", R, "a_woning", 100, -1, False),
    "Koopwoningen_47": ("p_koopw", "Owner-occupied dwellings", "wonen", R, "a_woning", 100, 0, False),
    "HuurwoningenTotaal_48": ("p_huurw", "Rented dwellings", "wonen", R, "a_woning", 100, 0, False),
    "InBezitWoningcorporatie_49": ("p_wcorpw", "Owned by housing corporations", "wonen", R, "a_woning", 100, 0, False),
    "InBezitOverigeVerhuurders_50": ("p_ov_hw", "Owned by other landlords", "wonen", R, "a_woning", 100, 0, False),
    "BouwjaarMeerDanTienJaarGeleden_51": ("p_bjj_o10", "Built more than ten years ago", "wonen", R, "a_woning", 100, 0, False),
    "BouwjaarAfgelopenTienJaar_52": ("p_bjj_n10", "Built in the last ten years", "wonen", R, "a_woning", 100, 0, False),
    "GemiddeldeElektriciteitsleveringTotaal_53": ("g_ele", "Average electricity use", "energie", W, "a_woning", 1, -1, False),
    "Appartement_54": ("g_ele_app", "Electricity use, flats", "energie", N, None, 1, 0, False),
    "Tussenwoning_55": ("g_ele_tw", "Electricity use, terraced houses", "energie", N, None, 1, 0, False),
    "Hoekwoning_56": ("g_ele_hw", "Electricity use, end-of-terrace", "energie", N, None, 1, 0, False),
    "TweeOnderEenKapWoning_57": ("g_ele_2k", "Electricity use, semi-detached", "energie", N, None, 1, 0, False),
    "VrijstaandeWoning_58": ("g_ele_vw", "Electricity use, detached", "energie", N, None, 1, 0, False),
    "Huurwoning_59": ("g_ele_hu", "Electricity use, rented dwellings", "energie", N, None, 1, 0, False),
    "EigenWoning_60": ("g_ele_ko", "Electricity use, owner-occupied", "energie", N, None, 1, 0, False),
    "GemiddeldAardgasverbruikTotaal_61": ("g_gas", "Average natural gas use", "energie", W, "a_woning", 1, -1, False),
    "Appartement_62": ("g_gas_app", "Gas use, flats", "energie", N, None, 1, 0, False),
    "Tussenwoning_63": ("g_gas_tw", "Gas use, terraced houses", "energie", N, None, 1, 0, False),
    "Hoekwoning_64": ("g_gas_hw", "Gas use, end-of-terrace", "energie", N, None, 1, 0, False),
    "TweeOnderEenKapWoning_65": ("g_gas_2k", "Gas use, semi-detached", "energie", N, None, 1, 0, False),
    "VrijstaandeWoning_66": ("g_gas_vw", "Gas use, detached", "energie", N, None, 1, 0, False),
    "Huurwoning_67": ("g_gas_hu", "Gas use, rented dwellings", "energie", N, None, 1, 0, False),
    "EigenWoning_68": ("g_gas_ko", "Gas use, owner-occupied", "energie", N, None, 1, 0, False),
    "PercentageWoningenMetStadsverwarming_69": ("p_stadsv", "Dwellings with district heating", "energie", R, "a_woning", 100, 0, False),
    "LeerlingenPo_70": ("a_lpo", "Primary school pupils", "onderwijs", S, None, 1, 0, False),
    "LeerlingenVoInclVavo_71": ("a_lvo", "Secondary school pupils", "onderwijs", S, None, 1, 0, False),
    "StudentenMboExclExtranei_72": ("a_mbo", "MBO students", "onderwijs", S, None, 1, 0, False),
    "StudentenHbo_73": ("a_hbo", "HBO students", "onderwijs", S, None, 1, 0, False),
    "StudentenWo_74": ("a_wo", "University students", "onderwijs", S, None, 1, 0, False),
    "BasisonderwijsVmboMbo1_75": ("a_opl_lg", "Education level low", "onderwijs", S, None, 1, 0, True),
    "HavoVwoMbo24_76": ("a_opl_md", "Education level middle", "onderwijs", S, None, 1, 0, True),
    "HboWo_77": ("a_opl_hg", "Education level high", "onderwijs", S, None, 1, 0, True),
    "Nettoarbeidsparticipatie_78": ("p_arb_pp", "Net labour participation", "arbeid", N, None, 1, 1, False),
    "PercentageWerknemers_79": ("p_arb_wn", "Employees", "arbeid", N, None, 1, 0, False),
    "PercentageZelfstandigen_80": ("p_arb_zs", "Self-employed", "arbeid", N, None, 1, 0, False),
    "AantalInkomensontvangers_81": ("a_inkont", "Income recipients", "inkomen", S, None, 1, 0, False),
    "GemiddeldInkomenPerInkomensontvanger_82": ("g_ink_po", "Average income per recipient", "inkomen", W, "a_inkont", 1, 1, False),
    "GemiddeldInkomenPerInwoner_83": ("g_ink_pi", "Average income per inhabitant", "inkomen", W, "a_inw", 1, 1, False),
    "k_40PersonenMetLaagsteInkomen_84": ("p_ink_li", "Persons in the lowest 40% incomes", "inkomen", R, "a_inkont", 100, -1, False),
    "k_20PersonenMetHoogsteInkomen_85": ("p_ink_hi", "Persons in the highest 20% incomes", "inkomen", R, "a_inkont", 100, 0, False),
    "GemGestandaardiseerdInkomenVanHuish_86": ("g_hh_sti", "Average standardised household income", "inkomen", W, "a_hh", 1, 1, False),
    "k_40HuishoudensMetLaagsteInkomen_87": ("p_hh_li", "Households in the lowest 40% incomes", "inkomen", R, "a_hh", 100, -1, False),
    "k_20HuishoudensMetHoogsteInkomen_88": ("p_hh_hi", "Households in the highest 20% incomes", "inkomen", R, "a_hh", 100, 0, False),
    "HuishoudensMetEenLaagInkomen_89": ("p_hh_lkk", "Households with a low income", "inkomen", R, "a_hh", 100, -1, False),
    "HuishOnderOfRondSociaalMinimum_90": ("p_hh_osm", "Households at or below the social minimum", "inkomen", R, "a_hh", 100, -1, False),
    "HuishoudensTot110VanSociaalMinimum_91": ("p_hh_110", "Households up to 110% of the social minimum", "inkomen", R, "a_hh", 100, -1, False),
    "HuishoudensTot120VanSociaalMinimum_92": ("p_hh_120", "Households up to 120% of the social minimum", "inkomen", R, "a_hh", 100, -1, False),
    "MediaanVermogenVanParticuliereHuish_93": ("m_hh_ver", "Median household wealth", "inkomen", N, None, 1, 0, False),
    "PersonenPerSoortUitkeringBijstand_94": ("a_soz_wb", "Persons on social assistance", "sociale_zekerheid", S, None, 1, -1, False),
    "PersonenPerSoortUitkeringAO_95": ("a_soz_ao", "Persons on disability benefit", "sociale_zekerheid", S, None, 1, 0, False),
    "PersonenPerSoortUitkeringWW_96": ("a_soz_ww", "Persons on unemployment benefit", "sociale_zekerheid", S, None, 1, 0, False),
    "PersonenPerSoortUitkeringAOW_97": ("a_soz_ow", "Persons on state pension", "sociale_zekerheid", S, None, 1, 0, True),
    "JongerenMetJeugdzorgInNatura_98": ("a_jz_tn", "Young people in youth care", "zorg", S, None, 1, 0, False),
    "PercentageJongerenMetJeugdzorg_99": ("p_jz_tn", "Share of young people in youth care", "zorg", N, None, 1, 0, False),
    "WmoClienten_100": ("a_wmo_t", "Wmo clients", "zorg", S, None, 1, 0, False),
    "WmoClientenRelatief_101": ("p_wmo_t", "Wmo clients per 1,000 inhabitants", "zorg", R, "a_inw", 1000, 0, False),
    "BedrijfsvestigingenTotaal_102": ("a_bedv", "Business establishments", "bedrijven", S, None, 1, 0, False),
    "ALandbouwBosbouwEnVisserij_103": ("a_bed_a", "Agriculture, forestry, fishing", "bedrijven", S, None, 1, 0, False),
    "BFNijverheidEnEnergie_104": ("a_bed_bf", "Industry and energy", "bedrijven", S, None, 1, 0, False),
    "GIHandelEnHoreca_105": ("a_bed_gi", "Trade and hospitality", "bedrijven", S, None, 1, 0, False),
    "HJVervoerInformatieEnCommunicatie_106": ("a_bed_hj", "Transport, information, communication", "bedrijven", S, None, 1, 0, False),
    "KLFinancieleDienstenOnroerendGoed_107": ("a_bed_kl", "Financial services, real estate", "bedrijven", S, None, 1, 0, False),
    "MNZakelijkeDienstverlening_108": ("a_bed_mn", "Business services", "bedrijven", S, None, 1, 0, False),
    "OQOverheidOnderwijsEnZorg_109": ("a_bed_oq", "Government, education, care", "bedrijven", S, None, 1, 0, False),
    "RUCultuurRecreatieOverigeDiensten_110": ("a_bed_ru", "Culture, recreation, other services", "bedrijven", S, None, 1, 0, False),
    "PersonenautoSTotaal_111": ("a_pau", "Passenger cars", "mobiliteit", S, None, 1, 0, False),
    "PersonenautoSBrandstofBenzine_112": ("a_bst_b", "Petrol cars", "mobiliteit", S, None, 1, 0, False),
    "PersonenautoSOverigeBrandstof_113": ("a_bst_nb", "Cars on other fuel", "mobiliteit", S, None, 1, 0, False),
    "PersonenautoSPerHuishouden_114": ("g_pau_hh", "Cars per household", "mobiliteit", R, "a_hh", 1, 0, False),
    "PersonenautoSNaarOppervlakte_115": ("g_pau_km", "Cars per km²", "mobiliteit", R, "a_opp_ha", 100, -1, False),
    "Motorfietsen_116": ("a_mot", "Motorcycles", "mobiliteit", S, None, 1, 0, False),
    "AfstandTotHuisartsenpraktijk_117": ("g_afs_hp", "Distance to GP practice", "voorzieningen", W, "a_inw", 1, -1, False),
    "AfstandTotGroteSupermarkt_118": ("g_afs_gs", "Distance to large supermarket", "voorzieningen", W, "a_inw", 1, -1, False),
    "AfstandTotKinderdagverblijf_119": ("g_afs_kv", "Distance to day care", "voorzieningen", W, "a_inw", 1, -1, False),
    "AfstandTotSchool_120": ("g_afs_sc", "Distance to primary school", "voorzieningen", W, "a_inw", 1, -1, False),
    "ScholenBinnen3Km_121": ("g_3km_sc", "Primary schools within 3 km", "voorzieningen", W, "a_inw", 1, 1, False),
    "OppervlakteTotaal_122": ("a_opp_ha", "Total area", "fysiek", S, None, 1, 0, False),
    "OppervlakteLand_123": ("a_lan_ha", "Land area", "fysiek", S, None, 1, 0, False),
    "OppervlakteWater_124": ("a_wat_ha", "Water area", "fysiek", S, None, 1, 0, False),
    "MateVanStedelijkheid_127": ("ste_mvs", "Degree of urbanity (1 = very strongly urban)", "fysiek", N, None, 1, 0, False),
    "Omgevingsadressendichtheid_128": ("ste_oad", "Address density", "fysiek", N, None, 1, 0, False),
}
KWB2016 = {  # column of the 2016 wijk- en buurtkaart -> code
    "AANT_INW": "a_inw", "AANT_MAN": "a_man", "AANT_VROUW": "a_vrouw", "BEV_DICHTH": "bev_dich",
    "AANTAL_HH": "a_hh", "GEM_HH_GR": "g_hhgro", "OPP_TOT": "a_opp_ha", "OPP_LAND": "a_lan_ha",
    "OPP_WATER": "a_wat_ha", "STED": "ste_mvs", "OAD": "ste_oad",
}
STUDENT = {  # renamed columns of the buurt extract (probable KWB 2021) -> code
    "Number.of.inhabitants": "a_inw", "Number.of.man": "a_man", "Number.of.women": "a_vrouw",
    "Numbers.of.people.from.0.14.years.old": "a_00_14", "Number.of.people.from.15.24.years.old": "a_15_24",
    "Number.of.people.from.25.44.years.old": "a_25_44", "Number.of.people.from.45.64.years.old": "a_45_64",
    "Number.of.people....65.years.old": "a_65_oo", "Number.of.households": "a_hh",
    "Number.of.1.person.household": "a_1p_hh", "Average.household.size": "g_hhgro",
    "Population.density": "bev_dich", "percent.of.single.family.housing": "p_1gezw",
    "percent.of.multifamily.housing": "p_mgezw", "percentage.of.empty": "p_leegsw",
    "n_low_educated": "a_opl_lg", "n_highschool_educated": "a_opl_md", "n_highly_educated": "a_opl_hg",
    "n_income_recipients": "a_inkont", "avg_income_per_recipient": "g_ink_po",
    "avg_income_per_capital": "g_ink_pi", "p_belong_40p_w_lowest_income": "p_ink_li",
    "p_belong_20p_w_highest_income": "p_ink_hi", "avg_standardized_income_household": "g_hh_sti",
    "p_household_lowest_40p_income": "p_hh_li", "p_household_highest_20p_income": "p_hh_hi",
    "p_low_income_household": "p_hh_lkk", "p_household_smaller_bare_social_minimum": "p_hh_osm",
    "p_household_upto_110p_social_minimum": "p_hh_110", "p_househould_upto_120p_social_minimum": "p_hh_120",
    "median_wealth_private_house": "m_hh_ver", "n_pp_w_assitance": "a_soz_wb", "n_pp_w_AO": "a_soz_ao",
    "n_pp_w_WW": "a_soz_ww", "n_pp_w_state_pension": "a_soz_ow",
    "p_employees": "p_arb_wn", "p_self_employed": "p_arb_zs",
}
ENG85231 = {
    "DistanceToGPPractice_5": "g_afs_hp", "DistanceToLargeSupermarket_24": "g_afs_gs",
    "DistanceToDaycareCentres_52": "g_afs_kv", "DistanceToSchool_60": "g_afs_sc",
}
KWB_SHORT = {"a_woning", "a_hh", "p_leegsw", "g_woz", "p_koopw", "p_huurw", "p_wcorpw", "p_ov_hw", "ste_mvs", "bev_dich", "a_inw"}

EXTRA = [
    # code, nl, en, theme, aggregation, numerator, denominator, scale, direction, context, unit, source, definition_nl, aliases
    ("a_misd", "Geregistreerde misdrijven", "Registered crimes", "veiligheid", S, None, None, 1, -1, False, "aantal",
     "Politie via CBS StatLine (47018NED)", "Aantal door de politie geregistreerde misdrijven (inclusief pogingen), op de plaats waar ze gepleegd zijn. Zedenmisdrijven zijn niet opgenomen.",
     {"odata": "GeregistreerdeMisdrijven_1"}),
    ("g_misd_1000", "Misdrijven per 1.000 inwoners", "Crimes per 1,000 inhabitants", "veiligheid", R, "a_misd", "a_inw", 1000, -1, False,
     "per 1 000 inwoners", "Afgeleid: Politie via CBS en CBS KWB", "Geregistreerde misdrijven per 1.000 inwoners. Inwoners op 1 januari van het volgende jaar als het jaar zelf ontbreekt.", {}),
    ("g_soz_wb_1000", "Bijstand per 1.000 inwoners", "Social assistance per 1,000 inhabitants", "sociale_zekerheid", R, "a_soz_wb", "a_inw", 1000, -1, False,
     "per 1 000 inwoners", "Afgeleid: CBS KWB", "Personen met een bijstandsuitkering per 1.000 inwoners.", {}),
    ("p_00_14_jr", "Inwoners 0 tot 15 jaar (%)", "Aged 0 to 15 (%)", "bevolking", R, "a_00_14", "a_inw", 100, 0, True, "%", "CBS KWB", "Aandeel inwoners van 0 tot 15 jaar.", {"kwb2016": "P_00_14_JR"}),
    ("p_15_24_jr", "Inwoners 15 tot 25 jaar (%)", "Aged 15 to 25 (%)", "bevolking", R, "a_15_24", "a_inw", 100, 0, True, "%", "CBS KWB", "Aandeel inwoners van 15 tot 25 jaar.", {"kwb2016": "P_15_24_JR"}),
    ("p_25_44_jr", "Inwoners 25 tot 45 jaar (%)", "Aged 25 to 45 (%)", "bevolking", R, "a_25_44", "a_inw", 100, 0, True, "%", "CBS KWB", "Aandeel inwoners van 25 tot 45 jaar.", {"kwb2016": "P_25_44_JR"}),
    ("p_45_64_jr", "Inwoners 45 tot 65 jaar (%)", "Aged 45 to 65 (%)", "bevolking", R, "a_45_64", "a_inw", 100, 0, True, "%", "CBS KWB", "Aandeel inwoners van 45 tot 65 jaar.", {"kwb2016": "P_45_64_JR"}),
    ("p_65_eo_jr", "Inwoners 65 jaar of ouder (%)", "Aged 65 or older (%)", "bevolking", R, "a_65_oo", "a_inw", 100, 0, True, "%", "CBS KWB", "Aandeel inwoners van 65 jaar of ouder.", {"kwb2016": "P_65_EO_JR"}),
    ("p_ongehuwd", "Ongehuwd (%)", "Unmarried (%)", "bevolking", R, "a_ongeh", "a_inw", 100, 0, True, "%", "CBS KWB", "Aandeel ongehuwde inwoners.", {"kwb2016": "P_ONGEHUWD"}),
    ("p_gehuwd", "Gehuwd (%)", "Married (%)", "bevolking", R, "a_gehuwd", "a_inw", 100, 0, True, "%", "CBS KWB", "Aandeel gehuwde inwoners.", {"kwb2016": "P_GEHUWD"}),
    ("p_gescheid", "Gescheiden (%)", "Divorced (%)", "bevolking", R, "a_gesch", "a_inw", 100, 0, True, "%", "CBS KWB", "Aandeel gescheiden inwoners.", {"kwb2016": "P_GESCHEID"}),
    ("p_verweduw", "Verweduwd (%)", "Widowed (%)", "bevolking", R, "a_verwed", "a_inw", 100, 0, True, "%", "CBS KWB", "Aandeel verweduwde inwoners.", {"kwb2016": "P_VERWEDUW"}),
    ("p_eenp_hh", "Eenpersoonshuishoudens (%)", "Single-person households (%)", "bevolking", R, "a_1p_hh", "a_hh", 100, 0, True, "%", "CBS KWB", "Aandeel eenpersoonshuishoudens in alle particuliere huishoudens.", {"kwb2016": "P_EENP_HH"}),
    ("p_hh_z_k", "Huishoudens zonder kinderen (%)", "Households without children (%)", "bevolking", R, "a_hh_z_k", "a_hh", 100, 0, True, "%", "CBS KWB", "Aandeel meerpersoonshuishoudens zonder kinderen.", {"kwb2016": "P_HH_Z_K"}),
    ("p_hh_m_k", "Huishoudens met kinderen (%)", "Households with children (%)", "bevolking", R, "a_hh_m_k", "a_hh", 100, 0, True, "%", "CBS KWB", "Aandeel huishoudens met kinderen.", {"kwb2016": "P_HH_M_K"}),
    ("p_west_al", "Westerse migratieachtergrond (%)", "Western migration background (%)", "bevolking", R, None, "a_inw", 100, 0, True, "%", "CBS KWB (tot 2022)", "Aandeel inwoners met een westerse migratieachtergrond (indeling tot 2022).", {"kwb2016": "P_WEST_AL"}),
    ("p_n_w_al", "Niet-westerse migratieachtergrond (%)", "Non-western migration background (%)", "bevolking", R, None, "a_inw", 100, 0, True, "%", "CBS KWB (tot 2022)", "Aandeel inwoners met een niet-westerse migratieachtergrond (indeling tot 2022).", {"kwb2016": "P_N_W_AL"}),
    ("p_herk_bu", "Herkomst buiten Europa (%)", "Origin outside Europe (%)", "bevolking", R, "a_herk_bu", "a_inw", 100, 0, True, "%", "CBS KWB", "Aandeel inwoners met herkomstland buiten Europa (indeling vanaf 2022).", {}),
    ("p_woz_koop", "Koopwoningen (afgeleid aantal)", "Owner-occupied dwellings (count)", "wonen", S, None, None, 1, 0, False, "aantal", "Afgeleid", "Niet gebruikt.", {}),
    ("g_afs_apot", "Afstand tot apotheek", "Distance to pharmacy", "voorzieningen", W, None, "a_inw", 1, -1, False, "km", "CBS Nabijheid voorzieningen", "Gemiddelde afstand van alle inwoners tot de dichtstbijzijnde apotheek, over de weg.", {"eng85231": "DistanceToPharmacy_10"}),
    ("g_afs_bib", "Afstand tot bibliotheek", "Distance to library", "voorzieningen", W, None, "a_inw", 1, -1, False, "km", "CBS Nabijheid voorzieningen", "Gemiddelde afstand van alle inwoners tot de dichtstbijzijnde bibliotheek, over de weg.", {"eng85231": "DistanceToLibrary_92"}),
    ("g_afs_trst", "Afstand tot treinstation", "Distance to train station", "voorzieningen", W, None, "a_inw", 1, -1, False, "km", "CBS Nabijheid voorzieningen", "Gemiddelde afstand van alle inwoners tot het dichtstbijzijnde treinstation, over de weg.", {"eng85231": "DistanceToTrainStationAllTypes_90"}),
    ("g_afs_zwem", "Afstand tot zwembad", "Distance to swimming pool", "voorzieningen", W, None, "a_inw", 1, -1, False, "km", "CBS Nabijheid voorzieningen", "Gemiddelde afstand van alle inwoners tot het dichtstbijzijnde zwembad, over de weg.", {"eng85231": "DistanceToSwimmingPool_93"}),
    ("g_afs_bso", "Afstand tot buitenschoolse opvang", "Distance to out-of-school care", "voorzieningen", W, None, "a_inw", 1, -1, False, "km", "CBS Nabijheid voorzieningen", "Gemiddelde afstand van alle inwoners tot de dichtstbijzijnde buitenschoolse opvang, over de weg.", {"eng85231": "DistanceToOutOfSchoolCare_56"}),
    ("g_afs_ds", "Afstand tot winkel dagelijkse levensmiddelen", "Distance to other daily food shop", "voorzieningen", W, None, "a_inw", 1, -1, False, "km", "CBS Nabijheid voorzieningen", "Gemiddelde afstand van alle inwoners tot de dichtstbijzijnde overige winkel voor dagelijkse levensmiddelen, over de weg.", {"eng85231": "DistanceToShopForOtherDailyFood_28"}),
]
EXTRA = [e for e in EXTRA if e[0] != "p_woz_koop"]


def norm(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip()


def main(path: str) -> None:
    out = []
    for row in csv.DictReader(open(path, encoding="utf-8")):
        key = row["Key"]
        if key not in SPEC:
            continue
        code, en, theme, agg, den, scale, direction, context = SPEC[key]
        unit = row["Unit"]
        keys = {"odata": key, "statline": norm(f"{row['Group']}/{row['Title']} ({unit})")}
        alias = [c for c, v in KWB2016.items() if v == code]
        if alias:
            keys["kwb2016"] = alias[0]
        alias = [c for c, v in STUDENT.items() if v == code]
        if alias:
            keys["extract"] = alias[0]
        alias = [c for c, v in ENG85231.items() if v == code]
        if alias:
            keys["eng85231"] = alias[0]
        if code in KWB_SHORT:
            keys["kwb"] = code
        item = {
            "code": code,
            "name": {"nl": norm(row["Title"]), "en": en},
            "definition": norm(row["Description"])[:600] or norm(row["Title"]),
            "theme": theme,
            "unit": unit,
            "decimals": int(float(row["Decimals"] or 0)),
            "source": "CBS Kerncijfers wijken en buurten",
            "aggregation": agg,
            "direction": {1: "higher_better", -1: "higher_worse", 0: "neutral"}[direction],
            "context": context,
            "keys": keys,
        }
        if agg == R:
            item.update(denominator=den, scale=scale)
        if agg == W:
            item.update(weight=den)
        if unit in ("%",) or agg in (R, W):
            item["suppress_below"] = 50 if agg == R else 20
        out.append(item)
    for code, nl, en, theme, agg, num, den, scale, direction, context, unit, source, definition, keys in EXTRA:
        item = {
            "code": code, "name": {"nl": nl, "en": en}, "definition": definition, "theme": theme,
            "unit": unit, "decimals": 1, "source": source, "aggregation": agg,
            "direction": {1: "higher_better", -1: "higher_worse", 0: "neutral"}[direction],
            "context": context, "keys": keys,
        }
        if agg == R:
            item.update(denominator=den, scale=scale)
            if num:
                item["numerator"] = num
            item["suppress_below"] = 50
        if agg == W:
            item.update(weight=den, suppress_below=20)
        out.append(item)
    header = (
        "# The indicator catalogue of the Leefbare Wijken Monitor: one entry per indicator.\n"
        "# Loaded into the database by `wijksturing catalogue` (and by the demo). See docs/indicators.md.\n"
        "# aggregation: sum (counts) | ratio (numerator/denominator x scale; numerator optional when the\n"
        "#   value itself is the share) | weighted_mean (weighted by `weight`) | none (published only).\n"
        "# suppress_below: a value is hidden in public output when its base (denominator or weight,\n"
        "#   or the value itself for counts) is below this number. context: describes who lives\n"
        "#   somewhere; never part of the liveability index.\n"
        "# keys: column names in the sources: odata (CBS OData key of table 85984NED, matched\n"
        "#   exactly, else by its stem without the numeric suffix when that stem is unique),\n"
        "#   statline (labelled StatLine CSV column), kwb2016 (wijk- en buurtkaart attribute),\n"
        "#   kwb (KWB short name), extract (buurt extract 2021), eng85231 (Nabijheid voorzieningen 2021).\n"
    )
    themes = {
        "bevolking": {"nl": "Bevolking", "en": "Population"},
        "wonen": {"nl": "Wonen", "en": "Housing"},
        "fysiek": {"nl": "Fysieke omgeving", "en": "Physical environment"},
        "energie": {"nl": "Energie", "en": "Energy"},
        "onderwijs": {"nl": "Onderwijs", "en": "Education"},
        "arbeid": {"nl": "Arbeid", "en": "Labour"},
        "inkomen": {"nl": "Inkomen", "en": "Income"},
        "sociale_zekerheid": {"nl": "Sociale zekerheid", "en": "Social security"},
        "zorg": {"nl": "Zorg", "en": "Care"},
        "bedrijven": {"nl": "Bedrijven", "en": "Businesses"},
        "mobiliteit": {"nl": "Mobiliteit", "en": "Mobility"},
        "voorzieningen": {"nl": "Voorzieningen", "en": "Facilities"},
        "veiligheid": {"nl": "Veiligheid en overlast", "en": "Safety and nuisance"},
        "signalen": {"nl": "Signalen", "en": "Signals"},
    }
    body = yaml.safe_dump({"themes": themes, "indicators": out}, allow_unicode=True, sort_keys=False, width=100)
    print(header + body)


if __name__ == "__main__":
    main(sys.argv[1])
