import { useI18n } from '../i18n/i18n';
import { regionColour, type RegionCounts } from '../overview/region-counts';
import { REGIONS } from './regions.data';

interface Props {
  counts: Map<string, RegionCounts> | null;
  selected: string | null;
  onSelect(code: string): void;
}

/** The same figures as the map, as a table: readable at phone width and by screen readers. */
export function RegionTable({ counts, selected, onSelect }: Props) {
  const { t, name } = useI18n();
  return (
    <div className="table-scroll">
      <table className="regions">
        <thead>
          <tr>
            <th>{t.table.region}</th>
            <th>{t.table.filed}</th>
            <th>{t.table.open}</th>
            <th>{t.table.overdue}</th>
            <th className="resolved">{t.table.resolved}</th>
          </tr>
        </thead>
        <tbody>
          {REGIONS.map((region) => {
            const c = counts?.get(region.code);
            const colour = c ? regionColour(c) : 'unknown';
            return (
              <tr
                key={region.code}
                data-region-row={region.code}
                data-colour={colour}
                data-filed={c?.filed}
                data-open={c?.open}
                data-overdue={c?.overdue}
                className={selected === region.code ? 'selected' : undefined}
              >
                <th scope="row">
                  <button type="button" className="link" onClick={() => onSelect(region.code)}>
                    <i className={`swatch ${colour}`} /> {name(region.names)}
                  </button>
                </th>
                <td>{c?.filed ?? '–'}</td>
                <td>{c?.open ?? '–'}</td>
                <td className={c?.overdue ? 'overdue' : undefined}>{c?.overdue ?? '–'}</td>
                <td className="resolved">{c?.resolved ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
