/// Something in the input that did not stop the run but that the user should know: a file skipped in
/// a folder, an account id that looks rounded.
package struct InputWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file it is about, when it is about one.
    package var source: String?
    package var message: String

    package init(source: String?, message: String) {
        self.source = source
        self.message = message
    }

    package var description: String { source.map { "\($0): \(message)" } ?? message }
}
