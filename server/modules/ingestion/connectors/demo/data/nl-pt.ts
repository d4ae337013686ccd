import type { LanguagePack } from "./language";

export const nl: LanguagePack = {
  the: {
    tent: "de {product} tent",
    jacket: "de {product} donsjas",
    pack: "de {product} rugzak",
    stove: "de {product} brander",
  },
  aspects: {
    tent: ["het buitendoek", "de voortent", "de snelle opbouw", "het gewicht"],
    jacket: ["de capuchon", "de warmte", "het pakvolume", "de pasvorm"],
    pack: ["de heupband", "de vulling van de schouderbanden", "de rugventilatie", "het zijvak"],
    stove: ["de vlamregeling", "de kooktijd", "de piëzo-ontsteking", "de windbestendigheid"],
  },
  issues: {
    tent: ["de rits van de deur is kapot", "de naden lekken", "er zit een scheur in een stok"],
    jacket: ["hij verliest continu veren", "de rits blijft haken", "een kamer is gescheurd"],
    pack: [
      "de gesp van de heupband is gebroken",
      "de naad van een schouderband rafelt",
      "het zijvak is gescheurd",
    ],
    stove: ["de ontsteking doet het niet meer", "de vlam gaat niet lager", "het ventiel zit vast"],
  },
  places: ["in de Ardennen", "op de Veluwe", "in Noorwegen", "op het Pieterpad", "in de Alpen"],
  times: ["twee weken", "drie maanden", "een seizoen", "zes nachten", "een jaar"],
  hashtags: ["#wandelen", "#kamperen", "#buitenleven", "#trektocht"],
  templates: {
    praise: [
      "Na {time} {place}: {the} is echt top. Vooral {aspect}.",
      "Beste aankoop van het jaar: {product}. Dank je {brand}!",
      "Mijn {competitor} ingeruild voor {product}, geen spijt.",
    ],
    complaint: [
      "Erg teleurgesteld: {issue} na pas {time}.",
      "{brand}, serieus? {issue}. Voor die prijs onacceptabel.",
      "Koop {product} niet. {issue} en de klantenservice reageert niet.",
    ],
    question: [
      "Iemand ervaring met {the} {place}? Hoe is {aspect}?",
      "{product} of {competitor}? Ik twijfel.",
      "Vraag aan {brand}: hoeveel garantie zit er op {product}?",
    ],
    suggestion: [
      "{brand}, maak alsjeblieft een lichtere versie van {product}!",
      "Als {aspect} beter was, was {product} perfect.",
    ],
    purchase_intent: [
      "Ik bestel vanavond {the}, {aspect} gaf de doorslag.",
      "Aan het sparen voor {product}. Komt er een uitverkoop?",
    ],
  },
  crisis: [
    "LET OP: {crisis}. Het gaat om {the}. Niet meer gebruiken, kans op brandwonden!",
    "{brand} moet nu een terugroepactie starten. {crisis}.",
    "Is er een terugroepactie voor {product}? {crisis}. Ik overweeg een rechtszaak.",
  ],
  crisisIssues: {
    "stove-safety": [
      "het ventiel lekte en de vlam sloeg in mijn gezicht",
      "de brander vloog in brand bij het aansteken, brandwond aan mijn hand",
    ],
    "pole-recall": [
      "een stok brak en ging dwars door het buitendoek",
      "de stok versplinterde, letsel aan mijn hand",
    ],
  },
  firstNames: ["Daan", "Sanne", "Bram", "Lotte", "Thijs", "Fleur", "Jesse", "Anouk", "Ruben", "Eva"],
  lastNames: [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "de Boer",
  ],
};

export const pt: LanguagePack = {
  the: {
    tent: "a tenda {product}",
    jacket: "o casaco de penas {product}",
    pack: "a mochila {product}",
    stove: "o fogareiro {product}",
  },
  aspects: {
    tent: ["o duplo teto", "o avançado", "a montagem rápida", "o peso"],
    jacket: ["o capuz", "o calor", "o pouco espaço que ocupa", "o corte"],
    pack: ["o cinto de anca", "o acolchoado das alças", "a ventilação das costas", "o bolso lateral"],
    stove: ["o controlo da chama", "o tempo de fervura", "a ignição piezo", "a resistência ao vento"],
  },
  issues: {
    tent: ["o fecho da porta partiu", "as costuras deixam entrar água", "uma vareta rachou"],
    jacket: ["está sempre a perder penas", "o fecho prende", "rasgou um compartimento"],
    pack: ["a fivela do cinto partiu", "a costura de uma alça está a desfazer-se", "o bolso lateral rasgou"],
    stove: ["a ignição deixou de funcionar", "a chama não baixa", "a válvula está presa"],
  },
  places: ["na Serra da Estrela", "no Gerês", "na Chapada Diamantina", "na Rota Vicentina", "nos Açores"],
  times: ["duas semanas", "três meses", "uma temporada", "seis noites", "um ano"],
  hashtags: ["#trilhas", "#montanha", "#campismo", "#aventura"],
  templates: {
    praise: [
      "Depois de {time} {place}, {the} é excelente. {aspect} é o ponto forte.",
      "Melhor compra do ano: {product}. Obrigado {brand}!",
      "Troquei o meu {competitor} pelo {product} e não me arrependo.",
    ],
    complaint: [
      "Muito desiludido: {issue} ao fim de apenas {time}.",
      "{brand}, a sério? {issue}. Por esse preço é inaceitável.",
      "Não comprem {product}. {issue} e o apoio ao cliente não responde.",
    ],
    question: [
      "Alguém já usou {the} {place}? Como é {aspect}?",
      "{product} ou {competitor}? Estou indeciso.",
      "Pergunta para {brand}: qual é a garantia do {product}?",
    ],
    suggestion: [
      "{brand}, façam uma versão mais leve do {product}, por favor!",
      "Se melhorassem {aspect}, {the} seria perfeito.",
    ],
    purchase_intent: [
      "Vou encomendar {the} hoje à noite, {aspect} convenceu-me.",
      "A juntar dinheiro para o {product}. Vêm aí saldos?",
    ],
  },
  crisis: [
    "ATENÇÃO: {crisis}. É {the}. Parem de usar, há risco de queimaduras!",
    "{brand} tem de fazer um recall JÁ. {crisis}.",
    "Há recall do {product}? {crisis}. Estou a pensar num processo.",
  ],
  crisisIssues: {
    "stove-safety": [
      "a válvula verteu e a chama saltou-me para a cara",
      "o fogareiro pegou fogo ao acender, tenho uma queimadura",
    ],
    "pole-recall": ["uma vareta partiu e furou o duplo teto", "a vareta estilhaçou, ferimento na mão"],
  },
  firstNames: [
    "Beatriz",
    "João",
    "Mariana",
    "Tiago",
    "Inês",
    "Rafael",
    "Ana",
    "Gabriel",
    "Carolina",
    "Pedro",
  ],
  lastNames: [
    "Silva",
    "Santos",
    "Ferreira",
    "Pereira",
    "Oliveira",
    "Costa",
    "Rodrigues",
    "Martins",
    "Sousa",
    "Almeida",
  ],
};
