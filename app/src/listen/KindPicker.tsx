import type { SourceKind } from "../api/sources";
import { kindInfo, labelDetail, shortLabel, sortKinds } from "./kinds";

/** Kinds as cards; each is a button that moves on to the settings for that kind. */
export function KindPicker({ kinds, onPick }: { kinds: SourceKind[]; onPick: (kind: SourceKind) => void }) {
  return (
    <ul className="kind-grid" aria-label="Kinds of source">
      {sortKinds(kinds).map((k, index) => {
        const info = kindInfo(k.kind);
        const detail = labelDetail(k.label);
        return (
          <li key={k.kind}>
            <button
              type="button"
              className={`kind-card ${k.kind === "demo" ? "kind-card-featured" : ""}`}
              onClick={() => onPick(k)}
              data-autofocus={index === 0 ? true : undefined}
            >
              <span className="kind-icon" aria-hidden="true">
                {info.icon(20)}
              </span>
              <span className="kind-card-text">
                <span className="kind-card-title">{shortLabel(k.label)}</span>
                <span className="kind-card-hint">{info.hint ?? detail}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
