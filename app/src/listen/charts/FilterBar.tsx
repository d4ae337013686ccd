import { useBreakdown } from "../../api/dashboard";
import type { TopicSummary } from "../../api/topics";
import { Select } from "../../ui";
import { PERIODS, useListenFilters } from "./filters";
import { channelLabel, INTENT_VALUES, intentLabel, languageLabel, SENTIMENT_VALUES } from "./labels";

/**
 * The filters every Listen view shares, kept in the URL so a drill-down or a shared link opens
 * the same slice. Channel and language options are what the period actually holds.
 */
export function FilterBar({ topics }: { topics: TopicSummary[] }) {
  const { filters, setFilter } = useListenFilters();
  const options = useBreakdown({ period: filters.period, from: filters.from, to: filters.to }).data;
  const custom = Boolean(filters.from || filters.to);
  const single = (value: string | undefined) => (value && !value.includes(",") ? value : "");
  return (
    <fieldset className="filter-bar">
      <legend className="visually-hidden">Filters</legend>
      <Select
        label="Period"
        value={custom ? "custom" : (filters.period ?? "7d")}
        onChange={(e) => setFilter("period", e.target.value === "custom" ? undefined : e.target.value)}
      >
        {PERIODS.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
        {custom ? <option value="custom">Selected window</option> : null}
      </Select>
      <Select
        label="Topic"
        value={single(filters.topicIds)}
        onChange={(e) => setFilter("topicIds", e.target.value)}
      >
        <option value="">All topics</option>
        {topics.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </Select>
      <Select
        label="Channel"
        value={single(filters.channels)}
        onChange={(e) => setFilter("channels", e.target.value)}
      >
        <option value="">All channels</option>
        {(options?.channels ?? []).map((c) => (
          <option key={c.value} value={c.value}>
            {channelLabel(c.value)}
          </option>
        ))}
      </Select>
      <Select
        label="Language"
        value={single(filters.languages)}
        onChange={(e) => setFilter("languages", e.target.value)}
      >
        <option value="">All languages</option>
        {(options?.languages ?? []).map((l) => (
          <option key={l.value} value={l.value}>
            {languageLabel(l.value)}
          </option>
        ))}
      </Select>
      <Select
        label="Sentiment"
        value={single(filters.sentiments)}
        onChange={(e) => setFilter("sentiments", e.target.value)}
      >
        <option value="">Any sentiment</option>
        {SENTIMENT_VALUES.map((s) => (
          <option key={s} value={s}>
            {s.charAt(0).toUpperCase() + s.slice(1)}
          </option>
        ))}
      </Select>
      <Select
        label="Intent"
        value={single(filters.intents)}
        onChange={(e) => setFilter("intents", e.target.value)}
      >
        <option value="">Any intent</option>
        {INTENT_VALUES.map((i) => (
          <option key={i} value={i}>
            {intentLabel(i)}
          </option>
        ))}
      </Select>
    </fieldset>
  );
}
