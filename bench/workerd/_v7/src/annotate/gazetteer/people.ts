/**
 * People so often named by surname alone that a story may never spell out the full name ("Putin said...").
 * Only distinctive surnames are listed as aliases; common ones ("Johnson", "Lee") are left to in-story
 * coreference. One per line: "Canonical|alias|alias".
 */
export const PEOPLE = `Vladimir Putin|Putin
Xi Jinping|Xi
Narendra Modi|Modi
Joe Biden|Biden
Donald Trump|Trump
Volodymyr Zelenskiy|Zelenskiy|Zelensky|Volodymyr Zelensky|Zelenskyy|Volodymyr Zelenskyy
Emmanuel Macron|Macron
Olaf Scholz|Scholz
Friedrich Merz|Merz
Keir Starmer|Starmer
Rishi Sunak|Sunak
Giorgia Meloni|Meloni
Recep Tayyip Erdogan|Erdogan|Tayyip Erdogan|Recep Erdogan
Benjamin Netanyahu|Netanyahu
Mohammed bin Salman|Mohammed bin Salman|MBS
Ali Khamenei|Khamenei|Ayatollah Ali Khamenei
Kim Jong Un|Kim Jong-un|Kim Jong-Un
Luiz Inacio Lula da Silva|Lula|Luiz Inácio Lula da Silva
Javier Milei|Milei
Claudia Sheinbaum|Sheinbaum
Justin Trudeau|Trudeau
Mark Carney|Carney
Anthony Albanese|Albanese
Cyril Ramaphosa|Ramaphosa
Bola Tinubu|Tinubu
William Ruto|Ruto
Abiy Ahmed|Abiy
Paul Kagame|Kagame
Yoweri Museveni|Museveni
Abdel Fattah al-Sisi|Sisi|el-Sisi|al-Sisi
Shehbaz Sharif|Shehbaz
Imran Khan
Sheikh Hasina|Hasina
Antonio Guterres|Guterres|António Guterres
Ursula von der Leyen|von der Leyen
Kristalina Georgieva|Georgieva
Jerome Powell|Powell
Christine Lagarde|Lagarde
Jens Stoltenberg|Stoltenberg
Mark Rutte|Rutte
Tedros Adhanom Ghebreyesus|Tedros
Pope Francis
Pope Leo XIV|Pope Leo
Elon Musk|Musk
Jeff Bezos|Bezos
Mark Zuckerberg|Zuckerberg
Sam Altman|Altman
Jensen Huang
Satya Nadella|Nadella
Sundar Pichai|Pichai
Warren Buffett|Buffett
Kamala Harris
Marco Rubio|Rubio
Sergei Lavrov|Lavrov
Wang Yi
Lionel Messi|Messi
Cristiano Ronaldo|Ronaldo
Virat Kohli|Kohli
Novak Djokovic|Djokovic
Serena Williams
LeBron James
Taylor Swift`;
