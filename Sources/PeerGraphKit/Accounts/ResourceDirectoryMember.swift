import Foundation

/// A member of the Resource Directory, from ResourceManager `ListAccounts`.
package struct ResourceDirectoryMember: Sendable, Equatable {
    package var id: String
    package var displayName: String?
    /// `CreateSuccess`, `InviteSuccess`, `PromoteSuccess`; the other states (`…Verifying`, `…Failed`,
    /// `…Expired`, `…Cancelled`) are not usable members.
    package var status: String

    package var isUsable: Bool { status.hasSuffix("Success") }

    /// The ResourceManager endpoint (one for every region).
    package static let endpoint = URL.fixed("https://resourcemanager.aliyuncs.com")
    /// More members than this are not walked: no directory is that large (the quota is in the thousands).
    package static let maximumPages = 1000

    /// Every member, page by page, with the caller's credentials (the management account or a delegated
    /// administrator's).
    package static func list(
        client: AlibabaCloudClient, endpoint: URL, pageSize: Int = 100
    ) async throws(APIError) -> [ResourceDirectoryMember] {
        var members: [ResourceDirectoryMember] = []
        for pageNumber in 1...maximumPages {
            let (page, total) = try await client.call(
                .listAccounts(pageNumber: pageNumber, pageSize: pageSize), endpoint: endpoint, region: nil
            ) { body throws(APIError.Reason) in
                try Self.page(body)
            }
            members += page
            if page.isEmpty || pageNumber * pageSize >= total { return members }
        }
        throw APIError(region: nil, action: "ListAccounts", reason: .tooManyPages(maximumPages), attempts: 1)
    }

    /// `{"TotalCount":n,"Accounts":{"Account":[{"AccountId","DisplayName","Status"},…]}}` → the members and the total.
    static func page(_ body: [UInt8]) throws(APIError.Reason) -> ([ResourceDirectoryMember], Int) {
        let fields: AnswerFields
        do throws(JSONSyntaxError) {
            fields = try AnswerFields(body)
        } catch {
            throw .malformedResponse("\(error.message) at byte \(error.byteOffset)")
        }
        guard let totalText = fields["TotalCount"], let total = Int(totalText) else {
            throw .malformedResponse("ListAccounts answered without TotalCount")
        }
        var members: [ResourceDirectoryMember] = []
        for index in 0..<fields.count("Accounts.Account") {
            let path = "Accounts.Account.\(index)."
            guard let id = fields[path + "AccountId"], RoleRequest.isAccountID(id) else {
                throw .malformedResponse("ListAccounts answered a member whose AccountId is not an account id")
            }
            members.append(
                ResourceDirectoryMember(
                    id: id, displayName: fields[path + "DisplayName"], status: fields[path + "Status"] ?? ""))
        }
        return (members, total)
    }
}
