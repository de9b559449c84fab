import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { AqparatTolqynyConfig } from './config';

/** What aqparat-tolqyny's resolvers and services get: its own config (NEW_FACE_MEDIA_LIMIT), typed. */
export type AqparatTolqynyContext = SubgraphContext<AqparatTolqynyConfig>;
