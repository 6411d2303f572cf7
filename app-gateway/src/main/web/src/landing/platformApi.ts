import { createPlatformApi } from '../api/platform';

/** The one client of the base-domain API; it reads the global fetch at call time (tests replace it). */
export const platformApi = createPlatformApi();
