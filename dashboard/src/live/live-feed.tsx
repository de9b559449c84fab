import { useI18n } from '../i18n/i18n';
import { REGIONS } from '../map/regions.data';
import { kzTime } from '../time';
import type { ConnectionState, StatusEvent } from './complaint-events';

interface Props {
  events: readonly StatusEvent[];
  state: ConnectionState;
  resumed: boolean;
  onSelect(region: string): void;
}

const regionNames = new Map(REGIONS.map((r) => [r.code, r.names]));

/** The latest status changes, newest first, as they arrive. */
export function LiveFeed({ events, state, resumed, onSelect }: Props) {
  const { t, name } = useI18n();
  return (
    <section className="panel feed" aria-live="polite">
      <h2>
        {t.feed.heading} <ConnectionBadge state={state} />
      </h2>
      {resumed && state === 'live' && <p className="note">{t.feed.resumed}</p>}
      {events.length === 0 ? (
        <p className="muted">{t.feed.empty}</p>
      ) : (
        <ol className="feed-list">
          {events.map((e) => {
            const region = e.complaint.territory.region.code;
            const place = name(e.complaint.territory.names);
            const regionName = regionNames.get(region);
            return (
              <li key={e.cursor} data-cursor={e.cursor} data-complaint={e.complaint.id} data-to={e.to} className={e.complaint.isOpen ? 'open' : 'closed'}>
                <time dateTime={e.at}>{kzTime(e.at)}</time>
                <button type="button" className="link" onClick={() => onSelect(region)}>
                  {regionName && e.complaint.territory.code !== region ? `${name(regionName)} · ${place}` : place}
                </button>
                <span className="topic">{t.topic[e.complaint.topic]}</span>
                <span className="change">
                  {e.from === null ? t.feed.filed : t.status[e.from]} → <b>{t.status[e.to]}</b>
                </span>
                <span className="by">
                  {t.feed.by} {t.role[e.by]}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  return (
    <span className={`connection ${state}`} data-connection={state} role="status">
      <i /> {t.connection[state]}
    </span>
  );
}
