/** How a saved connection was made: an OAuth device login, a JWT bearer login, or an access token given as it is. */
export type ConnectionMethod = 'device' | 'jwt' | 'token';
