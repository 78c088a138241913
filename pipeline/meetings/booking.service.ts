import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import { mentionExists } from '../family/family.repository.js';
import { authorise } from '../trawl/access-policy.js';
import { loadDataSharingAgreement, type DataSharingAgreement } from '../trawl/data-sharing-agreement.js';
import { isIsoDate } from '../trawl/trawl-window.js';
import { findUser } from '../trawl/user.repository.js';
import { bookFamilies, type Booking } from './meeting.repository.js';

/** Roles that may book families onto a hub meeting. */
const BOOKING_ROLES = ['coordinator', 'analyst'] as const;

export class BookingError extends Error {
  constructor(readonly code: string, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'BookingError';
  }
}

/**
 * Books families onto a meeting after the checks a pack will rely on: a registered coordinator
 * or analyst, terms the data sharing agreement grants, a real date and record keys the store
 * holds. Messages name record keys and codes, never a person.
 */
export async function bookMeeting(
  db: Kysely<Database>,
  booking: Booking,
  dsa: DataSharingAgreement = loadDataSharingAgreement(),
): Promise<{ meetingId: number; added: number }> {
  if (booking.hub.trim() === '') throw new BookingError('HUB_REQUIRED', 'name the hub with --hub');
  if (!isIsoDate(booking.date)) throw new BookingError('INVALID_DATE', '--date must be YYYY-MM-DD');
  if (booking.subjectKeys.length === 0) throw new BookingError('SUBJECT_REQUIRED', 'give at least one --subject RECORD_KEY');
  const user = await findUser(db, booking.bookedBy);
  if (user === null) throw new BookingError('UNKNOWN_USER', `${booking.bookedBy} is not a registered user (mash users add)`);
  if (!(BOOKING_ROLES as readonly string[]).includes(user.role)) {
    throw new BookingError('ROLE_NOT_PERMITTED', `a ${user.role} may not book families; a coordinator or analyst may`);
  }
  const decision = authorise(dsa, user.role, { purpose: booking.purpose, consent: booking.consent, lawfulBasis: booking.lawfulBasis });
  if (!decision.granted) throw new BookingError(decision.reason, `the booking's terms are refused for purpose ${booking.purpose}`);
  for (const key of booking.subjectKeys) {
    if (!(await mentionExists(db, key))) throw new BookingError('NO_RECORD', `no record ${key} has been loaded`);
  }
  return bookFamilies(db, { ...booking, hub: booking.hub.trim() });
}
