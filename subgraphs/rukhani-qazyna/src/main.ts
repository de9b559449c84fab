import 'reflect-metadata';
import { runSubgraph } from '@rz/subgraph-runtime';
import { rukhaniQazyna } from './subgraph';

runSubgraph(rukhaniQazyna);
