import Foundation
import Testing

@testable import PeerGraphKit

/// The gzip reader against Python's `gzip` (zlib): random data at every level and in several members
/// decompresses to exactly what went in; truncated, corrupted and oversized data fails cleanly.
@Suite struct GzipDecoderTests {
    /// Compresses `data` with Python's gzip at `level`; nil when python3 is missing (it is installed in CI).
    static func pythonGzip(_ data: [UInt8], level: Int, members: Int = 1) throws -> [UInt8]? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "peergraph-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out.gz")
        try Data(data).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import gzip, sys
            data = open(sys.argv[1], 'rb').read()
            n = int(sys.argv[4]); step = max(1, len(data) // n) if data else 1
            parts = [data[i:i + step] for i in range(0, len(data), step)] or [b'']
            open(sys.argv[2], 'wb').write(b''.join(gzip.compress(p, compresslevel=int(sys.argv[3])) for p in parts))
            """, input.path, output.path, String(level), String(members),
        ]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return [UInt8](try Data(contentsOf: output))
    }

    /// Random bytes with some structure, so that the compressor uses back-references and every block type.
    static func sample(_ size: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        let words = [
            "VpcPeerConnects", "\"InstanceId\":", "pcc-", "vpc-bp1", "cn-hangzhou", "Activated", "{", "}", ",", "10.0.",
        ]
        while bytes.count < size {
            switch next() % 4 {
            case 0: bytes += Array(words[Int(next() % UInt64(words.count))].utf8)
            case 1: bytes.append(UInt8(truncatingIfNeeded: next()))
            case 2: bytes += [UInt8](repeating: UInt8(truncatingIfNeeded: next()), count: Int(next() % 300))
            default: if bytes.count > 10 { bytes += bytes.suffix(Int(next() % UInt64(min(bytes.count, 5000)))) }
            }
        }
        return Array(bytes.prefix(size))
    }

    @Test(arguments: [0, 1, 6, 9])
    func agreesWithPythonsGzipOnRandomData(level: Int) throws {
        for (index, size) in [0, 1, 100, 70_000, 300_000].enumerated() {
            let data = Self.sample(size, seed: UInt64(level * 10 + index))
            guard let compressed = try Self.pythonGzip(data, level: level, members: index % 3 + 1) else { return }
            #expect(try GzipDecoder.decompress(compressed, limit: 1 << 30) == data, "level \(level), \(size) bytes")
        }
    }

    @Test func truncatedAndCorruptedDataFailsWithoutCrashing() throws {
        let data = Self.sample(20_000, seed: 7)
        guard let compressed = try Self.pythonGzip(data, level: 6) else { return }
        for cut in stride(from: 0, to: compressed.count - 1, by: 97) {
            #expect(throws: GzipDecoder.Failure.self) {
                try GzipDecoder.decompress(Array(compressed.prefix(cut)), limit: 1 << 30)
            }
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var damaged = compressed
            let index = Int.random(in: 10..<damaged.count, using: &random)
            damaged[index] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
            // Either an error or (rarely) other bytes that the CRC then rejects: never a crash, never wrong data.
            if let result = try? GzipDecoder.decompress(damaged, limit: 1 << 30) { #expect(result == data) }
        }
        for _ in 0..<200 {
            let garbage =
                [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0]
                + (0..<64).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = try? GzipDecoder.decompress(garbage, limit: 1 << 20)
        }
    }

    @Test func aDecompressionBombStopsAtTheLimit() throws {
        let zeros = [UInt8](repeating: 0, count: 20 << 20)
        guard let bomb = try Self.pythonGzip(zeros, level: 9) else { return }
        #expect(bomb.count < 100_000)
        #expect { try GzipDecoder.decompress(bomb, limit: 1 << 20) } throws: {
            ($0 as? GzipDecoder.Failure)?.message == "gzip data decompresses to more than the 1048576 bytes accepted"
        }
    }
}
