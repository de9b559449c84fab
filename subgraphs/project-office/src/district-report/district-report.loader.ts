import { byIdLoader } from '@rz/subgraph-runtime';
import { DistrictReportEntity } from './district-report.entity';

export const districtReportByIdLoader = byIdLoader(DistrictReportEntity);
