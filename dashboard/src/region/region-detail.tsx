import { useEffect, useRef, useState } from 'react';
import { RegionDetailDocument, type ComplaintStatus, type RegionDetailQuery } from '@rz/client';
import { isUnreachable, queryPartial } from '../api/graphql';
import { apiLang, useI18n } from '../i18n/i18n';
import { kzToday, monthsBack } from '../time';

type Territory = RegionDetailQuery['territory'];

interface Props {
  code: string;
  /** Changes when a status change in the region arrives, or the connection is back: the panel reloads. */
  refreshKey: string;
  onClose(): void;
}

const STATUS_FIELDS: readonly [ComplaintStatus, keyof Territory][] = [
  ['SUBMITTED', 'submitted'],
  ['ACCEPTED', 'accepted'],
  ['IN_PROGRESS', 'inProgress'],
  ['RESOLVED', 'resolved'],
  ['RESOLVED_BY_CITIZENS', 'resolvedByCitizens'],
  ['REJECTED', 'rejected'],
  ['DUPLICATE', 'duplicate'],
];

/** One region from one gateway query: complaints (atameken) with the other three subprogrammes' figures. */
export function RegionDetail({ code, refreshKey, onClose }: Props) {
  const { t, lang, name } = useI18n();
  const [territory, setTerritory] = useState<Territory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [partial, setPartial] = useState(false);
  const shown = useRef<string>();

  useEffect(() => {
    let cancelled = false;
    // A new region or language loads at once; after a change in the region shown, wait for the burst to end.
    const key = `${code}:${lang}`;
    const delay = shown.current === key ? 500 : 0;
    shown.current = key;
    const load = async () => {
      const today = kzToday();
      try {
        const { data, missing } = await queryPartial(RegionDetailDocument, { code, from: monthsBack(today, 11), to: today, lang: apiLang(lang) });
        if (cancelled) return;
        setTerritory(data.territory);
        setPartial(missing.length > 0);
        setError(null);
      } catch (e) {
        // While the gateway is away, keep showing what was loaded: it reloads when the connection is back.
        if (!cancelled && !isUnreachable(e)) setError((e as Error).message);
      }
    };
    const timer = setTimeout(() => void load(), delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [code, lang, refreshKey]);

  const current = territory?.code === code ? territory : null;
  return (
    <section className="panel region" data-region-detail={code}>
      <header>
        <h2>{current ? name(current.names) : t.region.loading}</h2>
        <button type="button" onClick={onClose} aria-label={t.region.close}>
          ×
        </button>
      </header>
      {error && <p className="error">{error}</p>}
      {current && partial && <p className="notice" data-partial>{t.region.partial}</p>}
      {current && <RegionFigures territory={current} />}
    </section>
  );
}

function RegionFigures({ territory }: { territory: Territory }) {
  const { t } = useI18n();
  const byStatus = STATUS_FIELDS.map(([status, field]) => [status, (territory[field] as { totalCount: number } | null)?.totalCount ?? 0] as const);
  const maxStatus = Math.max(1, ...byStatus.map(([, n]) => n));
  const indicators = territory.complaintIndicators;
  const qr = territory.qrCoverage;
  return (
    <div className="region-grid">
      <div>
        <h3>{t.region.byStatus}</h3>
        <ul className="bars" data-testid="by-status">
          {byStatus.map(([status, n]) => (
            <li key={status} data-status={status} data-count={n}>
              <span className="bar-label">{t.status[status]}</span>
              <span className={`bar ${status.toLowerCase()}`} style={{ width: `${(100 * n) / maxStatus}%` }} />
              <span className="bar-value">{n}</span>
            </li>
          ))}
        </ul>
        <p className="small">
          {t.region.medianDays}: <b>{indicators?.medianDaysToResolve ?? '–'}</b> · {t.region.withinDeadline}:{' '}
          <b>{indicators?.shareResolvedWithinDeadline == null ? '–' : `${Math.round(indicators.shareResolvedWithinDeadline * 100)}%`}</b>
        </p>
      </div>
      <div>
        <h3>{t.region.trend}</h3>
        <Trend months={territory.complaintTrend ?? []} />
      </div>
      <div className="tiles">
        <Tile title={t.region.qr} value={qr?.share == null ? '–' : `${Math.round(qr.share * 100)}%`} note={qr ? t.region.qrOf(qr.monumentsWithInstalledQr, qr.monuments) : undefined} />
        <Tile title={t.region.clubs} value={territory.clubs?.totalCount ?? '–'} />
        <Tile title={t.region.events} value={territory.events?.totalCount ?? '–'}>
          {(territory.events?.nodes ?? []).map((e) => (
            <li key={e.id}>
              {e.title} · {t.eventKind[e.kind]} · <i>{t.eventStatus[e.status]}</i>
            </li>
          ))}
        </Tile>
        <Tile title={t.region.mediaPlans} value={territory.mediaPlans?.totalCount ?? '–'}>
          {(territory.mediaPlans?.nodes ?? []).map((p) => (
            <li key={p.id}>
              {p.year} {p.quarter ? t.region.quarter(p.quarter) : t.region.wholeYear} · <i>{t.mediaPlanStatus[p.status]}</i>
              {p.isLate && <b className="late"> · {t.region.late}</b>}
            </li>
          ))}
        </Tile>
        <Tile title={t.region.faces} value={territory.faces?.totalCount ?? '–'}>
          {(territory.faces?.nodes ?? []).map((f) => (
            <li key={f.id}>
              {f.name} · {t.faceSphere[f.sphere]} · <i>{t.faceStatus[f.status]}</i>
            </li>
          ))}
        </Tile>
      </div>
    </div>
  );
}

function Tile({ title, value, note, children }: { title: string; value: number | string; note?: string; children?: React.ReactNode }) {
  const { t } = useI18n();
  const items = Array.isArray(children) ? children.length : children ? 1 : 0;
  return (
    <div className="tile">
      <h3>{title}</h3>
      <p className="tile-value">{value}</p>
      {note && <p className="small">{note}</p>}
      {children !== undefined && (items ? <ul className="small">{children}</ul> : <p className="small muted">{t.region.none}</p>)}
    </div>
  );
}

function Trend({ months }: { months: NonNullable<Territory['complaintTrend']> }) {
  const { t } = useI18n();
  const max = Math.max(1, ...months.map((m) => Math.max(m.filed, m.resolvedByState + m.resolvedByCitizens)));
  const width = 28;
  const height = 90;
  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${months.length * width} ${height + 16}`} role="img" aria-label={t.region.trend}>
        {months.map((m, i) => {
          const resolved = m.resolvedByState + m.resolvedByCitizens;
          const fh = (height * m.filed) / max;
          const rh = (height * resolved) / max;
          return (
            <g key={m.month} data-month={m.month}>
              <title>{`${m.month}: ${t.region.trendFiled} ${m.filed}, ${t.region.trendResolved} ${resolved}`}</title>
              <rect className="filed" x={i * width + 3} y={height - fh} width={10} height={fh} />
              <rect className="resolved" x={i * width + 14} y={height - rh} width={10} height={rh} />
              <text x={i * width + 14} y={height + 13} textAnchor="middle">
                {t.months[Number(m.month.slice(5, 7)) - 1]}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small">
        <i className="swatch filed" /> {t.region.trendFiled} <i className="swatch resolved" /> {t.region.trendResolved}
      </figcaption>
    </figure>
  );
}
