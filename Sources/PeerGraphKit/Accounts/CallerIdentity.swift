import Foundation

/// Which account credentials belong to: STS `GetCallerIdentity`, which every identity may call.
package enum CallerIdentity {
    /// The caller's account id.
    package static func account(client: AlibabaCloudClient, endpoint: URL) async throws(APIError) -> String {
        try await client.call(.getCallerIdentity(), endpoint: endpoint, region: nil) { body throws(APIError.Reason) in
            let fields: AnswerFields
            do throws(JSONSyntaxError) {
                fields = try AnswerFields(body)
            } catch {
                throw .malformedResponse("\(error.message) at byte \(error.byteOffset)")
            }
            guard let id = fields["AccountId"], RoleRequest.isAccountID(id) else {
                throw .malformedResponse("GetCallerIdentity answered no account id")
            }
            return id
        }
    }
}
