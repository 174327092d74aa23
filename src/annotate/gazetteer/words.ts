/**
 * Closed word lists that steer the entity tagger: titles and roles (cues for a person, never part of the
 * name), demonyms and regional adjectives (never entities), suffixes and heads that make a capitalized
 * sequence an organization or a place, and the capitalized words that are not names.
 *
 * Lists are written as space- or "|"-separated strings so the data stays compact and easy to review; the
 * loader in ./index.ts splits them once at module load.
 */

/**
 * Titles that stand before a name ("Prime Minister Andrew Holness"). Multi-word titles are listed whole so
 * "Secretary of State Antony Blinken" never yields a place called "State Antony".
 */
export const TITLES = `President|Vice President|President-elect|Prime Minister|Deputy Prime Minister|Acting Prime Minister|
Interim Prime Minister|Chancellor|Premier|Vice Premier|Minister|Deputy Minister|Junior Minister|State Minister|
Minister of State|Secretary of State|Secretary-General|Secretary General|Under-Secretary-General|Deputy Secretary|
Secretary|Assistant Secretary|Foreign Secretary|Home Secretary|Defence Secretary|Defense Secretary|Treasury Secretary|
Commerce Secretary|Health Secretary|Press Secretary|Attorney General|Attorney-General|Solicitor General|Chief Minister|
Governor|Lieutenant Governor|Gov|Senator|Sen|Representative|Rep|Congressman|Congresswoman|Lawmaker|MP|Speaker|
Mayor|Deputy Mayor|Judge|Justice|Chief Justice|Magistrate|King|Queen|Prince|Princess|Crown Prince|Emperor|Empress|
Sheikh|Emir|Sultan|Pope|Cardinal|Archbishop|Bishop|Rev|Reverend|Father|Imam|Rabbi|Ayatollah|Supreme Leader|
General|Gen|Lieutenant General|Lt Gen|Major General|Maj Gen|Brigadier|Brigadier General|Colonel|Col|
Lieutenant Colonel|Lt Col|Lieutenant|Lt|Major|Maj|Captain|Capt|Sergeant|Sgt|Corporal|Private|Admiral|Adm|
Vice Admiral|Rear Admiral|Commander|Marshal|Field Marshal|Air Marshal|Chief of Staff|Army Chief|
Dr|Doctor|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Lord|Lady|Baroness|Baron|Count|Countess|Duke|Duchess|
Chairman|Chairwoman|Chairperson|Chair|Vice Chairman|Chief Executive|Chief Executive Officer|CEO|CFO|COO|CTO|
Chief Financial Officer|Chief Operating Officer|Managing Director|Director|Director-General|Director General|
Executive Director|Deputy Director|President and CEO|Founder|Co-founder|Coach|Head Coach|Manager|Commissioner|
Police Commissioner|Inspector General|Inspector|Superintendent|Detective|Officer|Ambassador|Envoy|Special Envoy|
High Commissioner|Consul|Consul General|Opposition Leader|Leader|Majority Leader|Minority Leader|Whip|
Spokesman|Spokeswoman|Spokesperson|Governor-General|Governor General|Deputy Governor|Prosecutor|Chief Prosecutor|
Public Prosecutor|Special Counsel|Counsel|Auditor General|Registrar|Vice Chancellor|Dean|Rector|Provost|Mufti|
Patriarch|Nurse|Ombudsman|Finance Minister|Foreign Minister|Defence Minister|Defense Minister|Interior Minister|
Home Minister|Health Minister|Trade Minister|Economy Minister|Energy Minister|Oil Minister|Education Minister|
Justice Minister|Agriculture Minister|Environment Minister|Transport Minister|Labour Minister|Labor Minister|
Information Minister|Sports Minister|Tourism Minister|Industry Minister|Commerce Minister|Petroleum Minister|
Mines Minister|Mining Minister|Water Minister|Culture Minister|Immigration Minister|Security Minister|
Foreign Affairs Minister|Deputy Foreign Minister|Chief Economist|Economist|Analyst|Senior Analyst|Striker|
Midfielder|Defender|Goalkeeper|Forward|Skipper|Batter|Batsman|Bowler|Pitcher|Quarterback|Champion|
World Champion|Grandmaster|Ex-President|Former President|Former Prime Minister|Acting President|Interim President|
Chief Scientist|Chief Medical Officer|Surgeon General|Chief Investment Officer|Portfolio Manager|Strategist|
Cabinet Secretary|Advocate|Attorney|U.S. Attorney|Assistant U.S. Attorney|District Attorney|District Judge|
U.S. District Judge|Federal Judge|National Security Adviser|Security Adviser|Adviser|Advisor|Senior Adviser|
Chief Adviser|Co-author|Lead Author|Author|Team Principal|Team Boss|Secretary-General|Party Leader|Party Chairman|Union Minister|
Minister of State for External Affairs|Deputy Governor|Central Bank Governor|Lawyer|Coach|Bishop`;

/** Words that, as the head of a title, absorb a portfolio after "of" ("Minister of Foreign Affairs"). */
export const TITLE_HEADS = "minister secretary director ministry department";
export const PORTFOLIO_WORDS = `state finance foreign affairs defence defense health justice interior education energy trade
commerce agriculture labour labor transport home homeland security the treasury economy industry environment information
culture tourism sport sports youth mines petroleum oil water planning public works internal external and`;

/**
 * Lowercase words before a name that say it is a person ("spokesperson Matthew Miller", "told analyst Jo Bloggs").
 */
export const PERSON_CUES = `spokesperson spokesman spokeswoman director minister president chairman chairwoman chair chief ceo
coach striker midfielder defender goalkeeper forward captain skipper analyst economist strategist lawyer attorney judge
professor researcher scientist official leader founder co-founder author actor actress singer rapper player manager
executive officer commander governor senator mayor ambassador envoy secretary adviser advisor aide candidate lawmaker
legislator reporter journalist correspondent editor son daughter wife husband mother father brother sister colleague
teammate opponent batter batsman bowler pitcher quarterback champion star victim suspect defendant prosecutor
investigator activist campaigner economist historian photographer filmmaker director-general head boss novelist poet
premier dr mr mrs ms sir dame prince princess king queen general colonel sergeant detective inspector survivor
resident farmer teacher doctor nurse surgeon physician engineer pilot partner owner trader banker investor cardinal
bishop pastor priest imam rabbi rival challenger incumbent nominee deputy counterpart predecessor successor widow
veteran student graduate winner runner-up cyclist driver jockey boxer fighter swimmer sprinter golfer runner athlete
trainer referee umpire pianist composer artist designer chef entrepreneur billionaire tycoon magnate philanthropist
mp mps chancellor treasurer commissioner superintendent sheriff marshal`;

/** Lowercase nouns before a name that say it is an organization ("security firm Global Guardian"). */
export const ORG_CUES = `firm company group bank lender insurer carrier airline startup start-up maker manufacturer
retailer operator club team side party agency watchdog regulator charity organisation organization outfit
conglomerate giant brand unit subsidiary publisher broadcaster newspaper tabloid daily network tank institute ngo
militia coalition alliance consultancy miner producer developer supplier exporter importer automaker carmaker
chipmaker drugmaker pharmaceutical utility fund union league federation association consortium platform app
exchange franchise studio label university college school hospital nonprofit non-profit foundation rebels
insurgents faction movement outlet television radio channel magazine broadcaster daily website
site operator airline carrier`;

/** Lowercase words before a name that say it is a place ("in Kingston", "near Cap-Haitien"). */
export const PLACE_CUES = `in near outside across into toward towards via village villages town towns city cities province
provinces region regions district districts capital state states island islands county counties municipality
suburb suburbs neighbourhood neighborhood township camp port`;

/**
 * Last words that make a capitalized sequence an organization ("Kenya Airways", "Reserve Bank of India").
 */
export const ORG_SUFFIXES = `Inc Corp Corporation Co Company Ltd Limited LLC LLP PLC plc AG SA SE NV GmbH Group Holdings Holding
Bank Bancorp Party Ministry Department University College School Academy Council Committee Agency Authority
Association Court Tribunal Commission Fund Institute Institution Foundation Airlines Airways Air Union Motors Systems
Technologies Technology Labs Laboratories Partners Capital Investments Federation League Club FC CF AFC Army Navy
Police Forces Force Front Movement Organization Organisation Network Trust Exchange Board Office Service Services
Bureau Senate Parliament Assembly Congress Cabinet Hospital Centre Center Times Post Journal Herald Tribune Telegraph
Guardian Brigade Command Guard Guards Church Trust Society Alliance Coalition Initiative Project Programme
Program Energy Oil Petroleum Gas Mining Steel Pharmaceuticals Pharma Therapeutics Biotech Insurance Securities
Media Broadcasting Communications Telecom Telecommunications Studios Records Entertainment Industries Enterprises
Brands Foods Beverages Railways Railway Rail Solutions Consulting Cooperative Co-operative Secretariat
Directorate Inspectorate Commissariat Cartel Gang Brotherhood Conference Caucus Observatory Agency Treasury
Refinery Refineries Stockbrokers Brokers Brokerage Research Ventures Dairy Markets Ratings Laboratory Laboratories
News Mobile Wireless Retail SC Lab Facility Forum Mills Works Logistics Shipping Aviation Electric Electronics Chemicals Textiles Cement Hotels
Resorts Realty Properties Developers Fisheries Farms Microfinance Financial Credit Advisors Associates Management
Consultants Analytics Software Robotics Semiconductor Semiconductors Devices Healthcare Clinic Pharmacy
Initiative Collective Institutes Unit Squad Battalion Regiment Division Corps Militia Rebels Tribunal Council
Bancorp Bankshares Trustees Council Daily Gazette Standard Mirror Chronicle Express Review Magazine Radio TV
Television Channel Records Publishing Press Books Academy Polytechnic Seminary Ministries Orchestra Ensemble Ports`;

/** First words of an organization written "Head of X" ("University of Nairobi", "Bank of England"). */
export const ORG_HEADS = `University Bank Ministry Department Institute Council Court Church Association Federation Union
Organization Organisation Office Board Commission Committee League Society Academy College School Museum Agency
Authority Fund Parliament House Senate Chamber Order Party Movement Army Navy Embassy Consulate Government Cabinet
Friends Institution Commissioner Secretariat Conference Coalition Alliance Front Forces`;

/** Last words that make a capitalized sequence a place ("Lagos State", "Gaza Strip", "Marion County"). */
export const PLACE_SUFFIXES = `City County Province Prefecture State Region District Island Islands Peninsula River Lake
Mountains Mountain Mount Valley Strip Bay Sea Ocean Gulf Coast Desert Basin Delta Canal Highlands Heights Hills
Square Street Avenue Road Boulevard Park Beach Falls Forest Plateau Strait Straits Village Town Township Borough
Oblast Governorate Territory Territories Airport Seaport
Port Stadium Arena Prison Penitentiary Bridge Dam Palace Camp Reserve Pass Glacier Reef Lagoon Shoal Atoll Archipelago
Mosque Temple Cathedral Basilica Shrine Building Tower Towers Ground Grounds Colony Nagar Chowk Bazaar Fort Junction`;

/**
 * Nationality and regional adjectives. They are not entities ("Haitian stakeholders", "Kenyan forces"), and when
 * they open a capitalized run they are dropped ("Barbadian Prime Minister Mia Mottley").
 */
export const DEMONYMS = `Dane Danes Swede Swedes Briton Britons Finn Finns Spaniard Spaniards Kiwi Kiwis Afghan Philippine Albanian Algerian American Andorran Angolan Antiguan Argentine Argentinian Armenian Australian
Austrian Azerbaijani Azeri Bahamian Bahraini Bangladeshi Barbadian Belarusian Belgian Belizean Beninese Bhutanese
Bolivian Bosnian Botswanan Brazilian British Bruneian Bulgarian Burkinabe Burmese Burundian Cambodian Cameroonian
Canadian Cape Verdean Chadian Chilean Chinese Colombian Comoran Congolese Costa Rican Croatian Cuban Cypriot Czech
Danish Djiboutian Dominican Dutch Ecuadorean Ecuadorian Egyptian Emirati English Equatoguinean Eritrean Estonian
Ethiopian Fijian Filipino Finnish French Gabonese Gambian Georgian German Ghanaian Greek Grenadian Guatemalan Guinean
Guyanese Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican
Japanese Jordanian Kazakh Kazakhstani Kenyan Kiribati Korean Kosovar Kuwaiti Kyrgyz Lao Laotian Latvian Lebanese
Liberian Libyan Lithuanian Luxembourgish Macedonian Malagasy Malawian Malaysian Maldivian Malian Maltese Marshallese
Mauritanian Mauritian Mexican Moldovan Monegasque Mongolian Montenegrin Moroccan Mozambican Namibian Nauruan Nepalese
Nepali Dutch Zealander Nicaraguan Nigerien Nigerian Norwegian Omani Pakistani Palauan Palestinian Panamanian Papuan
Paraguayan Peruvian Polish Portuguese Qatari Romanian Russian Rwandan Salvadoran Samoan Saudi Scottish Senegalese
Serbian Seychellois Sierra Leonean Singaporean Slovak Slovenian Somali Somalian Sudanese Surinamese Swazi Swedish
Swiss Syrian Taiwanese Tajik Tanzanian Thai Togolese Tongan Trinidadian Tobagonian Tunisian Turkish Turkmen Tuvaluan
Ugandan Ukrainian Uruguayan Uzbek Vanuatuan Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean Caribbean European
African Asian Arab Arabic Latin Latino Hispanic Western Eastern Northern Southern Central Middle Eastern Baltic
Balkan Nordic Scandinavian Gulf Pacific Atlantic Mediterranean Sahelian Andean Amazonian Kurdish Kurd Pashtun Tamil
Sikh Hindu Muslim Jewish Catholic Protestant Orthodox Sunni Shia Shiite Buddhist Sinhalese Uyghur Uighur
Rohingya Tigrayan Amhara Oromo Hausa Yoruba Igbo Zulu Xhosa Maasai Kikuyu Luo Bedouin Druze Alawite Yazidi Berber
Roma Basque Catalan Flemish Walloon Quebecois Texan Californian Floridian Scots Briton Britons Europeans Africans
Asians Americans Arabs Latinos Kurds Haitians Kenyans Jamaicans Indians Chinese Russians Ukrainians Israelis
Palestinians Iranians Iraqis Syrians Afghans Pakistanis Nigerians Ghanaians Germans French Italians Spaniards
Spanish Mexicans Canadians Australians Brazilians Argentines Filipinos Japanese Koreans Turks Egyptians Saudis
Emiratis Qataris Sudanese Somalis Ethiopians Eritreans Yemenis Lebanese Jordanians Venezuelans Colombians Cubans
Peruvians Chileans Poles Czechs Hungarians Romanians Serbs Croats Greeks Swedes Norwegians Danes Finns Dutch Belgians
Swiss Austrians Irish Scots Welsh Democrat Democrats Republican Republicans Conservative Conservatives Labourite
Tory Tories Liberal Liberals Socialist Socialists Communist Communists Maoist Maoists Islamist Islamists Olympian
Olympians Paralympian Maori Māori Pasifika Soviet Ottoman Byzantine Roman Persian Anglo Franco Sino Indo Afro Euro Pan Trans
Kashmiri Kashmiris Punjabi Punjabis Bengali Bengalis Sindhi Sindhis Gujarati Gujaratis Marathi Marathis Malayali Malayalis
Bihari Biharis Assamese Odia Tamils Pashtuns Pakhtun Baluch Balochs Sikhs Hindus Muslims Jews Uyghurs Hasidic`;

/** Demonyms of more than one word, as headlines abbreviate them: adjectives, never names. */
export const MULTIWORD_DEMONYMS = "N. Korean|S. Korean|North Korean|South Korean|Sri Lankan|New Zealander|Saudi Arabian|Puerto Rican|Costa Rican|Papua New Guinean";

/** Capitalized words that are never names on their own (days, months, holidays, common headline words). */
export const NON_NAMES = `Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Feb Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas Easter
Ramadan Eid Diwali Hanukkah Passover Thanksgiving I I'm I've I'd I'll God Lord Internet Web COVID Covid
COVID-19 Covid-19 AI GDP CEO CFO COO CTO PM AM TV PR HIV AIDS DNA GMT UTC EST ET PT BST IST CET EDT PST US$ USD EUR GBP
INR JPY CNY OK Q1 Q2 Q3 Q4 H1 H2 FY No Nos Vol PhD MBA ID IDs IPO IPOs ETF ETFs EV EVs LNG LPG CO2 GW MW KW MP MPs
mph kph km kg BC AD PS Inc Breaking Updated Exclusive Explainer Factbox Subscribe Advertisement Sponsored
Note Reporting Editing Writing Source Sources Photo File Image Credit Copyright Topics Tags Share DAX FTSE Nikkei
Sensex Nifty KOSPI STOXX CAC Nasdaq-100 RSV SARS MERS TB HPV Mpox MVP EPS ICBM ICBMs SLBM CPR FIR FIRs GST
Devdiscourse`;

/**
 * Words that often open a sentence capitalized but are not names. Used only for sentence-initial tokens;
 * anything else is also checked against the lowercase words of the same story.
 */
export const SENTENCE_OPENERS = `a an the this that these those there here it its it's he she they we you i his her their our
your my one two three four five six seven eight nine ten some many most more much few several all any each every
both either neither no not none nor but and or so yet if when while where why how what which who whom whose after
before since until as at in on of for from to with without by about above below under over into onto upon among
amid against despite during through throughout between beyond like unlike near also still even just only then
thus however meanwhile moreover furthermore nevertheless instead otherwise besides although though because once
now today yesterday tomorrow last next earlier later recently previously currently finally first second third
initially overall separately similarly additionally elsewhere nearly almost about around roughly officials police
authorities analysts experts critics supporters residents witnesses investors traders shares stocks prices sales
revenue profits earnings talks negotiations protests clashes fighting violence troops soldiers rebels forces
countries nations leaders lawmakers voters people families children women men workers students scientists
researchers doctors government governments reports according asked speaking writing responding addressing
following citing noting adding saying describing calling urging despite under such other another same whatever whoever whether do does did
don't doesn't didn't is are was were be been being has have had will would shall should can could may might must
let let's please yes no oh well indeed perhaps maybe certainly clearly obviously apparently reportedly unlike
asked told said says added earlier late early rival fellow top senior veteran outgoing incoming embattled jailed
ousted exiled`;

/** Capitalized words that join two parts of one name ("Bank of England", "Charles de Gaulle"). */
export const CONNECTORS = "of de del della di da dos das du van von der den al el bin ibn la le y the for and & on upon in";

/** Named events, competitions and products that read like names but are none of our three types. */
export const EVENTS = `Grand Slam|World Cup|Olympics|Olympic Games|Paralympics|Super Bowl|Grand Prix|Champions Trophy|
World Series|Tour de France|Wimbledon|Ramadan|Brexit|Cold War|World War|World War II|Holocaust|Nobel Prize|
Nobel Peace Prize|Oscars|Academy Awards|Grammy|Grammys|Budget Day|Election Day|Independence Day|
Black Friday|Cyber Monday|New Year's Day|Christmas Day|Easter Sunday|Good Friday|Holy Week|Lent|Hajj|Kumbh Mela|
Test|ODI|T20|IPL|Euro|Euros|Copa America|Africa Cup of Nations|Six Nations|Ryder Cup|Davis Cup|Fed Cup|
Stanley Cup|NBA Finals|Masters|Open|US Open|U.S. Open|French Open|Australian Open|Ballon d'Or|Quran|Bible|
Constitution|COVID-19 pandemic|Gross Domestic Product|Gross State Domestic Product|GSDP|Category|New Year|Read More|Also Read|Hang Seng|S&P 500|Dow Jones Industrial Average|Hurricane|Typhoon|Cyclone|Storm|Tropical Storm|Operation`;

/** Compass and size words that open a place's name when a place follows ("North Darfur", "Greater Accra"). */
export const PLACE_MODIFIERS = "North South East West Northern Southern Eastern Western Central Upper Lower Greater San Santa Saint St Sao São";

/** Event words whose following name is the event's own ("Hurricane Milton", "Operation Sindoor"). */
export const EVENT_HEAD_WORDS = "Hurricane Typhoon Cyclone Storm Operation";

/** Title heads that take the capitalized portfolio words before them ("Union Ports Minister", "Energy and Mines Minister"). */
export const PORTFOLIO_TITLE_HEADS = "minister secretary commissioner spokesman spokeswoman spokesperson adviser advisor director";

/** Legal-form suffixes dropped from organization names ("Harlow Foods Inc" → "Harlow Foods"). */
export const LEGAL_SUFFIXES = "Inc Ltd Corp Co PLC plc LLC LLP AG SA SE NV GmbH Limited";

/** Lowercase nouns right after a name that say it is a place ("Bab al-Hawa border crossing"). */
export const PLACE_NOUNS = "crossing border province region district county state city town village island river valley camp airport port mine mines oilfield";

/** Verbs of motion: "to" after them names a place ("travel to Cusco", "flew to Nairobi"). */
export const MOTION_VERBS = `travel travels travelled traveled travelling traveling go goes went going fly flies flew flying move moved
moving return returns returned returning head heads headed heading sent send deployed deploy trip trips drive drove
driven sail sailed evacuated fled flee flees`;
