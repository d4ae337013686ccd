/**
 * The shape of the generated mentions, as SQL expressions over a row number `n`. Every value is a
 * pure function of `n` (hashes, no random()), so a resumed load writes exactly what an
 * uninterrupted one would have, and the mention and its matches come from the same row.
 */

/** A uniform in [0, 1) from `v` and a salt: deterministic, cheap, no helper functions needed. */
export const u = (salt: number, v = "n") =>
  `((hashint8extended(${v}, ${salt}) & 2147483647)::float8 / 2147483648.0)`;

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** `case when x < c1 then v1 when x < c2 then v2 … end` over normalised weights. */
export function weighted(x: string, choices: [string, number][], literal = true): string {
  const total = choices.reduce((a, [, w]) => a + w, 0);
  let acc = 0;
  const arms = choices.slice(0, -1).map(([value, w]) => {
    acc += w / total;
    return `when ${x} < ${acc.toFixed(6)} then ${literal ? quote(value) : value}`;
  });
  const last = choices.at(-1)![0];
  return `case ${arms.join(" ")} else ${literal ? quote(last) : last} end`;
}

export const DAYS = 90;

export const CHANNELS: [string, number][] = [
  ["bluesky", 26],
  ["mastodon", 14],
  ["reddit", 24],
  ["rss", 16],
  ["webhook", 12],
  ["import", 8],
];
export const LANGUAGES: [string, number][] = [
  ["en", 45],
  ["es", 12],
  ["de", 10],
  ["fr", 10],
  ["pt", 8],
  ["it", 8],
  ["nl", 7],
];
// Zipf-ish; "" (unknown) for posts without a location.
export const COUNTRIES: [string, number][] = [
  ..."US GB DE FR ES IT BR NL CA AU MX IN AR BE PT CH AT IE SE PL"
    .split(" ")
    .map((c, i) => [c, 100 / (i + 1)] as [string, number]),
  ["", 9],
];
export const SENTIMENTS: [string, number][] = [
  ["neutral", 50],
  ["positive", 30],
  ["negative", 20],
];
export const INTENTS: [string, number][] = [
  ["other", 40],
  ["praise", 18],
  ["complaint", 14],
  ["question", 14],
  ["suggestion", 8],
  ["purchase_intent", 6],
];
/** Mentions per hour of the UTC day (a European/American evening peak). */
const HOURS = [2, 1.5, 1, 1, 1, 1.5, 2.5, 4, 5, 5.5, 6, 6, 6, 6, 6, 6, 6, 6.5, 7, 7, 6.5, 5, 4, 3];

export interface BenchTopic {
  name: string;
  kind: "brand" | "product" | "competitor" | "campaign";
  /** Share of mentions whose first match is this topic. */
  weight: number;
}

/** The main organisation: its brand, five products, five competitors and a campaign. */
export const MAIN_TOPICS: BenchTopic[] = [
  { name: "Lumora", kind: "brand", weight: 22 },
  { name: "AeroBook", kind: "product", weight: 10 },
  { name: "PulseWatch", kind: "product", weight: 9 },
  { name: "NimbusPods", kind: "product", weight: 8 },
  { name: "VantaCam", kind: "product", weight: 6 },
  { name: "OrbitPad", kind: "product", weight: 5 },
  { name: "Zentrix", kind: "competitor", weight: 12 },
  { name: "Kovalabs", kind: "competitor", weight: 9 },
  { name: "Brightwave", kind: "competitor", weight: 7 },
  { name: "Solenne", kind: "competitor", weight: 5 },
  { name: "Arcadion", kind: "competitor", weight: 4 },
  { name: "SummerDrop", kind: "campaign", weight: 3 },
];
/** The second organisation (one mention in 21): its rows must never leak into the first's figures. */
export const OTHER_TOPICS: BenchTopic[] = [
  { name: "Fernhill", kind: "brand", weight: 1 },
  { name: "Glowmate", kind: "product", weight: 1 },
  { name: "Quarrix", kind: "competitor", weight: 1 },
];

/** Ordered from common to rare; the crisis words at the tail are what a keyword alert looks for. */
export const VOCABULARY = `the new my just got love this is really great battery screen update app price
  shipping support order delivery quality design camera sound fast slow broken refund week today day
  again still never always better worse than ever works working stopped feature review launch store
  customer service team phone call email waited hours days replaced charger cable box size colour
  light heavy cheap expensive worth money recommend friends family office travel home music video
  photos gaming reading school work sleep tracking fitness running morning evening weekend sale deal
  discount coupon black friday preorder stock available sold out waiting list firmware bug crash
  freeze lag glitch fix patch version beta release notes android desktop web sync cloud account login
  password privacy data settings menu button click touch swipe display brightness contrast speaker
  microphone noise cancelling comfortable fit strap band wrist ear pods case lid hinge keyboard
  trackpad port usb wireless bluetooth pairing connection signal wifi range hotspot warranty repair
  shop returned exchange complaint question suggestion idea wish please thanks amazing awful terrible
  perfect okay fine meh disappointed happy excited annoyed frustrated impressed surprised honestly
  literally finally maybe probably definitely overheating smoke recall lawsuit injury outage breach`
  .split(/\s+/)
  .filter(Boolean);

const HASHTAGS = ["deal", "launch", "fail", "love", "tech", "review", "unboxing", "help"];
const EMOJI = ["🔥", "😍", "😡", "👍", "🤔", "🚀", "💔", "😂"];

const arr = (values: string[]) => `array[${values.map(quote).join(",")}]`;

/** Fragments mentions are built from: 4,000 short phrases of 4–9 words, Zipf-distributed. */
export const FRAGMENTS = 4_000;
export function fragmentsSql(): string {
  const V = VOCABULARY.length;
  return `create temp table frag as
    select i, string_agg(w.words[1 + floor(power(${u(7, "i * 16 + j")}, 1.6) * ${V})::int], ' ' order by j) as f
    from generate_series(0, ${FRAGMENTS - 1}) i
    cross join generate_series(1, 9) j
    cross join (select ${arr(VOCABULARY)} as words) w
    where j <= 4 + floor(${u(8, "i")} * 6)
    group by i`;
}

export interface ShapeParams {
  /** Rows of the series: one in 21 belongs to the second organisation. */
  series: number;
  start: Date;
  main: { org: string; topics: string[]; authorBase: number; authors: number };
  other: { org: string; topics: string[]; authorBase: number; authors: number };
}

/**
 * Stage rows n in [lo, hi] into temp table `stage`: every column of the mention plus its one or
 * two topic matches with spans. The caller inserts mentions, matches and rollups from it.
 */
export function stageSql(p: ShapeParams, lo: number, hi: number): string {
  const hourCdf = weighted(
    u(3),
    HOURS.map((w, h) => [String(h), w] as [string, number]),
    false,
  );
  const mainIdx = weighted(
    u(10),
    MAIN_TOPICS.map((t, i) => [String(i), t.weight] as [string, number]),
    false,
  );
  const competitor = `(6 + floor(${u(12)} * 5)::int)`;
  // Products and the campaign name the brand often; the brand is compared with a competitor.
  const second = `case when t1 between 1 and 5 or t1 = 11 then case when ${u(11)} < 0.45 then 0 end
    when t1 = 0 then case when ${u(11)} < 0.2 then ${competitor} end
    else case when ${u(11)} < 0.15 then 0 end end`;
  const names = (topics: BenchTopic[]) => arr(topics.map((t) => t.name));
  const ids = (topics: string[]) => `array[${topics.map(quote).join(",")}]::uuid[]`;
  const d = `(floor((n - 1)::float8 * ${DAYS} / ${p.series}))`;
  return `create temp table stage on commit drop as
  with r as materialized (
    select n, (n % 21 = 0) as other,
      ${d} as day, ${hourCdf} as hour,
      case when n % 21 = 0 then floor(${u(10)} * 3)::int else ${mainIdx} end as t1,
      1 + floor(power(${u(4)}, 2) * case when n % 21 = 0 then ${p.other.authors} else ${p.main.authors} end)::bigint as rank,
      ${weighted(u(5), LANGUAGES)} as language,
      ${weighted(u(6), COUNTRIES)} as country,
      ${weighted(u(13), SENTIMENTS)} as label,
      ${u(14)} as strength,
      ${weighted(u(15), INTENTS)} as intent,
      f1.f as f1, f2.f as f2, f3.f as f3,
      ${u(16)} as h, ${u(23)} as h2, ${u(24)} as h3, ${u(17)} as e, ${u(18)} as eng
    from generate_series(${lo}::bigint, ${hi}::bigint) n
    join frag f1 on f1.i = floor(${u(20)} * ${FRAGMENTS})::int
    join frag f2 on f2.i = floor(${u(21)} * ${FRAGMENTS})::int
    join frag f3 on f3.i = floor(${u(22)} * ${FRAGMENTS})::int
  ), r2 as materialized (
    select r.*, case when other then null else ${second} end as t2,
      timestamptz '${p.start.toISOString()}' + make_interval(days => day::int, hours => hour::int)
        + make_interval(secs => ${u(19)} * 3600) as created_at
    from r
  ), r3 as materialized (
    select r2.*,
      case when other then (${names(OTHER_TOPICS)})[t1 + 1] else (${names(MAIN_TOPICS)})[t1 + 1] end as name1,
      (${names(MAIN_TOPICS)})[t2 + 1] as name2,
      case when other then (${ids(p.other.topics)})[t1 + 1] else (${ids(p.main.topics)})[t1 + 1] end as topic1,
      (${ids(p.main.topics)})[t2 + 1] as topic2,
      ${weighted(u(101, "rank"), CHANNELS)} as channel
    from r2
  ), r4 as materialized (
    select r3.*,
      array_remove(array[case when h < 0.35 then '#' || lower(name1) end,
        case when h2 < 0.12 then '#' || (${arr(HASHTAGS)})[1 + floor(h3 * ${HASHTAGS.length})::int] end], null) as hashtags,
      case when e < 0.15 then (${arr(EMOJI)})[1 + floor(e / 0.15 * ${EMOJI.length})::int] end as emoji
    from r3
  )
  select n as id, case when other then '${p.other.org}'::uuid else '${p.main.org}'::uuid end as organisation_id,
    channel, 'bench-' || n as external_id,
    case when other then ${p.other.authorBase} else ${p.main.authorBase} end + rank as author_id,
    'user' || rank as author_handle,
    floor(5000000 / power(rank, 1.05) * (0.5 + ${u(102, "rank")}))::int as author_followers,
    f1 || ' ' || name1 || ' ' || f2 || coalesce(' ' || name2, '') || ' ' || f3
      || coalesce(' ' || nullif(array_to_string(hashtags, ' '), ''), '') || coalesce(' ' || emoji, '') as text,
    case when channel = 'rss' then initcap(f2) end as title,
    'https://example.com/' || channel || '/' || n as url,
    language, nullif(country, '') as country,
    (case label when 'positive' then 0.2 + 0.8 * strength when 'negative' then -0.2 - 0.8 * strength
      else 0.4 * strength - 0.2 end)::real as sentiment,
    label as sentiment_label, intent, hashtags,
    case when emoji is null then '{}'::jsonb else jsonb_build_object('emoji', jsonb_build_array(emoji)) end as entities,
    floor(power(eng, 4) * 5000)::int as likes, floor(power(eng, 5) * 800)::int as shares,
    floor(power(eng, 4) * 300)::int as replies, floor(power(eng, 3) * 90000)::int as views,
    'k' || n as content_key, created_at,
    topic1, jsonb_build_array(jsonb_build_array(length(f1) + 1, length(f1) + 1 + length(name1))) as spans1,
    topic2, case when name2 is not null then jsonb_build_array(jsonb_build_array(
      length(f1) + length(name1) + length(f2) + 3, length(f1) + length(name1) + length(f2) + 3 + length(name2))) end as spans2
  from r4`;
}

/** Authors of one organisation: ranks 1..count, followers falling off as a power law of the rank. */
export function authorsSql(org: string, base: number, count: number): string {
  return `insert into authors (id, organisation_id, channel, handle, name, url, followers, influence, mention_count)
    overriding system value
    select ${base} + rank, '${org}'::uuid, ${weighted(u(101, "rank"), CHANNELS)}, 'user' || rank,
      'User ' || rank, 'https://example.com/u/' || rank,
      floor(5000000 / power(rank, 1.05) * (0.5 + ${u(102, "rank")}))::int,
      least(100, 10 * ln(2 + 5000000 / power(rank, 1.05)))::real, 0
    from generate_series(1::bigint, ${count}::bigint) rank`;
}
