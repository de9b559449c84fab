import { geoConicConformal, geoPath } from 'd3-geo';
import outline from 'virtual:kazakhstan-outline';
import { useI18n } from '../i18n/i18n';
import { regionColour, type RegionCounts } from '../overview/region-counts';
import { REGIONS } from './regions.data';

const WIDTH = 960;
const HEIGHT = 520;
const MIN_RADIUS = 7;
const MAX_RADIUS = 24;

/** A conformal conic projection fitted to Kazakhstan, parallels across its latitudes. */
const projection = geoConicConformal()
  .parallels([44, 52])
  .rotate([-67, 0])
  .fitExtent(
    [
      [12, 12],
      [WIDTH - 12, HEIGHT - 12],
    ],
    outline,
  );
const outlinePath = geoPath(projection)(outline) ?? '';
const places = REGIONS.map((region) => {
  const [x, y] = projection([region.centre.lon, region.centre.lat]) ?? [0, 0];
  return { region, x, y };
});

interface Props {
  counts: Map<string, RegionCounts> | null;
  selected: string | null;
  onSelect(code: string): void;
}

/** Kazakhstan's outline with each region at its administrative centre: colour by overdue complaints, size by volume. */
export function CountryMap({ counts, selected, onSelect }: Props) {
  const { t, name } = useI18n();
  const maxFiled = Math.max(1, ...[...(counts?.values() ?? [])].map((c) => c.filed));
  // Larger circles first, so a small region next to a big one stays visible and clickable.
  const ordered = [...places].sort((a, b) => (counts?.get(b.region.code)?.filed ?? 0) - (counts?.get(a.region.code)?.filed ?? 0));
  return (
    <figure className="map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t.map.heading}>
        <path className="map-outline" d={outlinePath} />
        {ordered.map(({ region, x, y }) => {
          const c = counts?.get(region.code);
          const colour = c ? regionColour(c) : 'unknown';
          const radius = c ? MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(c.filed / maxFiled) : MIN_RADIUS;
          const label = name(region.names);
          return (
            <g
              key={region.code}
              className={`map-region ${colour}${selected === region.code ? ' selected' : ''}`}
              data-region={region.code}
              data-colour={colour}
              role="button"
              tabIndex={0}
              aria-label={c ? `${label}: ${t.table.open} ${c.open}, ${t.table.overdue} ${c.overdue}` : label}
              onClick={() => onSelect(region.code)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect(region.code)}
            >
              <title>{label}</title>
              <circle cx={x} cy={y} r={radius} />
              {c && (
                <text x={x + radius + 3} y={y + 5} className={c.filed ? 'map-count' : 'map-count zero'}>
                  {c.open}/{c.overdue}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span>
          <i className="swatch red" /> {t.map.legendRed}
        </span>
        <span>
          <i className="swatch green" /> {t.map.legendGreen}
        </span>
        <span>
          <i className="swatch size" /> {t.map.legendSize}
        </span>
        <span>
          <b>2/1</b> {t.map.legendNumbers}
        </span>
      </figcaption>
    </figure>
  );
}
