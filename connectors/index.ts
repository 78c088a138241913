import type { Source } from '../schemas/canonical.js';
import type { Connector } from './connector.js';
import { educationConnector } from './education/education.connector.js';
import { healthConnector } from './health/health.connector.js';
import { housingConnector } from './housing/housing.connector.js';
import { policeConnector } from './police/police.connector.js';
import { socialCareConnector } from './social-care/social-care.connector.js';

export const CONNECTORS: Record<Source, Connector> = {
  education: educationConnector,
  housing: housingConnector,
  police: policeConnector,
  social_care: socialCareConnector,
  health: healthConnector,
};

export function connectorFor(source: Source): Connector {
  return CONNECTORS[source];
}
