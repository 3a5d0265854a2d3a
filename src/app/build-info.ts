/** The day this build of the dashboard and its dataset was made, as "2026-11-20". */
export const BUILD_DATE: string = __BUILD_DATE__
