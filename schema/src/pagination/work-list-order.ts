import { registerEnumType } from 'type-graphql';

/** How an officer's work list is ordered. */
export enum WorkListOrder {
  NEWEST = 'NEWEST',
  DUE_FIRST = 'DUE_FIRST',
}

registerEnumType(WorkListOrder, {
  name: 'WorkListOrder',
  description: 'Order of a work list',
  valuesConfig: {
    NEWEST: { description: 'Newest first' },
    DUE_FIRST: { description: 'Earliest due date first, so overdue records lead; ties newest first' },
  },
});
