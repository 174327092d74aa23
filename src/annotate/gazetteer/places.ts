/**
 * Places beyond the country list: the capitals and major cities that news datelines and stories name most,
 * sub-national divisions (US states, Indian states, provinces), regions, seas and disputed territories.
 *
 * Countries and their capitals come from the `countries-list` package (see ./index.ts); this file adds what
 * that package lacks and corrects its forms where news usage differs. One place per line:
 * "Canonical|alias|alias". Aliases in capitals with no lowercase letter ("UK", "DRC") only match in capitals.
 */

/** Country names as news writes them, overriding or extending countries-list. */
export const COUNTRY_OVERRIDES = `United States|U.S.|US|USA|U.S.A.|America|United States of America|the States
United Kingdom|U.K.|UK|Britain|Great Britain
Turkey|Türkiye|Turkiye
Cape Verde|Cabo Verde
Czech Republic|Czechia
Ivory Coast|Cote d'Ivoire|Côte d'Ivoire
Democratic Republic of the Congo|DRC|DR Congo|Congo-Kinshasa|Democratic Republic of Congo|D.R. Congo|Congo
Republic of the Congo|Congo-Brazzaville|Republic of Congo
United Arab Emirates|UAE|U.A.E.
South Korea|Republic of Korea|ROK|S. Korea|S Korea
North Korea|DPRK|Democratic People's Republic of Korea|N. Korea|N Korea
Russia|Russian Federation
Palestine|Palestinian Territories|State of Palestine
Vatican City|Vatican|Holy See
Myanmar|Burma
Eswatini|Swaziland
East Timor|Timor-Leste
Macau|Macao
Netherlands|Holland|The Netherlands`;

/**
 * Places whose names are also first names or surnames ("Jordan Henderson", "Chad Smith"): next to another
 * capitalized name word they are read as part of a person's name.
 */
export const AMBIGUOUS_PLACE_NAMES = "Chad|Jordan|Georgia|Virginia|Florence|Sydney|Paris|Israel|Adelaide|Dallas|Niger|Guinea|Dominica|Mali|Jersey|Kingston|Lincoln|Santiago|Salvador|Madison|Denver";

/** Capitals from countries-list that are too ambiguous (first names, common words) to tag on their own. */
export const CAPITAL_SKIP = `Stanley|Douglas|Hamilton|Victoria|The Valley|Jamestown|King Edward Point|West Island|
Flying Fish Cove|Diego Garcia|Adamstown|Marigot|Gustavia|Plymouth|Georgetown|Kingston|Saint-Denis|Avarua|Alofi|
Fakaofo|Yaren|Palikir|Majuro|Ngerulmud|South Tarawa|Funafuti|City of Victoria|Edinburgh of the Seven Seas|
Washington D.C.|Ulan Bator|Mata-Utu|Basse-Terre|Saint Helier|St. Peter Port|Hagåtña|Lobamba`;

export const PLACES = `Washington|Washington D.C.|Washington, D.C.|D.C.
Kingston
Georgetown
Ulaanbaatar|Ulan Bator
New York|New York City|NYC
Los Angeles|L.A.
San Francisco
Chicago
Houston
Dallas
Miami
Atlanta
Boston
Seattle
Philadelphia
Phoenix
Denver
Detroit
Las Vegas
New Orleans
San Diego
San Jose
Minneapolis
Baltimore
Pittsburgh
Cleveland
St. Louis|Saint Louis
Nashville
Silicon Valley
Wall Street
Manhattan
Brooklyn
Queens
Bronx
Toronto
Montreal
Vancouver
Calgary
Edmonton
Quebec
Ontario
British Columbia
Alberta
Manitoba
Saskatchewan
Nova Scotia
Manchester
Liverpool
Birmingham
Glasgow
Edinburgh
Cardiff
Belfast
Leeds
Bristol
Oxford
Cambridge
England
Scotland
Wales
Northern Ireland
Westminster
Downing Street
Frankfurt
Munich
Hamburg
Cologne
Stuttgart
Marseille
Lyon
Nice
Milan
Naples
Turin
Venice
Florence
Barcelona
Valencia
Seville
Bilbao
Porto
Geneva
Zurich
Basel
Davos
Antwerp
Rotterdam
The Hague|Hague
Gothenburg
St. Petersburg|St Petersburg|Saint Petersburg
Kharkiv|Kharkov
Odesa|Odessa
Lviv
Dnipro
Zaporizhzhia
Mariupol
Kherson
Donetsk
Luhansk
Donbas|Donbass
Crimea
Bakhmut
Istanbul
Ankara
Antakya
Hatay
Gaziantep
Kahramanmaras|Kahramanmaraş
Diyarbakir
Lesbos|Lesvos
Crete
Rhodes
Sicily
Sardinia
Corsica
Lampedusa
Thessaloniki
Tirana
Sarajevo
Belgrade
Zagreb
Ljubljana
Bratislava
Krakow|Kraków
Gdansk|Gdańsk
Wroclaw|Wrocław
Vilnius
Riga
Tallinn
Minsk
Chisinau|Chișinău
Tbilisi
Yerevan
Baku
Almaty
Tashkent
Bishkek
Dushanbe
Ashgabat
Kabul
Kandahar
Herat
Tehran
Isfahan
Mashhad
Baghdad
Damascus
Homs
Beirut
Amman
Sanaa|Sana'a
Aden
Hodeidah
Muscat
Manama
Kuwait City
Abu Dhabi
Doha
Izmir
Tel Aviv
Jerusalem
Gaza|Gaza Strip
West Bank
Rafah
Khan Younis
Ramallah
Golan Heights
Aleppo
Idlib
Mosul
Basra
Erbil
Jeddah
Mecca
Medina
Dubai
Sharjah
Karachi
Lahore
Peshawar
Rawalpindi
Mumbai|Bombay
Delhi
New Delhi
Kolkata|Calcutta
Chennai|Madras
Bengaluru|Bangalore
Hyderabad
Ahmedabad
Pune
Jaipur
Lucknow
Kochi
Srinagar
Patna
Bhopal
Chandigarh
Guwahati
Kashmir
Jammu and Kashmir|J&K|Jammu & Kashmir
Uttar Pradesh
Maharashtra
Tamil Nadu
Kerala
Karnataka
West Bengal
Gujarat
Rajasthan
Punjab
Bihar
Assam
Manipur
Telangana
Andhra Pradesh
Madhya Pradesh
Odisha
Haryana
Chhattisgarh
Jharkhand
Uttarakhand
Himachal Pradesh
Goa
Tripura
Meghalaya
Mizoram
Nagaland
Sikkim
Arunachal Pradesh
Ladakh
Puducherry
Thiruvananthapuram|Trivandrum
Varanasi
Amritsar
Noida
Gurugram|Gurgaon
Indore
Nagpur
Surat
Visakhapatnam
Coimbatore
Mysuru|Mysore
Dhaka
Kathmandu
Chittagong
Kandy
Shanghai
Shenzhen
Guangzhou
Hong Kong
Wuhan
Chengdu
Chongqing
Tianjin
Xinjiang
Tibet
Inner Mongolia
Guangdong
Hubei
Sichuan
Osaka
Kyoto
Yokohama
Fukushima
Hiroshima
Okinawa
Busan
Incheon
Kaohsiung
Ho Chi Minh City|Saigon
Mandalay
Yangon|Rangoon
Cebu
Mindanao
Davao
Surabaya
Bali
Java
Sumatra
Penang
Sabah
Sarawak
Sydney
Melbourne
Brisbane
Perth
Adelaide
Queensland
New South Wales
Tasmania
Auckland
Christchurch
Lagos
Kano
Ibadan
Port Harcourt
Abuja
Johannesburg
Cape Town
Durban
Soweto
Mombasa
Kisumu
Nakuru
Eldoret
Goma
Lubumbashi
Darfur
Tigray
Amhara
Oromia
Benghazi
Misrata
Alexandria
Casablanca
Marrakesh|Marrakech
Timbuktu
Sahel
Zanzibar
Dar es Salaam
Kumasi
Blantyre
Mzuzu
Ndola
Kitwe
Bulawayo
Beira
Nampula
Arusha
Mwanza
Dodoma
Entebbe
Gulu
Kisangani
Bukavu
Goma
Mbuji-Mayi
Maiduguri
Kaduna
Enugu
Jos
Port Sudan
El Fasher
Omdurman
Mekelle
Bahir Dar
Hargeisa
Garissa
Tamale
Abidjan
Bamako
Ouagadougou
Niamey
Dakar
Conakry
Freetown
Monrovia
Lome|Lomé
Cotonou
Yaounde|Yaoundé
Libreville
Luanda
Windhoek
Gaborone
Maputo
Harare
Antananarivo
Pretoria
Gqeberha|Port Elizabeth
Bloemfontein
Pietermaritzburg
Stellenbosch
Tripoli
Tunis
Algiers
Rabat
Tangier
Fez
Khartoum
Asmara
Djibouti
Mogadishu
Kismayo
Juba
Douala
Sao Paulo|São Paulo
Rio de Janeiro|Rio
Salvador
Brasilia|Brasília
Buenos Aires
Medellin|Medellín
Cali
Guadalajara
Monterrey
Tijuana
Cancun
Culiacan|Culiacán
Sinaloa
Chihuahua
Ciudad Juarez|Ciudad Juárez
Acapulco
Oaxaca
Chiapas
Puebla
Veracruz
Michoacan|Michoacán
Jalisco
Guerrero
Sonora
Tamaulipas
Bogota|Bogotá
Lima
Quito
Guayaquil
La Paz
Santa Cruz
Asuncion|Asunción
Montevideo
Caracas
Maracaibo
Cordoba|Córdoba
Rosario
Valparaiso|Valparaíso
Recife
Porto Alegre
Belo Horizonte
Manaus
Belem|Belém
Fortaleza
Curitiba
Port-au-Prince
Cap-Haitien|Cap-Haïtien
Gonaives|Gonaïves
Havana
Santo Domingo
Montego Bay
Bridgetown
Port of Spain
Nassau
San Juan
California
Texas
Florida
New York State
Pennsylvania
Ohio
Michigan
Illinois
Arizona
Nevada
Wisconsin
Minnesota
Iowa
North Carolina
South Carolina
Virginia
West Virginia
Maryland
Massachusetts
Connecticut
New Jersey
Delaware
Vermont
Maine
New Hampshire
Rhode Island
Tennessee
Kentucky
Alabama
Mississippi
Louisiana
Arkansas
Missouri
Oklahoma
Kansas
Nebraska
South Dakota
North Dakota
Montana
Wyoming
Colorado
Utah
New Mexico
Idaho
Oregon
Alaska
Hawaii
Indiana
Europe
Asia
Africa
North America
South America
Latin America
Central America
Oceania
Antarctica
Arctic
Middle East
Gulf|Persian Gulf|Arabian Gulf
Caribbean
Balkans
Scandinavia
Horn of Africa
Sub-Saharan Africa
Southeast Asia|South-East Asia
South Asia
Central Asia
East Asia
West Africa
East Africa
Southern Africa
North Africa
Red Sea
Black Sea
Mediterranean|Mediterranean Sea
Baltic Sea
South China Sea
East China Sea
Taiwan Strait
Strait of Hormuz
Suez Canal
Panama Canal
Indian Ocean
Pacific|Pacific Ocean
Atlantic|Atlantic Ocean
Himalayas
Alps
Nile
Danube
Ganges
Mount Everest|Everest
Mount Kenya
Kilimanjaro
Siberia
Chechnya
Kursk
Belgorod
Transnistria
Kosovo
Nagorno-Karabakh
Kurdistan
Balochistan
Khyber Pakhtunkhwa
Sindh
Sinai
Yucatan
Patagonia
Greenland`;

/** Region names that are also adjectives: a place only when nothing capitalized or nominal follows. */
export const ADJECTIVE_PLACES = "Caribbean|Pacific|Atlantic|Mediterranean|Arctic|Gulf|Baltic|Balkans|Sahel";

/** US state abbreviations as agency datelines write them ("TAMPA, Fla. (AP) —"). Used for datelines only. */
export const DATELINE_STATES = `Alabama|Ala.
Arizona|Ariz.
Arkansas|Ark.
California|Calif.
Colorado|Colo.
Connecticut|Conn.
Delaware|Del.
Florida|Fla.
Georgia|Ga.
Illinois|Ill.
Indiana|Ind.
Kansas|Kan.
Kentucky|Ky.
Louisiana|La.
Maryland|Md.
Massachusetts|Mass.
Michigan|Mich.
Minnesota|Minn.
Mississippi|Miss.
Missouri|Mo.
Montana|Mont.
Nebraska|Neb.
Nevada|Nev.
New Hampshire|N.H.
New Jersey|N.J.
New Mexico|N.M.
New York|N.Y.
North Carolina|N.C.
North Dakota|N.D.
Oklahoma|Okla.
Oregon|Ore.
Pennsylvania|Pa.
Rhode Island|R.I.
South Carolina|S.C.
South Dakota|S.D.
Tennessee|Tenn.
Texas|Texas|Tex.
Vermont|Vt.
Virginia|Va.
Washington|Wash.
West Virginia|W.Va.
Wisconsin|Wis.
Wyoming|Wyo.`;

/**
 * Grounds, stadiums, squares and halls news names by name alone, with no "Stadium" or "Square" to give them
 * away ("at Old Trafford", "outside the Great Hall of the People"). Places, as the guideline types venues.
 */
export const VENUES = `Old Trafford
Anfield
Stamford Bridge
Emirates Stadium
Etihad Stadium
Wembley|Wembley Stadium
Villa Park
Goodison Park
Molineux
St James' Park|St James’ Park|St. James' Park
Selhurst Park
Craven Cottage
Elland Road
Turf Moor
Camp Nou|Nou Camp
Santiago Bernabeu|Santiago Bernabéu|Bernabeu|Bernabéu
Metropolitano
San Siro
Allianz Arena
Signal Iduna Park
Parc des Princes
Celtic Park
Ibrox
Maracana|Maracanã
Estadio Azteca|Azteca
Eden Gardens
Wankhede Stadium|Wankhede
M. Chinnaswamy Stadium|Chinnaswamy Stadium|Chinnaswamy
Narendra Modi Stadium
Arun Jaitley Stadium|Feroz Shah Kotla
Kensington Oval
Melbourne Cricket Ground|MCG
Sydney Cricket Ground|SCG
Gaddafi Stadium
Galle International Stadium
Newlands
Wanderers Stadium
Madison Square Garden
Great Hall of the People
Tiananmen Square
Red Square
Trafalgar Square
Times Square
Federation Square
Tahrir Square
Al-Aqsa Mosque|Al Aqsa Mosque|Al-Aqsa|Al Aqsa
Capitol Hill`;
