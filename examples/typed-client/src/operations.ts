import { graphql } from './gql/index.js';

/** Numbers whose 10DLC provisioning failed, with the typed reason (the README's first example, one page). */
export const FailedProvisioningQuery = graphql(`
  query FailedProvisioningPage($first: Int!) {
    numbers(first: $first) {
      totalCount
      nodes {
        phoneNumber
        sms {
          scheduledProvisioning {
            status
            errors {
              __typename
              ... on ProvisioningErrorDetails {
                code
                suggestedAction
                resubmittable
              }
            }
          }
        }
      }
    }
  }
`);

/** One number, or null when the project does not rent it. */
export const NumberQuery = graphql(`
  query NumberByPhone($phoneNumber: PhoneNumber!) {
    number(phoneNumber: $phoneNumber) {
      phoneNumber
      displayName
    }
  }
`);

/** Renames a number. */
export const RenameNumberMutation = graphql(`
  mutation RenameNumber($phoneNumber: PhoneNumber!, $displayName: String!) {
    updateNumber(input: { phoneNumber: $phoneNumber, displayName: $displayName }) {
      phoneNumber
      displayName
    }
  }
`);
