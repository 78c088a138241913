import type { Connector } from '../connector.js';
import { episodesFile } from './episodes.file.js';
import { peopleFile } from './people.file.js';
import { referralsFile } from './referrals.file.js';
import { relationshipsFile } from './relationships.file.js';

export const socialCareConnector: Connector = {
  source: 'social_care',
  files: [peopleFile, referralsFile, episodesFile, relationshipsFile],
};
