import { useEffect, useRef, useState } from 'react';
import { createClient } from 'graphql-ws';
import { ComplaintStatusChangedDocument, documentIdOf, type ComplaintStatusChangedSubscription } from '@rz/client';
import { GRAPHQL_WS_URL } from '../config';

export type StatusEvent = ComplaintStatusChangedSubscription['complaintStatusChanged'];
export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  onEvent(event: StatusEvent): void;
  /** The connection is back after a drop; missed events are being replayed from the last cursor. */
  onReconnected(): void;
  /** The stream ended (e.g. the cursor is older than the events kept): reload figures, as some changes may be lost. */
  onGap(): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Every complaint status change in the republic, over graphql-ws through the gateway. On a dropped
 * connection graphql-ws reconnects and sends the subscription again; its variables are read at that
 * moment, so it carries `after: <last cursor>` and the gateway replays what was missed, then goes live.
 */
export function useComplaintEvents(handlers: LiveHandlers): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connecting');
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    let cursor: string | null = null;
    let wasConnected = false;
    let stopped = false;
    const client = createClient({
      url: GRAPHQL_WS_URL,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      // Quick first retries (a restarting gateway is back in a second or two), then at most every 5 s.
      retryWait: (retries) => sleep(Math.min(250 * 2 ** retries, 5_000) + Math.random() * 250),
      keepAlive: 10_000,
      on: {
        connecting: () => setState(wasConnected ? 'reconnecting' : 'connecting'),
        connected: () => {
          setState('live');
          if (wasConnected) latest.current.onReconnected();
          wasConnected = true;
        },
        closed: () => {
          if (!stopped) setState(wasConnected ? 'reconnecting' : 'connecting');
        },
      },
    });

    let dispose = () => {};
    const subscribe = () => {
      dispose = client.subscribe<ComplaintStatusChangedSubscription>(
        {
          // Production gateways take only trusted documents from the public: the id, with the empty query graphql-ws requires.
          ...(import.meta.env.PROD ? { query: '', documentId: documentIdOf(ComplaintStatusChangedDocument) } : { query: ComplaintStatusChangedDocument.toString() }),
          get variables() {
            return { after: cursor };
          },
        },
        {
          next: ({ data }) => {
            const event = data?.complaintStatusChanged;
            if (!event) return;
            cursor = event.cursor;
            latest.current.onEvent(event);
          },
          // A GraphQL error ends the subscription (e.g. a cursor past retention): start live again.
          error: () => {
            if (stopped) return;
            cursor = null;
            latest.current.onGap();
            setTimeout(() => !stopped && subscribe(), 1_000);
          },
          complete: () => undefined,
        },
      );
    };
    subscribe();
    return () => {
      stopped = true;
      dispose();
      void client.dispose();
    };
  }, []);

  return state;
}
