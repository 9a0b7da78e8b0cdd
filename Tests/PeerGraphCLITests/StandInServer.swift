import Foundation

/// Runs `Tests/StandIn/vpcpeer_standin.py`, the loopback stand-in of the API, for one test.
final class StandInServer {
    let folder: URL
    let port: Int
    private let process: Process
    let ipv6: Bool
    var endpoint: String { ipv6 ? "http://[::1]:\(port)" : "http://127.0.0.1:\(port)" }
    var logURL: URL { folder.appendingPathComponent("requests.jsonl") }

    static let accessKey = (id: "LTAI5tStandInKeyId", secret: "StandInSecret-0123456789")
    static let sts = (id: "STS.StandInTempId", secret: "StsSecret-9876543210", token: "CAISStandInSecurityToken-abcdef")

    /// The multi-region sample's connections, served as the API would.
    static func sampleConnections() throws -> [[String: Any]] {
        let folder = CLIPaths.samples.appendingPathComponent("multi-region/pages")
        var byID: [String: [String: Any]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
            let page =
                try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file)))
                as! [String: Any]
            for connection in page["VpcPeerConnects"] as! [[String: Any]] {
                byID[connection["InstanceId"] as! String] = connection
            }
        }
        return byID.values.sorted { ($0["InstanceId"] as! String) < ($1["InstanceId"] as! String) }
    }

    init(
        faults: [String: [String]] = [:], latencyMilliseconds: Int = 0,
        regions: [String] = ["ap-southeast-1", "cn-hangzhou", "cn-shanghai"],
        connections: [[String: Any]]? = nil, vpcNames: [String: String] = [:], ipv6: Bool = false,
        credentials: [[String: Any]] = [], extra: [String: Any] = [:]
    ) throws {
        self.ipv6 = ipv6
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("peergraph-standin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenario: [String: Any] = [
            "credentials": [
                ["id": Self.accessKey.id, "secret": Self.accessKey.secret],
                ["id": Self.sts.id, "secret": Self.sts.secret, "token": Self.sts.token],
            ] + credentials,
            "regions": regions,
            "connections": try connections ?? Self.sampleConnections(),
            "faults": faults,
            "latency_ms": latencyMilliseconds,
            "vpc_names": vpcNames,
            "ipv6": ipv6,
            "log": folder.appendingPathComponent("requests.jsonl").path,
        ]
        let scenarioURL = folder.appendingPathComponent("scenario.json")
        try JSONSerialization.data(withJSONObject: scenario.merging(extra) { $1 }).write(to: scenarioURL)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", CLIPaths.packageRoot.appendingPathComponent("Tests/StandIn/vpcpeer_standin.py").path,
            scenarioURL.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw CocoaError(
                .fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "stand-in did not start: \(text)"])
        }
        self.port = port
    }

    /// The requests logged so far, but for the GetCallerIdentity every live run makes (to tell its
    /// accounts from external ones): `allRequests()` has it.
    func requests() -> [[String: Any]] {
        allRequests().filter { $0["action"] as? String != "GetCallerIdentity" }
    }

    /// The requests logged so far. The stand-in logs a request after answering it, so a client can be done
    /// before the last line is written: this waits (up to two seconds) until the log stops growing.
    func allRequests() -> [[String: Any]] {
        var lines = loggedRequests()
        for _ in 0..<20 {
            usleep(100_000)
            let again = loggedRequests()
            if again.count == lines.count { break }
            lines = again
        }
        return lines
    }

    /// The requests of `action`.
    func requests(_ action: String) -> [[String: Any]] { allRequests().filter { $0["action"] as? String == action } }

    private func loggedRequests() -> [[String: Any]] {
        guard let text = try? String(contentsOf: logURL, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    deinit {
        // SIGKILL: the stand-in holds no state worth a graceful stop, and a stalled handler must not delay us.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
