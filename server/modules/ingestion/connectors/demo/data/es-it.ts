import type { LanguagePack } from "./language";

export const es: LanguagePack = {
  the: {
    tent: "la tienda {product}",
    jacket: "el plumífero {product}",
    pack: "la mochila {product}",
    stove: "el hornillo {product}",
  },
  aspects: {
    tent: ["el doble techo", "el ábside", "el montaje rápido", "el peso"],
    jacket: ["la capucha", "el abrigo que da", "lo poco que ocupa", "el ajuste"],
    pack: [
      "el cinturón lumbar",
      "el acolchado de las hombreras",
      "la ventilación de la espalda",
      "el bolsillo lateral",
    ],
    stove: [
      "el control de la llama",
      "el tiempo de hervido",
      "el encendido piezo",
      "la resistencia al viento",
    ],
  },
  issues: {
    tent: [
      "se rompió la cremallera de la puerta",
      "las costuras dejan pasar el agua",
      "se agrietó una varilla",
    ],
    jacket: ["pierde plumas sin parar", "la cremallera se engancha", "se rasgó un compartimento"],
    pack: [
      "se partió la hebilla del cinturón",
      "se está descosiendo una hombrera",
      "se rompió el bolsillo lateral",
    ],
    stove: ["el encendido ya no funciona", "no hay forma de bajar la llama", "la válvula está atascada"],
  },
  places: [
    "en los Picos de Europa",
    "en Sierra Nevada",
    "en el Pirineo",
    "en Patagonia",
    "en el Camino de Santiago",
  ],
  times: ["dos semanas", "tres meses", "una temporada", "seis noches", "un año"],
  hashtags: ["#senderismo", "#montaña", "#acampada", "#aventura"],
  templates: {
    praise: [
      "Tras {time} {place}, {the} es una maravilla. {aspect} es lo mejor.",
      "La mejor compra del año: {product}. ¡Gracias {brand}!",
      "Dejé mi {competitor} por {product} y no me arrepiento nada.",
    ],
    complaint: [
      "Muy decepcionado: {issue} después de solo {time}.",
      "{brand}, ¿en serio? {issue}. Por ese precio es inaceptable.",
      "No compréis {the}. {issue} y atención al cliente no contesta.",
    ],
    question: [
      "¿Alguien ha usado {the} {place}? ¿Qué tal {aspect}?",
      "¿{product} o {competitor}? No me decido.",
      "Pregunta para {brand}: ¿cuánta garantía tiene {product}?",
    ],
    suggestion: [
      "{brand}, por favor sacad una versión más ligera de {product}.",
      "Si mejoraran {aspect}, {the} sería perfecta.",
    ],
    purchase_intent: [
      "Esta noche pido {the}, {aspect} me convenció.",
      "Ahorrando para {product}. ¿Sabéis si habrá rebajas?",
      "Antes de ir {place} necesito equipo nuevo: {product} es el primero de la lista.",
    ],
  },
  crisis: [
    "CUIDADO: {crisis}. Es {the}. ¡Dejad de usarlo, hay riesgo de quemaduras!",
    "{brand} tiene que anunciar una retirada YA. {crisis}.",
    "¿Hay retirada de {product}? {crisis}. Estoy pensando en una demanda.",
  ],
  crisisIssues: {
    "stove-safety": [
      "la válvula tuvo una fuga y la llama me saltó a la cara",
      "el hornillo se prendió al encenderlo, tengo una quemadura",
    ],
    "pole-recall": [
      "una varilla se partió y atravesó el doble techo",
      "la varilla se astilló, lesión en la mano",
    ],
  },
  firstNames: [
    "Lucía",
    "Hugo",
    "Martina",
    "Pablo",
    "Sofía",
    "Diego",
    "Valeria",
    "Javier",
    "Carmen",
    "Andrés",
  ],
  lastNames: [
    "García",
    "Fernández",
    "López",
    "Martínez",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Ruiz",
    "Díaz",
    "Torres",
  ],
};

export const it: LanguagePack = {
  the: {
    tent: "la tenda {product}",
    jacket: "il piumino {product}",
    pack: "lo zaino {product}",
    stove: "il fornello {product}",
  },
  aspects: {
    tent: ["il sovratelo", "l'abside", "il montaggio veloce", "il peso"],
    jacket: ["il cappuccio", "il calore", "la comprimibilità", "la vestibilità"],
    pack: [
      "la cintura lombare",
      "l'imbottitura degli spallacci",
      "la ventilazione dello schienale",
      "la tasca laterale",
    ],
    stove: [
      "la regolazione della fiamma",
      "il tempo di ebollizione",
      "l'accensione piezo",
      "la tenuta al vento",
    ],
  },
  issues: {
    tent: [
      "si è rotta la zip della porta",
      "le cuciture fanno entrare l'acqua",
      "si è incrinata una paleria",
    ],
    jacket: ["perde piume di continuo", "la zip si inceppa", "si è strappato un comparto"],
    pack: [
      "si è rotta la fibbia della cintura",
      "la cucitura di uno spallaccio si sfilaccia",
      "si è strappata la tasca laterale",
    ],
    stove: ["l'accensione non funziona più", "la fiamma non si abbassa", "la valvola è bloccata"],
  },
  places: ["sulle Dolomiti", "in Val d'Aosta", "sul Sentiero degli Dei", "in Sardegna", "sull'Alta Via 1"],
  times: ["due settimane", "tre mesi", "una stagione", "sei notti", "un anno"],
  hashtags: ["#trekking", "#montagna", "#campeggio", "#escursionismo"],
  templates: {
    praise: [
      "Dopo {time} {place}, {the} è promossa a pieni voti. {aspect} è il punto forte.",
      "Miglior acquisto dell'anno: {product}. Grazie {brand}!",
      "Ho lasciato il mio {competitor} per {product}, nessun rimpianto.",
    ],
    complaint: [
      "Molto deluso: {issue} dopo appena {time}.",
      "{brand}, davvero? {issue}. A quel prezzo è inaccettabile.",
      "Non comprate {product}. {issue} e l'assistenza non risponde.",
    ],
    question: [
      "Qualcuno ha provato {the} {place}? Com'è {aspect}?",
      "{product} o {competitor}? Sono indeciso.",
      "Domanda per {brand}: che garanzia ha {product}?",
    ],
    suggestion: [
      "{brand}, fate una versione più leggera di {product}, per favore!",
      "Se migliorassero {aspect}, {product} sarebbe perfetto.",
    ],
    purchase_intent: [
      "Stasera ordino {product}, {aspect} mi ha convinto.",
      "Sto mettendo da parte i soldi per {product}. Arrivano i saldi?",
    ],
  },
  crisis: [
    "ATTENZIONE: {crisis}. Parlo di {product}. Smettete di usarlo, rischio ustioni!",
    "{brand} deve fare subito un richiamo. {crisis}.",
    "C'è un richiamo per {product}? {crisis}. Sto valutando una causa.",
  ],
  crisisIssues: {
    "stove-safety": [
      "la valvola perdeva e la fiamma mi è arrivata in faccia",
      "il fornello ha preso fuoco all'accensione, ustione alla mano",
    ],
    "pole-recall": [
      "un'asta si è spezzata e ha bucato il sovratelo",
      "la paleria si è scheggiata, ferito alla mano",
    ],
  },
  firstNames: [
    "Giulia",
    "Marco",
    "Chiara",
    "Luca",
    "Francesca",
    "Matteo",
    "Sara",
    "Alessandro",
    "Elena",
    "Davide",
  ],
  lastNames: [
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
  ],
};
