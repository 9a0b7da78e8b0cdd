import Foundation

/// Reads the small files credentials live in (config.json, the INI file, an OIDC token): only a regular
/// file of at most `maximumSize` bytes, so that a FIFO or a device named by mistake cannot hang the run
/// or fill memory.
enum CredentialFile {
    static let maximumSize = 1 << 20

    /// The file's bytes; nil when it is absent. Throws when it is there but not a small regular file.
    static func contents(atPath path: String, shownAs name: String) throws(CredentialError) -> Data? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        guard status.st_mode & S_IFMT == S_IFREG else { throw CredentialError("\(name) is not a regular file") }
        guard status.st_size <= maximumSize else {
            throw CredentialError("\(name) is larger than \(maximumSize >> 20) MiB; it cannot be a credentials file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CredentialError("cannot read \(name)")
        }
        return data
    }
}
