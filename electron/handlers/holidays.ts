// Handlers of the holiday schedule: the years due dates are computed with, and a year entered from the notice.
import type { holidayChannels } from '../../shared/channels/holidays';
import { actor, type HandlersOf } from '../handlerTypes';
import { holidaySchedule, installHolidayYears } from '../services/calendar/holidayCalendar';

export function holidayHandlers(): HandlersOf<typeof holidayChannels> {
  return {
    'holidays.list': (_input, { db, clock }) => holidaySchedule(db, clock.today()),
    'holidays.save': async ({ year, holidays, workdays, source }, call) => {
      await installHolidayYears(
        call.db,
        { [year]: { holidays, workdays, source } },
        { by: actor(call).displayName, clock: call.clock },
      );
      return holidaySchedule(call.db, call.clock.today());
    },
  };
}
