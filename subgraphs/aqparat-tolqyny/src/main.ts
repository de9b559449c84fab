import 'reflect-metadata';
import { runSubgraph } from '@rz/subgraph-runtime';
import { loadConfig } from './config';
import { aqparatTolqyny } from './subgraph';

runSubgraph(aqparatTolqyny, loadConfig);
