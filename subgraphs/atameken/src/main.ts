import 'reflect-metadata';
import { runSubgraph } from '@rz/subgraph-runtime';
import { loadConfig } from './config';
import { atameken } from './subgraph';

runSubgraph(atameken, loadConfig);
