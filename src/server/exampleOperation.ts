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
          resubmittable
          lastUpdatedTime
          errors {
            __typename
            code
            description
            suggestedAction
            resubmittable
          }
        }
      }
    }
  }
}
`;
