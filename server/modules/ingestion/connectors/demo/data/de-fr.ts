import type { LanguagePack } from "./language";

export const de: LanguagePack = {
  the: {
    tent: "das Zelt {product}",
    jacket: "die Daunenjacke {product}",
    pack: "der Rucksack {product}",
    stove: "der Kocher {product}",
  },
  aspects: {
    tent: ["das Außenzelt", "die Apsis", "der schnelle Aufbau", "das Gewicht"],
    jacket: ["die Kapuze", "die Wärmeleistung", "das Packmaß", "die Passform"],
    pack: ["der Hüftgurt", "die Polsterung der Schultergurte", "die Rückenbelüftung", "die Seitentasche"],
    stove: ["die Flammenregulierung", "die Kochzeit", "der Piezozünder", "die Windstabilität"],
  },
  issues: {
    tent: [
      "der Reißverschluss an der Tür ist gerissen",
      "die Nähte sind undicht",
      "ein Gestängesegment hat einen Riss",
    ],
    jacket: ["sie verliert ständig Federn", "der Reißverschluss hakt", "eine Kammer ist aufgerissen"],
    pack: [
      "die Schnalle vom Hüftgurt ist gebrochen",
      "die Naht am Schultergurt franst aus",
      "die Seitentasche ist gerissen",
    ],
    stove: ["der Zünder geht nicht mehr", "die Flamme lässt sich nicht runterregeln", "das Ventil klemmt"],
  },
  places: [
    "im Allgäu",
    "auf dem Westweg",
    "in der Sächsischen Schweiz",
    "am Watzmann",
    "in Tirol",
    "im Schwarzwald",
  ],
  times: ["zwei Wochen", "drei Monate", "eine Saison", "sechs Nächte", "ein Jahr"],
  hashtags: ["#wandern", "#draußenzuhause", "#zelten", "#outdoorliebe"],
  templates: {
    praise: [
      "Nach {time} {place} kann ich sagen: {the} ist top. Vor allem {aspect} überzeugt.",
      "Bestes Ausrüstungsteil seit Jahren: {product}. Danke {brand}!",
      "Drei Nächte Dauerregen, {product} innen trocken. Gekauft, würde ich wieder.",
      "Vom {competitor} auf {product} umgestiegen und kein bisschen bereut.",
    ],
    complaint: [
      "Echt enttäuscht: {issue}, und das nach nur {time}.",
      "Liebe {brand}, {issue}. Für den Preis ist das ein Witz.",
      "Finger weg vom {product}! {issue} und der Support antwortet nicht.",
      "Schon das zweite Mal: {issue}. Nächstes Mal wieder {competitor}.",
    ],
    question: [
      "Hat jemand Erfahrung mit dem {product} {place}? Wie ist {aspect}?",
      "{product} oder {competitor}? Bin unentschlossen.",
      "Frage an {brand}: wie lange ist die Garantie auf {product}?",
    ],
    suggestion: [
      "Wünsche an {brand}: {product} bitte in einer leichteren Version!",
      "Wenn {aspect} beim {product} besser wäre, wäre es perfekt.",
      "Bitte mehr Farben für {product}, auf jedem Zeltplatz nur Grün.",
    ],
    purchase_intent: [
      "Bestelle mir heute Abend {product}. {aspect} hat mich überzeugt.",
      "Ich spare gerade auf {product}. Kommt bald ein Sale?",
      "Vor der Tour {place} brauche ich neue Ausrüstung, {product} steht ganz oben auf der Liste.",
    ],
  },
  crisis: [
    "ACHTUNG: {crisis}. Betroffen: {product}. Bitte nicht mehr benutzen, Verletzungsgefahr!",
    "{brand} muss sofort einen Rückruf starten. {crisis}.",
    "Gibt es einen Rückruf für {product}? {crisis}. Mein Anwalt prüft eine Klage.",
  ],
  crisisIssues: {
    "stove-safety": [
      "das Ventil war undicht und die Flamme schoss hoch",
      "der Kocher hat beim Anzünden Feuer gefangen, Verbrennung an der Hand",
    ],
    "pole-recall": [
      "eine Stange ist gebrochen und hat das Außenzelt durchbohrt",
      "das Gestänge ist gesplittert, Verletzung an der Hand",
    ],
  },
  firstNames: [
    "Lukas",
    "Anna",
    "Jonas",
    "Lea",
    "Felix",
    "Marie",
    "Paul",
    "Sophie",
    "Tobias",
    "Laura",
    "Niklas",
    "Johanna",
  ],
  lastNames: [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Becker",
    "Hoffmann",
    "Wagner",
    "Koch",
    "Bauer",
  ],
};

export const fr: LanguagePack = {
  the: {
    tent: "la tente {product}",
    jacket: "la doudoune {product}",
    pack: "le sac {product}",
    stove: "le réchaud {product}",
  },
  aspects: {
    tent: ["le double toit", "l'abside", "le montage rapide", "le poids"],
    jacket: ["la capuche", "la chaleur", "la compressibilité", "la coupe"],
    pack: [
      "la ceinture ventrale",
      "le rembourrage des bretelles",
      "la ventilation du dos",
      "la poche latérale",
    ],
    stove: ["le réglage de la flamme", "le temps d'ébullition", "l'allumage piézo", "la tenue au vent"],
  },
  issues: {
    tent: [
      "la fermeture éclair de la porte a lâché",
      "les coutures prennent l'eau",
      "un arceau s'est fissuré",
    ],
    jacket: ["elle perd ses plumes", "la fermeture accroche sans arrêt", "un compartiment s'est déchiré"],
    pack: [
      "la boucle de la ceinture a cassé",
      "la couture d'une bretelle s'effiloche",
      "la poche latérale s'est déchirée",
    ],
    stove: ["l'allumage ne marche plus", "impossible de baisser la flamme", "la valve est bloquée"],
  },
  places: [
    "sur le GR20",
    "dans les Écrins",
    "en Vanoise",
    "dans les Pyrénées",
    "dans le Vercors",
    "au Mont-Blanc",
  ],
  times: ["deux semaines", "trois mois", "une saison", "six nuits", "un an"],
  hashtags: ["#randonnée", "#bivouac", "#montagne", "#outdoor"],
  templates: {
    praise: [
      "Après {time} {place}, je valide {the} à 100 %. {aspect} est top.",
      "Meilleur achat de l'année : {product}. Merci {brand} !",
      "Trois nuits sous la pluie et {the} n'a pas bougé. Bravo.",
      "J'ai lâché mon {competitor} pour {product}, aucun regret.",
    ],
    complaint: [
      "Très déçu : {issue}, au bout de seulement {time}.",
      "{brand}, sérieusement ? {issue}. À ce prix-là, c'est inadmissible.",
      "N'achetez pas {the}. {issue} et le SAV ne répond pas.",
      "Deuxième fois que {issue}. Je retourne chez {competitor}.",
    ],
    question: [
      "Quelqu'un a testé {the} {place} ? Que vaut {aspect} ?",
      "{product} ou {competitor} ? J'hésite vraiment.",
      "Question pour {brand} : quelle garantie sur {product} ?",
    ],
    suggestion: [
      "{brand}, pensez à une version plus légère de {product} s'il vous plaît !",
      "Si {aspect} était meilleur, {the} serait parfait.",
      "Il faudrait plus de coloris pour {product}.",
    ],
    purchase_intent: [
      "Je commande {the} ce soir, {aspect} m'a convaincu.",
      "J'économise pour {product}. Des soldes bientôt ?",
      "Besoin de matos avant de partir {place} : {the} est en tête de liste.",
    ],
  },
  crisis: [
    "ATTENTION : {crisis}. C'est {the}. Arrêtez de l'utiliser, risque de brûlure !",
    "{brand} doit lancer un rappel immédiatement. {crisis}.",
    "Y a-t-il un rappel sur {product} ? {crisis}. Je pense à un procès.",
  ],
  crisisIssues: {
    "stove-safety": [
      "la valve a fui et la flamme m'a sauté au visage",
      "le réchaud a pris feu à l'allumage, brûlure à la main",
    ],
    "pole-recall": [
      "un arceau a cassé et transpercé le double toit",
      "l'arceau a éclaté, blessure à la main",
    ],
  },
  firstNames: [
    "Camille",
    "Hugo",
    "Léa",
    "Louis",
    "Manon",
    "Jules",
    "Chloé",
    "Théo",
    "Inès",
    "Nathan",
    "Sarah",
    "Antoine",
  ],
  lastNames: [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
  ],
};
