// Words the corpus generator builds reports from: French and English prose
// with accents, the Sahel countries and their forces, name parts. Invented
// names are built from syllables; the prose below names nobody, so the only
// unannotated aliases in a report are the ones the generator puts there.

export type Language = 'fr' | 'en';

/** An actor as the generator uses it: registry aliases, and the phrases reports name it with (articles included). */
export interface NamedActor {
  readonly name: string;
  readonly kind: string;
  readonly aliases: readonly string[];
  readonly fr: readonly string[];
  readonly en: readonly string[];
}

export interface Country {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** The preposition before the name in French: "au Mali", "en Mauritanie". */
  readonly inFr: string;
  readonly forces: readonly (NamedActor & { readonly suffix: string })[];
  readonly government: NamedActor;
}

export const COUNTRIES: readonly Country[] = [
  {
    id: 'mali',
    name: 'Mali',
    aliases: ['Mali'],
    inFr: 'au',
    forces: [
      { suffix: 'army', name: 'Forces armées maliennes (FAMa)', kind: 'state-force', aliases: ['Forces armées maliennes', 'armée malienne', 'FAMa', 'Malian army'], fr: ['les Forces armées maliennes', "l'armée malienne", 'les FAMa'], en: ['the Malian army', 'the FAMa'] },
      { suffix: 'guard', name: 'Garde nationale du Mali', kind: 'state-force', aliases: ['Garde nationale du Mali', 'Malian National Guard'], fr: ['la Garde nationale du Mali'], en: ['the Malian National Guard'] },
      { suffix: 'gendarmerie', name: 'Gendarmerie nationale malienne', kind: 'state-force', aliases: ['gendarmerie malienne', 'Malian gendarmerie'], fr: ['la gendarmerie malienne'], en: ['the Malian gendarmerie'] },
    ],
    government: { name: 'Autorités maliennes de transition', kind: 'government', aliases: ['autorités maliennes de transition', 'Malian transitional authorities'], fr: ['les autorités maliennes de transition'], en: ['the Malian transitional authorities'] },
  },
  {
    id: 'niger',
    name: 'Niger',
    aliases: ['Niger'],
    inFr: 'au',
    forces: [
      { suffix: 'army', name: 'Forces armées nigériennes (FAN)', kind: 'state-force', aliases: ['Forces armées nigériennes', 'armée nigérienne', 'FAN', 'Nigerien army'], fr: ['les Forces armées nigériennes', "l'armée nigérienne", 'les FAN'], en: ['the Nigerien army', 'the FAN'] },
      { suffix: 'guard', name: 'Garde nationale du Niger', kind: 'state-force', aliases: ['Garde nationale du Niger', 'Nigerien National Guard'], fr: ['la Garde nationale du Niger'], en: ['the Nigerien National Guard'] },
      { suffix: 'gendarmerie', name: 'Gendarmerie nationale nigérienne', kind: 'state-force', aliases: ['gendarmerie nigérienne', 'Nigerien gendarmerie'], fr: ['la gendarmerie nigérienne'], en: ['the Nigerien gendarmerie'] },
    ],
    government: { name: 'Conseil national pour la sauvegarde de la patrie (CNSP)', kind: 'government', aliases: ['Conseil national pour la sauvegarde de la patrie', 'CNSP', 'junte nigérienne'], fr: ['le CNSP', 'la junte nigérienne'], en: ['the CNSP'] },
  },
  {
    id: 'burkina-faso',
    name: 'Burkina Faso',
    aliases: ['Burkina Faso', 'Burkina'],
    inFr: 'au',
    forces: [
      { suffix: 'army', name: 'Forces armées nationales du Burkina Faso', kind: 'state-force', aliases: ['Forces armées nationales', 'armée burkinabè', 'Burkinabe army'], fr: ['les Forces armées nationales', "l'armée burkinabè"], en: ['the Burkinabe army'] },
      { suffix: 'vdp', name: 'Volontaires pour la défense de la patrie (VDP)', kind: 'militia', aliases: ['Volontaires pour la défense de la patrie', 'VDP'], fr: ['les Volontaires pour la défense de la patrie', 'les VDP'], en: ['the VDP'] },
      { suffix: 'gendarmerie', name: 'Gendarmerie nationale burkinabè', kind: 'state-force', aliases: ['gendarmerie burkinabè', 'Burkinabe gendarmerie'], fr: ['la gendarmerie burkinabè'], en: ['the Burkinabe gendarmerie'] },
    ],
    government: { name: 'Gouvernement de transition du Burkina Faso', kind: 'government', aliases: ['autorités burkinabè', 'Burkinabe authorities'], fr: ['les autorités burkinabè'], en: ['the Burkinabe authorities'] },
  },
  {
    id: 'tchad',
    name: 'Tchad',
    aliases: ['Tchad', 'Chad'],
    inFr: 'au',
    forces: [
      { suffix: 'army', name: 'Armée nationale tchadienne (ANT)', kind: 'state-force', aliases: ['Armée nationale tchadienne', 'armée tchadienne', 'ANT', 'Chadian army'], fr: ["l'Armée nationale tchadienne", "l'armée tchadienne", "l'ANT"], en: ['the Chadian army', 'the ANT'] },
      { suffix: 'guard', name: 'Garde nationale et nomade du Tchad (GNNT)', kind: 'state-force', aliases: ['Garde nationale et nomade', 'GNNT'], fr: ['la Garde nationale et nomade', 'la GNNT'], en: ['the GNNT'] },
      { suffix: 'gendarmerie', name: 'Gendarmerie nationale tchadienne', kind: 'state-force', aliases: ['gendarmerie tchadienne', 'Chadian gendarmerie'], fr: ['la gendarmerie tchadienne'], en: ['the Chadian gendarmerie'] },
    ],
    government: { name: 'Gouvernement de transition du Tchad', kind: 'government', aliases: ['autorités tchadiennes', 'Chadian authorities'], fr: ['les autorités tchadiennes'], en: ['the Chadian authorities'] },
  },
  {
    id: 'mauritanie',
    name: 'Mauritanie',
    aliases: ['Mauritanie', 'Mauritania'],
    inFr: 'en',
    forces: [
      { suffix: 'army', name: 'Armée mauritanienne', kind: 'state-force', aliases: ['armée mauritanienne', 'Mauritanian army'], fr: ["l'armée mauritanienne"], en: ['the Mauritanian army'] },
      { suffix: 'guard', name: 'Garde nationale mauritanienne', kind: 'state-force', aliases: ['Garde nationale mauritanienne', 'Mauritanian National Guard'], fr: ['la Garde nationale mauritanienne'], en: ['the Mauritanian National Guard'] },
      { suffix: 'gendarmerie', name: 'Gendarmerie mauritanienne', kind: 'state-force', aliases: ['gendarmerie mauritanienne', 'Mauritanian gendarmerie'], fr: ['la gendarmerie mauritanienne'], en: ['the Mauritanian gendarmerie'] },
    ],
    government: { name: 'Gouvernement mauritanien', kind: 'government', aliases: ['autorités mauritaniennes', 'Mauritanian authorities'], fr: ['les autorités mauritaniennes'], en: ['the Mauritanian authorities'] },
  },
  {
    id: 'senegal',
    name: 'Sénégal',
    aliases: ['Sénégal', 'Senegal'],
    inFr: 'au',
    forces: [
      { suffix: 'army', name: 'Forces armées sénégalaises', kind: 'state-force', aliases: ['Forces armées sénégalaises', 'armée sénégalaise', 'Senegalese army'], fr: ['les Forces armées sénégalaises', "l'armée sénégalaise"], en: ['the Senegalese army'] },
      { suffix: 'guard', name: 'Garde nationale du Sénégal', kind: 'state-force', aliases: ['Garde nationale du Sénégal', 'Senegalese National Guard'], fr: ['la Garde nationale du Sénégal'], en: ['the Senegalese National Guard'] },
      { suffix: 'gendarmerie', name: 'Gendarmerie nationale sénégalaise', kind: 'state-force', aliases: ['gendarmerie sénégalaise', 'Senegalese gendarmerie'], fr: ['la gendarmerie sénégalaise'], en: ['the Senegalese gendarmerie'] },
    ],
    government: { name: 'Gouvernement du Sénégal', kind: 'government', aliases: ['autorités sénégalaises', 'Senegalese authorities'], fr: ['les autorités sénégalaises'], en: ['the Senegalese authorities'] },
  },
];

export const ANONYMOUS_SOURCES: readonly { readonly id: string; readonly name: string; readonly aliases: readonly string[]; readonly fr: string; readonly en: string }[] = [
  { id: 'local-sources', name: 'Local sources', aliases: ['sources locales', 'local sources'], fr: 'des sources locales', en: 'local sources' },
  { id: 'security-sources', name: 'Security sources', aliases: ['sources sécuritaires', 'security sources'], fr: 'des sources sécuritaires', en: 'security sources' },
  { id: 'humanitarian-sources', name: 'Humanitarian sources', aliases: ['sources humanitaires', 'humanitarian sources'], fr: 'des sources humanitaires', en: 'humanitarian sources' },
  { id: 'medical-sources', name: 'Medical sources', aliases: ['sources médicales', 'medical sources'], fr: 'des sources médicales', en: 'medical sources' },
  { id: 'hospital-sources', name: 'Hospital sources', aliases: ['sources hospitalières', 'hospital sources'], fr: 'des sources hospitalières', en: 'hospital sources' },
  { id: 'elected-officials', name: 'Local elected officials', aliases: ['élus locaux', 'local officials'], fr: 'des élus locaux', en: 'local officials' },
];

export const FIRST_NAMES = [
  'Amadou', 'Fatoumata', 'Ibrahim', 'Aïssata', 'Moussa', 'Mariam', 'Oumar', 'Hawa', 'Boubacar', 'Kadidia', 'Souleymane', 'Adama',
  'Mahamadou', 'Salif', 'Aminata', 'Djénéba', 'Issa', 'Rokia', 'Séga', 'Hamadoun', 'Hélène', 'Jérôme', 'François', 'Zoé', 'Noémie', 'Raphaël',
];
export const LAST_NAMES = [
  'Diallo', 'Traoré', 'Maïga', 'Cissé', 'Touré', 'Coulibaly', 'Keïta', 'Sidibé', 'Konaté', 'Dicko', 'Ag Attaher', 'Ould Sidi', 'Sawadogo',
  'Ouédraogo', 'Kaboré', 'Moreau', 'Lefèvre', 'Dubois', 'Mahamat', 'Bâ', 'Sy', 'Ndiaye', 'Zongo', 'Hamidou',
];

/** Consonant onsets and vowels for invented place names such as Kédoura or Tinzawé. */
export const ONSETS = ['b', 'd', 'g', 'k', 'm', 'n', 's', 't', 'z', 'y', 'l', 'h', 'dj', 'kh', 'f', 'r', 'tin'];
export const VOWELS = ['a', 'e', 'i', 'o', 'ou', 'é', 'è', 'a', 'i', 'o', 'aï'];
export const CODAS = ['', '', '', 'n', 'r', 'l', 't', 'm'];

export const ARMED_GROUP_PATTERNS: readonly { readonly name: (place: string) => string; readonly articleFr: string; readonly en?: (place: string) => string }[] = [
  { name: (p) => `Front de libération du ${p}`, articleFr: 'le', en: (p) => `${p} Liberation Front` },
  { name: (p) => `Mouvement pour le salut du ${p}`, articleFr: 'le', en: (p) => `Movement for the Salvation of ${p}` },
  { name: (p) => `Katiba ${p}`, articleFr: 'la' },
  { name: (p) => `Brigade de ${p}`, articleFr: 'la', en: (p) => `${p} Brigade` },
  { name: (p) => `Groupe armé du ${p}`, articleFr: 'le' },
  { name: (p) => `Ansar al-${p}`, articleFr: '' },
];

export const MEDIA_PATTERNS: readonly ((place: string) => string)[] = [
  (p) => `Radio ${p}`,
  (p) => `${p} Info`,
  (p) => `L'Écho de ${p}`,
  (p) => `The ${p} Observer`,
  (p) => `${p} Daily`,
  (p) => `Agence de presse de ${p}`,
];

export const ORGANISATION_PATTERNS: readonly { readonly name: (place: string) => string; readonly articleFr: string; readonly kind: string }[] = [
  { name: (p) => `Observatoire des droits humains de ${p}`, articleFr: "l'", kind: 'ngo' },
  { name: (p) => `Comité de soutien aux déplacés de ${p}`, articleFr: 'le', kind: 'ngo' },
  { name: (p) => `Association des femmes de ${p}`, articleFr: "l'", kind: 'ngo' },
  { name: (p) => `Collectif des ressortissants de ${p}`, articleFr: 'le', kind: 'ngo' },
  { name: (p) => `${p} Relief`, articleFr: '', kind: 'ngo' },
  { name: (p) => `Centre d'études stratégiques de ${p}`, articleFr: 'le', kind: 'research' },
];

export const EVENT_KINDS: readonly { readonly slug: string; readonly fr: string; readonly en: string; readonly mentionFr: string; readonly mentionEn: string }[] = [
  { slug: 'attack', fr: 'Attaque contre le camp militaire de', en: 'Attack on the army camp at', mentionFr: "l'attaque de", mentionEn: 'the attack on' },
  { slug: 'ambush', fr: 'Embuscade près de', en: 'Ambush near', mentionFr: "l'embuscade près de", mentionEn: 'the ambush near' },
  { slug: 'clashes', fr: 'Affrontements à', en: 'Clashes at', mentionFr: 'les affrontements de', mentionEn: 'the clashes at' },
  { slug: 'raid', fr: 'Raid contre', en: 'Raid on', mentionFr: 'le raid contre', mentionEn: 'the raid on' },
];

export const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const VICTIMS: Record<Language, readonly string[]> = {
  fr: ['soldats', 'civils', 'personnes', 'militaires', 'villageois'],
  en: ['soldiers', 'civilians', 'people', 'troops', 'villagers'],
};

export const HEADLINES: Record<Language, readonly string[]> = {
  fr: [
    'Nouvelle attaque meurtrière dans le nord',
    'Le bilan de l’attaque reste incertain',
    'Les versions des belligérants divergent',
    'Inquiétude après une série d’attaques',
    'Une région sous tension après les combats',
  ],
  en: [
    'Deadly attack in the north',
    'Toll of the attack remains unclear',
    'Warring parties give conflicting accounts',
    'Concern grows after a string of attacks',
    'Region on edge after the fighting',
  ],
};

/** French subjects are all plural, so every verb agrees with every subject. */
const SUBJECTS: Record<Language, readonly string[]> = {
  fr: [
    'Les habitants', 'Plusieurs témoins', 'Les autorités régionales', 'Des responsables humanitaires', 'Les élus de la commune', 'Des commerçants',
    'Des enseignants joints par téléphone', 'Les organisations de la société civile', 'Des chefs de village', 'Des déplacés réfugiés dans la ville',
  ],
  en: [
    'Residents', 'Several witnesses', 'Regional authorities', 'An aid worker', 'Town councillors', 'Traders', 'A teacher reached by phone',
    'Civil society groups', 'A village chief', 'Families who fled to the town',
  ],
};
const VERBS: Record<Language, readonly string[]> = {
  fr: ['ont décrit', 'dénoncent', 'évoquent', 'redoutent', 'ont signalé', 'déplorent', 'rapportent'],
  en: ['described', 'denounced', 'spoke of', 'feared', 'reported', 'deplored', 'pointed to'],
};
const OBJECTS: Record<Language, readonly string[]> = {
  fr: [
    'une situation sécuritaire très dégradée', 'des déplacements massifs de population vers le sud', 'la fermeture des écoles et des marchés hebdomadaires',
    'une flambée des prix des céréales', 'des coupures répétées du réseau téléphonique', "l'isolement croissant des villages",
    "la peur qui s'est installée à la tombée de la nuit", 'des vols de bétail dans les hameaux', "des difficultés d'accès aux soins",
    "une présence accrue d'hommes armés sur les axes routiers",
  ],
  en: [
    'a sharply deteriorating security situation', 'large numbers of people fleeing south', 'schools and weekly markets closing',
    'soaring cereal prices', 'repeated phone network outages', 'villages increasingly cut off', 'fear settling in at nightfall',
    'cattle thefts in the hamlets', 'difficult access to health care', 'more armed men on the roads',
  ],
};
const TAILS: Record<Language, readonly string[]> = {
  fr: [', selon des sources concordantes', ' depuis le début de l’année', ' dans les villages environnants', ' ces dernières semaines', ', sans qu’aucune réponse ne soit apportée', ''],
  en: [', according to several accounts', ' since the start of the year', ' in the surrounding villages', ' in recent weeks', ', with no response so far', ''],
};
const STANDALONE: Record<Language, readonly string[]> = {
  fr: [
    'La saison des pluies complique l’acheminement de l’aide alimentaire.',
    'Les routes restent impraticables pour les camions de ravitaillement.',
    'Le couvre-feu décrété en début de mois a été prolongé.',
    'Aucun bilan indépendant n’a pu être établi à ce stade.',
    'L’accès à la zone reste très restreint pour les journalistes.',
    'Les écoles de la commune sont fermées depuis plusieurs mois.',
    'Les prix du mil et du sorgho ont doublé sur les marchés.',
    'Des négociations entre notables et chefs coutumiers seraient en cours.',
    'La situation reste très confuse et difficile à vérifier.',
    'Les communications téléphoniques ont été coupées pendant deux jours.',
    'Plusieurs familles ont quitté la zone à pied ou en charrette.',
    'Les forces en présence se livrent depuis des mois une guerre de communication.',
  ],
  en: [
    'The rainy season is slowing food aid deliveries.',
    'Roads remain impassable for supply trucks.',
    'The curfew imposed earlier this month has been extended.',
    'No independent toll could be established so far.',
    'Access to the area remains tightly restricted for journalists.',
    'Schools in the district have been closed for months.',
    'Millet and sorghum prices have doubled at the markets.',
    'Talks between elders and customary chiefs are reportedly under way.',
    'The situation remains confused and hard to verify.',
    'Phone lines were cut for two days.',
    'Several families left the area on foot or by cart.',
    'The forces on the ground have waged a war of words for months.',
  ],
};

/** One sentence of prose that names nobody. */
export function fillerSentence(language: Language, pick: <T>(items: readonly T[]) => T, composed: boolean): string {
  if (!composed) return pick(STANDALONE[language]);
  return `${pick(SUBJECTS[language])} ${pick(VERBS[language])} ${pick(OBJECTS[language])}${pick(TAILS[language])}.`;
}

/** Sentences carrying an alias nobody annotated: the unannotated-mention hints a real corpus has. */
export const UNANNOTATED: Record<Language, readonly ((place: string) => string)[]> = {
  fr: [(p) => `Des familles de ${p} ont trouvé refuge dans les villages voisins.`, (p) => `Le marché de ${p} est resté fermé toute la semaine.`],
  en: [(p) => `Families from ${p} have sought refuge in nearby villages.`, (p) => `The market in ${p} stayed shut all week.`],
};

/** What the prose edit types at the end of a report's closing paragraph: prose only, no alias. */
export const PROSE_EDIT: Record<Language, string> = {
  fr: ' Les témoignages recueillis restent à confirmer.',
  en: ' The accounts gathered remain to be confirmed.',
};

/** Every word of the prose above, folded, so invented names never collide with it. */
export function proseWords(): Set<string> {
  const words = new Set<string>();
  const all = [SUBJECTS, VERBS, OBJECTS, TAILS, STANDALONE, HEADLINES, VICTIMS].flatMap((table) => [...table.fr, ...table.en]);
  for (const text of [...all, ...Object.values(PROSE_EDIT)]) {
    for (const word of text.split(/[^\p{L}]+/u)) if (word !== '') words.add(fold(word));
  }
  return words;
}

/** Case and accents folded, as alias matching folds them. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
