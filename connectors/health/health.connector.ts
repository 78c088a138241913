import type { Connector } from '../connector.js';
import { contactsFile } from './contacts.file.js';
import { patientsFile } from './patients.file.js';

export const healthConnector: Connector = {
  source: 'health',
  files: [patientsFile, contactsFile],
};
