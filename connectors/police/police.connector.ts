import type { Connector } from '../connector.js';
import { incidentNominalsFile } from './incident-nominals.file.js';
import { incidentsFile } from './incidents.file.js';
import { nominalsFile } from './nominals.file.js';

export const policeConnector: Connector = {
  source: 'police',
  files: [nominalsFile, incidentsFile, incidentNominalsFile],
};
