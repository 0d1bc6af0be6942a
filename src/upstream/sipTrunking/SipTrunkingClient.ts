import type { UpstreamHttpClient } from '../http/UpstreamHttpClient.js';
import { AccessControlListsApi } from './api/AccessControlListsApi.js';
import { CallBlockingRulesApi } from './api/CallBlockingRulesApi.js';
import { CallsApi } from './api/CallsApi.js';
import { CountryPermissionsApi } from './api/CountryPermissionsApi.js';
import { CredentialListsApi } from './api/CredentialListsApi.js';
import { PhoneNumbersApi } from './api/PhoneNumbersApi.js';
import { ProjectsApi } from './api/ProjectsApi.js';
import { SipEndpointsApi } from './api/SipEndpointsApi.js';
import { TrunksApi } from './api/TrunksApi.js';
import { EstHttp } from './EstHttp.js';

/**
 * The Sinch Elastic SIP Trunking API: one method per endpoint, grouped by resource the way
 * the official SDK groups them (`sipTrunks`, `sipEndpoints`, ...), so that each group stays a
 * small file. Every method takes the request's `LoaderScope` (project and abort signal) and
 * returns the models of `SipTrunkingModels.ts`, never wire JSON.
 */
export class SipTrunkingClient {
  readonly trunks: TrunksApi;
  readonly endpoints: SipEndpointsApi;
  readonly accessControlLists: AccessControlListsApi;
  readonly credentialLists: CredentialListsApi;
  readonly phoneNumbers: PhoneNumbersApi;
  readonly countryPermissions: CountryPermissionsApi;
  readonly callBlockingRules: CallBlockingRulesApi;
  readonly calls: CallsApi;
  readonly projects: ProjectsApi;

  constructor(readonly http: UpstreamHttpClient) {
    const est = new EstHttp(http);
    this.trunks = new TrunksApi(est);
    this.endpoints = new SipEndpointsApi(est);
    this.accessControlLists = new AccessControlListsApi(est);
    this.credentialLists = new CredentialListsApi(est);
    this.phoneNumbers = new PhoneNumbersApi(est);
    this.countryPermissions = new CountryPermissionsApi(est);
    this.callBlockingRules = new CallBlockingRulesApi(est);
    this.calls = new CallsApi(est);
    this.projects = new ProjectsApi(est);
  }
}
