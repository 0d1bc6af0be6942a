/**
 * The operations the explorer opens with (besides Sandbox's `EXAMPLE_OPERATION` and the error
 * catalogue): the README's examples, word for word (test/server/explorer/explorerExamples.test.ts
 * keeps the two identical), each with the variables it needs against the simulator.
 */
export const README_EXAMPLES: ReadonlyArray<{ query: string; variables?: string }> = [
  {
    query: `query FailedProvisioning {
  numbers(first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      phoneNumber
      sms {
        scheduledProvisioning {
          status
          campaignId
          resubmittable
          errors {
            __typename
            ... on ProvisioningErrorDetails { code description suggestedAction resubmittable }
          }
        }
      }
    }
  }
}`,
  },
  {
    query: `mutation Resubmit {
  resubmitProvisioning(input: { phoneNumber: "+12015550143" }) {
    phoneNumber
    sms { scheduledProvisioning { status lastUpdatedTime } }
  }
}`,
  },
  {
    query: `query Trunks {
  sipTrunks(first: 5) {
    nodes {
      name
      domain
      endpoints { __typename name priority enabled }
      accessControlLists { name ipRanges { ipAddress range } }
      numbers {
        phoneNumber
        sms { scheduledProvisioning { status errors { __typename } } }
      }
    }
  }
}`,
  },
  {
    query: `mutation Start {
  startVerification(input: { phoneNumber: "+46701234567", method: SMS }) {
    id
    ... on SmsVerificationStart { template interceptionTimeoutSeconds }
  }
}

mutation Report($id: ID!) {
  reportVerification(input: { id: $id, method: SMS, code: "4567" }) { status reason }
}`,
    variables: "{ \"id\": \"paste the id startVerification returned\" }",
  },
  {
    query: `subscription Follow {
  numberProvisioningChanged(phoneNumber: "+12015550146") {
    source eventType status
    error { ... on ProvisioningErrorDetails { code resubmittable } }
    number { sms { servicePlanId scheduledProvisioning { status } } }
  }
}`,
  },
  {
    query: `query ProvisioningReport {
  provisioningReport {
    scannedCount pageCount truncated
    sms { waiting inProgress failed none }
    errorCodes { code resubmittable count }
    failedNumbers {
      phoneNumber resubmittable
      errors { ... on ProvisioningErrorDetails { code suggestedAction } }
    }
  }
}`,
  },
];
