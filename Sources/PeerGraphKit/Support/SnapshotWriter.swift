import Foundation

/// Writes the pages of one live collection (`--save-raw DIR`) as one snapshot: all or nothing.
///
/// Every page goes into a new temporary folder beside DIR, which takes DIR's place only when all of
/// them are written: a failure or a signal leaves DIR as it was (or absent), and pages of an earlier
/// run never mix with this run's. DIR may hold only what peergraph writes there (page files): a folder
/// with anything else in it is refused, never emptied.
package enum SnapshotWriter {
    /// One file of a snapshot.
    package struct File: Sendable {
        package var name: String
        package var bytes: [UInt8]

        package init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// Encoded names longer than this are cut and given a hash, so that any region id makes a valid name.
    static let maximumNameStem = 100

    /// `REGION-page-NNNN.json`, with the region made into a file name that no other region id gives:
    /// letters, digits and `-` stay, every other byte becomes `_XX` (its hex value); a long id is cut
    /// and ends in `~` and a hash of the whole id.
    package static func pageFileName(region: String, page: Int) -> String {
        "\(fileStem(region))-page-\(String(format: "%04d", page)).json"
    }

    /// The file-name form of `text` (see `pageFileName`).
    package static func fileStem(_ text: String) -> String {
        if text.isEmpty { return "_" }
        var stem = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"):
                stem.append(Character(Unicode.Scalar(byte)))
            default:
                stem += String(format: "_%02x", byte)
            }
        }
        guard stem.utf8.count > maximumNameStem else { return stem }
        return String(stem.prefix(maximumNameStem - 17)) + "~" + SHA256.hash(Array(text.utf8)).hexString.prefix(16)
    }

    /// True for the names `pageFileName` makes, and the manifest's.
    static func isPageFileName(_ name: String) -> Bool {
        if name == SnapshotManifest.fileName { return true }
        guard name.hasSuffix(".json"), let range = name.range(of: "-page-", options: .backwards) else { return false }
        let number = name[range.upperBound...].dropLast(5)
        let stem = name[..<range.lowerBound]
        return number.count >= 4 && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
            && stem.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "~")
            }
    }

    /// Writes `files` as the snapshot `folder` (links to it followed), replacing an earlier snapshot there.
    package static func write(_ files: [File], to folder: String) throws(OutputError) {
        let target = try AtomicFileWriter.followLinks(folder)
        let parent =
            (target as NSString).deletingLastPathComponent.isEmpty
            ? "." : (target as NSString).deletingLastPathComponent
        var status = stat()
        let exists = stat(target, &status) == 0
        if exists {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw OutputError(destination: folder, message: "is not a folder")
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: target)
            } catch {
                throw OutputError(destination: folder, message: "cannot list the folder")
            }
            if let foreign = names.sorted().first(where: { !isPageFileName($0) }) {
                throw OutputError(
                    destination: folder,
                    message: """
                        holds \(foreign.debugDescription), which is not a page peergraph saved; --save-raw replaces the whole folder, \
                        so give it a new or empty folder
                        """)
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw OutputError(destination: folder, message: "cannot create the folder \(parent)")
            }
        }
        let names = files.map(\.name)
        guard
            let (staging, registration, _) = ProcessCleanup.createRegistered(
                prefix: (parent as NSString).appendingPathComponent(".peergraph-snapshot-"),
                action: { .removeFolder($0, contents: names) }, create: { mkdir($0, 0o700) == 0 ? true : nil })
        else {
            throw OutputError(destination: folder, systemError: errno, doing: "cannot create a folder in \(parent)")
        }
        var committed = false
        defer {
            if !committed {
                for file in files { unlink((staging as NSString).appendingPathComponent(file.name)) }
                rmdir(staging)
            }
            ProcessCleanup.unregister(registration)
        }
        let mask = umask(0)
        umask(mask)
        chmod(staging, exists ? status.st_mode & 0o7777 : 0o777 & ~mask)
        for file in files {
            let path = (staging as NSString).appendingPathComponent(file.name)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                throw OutputError(destination: folder, systemError: errno, doing: "cannot create \(file.name)")
            }
            defer { close(descriptor) }
            try file.bytes.withUnsafeBufferPointer { (buffer) throws(OutputError) in
                try StandardStreams.write(
                    buffer, to: descriptor, destination: folder, doing: "cannot write \(file.name)")
            }
            if fsync(descriptor) != 0 && errno != EINVAL {
                throw OutputError(destination: folder, systemError: errno, doing: "cannot flush \(file.name)")
            }
        }
        if !exists {
            guard rename(staging, target) == 0 else {
                throw OutputError(destination: folder, systemError: errno, doing: "cannot move the snapshot in place")
            }
            committed = true
            return
        }
        // Move the earlier snapshot aside (onto an empty folder of our own), the new one in, then remove
        // the earlier one. Both undo actions are registered before the renames: a signal between them
        // puts the earlier snapshot back.
        guard
            let (previous, aside, _) = ProcessCleanup.createRegistered(
                prefix: (parent as NSString).appendingPathComponent(".peergraph-previous-"),
                action: { .removeFolder($0, contents: []) }, create: { mkdir($0, 0o700) == 0 ? true : nil })
        else {
            throw OutputError(destination: folder, systemError: errno, doing: "cannot create a folder in \(parent)")
        }
        let restore = ProcessCleanup.register(.restore(backup: previous, original: target))
        defer {
            ProcessCleanup.unregister(restore)
            ProcessCleanup.unregister(aside)
        }
        guard rename(target, previous) == 0 else {
            let failure = errno
            rmdir(previous)
            throw OutputError(
                destination: folder, systemError: failure, doing: "cannot move the earlier snapshot aside")
        }
        guard rename(staging, target) == 0 else {
            let failure = errno
            rename(previous, target)
            throw OutputError(destination: folder, systemError: failure, doing: "cannot move the snapshot in place")
        }
        committed = true
        // The restore action stays registered until the end: with the new snapshot in place it does nothing.
        try? FileManager.default.removeItem(atPath: previous)
    }
}
