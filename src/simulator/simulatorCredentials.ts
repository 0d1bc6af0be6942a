/**
 * The fixed identities the simulator accepts. They are not secrets: they only open the
 * simulator, and every test and demo uses the same values so that recorded requests,
 * seeded data and documentation all line up.
 */

/** The simulator's main project; a projectId in a path other than the key's own is answered with 403. */
export const SIMULATOR_PROJECT_ID = '5e1c2d3a-7b4f-4c8e-9a61-0f2b3c4d5e6f';

/** OAuth2 client id (Sinch "access key id") accepted by `POST /oauth2/token` and Basic auth. */
export const SIMULATOR_KEY_ID = 'b7a3c1e2-4d5f-4a6b-8c9d-0e1f2a3b4c5d';

/** OAuth2 client secret (Sinch "access key secret") paired with SIMULATOR_KEY_ID. */
export const SIMULATOR_KEY_SECRET = 'SimulatorKeySecret-3f9c2a7b5d1e';

/** Verification application key, used by the Verification module of the simulator. */
export const SIMULATOR_APPLICATION_KEY = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

/**
 * Verification application secret. Sinch hands these out base64 encoded and signs with the
 * decoded bytes, so this is a base64 string (of `simulator-application-secret`).
 */
export const SIMULATOR_APPLICATION_SECRET = 'c2ltdWxhdG9yLWFwcGxpY2F0aW9uLXNlY3JldA==';

/** A project the simulator serves, with the access key that opens it. */
export interface SimulatorProject {
  projectId: string;
  keyId: string;
  keySecret: string;
}

/** The project every test and demo uses; the simulator's behaviour is unchanged for it. */
export const SIMULATOR_PROJECT: SimulatorProject = { projectId: SIMULATOR_PROJECT_ID, keyId: SIMULATOR_KEY_ID, keySecret: SIMULATOR_KEY_SECRET };

/**
 * A second project with its own access key and different seeded data (a few numbers of its own,
 * no SIP trunks), so that multi-tenant tests can prove one tenant never sees another's data.
 * Numbers and Elastic SIP Trunking only: the Verification application belongs to the first
 * project, and the admin API acts on the first project.
 */
export const SECOND_SIMULATOR_PROJECT: SimulatorProject = {
  projectId: '2a7d9c41-6e3b-4f58-8d10-3c5e7a9b1f24',
  keyId: 'e4c2a9b7-1f3d-4b6a-9e8c-7d5f3a1b2c90',
  keySecret: 'SimulatorSecondKeySecret-8b2e6d4f1a9c',
};

export const SIMULATOR_PROJECTS: readonly SimulatorProject[] = [SIMULATOR_PROJECT, SECOND_SIMULATOR_PROJECT];

/**
 * The Elastic SIP trunks that seeded EST numbers point at. They are ULIDs (26 characters of
 * Crockford base32) like real trunk ids, fixed so that the SIP Trunking module seeds the very
 * same trunks and a number's `trunkId` always resolves.
 */
export const SEEDED_TRUNK_IDS = [
  '01JBQ4T8XG7N2M5K9P3R6VWYZA',
  '01JBQ4T8XH3C8D1F6G9J2KMNPQ',
  '01JBQ4T8XJ5S7T0V4W8X1Y3Z6B',
  '01JBQ4T8XK9E2H5J8M1N4P7R0C',
  '01JBQ4T8XM6Q3S9T2V5W8X0Y4D',
] as const;
