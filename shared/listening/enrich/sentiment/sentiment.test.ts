import { describe, expect, it } from "vitest";
import { labelOf, sentiment, valenceSum } from "./sentiment";

const score = (t: string) => sentiment(t).score;

describe("sentiment", () => {
  it("scores in [-1, 1] with the ±0.05 class cut", () => {
    for (const t of ["", "ok", "I love it!!!", "worst. day. ever.", "😍😍😍😍😍😍 best best best"]) {
      const r = sentiment(t);
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.label).toBe(labelOf(r.score));
    }
    expect(labelOf(0.05)).toBe("positive");
    expect(labelOf(-0.05)).toBe("negative");
    expect(labelOf(0.049)).toBe("neutral");
  });

  it("is neutral without sentiment words", () => {
    expect(sentiment("The meeting is at 3pm in room 4").label).toBe("neutral");
    expect(score("")).toBe(0);
  });

  it("reads basic polarity", () => {
    expect(score("This phone is great")).toBeGreaterThan(0.5);
    expect(score("This phone is terrible")).toBeLessThan(-0.4);
  });

  it("negates within the clause only", () => {
    expect(score("The service was not good")).toBeLessThan(0);
    // The negator in the first sentence does not reach "great" in the second.
    expect(score("Nothing happened. Great show")).toBeGreaterThan(0);
  });

  it("treats negated negatives as mild", () => {
    const notBad = score("not bad");
    expect(notBad).toBeGreaterThan(-0.05);
    expect(notBad).toBeLessThan(score("good"));
  });

  it("weights the clause after 'but'", () => {
    expect(score("The food was great but the service was awful")).toBeLessThan(0);
    expect(score("The service was awful but the food was great")).toBeGreaterThan(0);
  });

  it("boosts with degree adverbs, caps and exclamation marks", () => {
    expect(score("The food was very good")).toBeGreaterThan(score("The food was good"));
    expect(score("The food was GOOD today")).toBeGreaterThan(score("The food was good today"));
    expect(score("The food was good!!!")).toBeGreaterThan(score("The food was good"));
    expect(score("The food was sort of good")).toBeLessThan(score("The food was good"));
  });

  it("reads 'pretty', 'damn' and the like as degree adverbs before a sentiment word", () => {
    expect(score("that's pretty annoying")).toBeLessThan(0);
    expect(score("damn good coffee")).toBeGreaterThan(score("good coffee"));
    expect(score("she is pretty")).toBeGreaterThan(0);
  });

  it("reads elongated spellings as emphasis", () => {
    expect(score("soooo goooood")).toBeGreaterThan(score("so good") - 0.01);
    expect(score("goooood")).toBeGreaterThan(0.3);
  });

  it("understands emoji, emoticons and HTML-escaped hearts", () => {
    expect(score("new phone 😍")).toBeGreaterThan(0.3);
    expect(score("new phone😡")).toBeLessThan(-0.3);
    expect(score("new phone 👍🏽")).toBeGreaterThan(0.2);
    expect(score("see you there :)")).toBeGreaterThan(0.2);
    expect(score("missed the bus D:")).toBeLessThan(-0.2);
    expect(score("you &lt;3")).toBeGreaterThan(0.2);
  });

  it("keeps emoji and laughter outside negation", () => {
    expect(score("not sure :)")).toBeGreaterThan(-0.3);
  });

  it("knows modern slang and phrases", () => {
    expect(score("this album slaps")).toBeGreaterThan(0.3);
    expect(score("that update is mid")).toBeLessThan(0);
    expect(score("can't wait for the weekend")).toBeGreaterThan(0.3);
    expect(score("the app is buggy and laggy")).toBeLessThan(-0.3);
  });

  it("handles idioms", () => {
    expect(score("that mohawk is bad ass")).toBeGreaterThan(0);
    expect(score("yeah right")).toBeLessThan(0);
  });

  it("dampens questions", () => {
    expect(Math.abs(valenceSum("is it good?"))).toBeLessThan(Math.abs(valenceSum("it is good.")));
  });

  it("reads a bare exclamation as mild excitement", () => {
    expect(sentiment("Found $20 in my back pocket!").label).toBe("positive");
    expect(score("Found $20 in my back pocket")).toBe(0);
  });

  it("damps posts that share a link", () => {
    const plain = score("Great results this quarter");
    const linked = score("Great results this quarter https://news.example/q3");
    expect(linked).toBeGreaterThan(0);
    expect(linked).toBeLessThan(plain);
  });

  it("ignores handles and links", () => {
    expect(score("@happyfeet http://love.example.com")).toBe(0);
  });

  it("survives odd input", () => {
    expect(() => sentiment("\u0000\ud83d 💩".repeat(1000))).not.toThrow();
    expect(sentiment("İSTANBUL GREAT").label).toBe("positive");
  });
});
