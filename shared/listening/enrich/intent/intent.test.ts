import { describe, expect, it } from "vitest";
import { classifyIntent, INTENTS, type Intent } from "./intent";

/**
 * SELF-WRITTEN evaluation set: every post below was written by the Chorus engineer who wrote the
 * intent cues (not taken from any dataset), so its accuracy is optimistic and only a regression guard.
 */
const LABELLED: ReadonlyArray<readonly [string, Intent]> = [
  // question
  ["How do I export my playlists to a new phone?", "question"],
  ["Does anyone know if the Pro version syncs across devices", "question"],
  ["what time does the Berlin store open on sundays?", "question"],
  ["Is there a way to turn off autoplay on the app?", "question"],
  ["@AcmeHelp can I change the delivery address after ordering?", "question"],
  ["Which charger works with the X200? The manual doesn't say", "question"],
  ["Any tips for getting the battery to last longer on a long flight?", "question"],
  ["When is the next firmware update coming out?", "question"],
  ["Weiß jemand, ob der Akku austauschbar ist?", "question"],
  ["Wie kann man das Abo pausieren?", "question"],
  ["Comment est-ce qu'on réinitialise le mot de passe ?", "question"],
  ["Quelqu'un sait si la boutique de Lyon est ouverte le lundi ?", "question"],
  ["¿Cómo se cambia el idioma de la app?", "question"],
  ["¿Alguien sabe si hacen envíos a Canarias?", "question"],
  // complaint
  ["My order still hasn't arrived after three weeks and nobody answers my emails", "complaint"],
  ["The app keeps crashing every time I open the camera. Fix this!", "complaint"],
  ["@AcmeAir worst airline ever, 4 hours on hold and no response", "complaint"],
  ["Charged twice for the same subscription, I want a refund now", "complaint"],
  ["Screen cracked after two days. Really disappointed with the quality", "complaint"],
  ["Why does the update keep failing?? This is ridiculous", "complaint"],
  ["The headphones stopped working after a week. Never buying from them again", "complaint"],
  ["Wrong item delivered AGAIN. Customer service is useless", "complaint"],
  ["been waiting 40 minutes for a driver, app says he's 2 min away the whole time 🙄", "complaint"],
  ["Die App funktioniert seit dem Update nicht mehr. Sehr enttäuscht!", "complaint"],
  ["Paket beschädigt angekommen und keine Antwort vom Support", "complaint"],
  ["Mon colis n'est toujours pas reçu, service client inadmissible", "complaint"],
  ["L'imprimante ne fonctionne plus après la mise à jour, je suis déçu", "complaint"],
  ["El cargador no funciona y nadie responde, pésimo servicio", "complaint"],
  ["Me llegó el pedido roto, quiero un reembolso", "complaint"],
  // praise
  ["Huge thanks to the support team, they fixed my account in five minutes!", "praise"],
  ["Loving the new update, the dark theme looks amazing", "praise"],
  ["Best customer service I've ever had. Highly recommend @ShopCo", "praise"],
  ["these running shoes are incredible, 10/10 would buy again", "praise"],
  ["Shout out to the barista at the Main St location, you made my morning ☕❤️", "praise"],
  ["The battery life on this thing is outstanding", "praise"],
  ["Great job on the redesign, everything is so much faster now 👏", "praise"],
  ["I love how easy it was to set up", "praise"],
  ["Vielen Dank für den schnellen Versand, super Qualität!", "praise"],
  ["Ich bin sehr zufrieden, kann ich nur weiterempfehlen", "praise"],
  ["Merci pour la livraison rapide, produit parfait", "praise"],
  ["J'adore la nouvelle collection, bravo à toute l'équipe", "praise"],
  ["¡Me encanta! Gracias por la atención tan rápida", "praise"],
  ["Excelente calidad, lo recomiendo al 100%", "praise"],
  // suggestion
  ["It would be great if the app had an offline mode", "suggestion"],
  ["Please add a dark mode to the desktop client", "suggestion"],
  ["Feature request: let us schedule posts for multiple accounts at once", "suggestion"],
  ["You should offer the jacket in bigger sizes", "suggestion"],
  ["I wish there was a way to split the bill between two cards", "suggestion"],
  ["Would love to see an integration with Google Calendar", "suggestion"],
  ["Idea for @NoteApp: tags that sync with folders", "suggestion"],
  ["why not add a family plan? would switch in a heartbeat", "suggestion"],
  ["Es wäre schön, wenn man die Schriftgröße ändern könnte", "suggestion"],
  ["Vorschlag: eine Exportfunktion als CSV", "suggestion"],
  ["Ce serait bien de pouvoir payer en plusieurs fois", "suggestion"],
  ["Vous devriez proposer une version sans sucre", "suggestion"],
  ["Sería genial poder guardar las rutas favoritas", "suggestion"],
  ["Deberían añadir más tallas de calzado", "suggestion"],
  // purchase intent
  ["Thinking about buying the new Pixel, is it worth it over the iPhone?", "purchase_intent"],
  ["I need a new laptop for uni, shopping for something under 800", "purchase_intent"],
  ["Where can I buy the limited edition vinyl in Europe?", "purchase_intent"],
  ["Just ordered the standing desk, can't wait for it to arrive", "purchase_intent"],
  ["Take my money!! When does the preorder open?", "purchase_intent"],
  ["how much is the family plan? want to get it for my parents", "purchase_intent"],
  ["Going to upgrade to the 256GB model next week", "purchase_intent"],
  ["Ich will mir das neue E-Bike kaufen, was kostet die große Variante?", "purchase_intent"],
  ["Je vais commander la robe bleue pour le mariage", "purchase_intent"],
  ["Quiero comprar la versión Pro, ¿cuánto cuesta con envío?", "purchase_intent"],
  // other
  ["New blog post: 5 trends in retail for 2025 https://blog.example.com/trends", "other"],
  ["Acme Corp announces quarterly results on Thursday", "other"],
  ["Heading to the office now, traffic on the A1 as usual", "other"],
  ["Photos from yesterday's launch event are up on our page", "other"],
  ["Der Laden in der Innenstadt hat jetzt bis 20 Uhr geöffnet", "other"],
  ["La conférence commence à 14h dans la salle B", "other"],
  ["El partido empieza a las nueve", "other"],
  ["RT @newsdesk: Acme to open 12 new stores this year", "other"],
];

/**
 * Also self-written, but written AFTER the cues were adjusted to the set above and never used to adjust
 * them: a fairer (still small, still optimistic) check.
 */
const FRESH: ReadonlyArray<readonly [string, Intent]> = [
  ["Can you ship to Norway or only within the EU?", "question"],
  ["what's the difference between the lite and the plus plan", "question"],
  ["Is it normal that the fan gets this loud?", "question"],
  ["Gibt es die Jacke auch in Grün?", "question"],
  ["Pourquoi la livraison prend-elle dix jours ?", "question"],
  ["¿Dónde está la tienda más cercana?", "question"],
  ["Three calls and still no refund. Absolutely unacceptable.", "complaint"],
  ["my package was left in the rain and everything inside is damaged", "complaint"],
  ["The new checkout is so buggy I gave up", "complaint"],
  ["Der Kundenservice ist eine Katastrophe, niemand ruft zurück", "complaint"],
  ["Produit arrivé cassé, c'est honteux", "complaint"],
  ["Llevo dos semanas esperando y el pedido no llega, fatal", "complaint"],
  ["Thank you @CityBikes for the smooth rental today", "praise"],
  ["This blender is a game changer, smoothies every morning now", "praise"],
  ["The staff at the Leeds branch were wonderful with my kids", "praise"],
  ["Toller Service, danke an das ganze Team!", "praise"],
  ["Service impeccable, merci beaucoup !", "praise"],
  ["Muy contento con la compra, excelente atención", "praise"],
  ["You guys should let us pick the delivery time slot", "suggestion"],
  ["Please bring back the old layout, or at least make it an option", "suggestion"],
  ["wish the app supported widgets on the lock screen", "suggestion"],
  ["Ihr solltet eine vegane Variante anbieten", "suggestion"],
  ["J'aimerais pouvoir choisir la couleur du boîtier", "suggestion"],
  ["Podrían añadir un modo oscuro en la web", "suggestion"],
  ["Planning to buy a robot vacuum this weekend, any good deals?", "purchase_intent"],
  ["Is the blue one back in stock? Need it for Friday", "purchase_intent"],
  ["Ich möchte zwei Tickets bestellen", "purchase_intent"],
  ["Je compte acheter un vélo électrique cet été", "purchase_intent"],
  ["Voy a comprar las zapatillas nuevas mañana", "purchase_intent"],
  ["Our team will be at the trade fair in Hall 4 all week", "other"],
  ["Rain expected across the north tomorrow", "other"],
  ["Neuer Artikel über nachhaltige Verpackung im Blog", "other"],
];

function confusion(set: ReadonlyArray<readonly [string, Intent]>): {
  accuracy: number;
  perClass: Record<string, string>;
  misses: string[];
} {
  let correct = 0;
  const byGold = new Map<Intent, { n: number; ok: number }>();
  const misses: string[] = [];
  for (const [text, gold] of set) {
    const got = classifyIntent(text).intent;
    const b = byGold.get(gold) ?? { n: 0, ok: 0 };
    b.n++;
    if (got === gold) {
      correct++;
      b.ok++;
    } else misses.push(`${gold} → ${got}: ${text}`);
    byGold.set(gold, b);
  }
  const perClass: Record<string, string> = {};
  for (const [k, v] of byGold) perClass[k] = `${v.ok}/${v.n}`;
  return { accuracy: correct / set.length, perClass, misses };
}

describe("classifyIntent on the self-written set", () => {
  it("has at least 60 examples covering every intent", () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(60);
    for (const intent of INTENTS) expect(LABELLED.some(([, g]) => g === intent)).toBe(true);
  });

  it("reaches the recorded accuracy on the development set (regression guard)", () => {
    const { accuracy, perClass, misses } = confusion(LABELLED);
    // Printed so the figure in docs/ENRICHMENT.md can be checked.
    console.log(
      `intent accuracy (dev) ${(accuracy * 100).toFixed(1)}% on ${LABELLED.length}`,
      perClass,
      misses,
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("reaches the recorded accuracy on the fresh set", () => {
    const { accuracy, perClass, misses } = confusion(FRESH);
    console.log(
      `intent accuracy (fresh) ${(accuracy * 100).toFixed(1)}% on ${FRESH.length}`,
      perClass,
      misses,
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.7);
  });
});

describe("classifyIntent behaviour", () => {
  it("returns scores for every intent in [0, 1]", () => {
    const r = classifyIntent("Please add an export button");
    for (const intent of INTENTS) {
      expect(r.scores[intent]).toBeGreaterThanOrEqual(0);
      expect(r.scores[intent]).toBeLessThanOrEqual(1);
    }
    expect(r.intent).toBe("suggestion");
  });

  it("ignores question marks inside links", () => {
    expect(classifyIntent("Our report https://example.com/r?id=3").intent).toBe("other");
  });

  it("treats an angry question as a complaint", () => {
    expect(classifyIntent("Why is my package still not delivered?? Terrible service").intent).toBe(
      "complaint",
    );
  });

  it("handles empty text", () => {
    expect(classifyIntent("").intent).toBe("other");
  });
});
