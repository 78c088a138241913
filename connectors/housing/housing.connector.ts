import type { Connector } from '../connector.js';
import { housingEventsFile } from './events.file.js';
import { occupantsFile } from './occupants.file.js';
import { tenanciesFile } from './tenancies.file.js';

export const housingConnector: Connector = {
  source: 'housing',
  files: [tenanciesFile, occupantsFile, housingEventsFile],
};
