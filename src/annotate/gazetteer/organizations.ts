/**
 * Organizations news names most often: international bodies, governments' departments and agencies,
 * central banks, parties, armed groups, companies, sports bodies and clubs, media. One per line:
 * "Canonical|alias|alias". The canonical form is the one the story desk would query by: the short form where
 * that is what everyone writes ("CARICOM", "NATO"), the long form otherwise ("United Nations").
 *
 * Aliases written in capitals with no lowercase letter ("UN", "IMF") only match in capitals, so "who" and
 * "Who" never become the World Health Organization.
 */
export const ORGANIZATIONS = `United Nations|U.N.|UN|United Nations Organization
UN Security Council|U.N. Security Council|United Nations Security Council|Security Council|UNSC
UN General Assembly|U.N. General Assembly|United Nations General Assembly|UNGA
UN Human Rights Council|U.N. Human Rights Council|Human Rights Council|UNHRC
UNICEF|United Nations Children's Fund|U.N. Children's Fund|UN Children's Fund
UNHCR|United Nations High Commissioner for Refugees|U.N. refugee agency|UN refugee agency|Office of the United Nations High Commissioner for Refugees
UNESCO|United Nations Educational, Scientific and Cultural Organization
UNRWA|United Nations Relief and Works Agency
World Food Programme|WFP|World Food Program|U.N. World Food Programme|UN World Food Programme
World Health Organization|WHO|World Health Organisation
International Monetary Fund|IMF
World Bank|World Bank Group
World Trade Organization|WTO|World Trade Organisation
Asia-Pacific Economic Cooperation|APEC
International Atomic Energy Agency|IAEA
International Criminal Court|ICC
International Court of Justice|ICJ|World Court
International Labour Organization|ILO|International Labor Organization
International Energy Agency|IEA
International Organization for Migration|IOM
International Committee of the Red Cross|ICRC|Red Cross
Doctors Without Borders|MSF|Medecins Sans Frontieres|Médecins Sans Frontières
Amnesty International|Amnesty
Human Rights Watch|HRW
Transparency International
Greenpeace
Oxfam
Save the Children
CARICOM|Caribbean Community|Caribbean Community and Common Market
Organization of American States|OAS
European Union|EU|E.U.
European Commission|EC
European Parliament
European Central Bank|ECB
European Council
Council of the European Union|Council of the EU
Eurogroup
NATO|North Atlantic Treaty Organization|Nato
African Union|AU
ECOWAS|Economic Community of West African States
Southern African Development Community|SADC
East African Community|EAC
ASEAN|Association of Southeast Asian Nations
Gulf Cooperation Council|GCC
Arab League|League of Arab States
OPEC|Organization of the Petroleum Exporting Countries
OPEC+|OPEC Plus
G7|Group of Seven|G-7
G20|Group of 20|G-20|Group of Twenty
BRICS
Commonwealth
Shanghai Cooperation Organisation|SCO|Shanghai Cooperation Organization
Organisation for Economic Co-operation and Development|OECD|Organization for Economic Cooperation and Development
Asian Development Bank|ADB
African Development Bank|AfDB
Inter-American Development Bank|IDB
Bank for International Settlements|BIS
Financial Action Task Force|FATF
Interpol
Europol
Frontex
State Department|U.S. State Department|US State Department|Department of State|U.S. Department of State|US Department of State
Joint Chiefs of Staff|Joint Chiefs
Pentagon|Department of Defense|U.S. Department of Defense|Defense Department|U.S. Defense Department|Department of War
Treasury Department|U.S. Treasury|US Treasury|Department of the Treasury|U.S. Treasury Department
Justice Department|U.S. Justice Department|Department of Justice|DOJ|U.S. Department of Justice
Department of Homeland Security|DHS|Homeland Security Department
Commerce Department|U.S. Commerce Department|Department of Commerce
Labor Department|U.S. Labor Department|Department of Labor
Federal Bureau of Investigation|FBI
Central Intelligence Agency|CIA
National Security Agency|NSA
Drug Enforcement Administration|DEA
Federal Aviation Administration|FAA
Food and Drug Administration|FDA|U.S. Food and Drug Administration
Centers for Disease Control and Prevention|CDC|U.S. Centers for Disease Control and Prevention
Environmental Protection Agency|EPA
Securities and Exchange Commission|SEC|U.S. Securities and Exchange Commission
Federal Trade Commission|FTC
Federal Communications Commission|FCC
Internal Revenue Service|IRS
Immigration and Customs Enforcement|ICE
Customs and Border Protection|CBP|U.S. Customs and Border Protection
NASA|National Aeronautics and Space Administration
National Institutes of Health|NIH
National Weather Service
National Hurricane Center
Federal Reserve|Fed|U.S. Federal Reserve|Federal Reserve Board
White House
Kremlin
U.S. Congress|Congress|US Congress
U.S. Senate|US Senate
U.S. House of Representatives|House of Representatives
U.S. Supreme Court|US Supreme Court
Democratic Party|Democratic National Committee|DNC
Republican Party|GOP|Republican National Committee|RNC
Bank of England|BoE
Bank of Japan|BOJ|BoJ
People's Bank of China|PBOC
Reserve Bank of India|RBI
Reserve Bank of Australia|RBA
Bank of Canada
Swiss National Bank|SNB
Central Bank of Nigeria|CBN
South African Reserve Bank|SARB
Central Bank of Kenya|CBK
House of Commons
House of Lords
Conservative Party|Tory party
Labour Party|Labour
Liberal Democrats|Lib Dems
Scottish National Party|SNP
Bharatiya Janata Party|BJP
Indian National Congress|Congress party
Aam Aadmi Party|AAP
Pakistan Tehreek-e-Insaf|PTI party
African National Congress|ANC
Democratic Alliance
Economic Freedom Fighters|EFF
Chinese Communist Party|Communist Party of China|CCP|CPC
Likud
Hamas
Hezbollah
Houthis|Ansar Allah
Islamic State|ISIS|ISIL|Daesh
al Qaeda|al-Qaeda|Al Qaeda|Al-Qaeda
Taliban
al-Shabaab|al Shabaab|Al-Shabaab|Al Shabaab
Boko Haram
Wagner|Wagner Group
Rapid Support Forces|RSF
Sudanese Armed Forces|SAF
Islamic Revolutionary Guard Corps|IRGC|Revolutionary Guards
Israel Defense Forces|IDF
M23|M23 rebels
Palestinian Authority
Muslim Brotherhood
FIFA
UEFA
International Olympic Committee|IOC
International Cricket Council|ICC cricket
Board of Control for Cricket in India|BCCI
Premier League|English Premier League|EPL
La Liga
Serie A
Bundesliga
Champions League|UEFA Champions League
NBA|National Basketball Association
NFL|National Football League
MLB|Major League Baseball
NHL
World Anti-Doping Agency|WADA
Formula One|F1|Formula 1
Manchester United|Man United|Man Utd
Manchester City|Man City
Arsenal
Chelsea
Liverpool FC
Tottenham Hotspur|Tottenham|Spurs
Real Madrid
Barcelona FC|FC Barcelona|Barca
Atletico Madrid
Bayern Munich|Bayern
Borussia Dortmund|Dortmund
Paris Saint-Germain|PSG
Juventus
AC Milan
Inter Milan
Napoli
Ajax
Celtic
Rangers
Al-Hilal|Al Hilal
Al-Nassr|Al Nassr
Getty Images|Getty
Royal Canadian Mounted Police|RCMP
Federation of Indian Chambers of Commerce and Industry|FICCI
Confederation of Indian Industry|CII
Crime Stoppers
Western Union
Raymond James
Zacks Investment Research|Zacks
MarketBeat
Shutterstock
Alamy
Apple|Apple Inc
Microsoft
Alphabet
Google
Amazon
Meta|Meta Platforms
Facebook
Instagram
WhatsApp
Netflix
Tesla
SpaceX
X Corp
Twitter
TikTok
ByteDance
Nvidia
Intel
AMD|Advanced Micro Devices
Qualcomm
Broadcom
Arm Holdings
TSMC|Taiwan Semiconductor Manufacturing Co|Taiwan Semiconductor Manufacturing Company
Samsung Electronics|Samsung
SK Hynix
LG Electronics|LG
Sony
Toyota|Toyota Motor
Honda
Nissan
Hyundai|Hyundai Motor
Volkswagen|VW
BMW
Mercedes-Benz|Mercedes
Stellantis
Ford|Ford Motor
General Motors|GM
BYD
Huawei
Xiaomi
Alibaba
Tencent
Baidu
OpenAI
Anthropic
IBM
Oracle
Salesforce
Cisco
Uber
Airbnb
Boeing
Airbus
Lockheed Martin
Raytheon|RTX
Northrop Grumman
BAE Systems
Emirates airline
Qatar Airways
Lufthansa
Air France
British Airways
Delta Air Lines
United Airlines
American Airlines
Ryanair
Kenya Airways
Ethiopian Airlines
Air India
IndiGo
ExxonMobil|Exxon Mobil|Exxon
Chevron
Shell
BP
TotalEnergies
Saudi Aramco|Aramco
Gazprom
Rosneft
Glencore
Rio Tinto
BHP
Anglo American
Vale
ArcelorMittal
JPMorgan Chase|JPMorgan|JP Morgan|J.P. Morgan
Goldman Sachs
Morgan Stanley
Citigroup|Citi
Bank of America
Wells Fargo
BlackRock
HSBC
Barclays
UBS
Credit Suisse
Deutsche Bank
BNP Paribas
Standard Chartered
Berkshire Hathaway
Visa
Mastercard
PayPal
Pfizer
Moderna
Johnson & Johnson|J&J
AstraZeneca
Novartis
Roche
Merck
Eli Lilly
Novo Nordisk
GSK|GlaxoSmithKline
Sanofi
Bayer
Walmart
Costco
Nestle|Nestlé
Unilever
Coca-Cola
PepsiCo|Pepsi
McDonald's
Starbucks
Nike
Adidas
Disney|Walt Disney
Warner Bros Discovery
Reliance Industries|Reliance
Tata Group|Tata
Tata Motors
Tata Consultancy Services|TCS
Infosys
Wipro
Adani Group|Adani
Safaricom
MTN|MTN Group
Dangote|Dangote Group
Nigerian National Petroleum Company|NNPC|NNPC Ltd
Sonatrach
Petrobras
Pemex
Equinor
Maersk
Siemens
Nokia
Ericsson
Spotify
Zoom
Starlink
BBC|British Broadcasting Corporation
CNN
Al Jazeera
The New York Times|New York Times|NYT
The Washington Post|Washington Post
The Wall Street Journal|Wall Street Journal|WSJ
Financial Times|FT
The Guardian
The Economist
Fox News
Harvard University|Harvard
Stanford University|Stanford
Massachusetts Institute of Technology|MIT
University of Oxford|Oxford University
University of Cambridge|Cambridge University
Yale University|Yale
Princeton University|Princeton
Columbia University`;

/**
 * News agencies: organizations, whether credited for the copy ("(Reuters)", "told AFP") or written about, under
 * the wire's canonical name (wires.ts) where it has one. See docs/ENTITY-GUIDELINES.md.
 */
export const NEWS_AGENCIES = `Reuters|Thomson Reuters|Associated Press|AP|Agence France-Presse|AFP|Press Trust of India|PTI|
Indo-Asian News Service|IANS|Asian News International|ANI|Bloomberg|Bloomberg News|Xinhua|Kyodo|Kyodo News|Yonhap|
TASS|RIA Novosti|RIA|Interfax|Anadolu|Anadolu Agency|dpa|DPA|EFE|ANSA|AAP|Australian Associated Press|
Canadian Press|UNI|United News of India|Bernama|Antara|KUNA|WAM|Saudi Press Agency|IRNA|Tasnim|
PA Media|Press Association|News Agency of Nigeria|Kenya News Agency|Sputnik|
Prensa Latina|Agencia Brasil|Notimex|Jiji|Jiji Press|CNA|Central News Agency|Yonhap News Agency|UPI|
United Press International|Dow Jones|Newswires|Dow Jones Newswires|Business Wire|PR Newswire|GlobeNewswire`;

/**
 * Sports clubs and franchises by the names sports pages print, full and short, where the short form names the
 * club and nothing else ("Wolves", "Spurs"). A bare town name that is also the club ("Brighton", "Leicester")
 * is left out: the tagger reads it from its context, and the guideline's table rule types it in results.
 */
export const SPORTS_CLUBS = `Aston Villa
AFC Bournemouth
Brentford FC
Brighton & Hove Albion|Brighton and Hove Albion
Crystal Palace
Everton|Everton FC
Fulham FC
Ipswich Town
Leicester City
Newcastle United
Nottingham Forest
Southampton FC
West Ham United|West Ham
Wolverhampton Wanderers|Wolves
Leeds United
Burnley FC
Sheffield United
Sheffield Wednesday
Luton Town
Norwich City
Sunderland AFC
Watford FC
West Bromwich Albion|West Brom
Middlesbrough FC
Stoke City
Swansea City
Cardiff City
Hull City
Coventry City
Birmingham City
Blackburn Rovers
Bristol City
Derby County
Queens Park Rangers|QPR
Preston North End
Millwall
Plymouth Argyle
Huddersfield Town
Bolton Wanderers
Wigan Athletic
Charlton Athletic
Portsmouth FC
Aberdeen FC
Heart of Midlothian|Hearts
Hibernian
Athletic Bilbao|Athletic Club
Real Sociedad
Real Betis
Sevilla FC
Villarreal
Valencia CF
Celta Vigo
Osasuna
Getafe
Rayo Vallecano
Espanyol
Girona FC
Deportivo Alaves|Alaves|Deportivo Alavés|Alavés
Real Valladolid
Sporting Gijon|Sporting Gijón
AS Roma
SS Lazio
Atalanta
Fiorentina
Torino FC
Bologna FC
Udinese
Sampdoria
Genoa CFC
RB Leipzig
Bayer Leverkusen
Eintracht Frankfurt
VfB Stuttgart
Borussia Monchengladbach|Borussia Mönchengladbach|Gladbach
VfL Wolfsburg
Werder Bremen
Schalke 04|Schalke
Union Berlin
SC Freiburg
TSG Hoffenheim|Hoffenheim
Hertha Berlin|Hertha BSC
Hamburger SV
Olympique de Marseille
Olympique Lyonnais
AS Monaco
Lille OSC
Stade Rennais
OGC Nice
RC Lens
PSV Eindhoven|PSV
Feyenoord
AZ Alkmaar
Benfica
FC Porto
Sporting CP|Sporting Lisbon
SC Braga
Galatasaray
Fenerbahce|Fenerbahçe
Besiktas|Beşiktaş
Trabzonspor
Al-Ittihad|Al Ittihad
Al-Ahli|Al Ahli
Al-Ettifaq|Al Ettifaq
Al Ahly|Al-Ahly
Zamalek
Kaizer Chiefs
Orlando Pirates
Mamelodi Sundowns
Esperance de Tunis|Espérance de Tunis
Wydad Casablanca|Wydad AC
Raja Casablanca
TP Mazembe
Enyimba
Asante Kotoko
Hearts of Oak
Gor Mahia
AFC Leopards
Simba SC
Young Africans|Yanga
Mohun Bagan|Mohun Bagan Super Giant
East Bengal FC
Kerala Blasters
Bengaluru FC
Mumbai City FC
FC Goa
Chennaiyin FC
Odisha FC
Hyderabad FC
Jamshedpur FC
NorthEast United
Punjab FC
Chennai Super Kings|CSK
Mumbai Indians
Royal Challengers Bengaluru|Royal Challengers Bangalore|RCB
Kolkata Knight Riders|KKR
Delhi Capitals
Rajasthan Royals
Sunrisers Hyderabad|SRH
Punjab Kings
Lucknow Super Giants|LSG
Gujarat Titans
Lahore Qalandars
Karachi Kings
Islamabad United
Peshawar Zalmi
Quetta Gladiators
Multan Sultans
Inter Miami|Inter Miami CF
LA Galaxy
Los Angeles FC|LAFC
Seattle Sounders
Atlanta United
New York Red Bulls
New York City FC|NYCFC
Columbus Crew
FC Cincinnati
Orlando City
Toronto FC
CF Montreal|CF Montréal
Vancouver Whitecaps
Flamengo
Palmeiras
Corinthians
Sao Paulo FC|São Paulo FC
Santos FC
Fluminense
Gremio|Grêmio
Botafogo
Boca Juniors
Racing Club
Independiente
Cruz Azul
Tigres UANL
Pumas UNAM
Los Angeles Lakers|Lakers
Golden State Warriors
Boston Celtics|Celtics
Milwaukee Bucks
Denver Nuggets
Miami Heat
Phoenix Suns
Dallas Mavericks|Mavericks
Philadelphia 76ers|76ers|Sixers
New York Knicks|Knicks
Brooklyn Nets
Chicago Bulls
Cleveland Cavaliers
Oklahoma City Thunder
San Antonio Spurs
Houston Rockets
Minnesota Timberwolves|Timberwolves
Sacramento Kings
Los Angeles Clippers|Clippers
Kansas City Chiefs
Philadelphia Eagles
San Francisco 49ers|49ers
Dallas Cowboys
Buffalo Bills
Baltimore Ravens
Green Bay Packers
Detroit Lions
New England Patriots
Pittsburgh Steelers
New York Yankees|Yankees
Los Angeles Dodgers|Dodgers
Boston Red Sox|Red Sox
Chicago Cubs
New York Mets
Toronto Blue Jays|Blue Jays
Toronto Maple Leafs|Maple Leafs
Montreal Canadiens
Edmonton Oilers
Melbourne Storm
Sydney Swans
Collingwood Magpies
Brisbane Broncos
Urawa Red Diamonds
Jeonbuk Hyundai Motors
Ulsan HD
All Blacks
Black Ferns
Springboks
Wallabies
Socceroos
Matildas
Black Caps|BlackCaps
Proteas
Super Eagles
Super Falcons
Black Stars
Bafana Bafana
Indomitable Lions
Harambee Stars
Atlas Lions
Les Bleus
Azzurri
Three Lions
Adelaide United
Brisbane Roar
Central Coast Mariners
Macarthur FC
Melbourne City
Melbourne Victory
Newcastle Jets
Perth Glory
Sydney FC
Wellington Phoenix
Western Sydney Wanderers
Western United
Auckland FC
Penrith Panthers
Sydney Roosters
South Sydney Rabbitohs|Rabbitohs
Parramatta Eels
Canterbury-Bankstown Bulldogs
Cronulla-Sutherland Sharks|Cronulla Sharks
Manly Warringah Sea Eagles|Manly Sea Eagles
North Queensland Cowboys
Canberra Raiders
Newcastle Knights
Gold Coast Titans
St George Illawarra Dragons
Wests Tigers
New Zealand Warriors
Geelong Cats
West Coast Eagles
Adelaide Crows
Brisbane Lions
Gold Coast Suns
Fremantle Dockers
Western Bulldogs
Melbourne Demons
Crusaders
Highlanders
Brumbies
Waratahs
Fijian Drua
Moana Pasifika
UAE Team Emirates
Visma-Lease a Bike|Team Visma
Soudal Quick-Step
Ineos Grenadiers
Lidl-Trek
Decathlon AG2R La Mondiale
Uno-X Mobility
EF Education-EasyPost
Red Bull-Bora-Hansgrohe|Bora-Hansgrohe
Alpecin-Deceuninck
Movistar Team
Groupama-FDJ
Bahrain Victorious
Boston Bruins|Bruins
New York Rangers
Tampa Bay Lightning
Florida Panthers
Vegas Golden Knights
Colorado Avalanche
Vancouver Canucks|Canucks
Calgary Flames
Ottawa Senators
Winnipeg Jets
Chicago Blackhawks|Blackhawks
Detroit Red Wings|Red Wings
Pittsburgh Penguins
Washington Capitals
Philadelphia Flyers
Carolina Hurricanes
New Jersey Devils
Dallas Stars
Los Angeles Kings
Seattle Kraken
Houston Astros|Astros
Atlanta Braves|Braves
Philadelphia Phillies|Phillies
San Diego Padres|Padres
Seattle Mariners
Texas Rangers
Baltimore Orioles|Orioles
Cleveland Guardians
Minnesota Twins
Tampa Bay Rays
St. Louis Cardinals
San Francisco Giants
Chicago White Sox|White Sox
Detroit Tigers
Milwaukee Brewers
Arizona Diamondbacks|Diamondbacks
Miami Dolphins
New York Giants
New York Jets
Los Angeles Rams
Cincinnati Bengals|Bengals
Denver Broncos
Chicago Bears
Seattle Seahawks|Seahawks
Minnesota Vikings
Houston Texans
Las Vegas Raiders
Jacksonville Jaguars
Tampa Bay Buccaneers|Buccaneers
New Orleans Saints
Atlanta Falcons
Carolina Panthers
Washington Commanders
Arizona Cardinals
Tennessee Titans
Indianapolis Colts
Cleveland Browns
Los Angeles Chargers`;

/**
 * Political parties and coalitions by the names and acronyms news prints. An acronym or a name that is also
 * something else in news (PPP a partnership, PKR a currency, DA a prosecutor, ACT a territory, NDC a climate
 * pledge, Vox an outlet, Morena a district, PAN, PT, SP) is left out, and so is a name several countries' parties
 * share ("Liberal Party"): the tagger reads those from their context. A bracketed part ("Janata Dal (United)")
 * never matches the tagger's tokens as one phrase; such a name is listed for its canonical form.
 */
export const POLITICAL_PARTIES = `Barisan Nasional
Pakatan Harapan
Pakatan Rakyat
United Malays National Organisation|UMNO|Umno
Malaysian Islamic Party|Parti Islam Se-Malaysia|PAS
Democratic Action Party
Parti Keadilan Rakyat|People's Justice Party
Bersatu|Parti Pribumi Bersatu Malaysia
Perikatan Nasional
People's Action Party
New Zealand Labour Party
New Zealand National Party
New Zealand First|NZ First
United Future
Green Party
Liberal Party of Canada
Conservative Party of Canada
New Democratic Party|NDP
Progressive Conservatives|Progressive Conservative Party
Bloc Québécois|Bloc Quebecois
Liberal Party of Australia
Australian Labor Party|Labor Party
Liberal Democrats|Lib Dems
Reform UK
Plaid Cymru
Democratic Unionist Party|DUP
Sinn Féin|Sinn Fein
Communist Party of India-Marxist|Communist Party of India (Marxist)|CPI-M
Communist Party of India
Dravida Munnetra Kazhagam|DMK
All India Anna Dravida Munnetra Kazhagam|AIADMK
All India Trinamool Congress|Trinamool Congress|TMC
Bahujan Samaj Party|BSP
Samajwadi Party
Rashtriya Janata Dal|RJD
Janata Dal (United)|JDU
Janata Dal (Secular)
Janata Dal
Shiv Sena
Nationalist Congress Party|NCP
Telugu Desam Party|TDP
YSR Congress Party|YSRCP
Bharat Rashtra Samithi|BRS
Biju Janata Dal|BJD
Shiromani Akali Dal
Indian National Lok Dal|INLD
Pakistan Muslim League-Nawaz|PML-N
Pakistan Peoples Party|Pakistan People's Party
Muttahida Qaumi Movement|MQM
Jamiat Ulema-e-Islam|JUI-F
Awami League
Bangladesh Nationalist Party
Jamaat-e-Islami
Sri Lanka Podujana Peramuna|SLPP
United National Party|UNP
Samagi Jana Balawegaya|SJB
Janatha Vimukthi Peramuna|JVP
National People's Power
Nepali Congress
CPN-UML
Economic Freedom Fighters|EFF
uMkhonto weSizwe|MK Party
Inkatha Freedom Party|IFP
All Progressives Congress|APC
Peoples Democratic Party|People's Democratic Party|PDP
New Nigeria Peoples Party|NNPP
Orange Democratic Movement|ODM
United Democratic Alliance
Jubilee Party
Wiper Democratic Movement
ZANU-PF|Zanu-PF
Citizens Coalition for Change
Movement for Democratic Change
New Patriotic Party
National Democratic Congress
FRELIMO|Frelimo
MPLA
SWAPO|Swapo
Christian Democratic Union|CDU
Christian Social Union|CSU
Social Democratic Party|SPD
Alternative for Germany|Alternative für Deutschland|AfD
Free Democratic Party|FDP
Rassemblement National|National Rally
La France Insoumise|France Unbowed
Les Républicains
Partido Popular
Spanish Socialist Workers' Party|PSOE
Sumar
Brothers of Italy|Fratelli d'Italia
Forza Italia
Five Star Movement
Law and Justice|PiS
Civic Platform
Fidesz
Likud
Yesh Atid
Institutional Revolutionary Party|PRI
National Action Party
Workers' Party
Liberal Democratic Party|LDP
Constitutional Democratic Party of Japan
Democratic Progressive Party|DPP
Kuomintang|KMT
People Power Party
Golkar
Gerindra
Indonesian Democratic Party of Struggle|PDI-P
Partido Federal ng Pilipinas
Pheu Thai
People's Party
Move Forward Party
National League for Democracy|NLD`;

/**
 * News outlets by their mastheads, as bylines, credits and "told X" print them; "The" is kept where it is part of
 * the masthead ("The Hindu"). A masthead that is also a word or another outlet's short form ("Mint", "Stuff",
 * "Nation", "Inquirer") is listed only in its long form. An outlet named only in a leftover syndication
 * disclaimer is still no entity: the flags stage cuts that sentence from the text before tagging.
 */
export const NEWS_OUTLETS = `The Hindu
Hindustan Times
The Times of India|Times of India|TOI
The Indian Express|Indian Express
The Economic Times|Economic Times
Business Standard
Livemint
NDTV
India Today
Deccan Herald
The Tribune
Mid-Day|mid-day
The Print|ThePrint
Scroll.in
The Wire
News18
Dawn
The Express Tribune|Express Tribune
Geo News
The News International
Daily Star|The Daily Star
Prothom Alo
Dhaka Tribune
Daily Mirror
Kathmandu Post|The Kathmandu Post
Malay Mail
New Straits Times|NST
The Star
Straits Times|The Straits Times
Channel NewsAsia
Jakarta Post|The Jakarta Post
Kompas
Tempo
Philippine Daily Inquirer
Rappler
GMA News
ABS-CBN
South China Morning Post|SCMP
Global Times
China Daily
People's Daily
Nikkei Asia|Nikkei
Japan Times|The Japan Times
Korea Herald|The Korea Herald
Korea JoongAng Daily
Daily Nation
The Standard
The Citizen
The EastAfrican
The Punch
Vanguard
ThisDay
Premium Times
The Guardian Nigeria
Daily Trust
Channels Television|Channels TV
News24
Daily Maverick
Mail & Guardian
eNCA
SABC
Daily Graphic
Citi FM
Joy News|JoyNews|MyJoyOnline
Ahram Online
Arab News
Gulf News
Khaleej Times
The National
Haaretz
The Times of Israel|Times of Israel
Jerusalem Post|The Jerusalem Post
Al Arabiya
Anadolu Ajansı
TRT World
Daily Sabah
Press TV
Tehran Times
Sky News
ITV News|ITV
Channel 4 News
The Times
The Telegraph|Daily Telegraph
The Independent
Daily Mail|Mail Online|MailOnline
The Sun
Evening Standard
Politico|POLITICO
Axios
NPR|National Public Radio
CBS News
NBC News
ABC News
CNBC
MSNBC
USA Today
Los Angeles Times|LA Times
Chicago Tribune
The Boston Globe|Boston Globe
Associated Press News|AP News
CBC News|CBC
CTV News|CTV
Global News
Toronto Star
The Globe and Mail|Globe and Mail
National Post
Sydney Morning Herald|The Sydney Morning Herald
The Age
The Australian
ABC Australia
New Zealand Herald|NZ Herald
RNZ|Radio New Zealand
Deutsche Welle|DW
Der Spiegel|Spiegel
Bild
Le Monde
Le Figaro
El País|El Pais
Corriere della Sera
La Repubblica
Folha de S.Paulo|Folha
O Globo
Clarín|Clarin
Euronews
France 24
RFI|Radio France Internationale
Agence Ecofin
Devex
Benzinga`;

/**
 * Companies, exchanges and market bodies business copy names (the large listed companies of each region, as
 * their own names and usual short forms). Loaded after places, so a place keeps its name ("Orange" is no company
 * here, "Target" neither); names that are also common words are left out.
 */
export const COMPANIES = `Bombay Stock Exchange|BSE
National Stock Exchange|NSE|National Stock Exchange of India
New York Stock Exchange|NYSE
Nasdaq|Nasdaq Stock Market
London Stock Exchange|LSE|London Stock Exchange Group|LSEG
Johannesburg Stock Exchange|JSE
Nairobi Securities Exchange|NSE Kenya
Nigerian Exchange|Nigerian Exchange Group|NGX
Tokyo Stock Exchange|TSE|Japan Exchange Group
Shanghai Stock Exchange|Shenzhen Stock Exchange
Hong Kong Stock Exchange|HKEX|Hong Kong Exchanges and Clearing
Singapore Exchange|SGX
Korea Exchange
Australian Securities Exchange|ASX
Toronto Stock Exchange|TSX
Deutsche Boerse|Deutsche Börse
Euronext
Pakistan Stock Exchange|PSX
Dhaka Stock Exchange|DSE
Saudi Exchange
Tadawul
Borsa Istanbul
Moscow Exchange
MSCI
S&P Global|S&P Dow Jones Indices|Standard & Poor's
Moody's|Moody's Investors Service
Fitch Ratings|Fitch
Bloomberg News|Bloomberg LP
LSEG Data & Analytics|Refinitiv
FactSet
Morningstar
Nomura
Mizuho
Macquarie
Jefferies
Charles Schwab
Fidelity Investments
American Express|Amex
Capital One
Santander|Banco Santander
BBVA
ING|ING Group
Intesa Sanpaolo
UniCredit
Societe Generale|Société Générale
Credit Agricole|Crédit Agricole
Commerzbank
Lloyds Banking Group|Lloyds
NatWest|NatWest Group
Allianz
AXA
Generali
Zurich Insurance|Zurich Insurance Group
AIA|AIA Group
Ping An|Ping An Insurance
ICBC|Industrial and Commercial Bank of China
Bank of China
China Construction Bank
Agricultural Bank of China
DBS|DBS Bank
OCBC|OCBC Bank
Maybank
CIMB
Standard Bank
Absa|Absa Group
FirstRand
Ecobank
Access Bank
Zenith Bank
Equity Bank|Equity Group
KCB Group|KCB
Emirates NBD
Qatar National Bank|QNB
HDFC Bank|HDFC
ICICI Bank|ICICI
State Bank of India|SBI
Axis Bank
Kotak Mahindra Bank
Bajaj Finance
Bajaj Auto
Bharti Airtel|Airtel
Airtel Africa
Vodafone Idea
Jio|Reliance Jio|Jio Platforms
Hero MotoCorp
Mahindra & Mahindra
Maruti Suzuki
Larsen & Toubro|L&T
Hindustan Unilever|HUL
ITC
Asian Paints
Sun Pharma|Sun Pharmaceutical
Dr Reddy's Laboratories|Dr Reddy's|Dr. Reddy's Laboratories|Dr. Reddy's
Cipla
Lupin
Vedanta
Hindalco
JSW Steel
Tata Steel
Tata Power
Coal India
ONGC|Oil and Natural Gas Corporation
Indian Oil|Indian Oil Corporation
NTPC
Power Grid Corporation|Power Grid
Life Insurance Corporation|LIC
HCLTech|HCL Technologies
Tech Mahindra
Zomato
Swiggy
Paytm
Flipkart
Nykaa
Ola Electric
UltraTech Cement
Adani Enterprises
Adani Ports
Adani Green Energy
Godrej Group
Biocon
Serum Institute of India|Serum Institute
Bharat Biotech
SoftBank|SoftBank Group
Panasonic
Hitachi
Mitsubishi|Mitsubishi Corp
Toshiba
Nintendo
Fujitsu
Mazda
Subaru
Kia
POSCO
Hanwha
Lotte
PetroChina
Sinopec
China Mobile
CATL
Lenovo
JD.com
Pinduoduo|PDD Holdings
Meituan
NetEase
Foxconn|Hon Hai
MediaTek
Petronas
Pertamina
Sea Limited|Shopee
Gojek|GoTo
Jollibee
Ayala Corp
SM Investments
Thai Airways
Singapore Airlines
Cathay Pacific
Garuda Indonesia
Philippine Airlines
Turkish Airlines
EgyptAir
South African Airways
Virgin Atlantic
easyJet
Qantas
Air Canada
Southwest Airlines
JetBlue
LVMH
Kering
Hermès
L'Oreal|L'Oréal
Danone
Carrefour
Renault
Peugeot
Ferrari
Fiat
Volvo
Scania
IKEA
H&M
Inditex
Philips
ASML
Heineken
Anheuser-Busch InBev|AB InBev
Diageo
Vodafone
Deutsche Telekom
Telefonica|Telefónica
BT|BT Group
Tesco
Sainsbury's
Marks & Spencer|M&S
Rolls-Royce
Aviva
Legal & General
British American Tobacco
Philip Morris
Reckitt
Burberry
Porsche
Audi
Bosch
BASF
Thyssenkrupp
Airbus Defence and Space
Rheinmetall
Thales
Dassault
Safran
Saab
Ericsson AB
SAP
Spotify Technology
Home Depot
Procter & Gamble|P&G
General Electric|GE
3M
Caterpillar
Honeywell
ConocoPhillips
Occidental Petroleum|Occidental
Halliburton
Schlumberger|SLB
AT&T
Verizon
T-Mobile
Comcast
Dell Technologies
HP|HP Inc
Hewlett Packard Enterprise|HPE
Adobe
Palantir
ServiceNow
Micron
Texas Instruments
AMD Inc
Intel Corp
UnitedHealth|UnitedHealth Group
CVS Health|CVS
Abbott Laboratories
AbbVie
Bristol-Myers Squibb|Bristol Myers Squibb
Amgen
Gilead|Gilead Sciences
Regeneron
Kroger
FedEx
UPS|United Parcel Service
Lyft
DoorDash
Coinbase
Binance
FTX
Robinhood
Block Inc
Shopify
Rogers Communications
Bell Canada
BCE
Royal Bank of Canada|RBC
TD Bank|Toronto-Dominion Bank
Commonwealth Bank|Commonwealth Bank of Australia
Westpac
ANZ
National Australia Bank|NAB
Woolworths
Wesfarmers
Fortescue
Woodside Energy
Telstra
Fonterra
Air New Zealand
Naspers
Prosus
Sasol
Shoprite
Vodacom
Ethio Telecom
MTN Nigeria
Dangote Cement
Seplat
ADNOC
Emirates Group
Etisalat
QatarEnergy
SABIC
STC|Saudi Telecom
Saudi National Bank
America Movil|América Movil|América Móvil
Cemex
Embraer
Itau Unibanco|Itaú Unibanco|Itau|Itaú
Bradesco
YPF
Mercado Libre
Codelco
Ecopetrol
Grupo Mexico|Grupo México
Televisa
Globo`;

/**
 * Legislatures, courts, police forces, election bodies and other state institutions by the names stories use
 * alone ("the Knesset", "the Lok Sabha", "Scotland Yard"): no cue word marks them as organizations.
 */
export const STATE_BODIES = `Knesset
Bundestag
Bundesrat
State Duma|Duma
Federation Council
Lok Sabha
Rajya Sabha
National Assembly
Senate
House of Commons
House of Lords
Sejm
Legislative Yuan
Executive Yuan
Dáil Éireann|Dáil|Dail
Seanad Éireann|Seanad
Storting
Riksdag
Folketing
Eduskunta
Althing
Bundesversammlung
Cortes Generales
Congress of Deputies
Chamber of Deputies
Verkhovna Rada|Rada
National People's Congress|NPC
Majlis
Grand National Assembly
Jatiya Sangsad
Majlis-e-Shoora
National Diet
Oireachtas
Scottish Parliament
Senedd|Welsh Parliament
Northern Ireland Assembly
European Parliament
Supreme Court
High Court
Constitutional Court
Court of Appeal
Federal Court
International Court of Justice|ICJ
International Criminal Court
European Court of Human Rights|ECHR
Court of Justice of the European Union|CJEU
Election Commission of India
Electoral Commission
Independent Electoral and Boundaries Commission|IEBC
Independent National Electoral Commission|INEC
Federal Election Commission
Scotland Yard
Metropolitan Police|Met Police|Metropolitan Police Service
Police Scotland
An Garda Síochána|Garda Síochána
Royal Canadian Mounted Police|RCMP
Australian Federal Police
New Zealand Police
Home Office
Foreign Office|Foreign, Commonwealth and Development Office|FCDO
Cabinet Office
Treasury
Ministry of Defence|MoD
Mossad
Shin Bet
MI5
MI6
Bundeswehr
Royal Navy
Royal Air Force|RAF
British Army
Indian Army
Pakistan Army
Central Bureau of Investigation|CBI
Enforcement Directorate
National Investigation Agency|NIA
Directorate of Revenue Intelligence|DRI
Income Tax Department
Serious Fraud Office
Crown Prosecution Service
Securities and Exchange Commission
Securities and Exchange Board of India|SEBI|Sebi
Financial Conduct Authority|FCA
Competition and Markets Authority
Federal Trade Commission|FTC
Food and Drug Administration|FDA
Centers for Disease Control and Prevention|CDC
Public Health England
Public Health Scotland
Health Canada
Statistics Canada
Office for National Statistics|ONS
Bureau of Labor Statistics
Australian Bureau of Statistics
Met Office
National Weather Service
India Meteorological Department|IMD
Bureau of Meteorology
National Disaster Management Authority|NDMA
National Disaster Response Force|NDRF
Federal Emergency Management Agency|FEMA
Coast Guard
Border Security Force|BSF
Central Reserve Police Force|CRPF
Indian Space Research Organisation|ISRO
Japan Aerospace Exploration Agency|JAXA
European Space Agency|ESA`;
