import 'reflect-metadata';
import { runSubgraph } from '@rz/subgraph-runtime';
import { loadConfig } from './config';
import { tarbieBilim } from './subgraph';

runSubgraph(tarbieBilim, loadConfig);
