import { useCallback, useEffect, useRef, useState } from 'react';
import { RegionsOverviewDocument } from '@rz/client';
import { query } from '../api/graphql';
import type { StatusEvent } from '../live/complaint-events';
import { kzToday, overviewPeriod } from '../time';
import { applyEvent, countsFromOverview, type RegionCounts } from './region-counts';

/**
 * Events change the counts at once, with no request (10,000 dashboards cost the gateway nothing per
 * change). The server's figures replace them every minute, since days passing make complaints overdue,
 * and after a reconnection or a gap in the stream.
 */
const RECONCILE_DELAY_MS = 2_000;
const RECONCILE_EVERY_MS = 60_000;

export interface RegionsOverview {
  counts: Map<string, RegionCounts> | null;
  failed: boolean;
  apply(event: StatusEvent): void;
  /** Reloads the figures shortly (debounced), after a reconnection or a gap. */
  reconcileSoon(): void;
}

export function useRegionsOverview(): RegionsOverview {
  const [counts, setCounts] = useState<Map<string, RegionCounts> | null>(null);
  const [failed, setFailed] = useState(false);
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const load = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      const data = await query(RegionsOverviewDocument, overviewPeriod());
      setCounts(countsFromOverview(data));
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void load();
      }
    }
  }, []);

  const reconcileSoon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(), RECONCILE_DELAY_MS);
  }, [load]);

  useEffect(() => {
    void load();
    const every = setInterval(() => void load(), RECONCILE_EVERY_MS);
    return () => {
      clearInterval(every);
      clearTimeout(timer.current);
    };
  }, [load]);

  const apply = useCallback(
    (event: StatusEvent) => {
      const region = event.complaint.territory.region.code;
      setCounts((current) => {
        const before = current?.get(region);
        if (!current || !before) return current;
        return new Map(current).set(region, applyEvent(before, event, kzToday()));
      });
      // A change during a load may or may not be in its answer: load once more after it.
      if (inFlight.current) again.current = true;
    },
    [],
  );

  return { counts, failed, apply, reconcileSoon };
}
