// First: tracing (when configured) must be registered before http, express, graphql and pg load.
import '@rz/service-kit/dist/tracing/register';
import 'reflect-metadata';
import { runSubgraph } from '@rz/subgraph-runtime';
import { notifications } from './subgraph';

runSubgraph(notifications);
