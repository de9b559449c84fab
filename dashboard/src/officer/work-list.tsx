import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  ComplaintsPageDocument,
  mergeNodesPage,
  OfficerWorkListDocument,
  type ComplaintFilter,
  type OfficerWorkListQuery,
} from '@rz/client';
import { isUnreachable, query } from '../api/graphql';
import { useI18n } from '../i18n/i18n';
import { REGIONS } from '../map/regions.data';
import { savedToken, saveToken, tokenTerritory } from './token';

type Bucket = keyof OfficerWorkListQuery;
type Page = OfficerWorkListQuery[Bucket];

const PAGE_SIZE = 10;
const BUCKETS: readonly Bucket[] = ['overdue', 'submitted', 'accepted', 'inProgress'];

/** Each bucket's filter, as OfficerWorkList asks for it: overdue first, then the rest by status. */
function bucketFilter(bucket: Bucket, territory: string | null): ComplaintFilter {
  const base = { territory };
  switch (bucket) {
    case 'overdue':
      return { ...base, overdue: true };
    case 'submitted':
      return { ...base, status: 'SUBMITTED', overdue: false };
    case 'accepted':
      return { ...base, status: 'ACCEPTED', overdue: false };
    case 'inProgress':
      return { ...base, status: 'IN_PROGRESS', overdue: false };
  }
}

interface Props {
  /** Changes when a status change arrives, or the connection is back: the list reloads. */
  refreshKey: string;
}

/** An officer pastes a token and sees the open complaints of their territory, overdue first. */
export function WorkList({ refreshKey }: Props) {
  const { t, name } = useI18n();
  const [draft, setDraft] = useState(savedToken);
  const [token, setToken] = useState(savedToken);
  const [list, setList] = useState<OfficerWorkListQuery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const territory = token ? tokenTerritory(token) : null;

  const load = useCallback(async () => {
    if (!token) return;
    try {
      setList(await query(OfficerWorkListDocument, { territory, first: PAGE_SIZE }, token));
      setError(null);
    } catch (e) {
      // An unreachable gateway says nothing about the token: keep the list until it is back.
      if (isUnreachable(e)) return;
      setList(null);
      setError((e as Error).message);
    }
  }, [token, territory]);

  useEffect(() => {
    // One reload for a burst of changes, not one per change.
    const timer = setTimeout(() => void load(), 300);
    return () => clearTimeout(timer);
  }, [load, refreshKey]);

  const more = async (bucket: Bucket) => {
    if (!list) return;
    const after = list[bucket].pageInfo.endCursor;
    const data = await query(ComplaintsPageDocument, { filter: bucketFilter(bucket, territory), first: PAGE_SIZE, after }, token);
    setList((current) => current && { ...current, [bucket]: mergeNodesPage(current[bucket], data.complaints, after, (n) => n.id) });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = draft.trim();
    saveToken(value);
    setToken(value);
  };
  const forget = () => {
    saveToken('');
    setToken('');
    setDraft('');
    setList(null);
    setError(null);
  };

  const region = REGIONS.find((r) => r.code === territory);
  return (
    <section className="panel officer">
      <h2>{t.officer.heading}</h2>
      <form onSubmit={submit} className="token-form">
        <label>
          {t.officer.tokenLabel}
          <input type="password" autoComplete="off" spellCheck={false} value={draft} onChange={(e) => setDraft(e.target.value)} name="token" />
        </label>
        <button type="submit">{t.officer.show}</button>
        {token && (
          <button type="button" className="secondary" onClick={forget}>
            {t.officer.forget}
          </button>
        )}
      </form>
      {!token && <p className="small muted">{t.officer.hint}</p>}
      {error && <p className="error">{t.officer.refused(error)}</p>}
      {list && (
        <div data-testid="work-list">
          <p className="small">
            {t.officer.territory}: <b>{region ? name(region.names) : (territory ?? t.officer.republic)}</b>
          </p>
          {BUCKETS.map((bucket) => (
            <WorkBucket key={bucket} bucket={bucket} page={list[bucket]} onMore={() => void more(bucket)} />
          ))}
        </div>
      )}
    </section>
  );
}

function WorkBucket({ bucket, page, onMore }: { bucket: Bucket; page: Page; onMore(): void }) {
  const { t, name } = useI18n();
  return (
    <div className={`bucket ${bucket}`} data-bucket={bucket}>
      <h3>
        {t.officer[bucket]} <span className="count">{page.totalCount}</span>
      </h3>
      {page.nodes.length === 0 ? (
        <p className="small muted">{t.officer.empty}</p>
      ) : (
        <ul className="work-items">
          {page.nodes.map((c) => (
            <li key={c.id} data-complaint={c.id}>
              <div className="work-head">
                <b>{t.topic[c.topic]}</b> · {name(c.territory.names)} ·{' '}
                <span className={c.isOverdue ? 'overdue' : undefined}>{t.officer.due(c.dueOn)}</span>
                {c.isAssignedToMe && <span className="tag">{t.officer.assignedToMe}</span>}
              </div>
              <div className="work-text">{c.text}</div>
            </li>
          ))}
        </ul>
      )}
      {page.pageInfo.hasNextPage && (
        <button type="button" className="secondary" onClick={onMore}>
          {t.officer.more}
        </button>
      )}
    </div>
  );
}
