/// The version, shared by `--version`, the User-Agent and the man page.
public enum PeerGraphVersion {
    /// The release.
    public static let current = "0.2.0"
    /// The day it was released (the man page's date).
    public static let date = "2026-12-01"
}
