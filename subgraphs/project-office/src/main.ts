import 'reflect-metadata';
import { runSubgraph } from '@rz/subgraph-runtime';
import { projectOffice } from './subgraph';

runSubgraph(projectOffice);
