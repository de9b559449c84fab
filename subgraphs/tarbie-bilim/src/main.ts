import 'reflect-metadata';
import { runSubgraph } from '@rz/subgraph-runtime';
import { tarbieBilim } from './subgraph';

runSubgraph(tarbieBilim);
