import Foundation
import Testing

/// The live client against a hostile endpoint: it talks only to the API, only as much as it must, and
/// nothing secret comes back out of it, in any output, message or saved page.
@Suite(.serialized) struct HostileEndpointTests {
    static let stsEnvironment = [
        "ALIBABA_CLOUD_ACCESS_KEY_ID": StandInServer.sts.id,
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": StandInServer.sts.secret,
        "ALIBABA_CLOUD_SECURITY_TOKEN": StandInServer.sts.token,
    ]

    /// Every signature the stand-in received.
    static func signatures(_ server: StandInServer) -> [String] {
        server.requests().compactMap { request in
            ((request["headers"] as? [String: String])?["Authorization"]).flatMap {
                $0.components(separatedBy: "Signature=").last
            }
        }
    }

    /// No 16-byte piece of any secret, the token or a signature, in any text.
    static func expectNothingSecret(
        _ texts: [String], server: StandInServer, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let secrets = [StandInServer.sts.secret, StandInServer.sts.token] + signatures(server)
        for text in texts {
            for secret in secrets {
                let bytes = Array(secret.utf8)
                for start in 0...max(0, bytes.count - 16) {
                    let piece = String(decoding: bytes[start..<min(bytes.count, start + 16)], as: UTF8.self)
                    #expect(!text.contains(piece), "\(piece) leaked", sourceLocation: sourceLocation)
                    let encoded = piece.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? piece
                    #expect(!text.contains(encoded), "\(encoded) leaked", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// URLSession on Linux refuses IPv6 literal URLs; peergraph's plain-HTTP transport takes them.
    @Test(arguments: ["graphml", "dot"])
    func anIPv6LiteralEndpointWorks(format: String) async throws {
        let server = try StandInServer(ipv6: true)
        let run = try await LiveEndToEndTests.run(
            ["--region", "cn-hangzhou,cn-shanghai,ap-southeast-1", "--endpoint", server.endpoint, "-f", format],
            environment: LiveEndToEndTests.accessKeyEnvironment)
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout == (try await LiveEndToEndTests.fileGraph(format)))
        #expect(server.requests().allSatisfy { $0["status"] as? Int == 200 })
    }

    @Test(arguments: ["redirect-302", "gzip-bomb", "endless-chunked", "echo-400"])
    func theIPv6TransportKeepsTheSameRules(fault: String) async throws {
        let server = try StandInServer(faults: ["cn-hangzhou": [fault]], ipv6: true)
        let run = try await LiveEndToEndTests.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "--max-retries", "0", "--timeout", "60"],
            environment: Self.stsEnvironment)
        #expect(run.code == 4, "\(run.stderr)")
        switch fault {
        case "redirect-302": #expect(run.stderr.contains("redirect to http://127.0.0.1:\(server.port)/redirected"))
        case "echo-400": #expect(run.stderr.contains("[redacted]"))
        default: #expect(run.stderr.contains("the response passed 64 MiB and was stopped"), "\(run.stderr)")
        }
        Self.expectNothingSecret([run.stdout, run.stderr], server: server)
    }

    @Test func redirectsAreNeverFollowed() async throws {
        let server = try StandInServer(faults: ["cn-hangzhou": ["redirect-302"]])
        let run = try await LiveEndToEndTests.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint], environment: Self.stsEnvironment)
        #expect(run.code == 4)
        #expect(run.stderr.contains("HTTP 302 redirect to http://127.0.0.1:\(server.port)/redirected"), "\(run.stderr)")
        #expect(run.stderr.contains("not followed"))
        #expect(!server.requests().contains { ($0["path"] as? String)?.hasPrefix("/redirected") == true })
        #expect(server.requests().count == 1, "a redirect is not retried")
        Self.expectNothingSecret([run.stdout, run.stderr], server: server)
    }

    @Test(arguments: ["gzip-bomb", "endless-chunked"])
    func aHugeResponseIsStoppedAndMemoryStaysSmall(fault: String) async throws {
        let server = try StandInServer(faults: ["cn-hangzhou": [fault]])
        // The binary, not in process: the run is timed.
        let run = try LiveEndToEndTests.spawn(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "--max-retries", "0", "--timeout", "60"],
            environment: Self.stsEnvironment)
        #expect(run.code == 4, "\(run.stderr)")
        #expect(run.stderr.contains("the response passed 64 MiB and was stopped"), "\(run.stderr)")
        #expect(run.seconds < 60)
    }

    @Test func tooManyRegionsAreNotWalked() async throws {
        let regions = (0..<5000).map { "region-\($0)" }
        let server = try StandInServer(regions: regions)
        let run = try await LiveEndToEndTests.run(
            ["--region", "all", "--endpoint", server.endpoint], environment: Self.stsEnvironment)
        #expect(run.code == 4)
        #expect(run.stderr.contains("DescribeRegions named 5000 regions, more than Alibaba Cloud has"))
        #expect(server.requests().filter { $0["action"] as? String == "ListVpcPeerConnections" }.isEmpty)
    }

    @Test(arguments: ["echo-400", "echo-html-502", "echo-header"])
    func reflectedSecretsNeverReachAMessage(fault: String) async throws {
        let server = try StandInServer(faults: ["cn-hangzhou": [fault, fault, fault]])
        let run = try await LiveEndToEndTests.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "--max-retries", "1", "-v"],
            environment: Self.stsEnvironment)
        #expect(run.code == 4)
        #expect(run.stderr.contains("[redacted]"), "\(run.stderr)")
        Self.expectNothingSecret([run.stdout, run.stderr], server: server)
    }

    @Test func reflectedSecretsInPageDataNeverReachADiagramOrASavedPage() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [String] = []
        for format in ["dot", "graphml", "mermaid", "json"] {
            let server = try StandInServer(faults: ["cn-hangzhou": ["echo-data"]])
            let saved = folder.appendingPathComponent("raw-\(format)")
            let run = try await LiveEndToEndTests.run(
                ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "-f", format, "--save-raw", saved.path],
                environment: Self.stsEnvironment)
            #expect(run.code == 0, "\(run.stderr)")
            #expect(run.stdout.contains("redacted"))
            outputs = [run.stdout, run.stderr]
            for page in try FileManager.default.contentsOfDirectory(atPath: saved.path) {
                outputs.append(try String(contentsOf: saved.appendingPathComponent(page), encoding: .utf8))
            }
            Self.expectNothingSecret(outputs, server: server)
        }
    }

    @Test func aSnapshotIsReplacedWholeAndKeptWhenARegionFails() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = folder.appendingPathComponent("snapshot")
        let all = try StandInServer()
        let first = try await LiveEndToEndTests.run(
            [
                "--region", "cn-hangzhou,cn-shanghai,ap-southeast-1", "--endpoint", all.endpoint, "--save-raw",
                saved.path,
            ],
            environment: LiveEndToEndTests.accessKeyEnvironment)
        #expect(first.code == 0, "\(first.stderr)")
        let firstPages = try FileManager.default.contentsOfDirectory(atPath: saved.path).sorted()
        #expect(firstPages.count >= 3)
        // A rerun with one region: its pages only (stale ones would read back as deleted connections).
        let second = try await LiveEndToEndTests.run(
            ["--region", "cn-hangzhou", "--endpoint", all.endpoint, "--save-raw", saved.path],
            environment: LiveEndToEndTests.accessKeyEnvironment)
        #expect(second.code == 0)
        let secondPages = try FileManager.default.contentsOfDirectory(atPath: saved.path).sorted()
        #expect(secondPages.allSatisfy { $0.hasPrefix("cn-hangzhou-page-") })
        // A failed region with --keep-going: the diagram is drawn, the snapshot is left as it was.
        let failing = try StandInServer(faults: ["cn-shanghai": ["forbidden-403"]])
        let third = try await LiveEndToEndTests.run(
            [
                "--region", "cn-hangzhou,cn-shanghai", "--endpoint", failing.endpoint, "--save-raw", saved.path,
                "--keep-going",
            ],
            environment: LiveEndToEndTests.accessKeyEnvironment)
        #expect(third.code == 4)
        #expect(third.stderr.contains("--save-raw: \(saved.path) was left as it was, because 1 region failed"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: saved.path).sorted() == secondPages)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["snapshot"])
    }
}
