/** Databases 1..ISOLATED_DATABASES of the test Redis are handed out to spawned server processes; 0 is shared. */
export const ISOLATED_DATABASES = 255;
