/**
 * Intent cues (en, de, fr, es), written for Chorus. Each cue is a phrase pattern and a weight; a post's
 * intent score is the sum of matched weights plus sentiment and punctuation evidence (see intent.ts).
 * Patterns are matched on lower-cased text with letter boundaries, so they work for accented words.
 * Weights: 1 = typical cue, 2 = near-certain phrase, 0.5 = weak hint.
 */
export type Intent = "question" | "complaint" | "praise" | "suggestion" | "purchase_intent" | "other";

export const INTENTS: readonly Intent[] = [
  "question",
  "complaint",
  "praise",
  "suggestion",
  "purchase_intent",
  "other",
];

export type Cue = readonly [pattern: string, weight: number];

export const CUES: Record<Exclude<Intent, "other">, readonly Cue[]> = {
  question: [
    // English: wh-words and auxiliary inversion at the start of a clause
    ["^(?:how|what|why|when|where|which|who|whom|whose)", 1],
    [
      "^(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|may|might)\\s+(?:i|you|we|they|it|there|anyone|someone|anybody|this|that|my|the)",
      1.2,
    ],
    ["(?:does|do|can|could) (?:anyone|anybody|someone|somebody|you guys)", 1.5],
    ["anyone (?:know|knows|else|tried|have|has)", 1.2],
    ["how (?:do|can|could|should) i", 1.2],
    ["is (?:it|there) (?:a way|possible|any way)", 1.5],
    ["any (?:idea|ideas|tips|advice|suggestions)", 1.2],
    ["(?:need|looking for) (?:help|advice)", 1],
    ["what(?:'s| is) the (?:best|difference|deal)", 1],
    // German
    ["^(?:wie|was|warum|wieso|weshalb|wann|wo|wer|welche[rsmn]?|woher|wohin)", 1],
    [
      "^(?:kann|können|gibt|ist|sind|hat|habt|weiß|wisst|muss|soll)\\s+(?:man|ich|ihr|es|jemand|das|der|die)",
      1.2,
    ],
    ["weiß jemand", 1.5],
    ["kennt jemand", 1.2],
    // French
    ["^(?:comment|pourquoi|quand|où|qui|quel|quelle|quels|quelles|combien)", 1],
    ["est-ce que|est ce que", 1.2],
    ["quelqu'un (?:sait|connaît|a déjà)", 1.5],
    ["(?:peut-on|puis-je|savez-vous|avez-vous|y a-t-il)", 1.2],
    // Spanish
    ["¿[^?]*\\?", 1],
    ["^(?:cómo|como|qué|que|por qué|cuándo|dónde|quién|cuál)(?![\\p{L}]).*\\?", 1],
    ["alguien sabe", 1.5],
    ["(?:se puede|puedo|hay alguna forma)", 0.8],
  ],
  complaint: [
    [
      "(?:doesn't|does not|doesnt|won't|wont|isn't|is not|not|stopped|never) (?:work|working|load|loading|open|opening|arrive|arrived|charge|charging|respond|responding)",
      2,
    ],
    ["(?:still|been) waiting", 1.5],
    [
      "(?:hasn't|has not|haven't|have not|didn't|did not|never) (?:arrived|shown up|turned up|been delivered|received)",
      1.5,
    ],
    ["(?:nobody|no one|noone) (?:answers|responds|replies|helps|picks up|called back)", 1.5],
    ["(?:no|zero) (?:response|reply|answer|help)", 1.5],
    ["(?:refund|money back|chargeback|charged twice|double charged|overcharged)", 1.5],
    ["(?:broken|broke|defective|faulty|damaged|cracked|missing|lost my|wrong item|wrong order)", 1.2],
    [
      "(?:worst|terrible|horrible|awful|pathetic|useless|unacceptable|ridiculous|disgusting|scam|rip-?off)",
      1.2,
    ],
    ["(?:disappointed|disappointing|frustrated|frustrating|fed up|sick of|tired of|annoyed|furious)", 1.2],
    ["customer (?:service|support|care)", 0.7],
    ["(?:cancel(?:led|ing)? my|never again|never buying|switching to|unsubscribe)", 1.5],
    ["(?:crash(?:es|ed|ing)?|bug(?:gy|s)?|glitch(?:y|es)?|keeps? (?:freezing|crashing|failing)|error)", 1.2],
    ["(?:delayed|late again|hours on hold|on hold for)", 1.2],
    ["(?:fix (?:this|it|your)|sort it out)", 1.2],
    // German
    ["(?:funktioniert|geht) (?:nicht|immer noch nicht|nie)", 2],
    ["(?:kaputt|defekt|beschädigt|fehlt|falsche lieferung)", 1.2],
    ["(?:enttäuscht|enttäuschend|ärgerlich|frech|unverschämt|katastrophe|schlechteste[rns]?|miserabel)", 1.2],
    ["(?:rückerstattung|geld zurück|warte seit|keine antwort|kündigen|storniert)", 1.5],
    // French
    ["(?:ne (?:marche|fonctionne) (?:pas|plus)|en panne)", 2],
    ["(?:cassé|défectueux|abîmé|manquant|remboursement|toujours pas reçu|aucune réponse)", 1.5],
    ["(?:déçu|déçue|décevant|inadmissible|honteux|nul|lamentable|scandaleux|arnaque)", 1.2],
    // Spanish
    ["(?:no funciona|no sirve|dejó de funcionar)", 2],
    ["(?:roto|defectuoso|dañado|reembolso|sin respuesta|todavía no (?:llega|llegó|recibo))", 1.5],
    ["(?:decepcionado|decepcionada|pésimo|pésima|horrible|vergüenza|estafa|fatal)", 1.2],
  ],
  praise: [
    ["(?:thank you|thanks|thx|ty|tysm|kudos|shout ?out|hats off|props to)", 1.2],
    ["(?:love|loving|loved|adore) (?:it|this|my|the|your|how|that)", 1.2],
    [
      "(?:amazing|awesome|excellent|fantastic|brilliant|outstanding|superb|wonderful|perfect|flawless|incredible)",
      1,
    ],
    ["(?:great|best|good) (?:job|service|support|team|experience|product|quality|purchase|value)", 1.5],
    [
      "(?:highly recommend|would recommend|10/10|five stars|5 stars|exceeded my expectations|game.?changer)",
      2,
    ],
    ["(?:well done|keep it up|you guys rock|you rock|nailed it)", 1.5],
    // German
    ["(?:danke|vielen dank|dankeschön)", 1.2],
    ["(?:super|toll|klasse|großartig|hervorragend|ausgezeichnet|genial|spitze|perfekt)", 1],
    ["(?:liebe (?:es|dieses|meine|euren)|sehr zufrieden|kann ich (?:nur )?empfehlen|weiterempfehlen)", 1.5],
    // French
    ["(?:merci|bravo|chapeau)", 1.2],
    ["(?:génial|excellent|parfait|formidable|magnifique|top|super)", 1],
    ["(?:j'adore|je recommande|très satisfait|très satisfaite|au top)", 1.5],
    // Spanish
    ["(?:gracias|felicidades|enhorabuena)", 1.2],
    ["(?:genial|excelente|perfecto|maravilloso|increíble|buenísimo)", 1],
    ["(?:me encanta|lo recomiendo|muy contento|muy contenta|100% recomendable)", 1.5],
  ],
  suggestion: [
    ["(?:it|that) (?:would|'d) be (?:nice|great|cool|awesome|helpful|useful|better) (?:if|to)", 2],
    ["(?:would|'d) (?:love|like) (?:to see|to have|it if|an option|a way)", 2],
    ["(?:please|pls|plz) (?:add|bring back|make|consider|allow|support|let us|give us|implement)", 2],
    [
      "(?:you|they|y'all) (?:should|could|need to|ought to) (?:add|make|let|allow|offer|bring|consider|support)",
      1.8,
    ],
    // "my wishlist" is shopping (purchase intent); a bare "wishlist" is usually a feature wishlist.
    ["(?:feature request|suggestion|idea for|proposal|(?<!my )(?:wishlist|wish list))", 2],
    ["(?:i )?wish (?:it|you|they|there) (?:had|was|were|would|could|offered|supported)", 1.8],
    ["(?:why not|how about) (?:add|adding|make|making|offer|offering|let|letting)", 2],
    ["(?:an option to|a way to|ability to|support for|dark mode|integration with)", 0.8],
    ["(?:would be (?:nice|great) to have|should have an option)", 1.5],
    // German
    ["(?:wäre (?:schön|toll|super|cool|praktisch|hilfreich),? wenn)", 2],
    [
      "(?:vorschlag|idee:|feature-wunsch|wunsch:|ich wünsche mir|ihr solltet|bitte (?:fügt|baut|macht|bietet))",
      1.8,
    ],
    // French
    ["(?:ce serait (?:bien|génial|super|pratique|top) (?:si|de)|ça serait (?:bien|cool) (?:si|de))", 2],
    [
      "(?:suggestion|idée :|vous devriez|pourriez-vous (?:ajouter|proposer)|j'aimerais (?:qu'il y ait|pouvoir|voir))",
      1.8,
    ],
    // Spanish
    ["(?:sería (?:genial|bueno|útil|increíble) (?:si|que|poder))", 2],
    [
      "(?:sugerencia|deberían (?:añadir|agregar|poner|ofrecer)|podrían (?:añadir|agregar)|ojalá (?:tuviera|pusieran|añadan))",
      1.8,
    ],
  ],
  purchase_intent: [
    [
      "(?:want|wanna|going|gonna|planning|plan|about|ready|need|have) to (?:buy|get|order|purchase|upgrade|grab|preorder|pre-order)",
      2,
    ],
    ["(?:thinking (?:of|about)|considering) (?:buying|getting|ordering|purchasing|upgrading|switching)", 2],
    ["(?:where|how) (?:can|do|could) i (?:buy|get|order|purchase|find)", 2],
    ["(?:should i (?:buy|get|order)|worth (?:buying|the money|it\\?))", 1.8],
    [
      "(?:take my money|add(?:ed)? to (?:cart|basket)|just ordered|pre-?ordered|in my cart|on my wishlist)",
      2,
    ],
    [
      "(?:how much (?:is|does|for)|what(?:'s| is) the price|price\\?|in stock|back in stock|discount code|coupon|promo code)",
      1.5,
    ],
    ["(?:need a new|shopping for|in the market for|saving up for)", 1.8],
    ["(?:before|when|once) i (?:buy|order|purchase|pull the trigger)", 1.6],
    ["(?:on|top of) my (?:list|wishlist|wish list|shopping list)", 1.6],
    // German
    ["(?:will|möchte|werde|muss|wollte) (?:\\S+ )?(?:kaufen|bestellen|holen)", 2],
    [
      "(?:brauche (?:ich )?(?:neue[snm]?|eine[nm]?|ein)|auf (?:der|meiner) (?:liste|wunschliste|einkaufsliste))",
      1.6,
    ],
    ["(?:wo (?:kann man|kaufe ich|gibt es)|was kostet|wie teuer|lieferbar|vorbestellt|gutscheincode)", 1.8],
    // French
    ["(?:veux|vais|voudrais|compte|dois) (?:\\S+ )?(?:acheter|commander|m'offrir)", 2],
    [
      "(?:où (?:acheter|trouver)|combien (?:coûte|ça coûte|coute)|quel est le prix|en stock|précommandé|code promo)",
      1.8,
    ],
    // Spanish
    ["(?:quiero|voy a|pienso|necesito|quisiera) (?:\\S+ )?(?:comprar|pedir|encargar)", 2],
    [
      "(?:dónde (?:comprar|puedo comprar|lo venden)|cuánto cuesta|cuánto vale|qué precio|en stock|código de descuento)",
      1.8,
    ],
  ],
};
