import 'reflect-metadata';
import { runSubgraph } from '@rz/subgraph-runtime';
import { aqparatTolqyny } from './subgraph';

runSubgraph(aqparatTolqyny);
