import 'reflect-metadata';
import { runSubgraph } from '@rz/subgraph-runtime';
import { atameken } from './subgraph';

runSubgraph(atameken);
