/** The Sinch services the gateway talks to. `AUTH` is the OAuth2 token endpoint. */
export type UpstreamService = 'NUMBERS' | 'VERIFICATION' | 'SIP_TRUNKING' | 'AUTH';
