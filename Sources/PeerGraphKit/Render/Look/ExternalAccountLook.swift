/// How a VPC of an external account (one the run did not list) is drawn in every format: a dashed
/// grey box, a line saying so, and a legend entry.
package enum ExternalAccountLook {
    package static let fill = "#ECEFF1"
    package static let border = "#78909C"
    package static let text = "#455A64"
    /// The legend's words.
    package static let legendText = "external account (not listed: only its peerings are known)"

    /// The label line: `external account 1234…`.
    package static func caption(owner: String?) -> String {
        owner.map { "external account \($0)" } ?? "external account"
    }
}
