import 'reflect-metadata';
import { runSubgraph } from '@rz/subgraph-runtime';
import { loadConfig } from './config';
import { rukhaniQazyna } from './subgraph';

runSubgraph(rukhaniQazyna, loadConfig);
