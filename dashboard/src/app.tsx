import { useCallback, useEffect, useState } from 'react';
import { useI18n } from './i18n/i18n';
import { LANGS } from './i18n/messages';
import { useComplaintEvents, type StatusEvent } from './live/complaint-events';
import { ConnectionBadge, LiveFeed } from './live/live-feed';
import { CountryMap } from './map/country-map';
import { RegionTable } from './map/region-table';
import { WorkList } from './officer/work-list';
import { useRegionsOverview } from './overview/regions-overview';
import { RegionDetail } from './region/region-detail';

const FEED_LENGTH = 50;

/** The selected region lives in the address (#region=750000000), so a drill-down can be shared. */
const regionFromHash = () => /region=(\d{9})/.exec(window.location.hash)?.[1] ?? null;

export function App() {
  const { t, lang, setLang } = useI18n();
  const overview = useRegionsOverview();
  const [feed, setFeed] = useState<StatusEvent[]>([]);
  const [resumed, setResumed] = useState(false);
  const [selected, setSelected] = useState<string | null>(regionFromHash);
  const [versions, setVersions] = useState<{ all: number; regions: Record<string, number> }>({ all: 0, regions: {} });
  // Bumped when the connection is back: panels reload what they may have missed.
  const [reconnections, setReconnections] = useState(0);

  const onEvent = useCallback(
    (event: StatusEvent) => {
      overview.apply(event);
      setFeed((current) => [event, ...current.filter((e) => e.cursor !== event.cursor)].slice(0, FEED_LENGTH));
      const region = event.complaint.territory.region.code;
      setVersions((v) => ({ all: v.all + 1, regions: { ...v.regions, [region]: (v.regions[region] ?? 0) + 1 } }));
    },
    [overview.apply],
  );
  const state = useComplaintEvents({
    onEvent,
    onReconnected: () => {
      setResumed(true);
      setReconnections((n) => n + 1);
      overview.reconcileSoon();
    },
    onGap: overview.reconcileSoon,
  });

  const select = useCallback((code: string | null) => {
    setSelected(code);
    window.history.replaceState(null, '', code ? `#region=${code}` : window.location.pathname + window.location.search);
  }, []);
  useEffect(() => {
    const onHash = () => setSelected(regionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div className="app">
      <header className="top">
        <div>
          <h1>{t.title}</h1>
          <p className="subtitle">{t.subtitle}</p>
        </div>
        <ConnectionBadge state={state} />
        <nav className="langs" aria-label="Language">
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
              {MESSAGE_LABELS[l]}
            </button>
          ))}
        </nav>
      </header>
      <main className="layout">
        <section className="panel country">
          <h2>{t.map.heading}</h2>
          {!overview.counts && <p className="small muted">{overview.failed ? t.map.failed : t.map.loading}</p>}
          <CountryMap counts={overview.counts} selected={selected} onSelect={select} />
          <RegionTable counts={overview.counts} selected={selected} onSelect={select} />
        </section>
        <div className="side">
          {selected && <RegionDetail code={selected} refreshKey={`${reconnections}:${versions.regions[selected] ?? 0}`} onClose={() => select(null)} />}
          <LiveFeed events={feed} state={state} resumed={resumed} onSelect={select} />
          <WorkList refreshKey={`${reconnections}:${versions.all}`} />
        </div>
      </main>
      <footer className="small muted">{t.sources}</footer>
    </div>
  );
}

/** Each language's name in itself, so a reader finds theirs whatever is shown now. */
const MESSAGE_LABELS = { kk: 'Қаз', ru: 'Рус', en: 'Eng' } as const;
