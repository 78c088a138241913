import type { Connector } from '../connector.js';
import { attendanceFile } from './attendance.file.js';
import { carersFile } from './carers.file.js';
import { exclusionsFile } from './exclusions.file.js';
import { pupilsFile } from './pupils.file.js';

export const educationConnector: Connector = {
  source: 'education',
  files: [pupilsFile, attendanceFile, exclusionsFile, carersFile],
};
