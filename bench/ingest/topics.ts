import { DEMO_TOPICS } from "../../server/modules/demo/demoMarket";
import { syntheticBrands } from "../listening/match/realistic";

/**
 * The demo organisation's own topics plus `count - 9` topics about invented brands in the
 * shapes analysts write (brand OR variants, AND context, NOT exclusions, phrases, NEAR,
 * wildcards). Invented brands almost never occur in the demo stream, as in a real deployment
 * where most of a platform's topics belong to other brands.
 */
export function benchTopics(count: number): string[] {
  const brands = syntheticBrands(Math.max(10, count), new Map(), 7);
  const context = [
    "tent",
    "jacket",
    "stove",
    "pack",
    "hiking",
    "camping",
    "review",
    "price",
    "rain",
    "trail",
  ];
  const queries = DEMO_TOPICS.map((t) => t.query);
  for (let i = 0; queries.length < count; i++) {
    const b = brands[i % brands.length]!;
    const c = context[i % context.length]!;
    switch (i % 5) {
      case 0:
        queries.push(`${b} OR #${b} OR @${b}`);
        break;
      case 1:
        queries.push(`(${b} OR "${b} pro") AND ${c} NOT giveaway`);
        break;
      case 2:
        queries.push(`${b} NEAR/3 ${c}`);
        break;
      case 3:
        queries.push(`${b.slice(0, 5)}* AND (${c} OR review)`);
        break;
      default:
        queries.push(`"${b} ${c}" OR (${b} AND language:en)`);
    }
  }
  return queries.slice(0, count);
}
