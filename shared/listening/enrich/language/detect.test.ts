import { eld } from "eld/large";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect";

const SAMPLES = [
  "The quick brown fox jumps over the lazy dog",
  "Der schnelle braune Fuchs springt über den faulen Hund",
  "Le renard brun rapide saute par-dessus le chien paresseux",
  "El rápido zorro marrón salta sobre el perro perezoso",
  "La volpe marrone veloce salta sopra il cane pigro",
  "De snelle bruine vos springt over de luie hond",
  "A rápida raposa marrom pula sobre o cão preguiçoso",
  "Быстрая коричневая лиса прыгает через ленивую собаку",
  "Η γρήγορη καφέ αλεπού πηδά πάνω από το τεμπέλικο σκυλί",
  "敏捷的棕色狐狸跳过了懒狗",
  "素早い茶色の狐がのろまな犬を飛び越える",
  "빠른 갈색 여우가 게으른 개를 뛰어넘는다",
  "الثعلب البني السريع يقفز فوق الكلب الكسول",
  "don't l'eau aujourd'hui ’quoted’ `tick` ''double''",
  "123 456 !!! ???",
  "",
  "a",
  "hello 👋🏽 world 🌍 https://example.com/path?x=1 #tag @user",
  "ÇA VA? İstanbul'da güzel bir gün",
  `${"Dies ist ein sehr langer deutscher Satz, der immer weitergeht. ".repeat(40)}`,
  `${"supercalifragilisticexpialidocious".repeat(4)} word`,
];

describe("detectLanguage", () => {
  it("makes the same forced choice as eld/large", () => {
    for (const s of SAMPLES)
      expect([s.slice(0, 40), detectLanguage(s).best]).toEqual([s.slice(0, 40), eld.detect(s).language]);
  });

  it("agrees with eld/large on random mixed text (property)", () => {
    const piece = fc.oneof(
      fc.constantFrom(
        "the",
        "und",
        "l'eau",
        "don’t",
        "ça",
        "niño",
        "über",
        "İ",
        "ß",
        "σ",
        "Σ",
        "язык",
        "日本",
        "'",
        "`",
        "’",
      ),
      fc.constantFrom("cafe\u0301", "nǐ hǎo", "բարև ձեզ", "ǀ", "\uE000", "ﬁ", "Ǆ", "ΌΣΟΣ"),
      fc.constantFrom(
        " ",
        "  ",
        ", ",
        "!",
        "?",
        "-",
        "\n",
        "👍🏽",
        "123",
        "https://x.example/a",
        "#tag",
        "@user",
      ),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (parts) => {
        const s = parts.join("");
        expect(detectLanguage(s).best).toBe(eld.detect(s).language);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 400) },
    );
  });

  it("detects the common languages", () => {
    expect(detectLanguage(SAMPLES[0]!).language).toBe("en");
    expect(detectLanguage(SAMPLES[1]!).language).toBe("de");
    expect(detectLanguage(SAMPLES[2]!).language).toBe("fr");
    expect(detectLanguage(SAMPLES[3]!).language).toBe("es");
  });

  it("returns und for text without enough evidence", () => {
    expect(detectLanguage("").language).toBe("und");
    expect(detectLanguage("123 !!!").language).toBe("und");
    expect(detectLanguage("ok").language).toBe("und");
    expect(detectLanguage("123 !!!").best).toBe("");
  });

  it("reports a confidence in [0, 1]", () => {
    const r = detectLanguage(SAMPLES[0]!);
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.ngrams).toBeGreaterThan(3);
  });
});
