import Foundation

extension URL {
    /// A URL written in the source, which is known to parse.
    package static func fixed(_ text: String) -> URL {
        guard let url = URL(string: text) else { fatalError("\(text) is no URL") }
        return url
    }
}
