/** The operation Apollo Sandbox opens with: numbers, their provisioning state and typed errors. */
export const EXAMPLE_OPERATION = `# Numbers with their SMS provisioning status and typed provisioning errors.
query NumbersWithProvisioning {
  numbers(first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      phoneNumber
      displayName
      type
      sms {
        servicePlanId
        campaignId
        scheduledProvisioning {
          status
          rawStatus
          resubmittable
          lastUpdatedTime
          errors {
            __typename
            ... on ProvisioningErrorDetails {
              code
              description
              suggestedAction
              resubmittable
            }
          }
        }
      }
      voice {
        type
        appId
        trunkId
        serviceId
      }
    }
  }
}
`;
