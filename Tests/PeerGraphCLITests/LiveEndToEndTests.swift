import Foundation
import Testing

@testable import PeerGraphCLI

/// `peergraph` against the loopback stand-in of the API, as a user runs it (in process, streams captured).
@Suite(.serialized) struct LiveEndToEndTests {
    /// A home folder with no Alibaba Cloud configuration, so the tests never read the machine's own.
    static func emptyHome() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("peergraph-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    struct Run {
        var code: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// Runs the command in process against the stand-in, with only `environment` (and an empty home).
    static func run(_ arguments: [String], environment: [String: String], home: URL? = nil) async throws -> Run {
        var env = [
            "PATH": "/usr/bin:/bin", "HOME": try (home ?? emptyHome()).path, "PEERGRAPH_IMDS_ENDPOINT": noMetadata,
        ]
        env.merge(environment) { $1 }
        let started = Date()
        let result = try await InProcessRun.run(arguments, environment: env)
        let run = Run(
            code: result.code, stdout: result.stdout, stderr: result.stderr, seconds: Date().timeIntervalSince(started))
        // Every live run, whatever it tests: no secret in anything peergraph printed.
        expectNoSecrets([run.stdout, run.stderr])
        return run
    }

    /// The real binary against the stand-in, for the tests that time a run: in process, the other suites'
    /// work shares the test process's threads and would be timed with it.
    static func spawn(_ arguments: [String], environment: [String: String]) throws -> Run {
        var env = ["PATH": "/usr/bin:/bin", "HOME": try emptyHome().path, "PEERGRAPH_IMDS_ENDPOINT": noMetadata]
        env.merge(environment) { $1 }
        let outcome = try ChildProcess.run(CLIPaths.binary, arguments, environment: env)
        let run = Run(code: outcome.code, stdout: outcome.stdout, stderr: outcome.stderr, seconds: outcome.seconds)
        expectNoSecrets([run.stdout, run.stderr])
        return run
    }

    /// Where no metadata service answers (a closed port), so that no test asks the real 100.100.100.200.
    static let noMetadata = "http://127.0.0.1:9"

    static let accessKeyEnvironment = [
        "ALIBABA_CLOUD_ACCESS_KEY_ID": StandInServer.accessKey.id,
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": StandInServer.accessKey.secret,
    ]

    static func fileGraph(_ format: String = "graphml") async throws -> String {
        try await EndToEndTests.run([CLIPaths.samples.appendingPathComponent("multi-region/pages").path, "-f", format])
            .stdout
    }

    /// No secret in any text: the stand-in's secrets and token.
    static func expectNoSecrets(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts {
            for secret in [StandInServer.accessKey.secret, StandInServer.sts.secret, StandInServer.sts.token] {
                #expect(!text.contains(secret), "a secret leaked", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func collectsEveryRegionAndMergesCrossRegionConnections() async throws {
        let server = try StandInServer()
        let live = try await Self.run(
            [
                "--region", "cn-hangzhou,cn-shanghai", "--region", "ap-southeast-1", "--endpoint", server.endpoint,
                "-f", "graphml",
            ],
            environment: Self.accessKeyEnvironment)
        #expect(live.code == 0, "\(live.stderr)")
        #expect(live.stdout == (try await Self.fileGraph()))
        let lists = server.requests().filter { $0["action"] as? String == "ListVpcPeerConnections" }
        #expect(Set(lists.compactMap { $0["region"] as? String }) == ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"])
        #expect(lists.allSatisfy { $0["status"] as? Int == 200 })
    }

    @Test func regionIdsFromTheAPICannotControlTheTerminal() async throws {
        let hostile = "r\u{1B}[2J\u{202E}x"
        let server = try StandInServer(faults: [hostile: ["forbidden-403"]], regions: [hostile])
        let live = try await Self.run(
            ["--region", "all", "--endpoint", server.endpoint], environment: Self.accessKeyEnvironment)
        #expect(live.code == 4)
        #expect(live.stderr.hasPrefix("peergraph: error: r [2J x: ListVpcPeerConnections failed"))
        #expect(!live.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
    }

    @Test func regionAllAsksDescribeRegions() async throws {
        let server = try StandInServer(regions: ["ap-southeast-1", "cn-hangzhou", "cn-shanghai", "eu-central-1"])
        let live = try await Self.run(
            ["--region", "all", "--endpoint", server.endpoint, "-f", "graphml"], environment: Self.accessKeyEnvironment)
        #expect(live.code == 0, "\(live.stderr)")
        #expect(live.stdout == (try await Self.fileGraph()))
        let actions = server.requests().map { $0["action"] as? String ?? "" }
        #expect(actions.first == "DescribeRegions")
        #expect(actions.filter { $0 == "ListVpcPeerConnections" }.count == 4)
    }

    @Test func pagesUntilTheTokenIsEmpty() async throws {
        let connections = (0..<250).map { index -> [String: Any] in
            [
                "InstanceId": String(format: "pcc-page%04d", index), "RegionId": "cn-hangzhou",
                "AcceptingRegionId": "cn-hangzhou",
                "Vpc": ["VpcId": "vpc-hub"], "AcceptingVpc": ["VpcId": "vpc-\(index)"],
            ]
        }
        let server = try StandInServer(connections: connections)
        let live = try await Self.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "-f", "graphml"],
            environment: Self.accessKeyEnvironment)
        #expect(live.code == 0)
        #expect(live.stdout.components(separatedBy: "<edge ").count - 1 == 250)
        let tokens = server.requests().map { $0["token"] as? String ?? "" }
        #expect(tokens == ["", "cn-hangzhou:100", "cn-hangzhou:200"])
        #expect(server.requests().allSatisfy { ($0["params"] as? [String: String])?["MaxResults"] == "100" })
    }

    @Test func retriesThrottlingAndServerErrorsWithFreshSignatures() async throws {
        let server = try StandInServer(faults: [
            "cn-hangzhou": ["throttle-400", "throttle-503", "unavailable-503"],
            "cn-shanghai": ["internal-500", "html-502", "throttle-retry-after"],
            "ap-southeast-1": ["truncate", "reset"],
        ])
        let live = try await Self.run(
            ["--region", "cn-hangzhou,cn-shanghai,ap-southeast-1", "--endpoint", server.endpoint, "-f", "graphml"],
            environment: Self.accessKeyEnvironment)
        #expect(live.code == 0, "\(live.stderr)")
        #expect(live.stdout == (try await Self.fileGraph()))
        let nonces = server.requests().compactMap {
            ($0["headers"] as? [String: String])?.first { $0.key.lowercased() == "x-acs-signature-nonce" }?.value
        }
        #expect(nonces.count == server.requests().count)
        #expect(nonces.count == Set(nonces).count)
        #expect(server.requests().count == 3 + 8)
    }

    @Test func otherErrorsFailAtOnceWithCodeMessageRequestIDAndAdvice() async throws {
        let server = try StandInServer(faults: ["cn-hangzhou": ["forbidden-403"]])
        let folder = try Self.emptyHome()
        let target = folder.appendingPathComponent("mesh.dot")
        try Data("old\n".utf8).write(to: target)
        let live = try await Self.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "-o", target.path],
            environment: Self.accessKeyEnvironment)
        #expect(live.code == 4)
        #expect(
            live.stderr.hasPrefix(
                "peergraph: error: cn-hangzhou: ListVpcPeerConnections failed: Forbidden.RAM: User not authorized to operate on the specified resource. (HTTP 403, request id ERR-"
            ))
        #expect(live.stderr.contains("; see https://api.aliyun.com/troubleshoot?q=Forbidden.RAM"))
        #expect(server.requests().count == 1)
        #expect(try String(contentsOf: target, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["mesh.dot"])
    }

    @Test func keepGoingDrawsTheRegionsThatWorked() async throws {
        let server = try StandInServer(faults: ["cn-shanghai": ["forbidden-403"]])
        let live = try await Self.run(
            ["--region", "cn-hangzhou,cn-shanghai", "--endpoint", server.endpoint, "--keep-going", "-f", "graphml"],
            environment: Self.accessKeyEnvironment)
        #expect(live.code == 4)
        #expect(live.stdout.contains("<graphml"))
        #expect(live.stdout.contains("pcc-bp1core2pay000001"))
        #expect(!live.stdout.contains("pcc-uf6risk2shcore011"), "a connection only cn-shanghai lists")
        #expect(live.stderr.contains("peergraph: error: cn-shanghai: ListVpcPeerConnections failed: Forbidden.RAM"))
        #expect(
            live.stderr.contains(
                "peergraph: warning: --keep-going: the result leaves out 1 region that failed (cn-shanghai)"))
    }

    @Test func aStalledServerEndsInATimeoutNotAHang() async throws {
        let server = try StandInServer(faults: ["cn-hangzhou": ["stall", "stall"]])
        let live = try Self.spawn(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "--timeout", "1", "--max-retries", "1"],
            environment: Self.accessKeyEnvironment)
        #expect(live.code == 4)
        #expect(
            live.stderr
                == "peergraph: error: cn-hangzhou: ListVpcPeerConnections failed after 2 attempts: no response within the timeout\n"
        )
        #expect(live.seconds < 6)
    }

    @Test func persistentGarbageAndLoopingTokensFail() async throws {
        let server = try StandInServer(faults: [
            "cn-hangzhou": ["not-json-200", "truncate"], "cn-shanghai": ["repeat-token", "repeat-token"],
        ])
        let garbage = try await Self.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "--max-retries", "1"],
            environment: Self.accessKeyEnvironment)
        #expect(garbage.code == 4)
        #expect(
            garbage.stderr.hasPrefix(
                "peergraph: error: cn-hangzhou: ListVpcPeerConnections failed after 2 attempts: the response is not a valid page: "
            ))
        #expect(garbage.stderr.contains(" at byte "))
        let loop = try await Self.run(
            ["--region", "cn-shanghai", "--endpoint", server.endpoint], environment: Self.accessKeyEnvironment)
        #expect(loop.code == 4)
        #expect(loop.stderr.contains("the service sent NextToken \"cn-shanghai:0\" twice; stopped instead of looping"))
    }

    @Test func aStormOf429sEndsInAClearErrorAfterBoundedRetries() async throws {
        let server = try StandInServer(faults: ["cn-hangzhou": Array(repeating: "throttle-429", count: 10)])
        let folder = try Self.emptyHome()
        let target = folder.appendingPathComponent("mesh.dot")
        let live = try await Self.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "--max-retries", "2", "-o", target.path],
            environment: Self.accessKeyEnvironment)
        #expect(live.code == 4)
        #expect(
            live.stderr
                == "peergraph: error: cn-hangzhou: ListVpcPeerConnections failed after 3 attempts: HTTP 429 without an API error body (text/plain): Too Many Requests\n"
        )
        #expect(server.requests().count == 3)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func clockSkewIsReportedAtOnce() async throws {
        let server = try StandInServer(faults: ["cn-hangzhou": ["skew"]])
        let live = try await Self.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint], environment: Self.accessKeyEnvironment)
        #expect(live.code == 4)
        #expect(live.stderr.contains("InvalidTimeStamp.Expired: Specified time stamp or date value is expired."))
        #expect(server.requests().count == 1)
    }

    @Test func aWrongSecretIsRefusedAndNeverPrinted() async throws {
        let server = try StandInServer()
        let wrong = "Wrong-Secret-Value-123456"
        let live = try await Self.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "-v"],
            environment: [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": StandInServer.accessKey.id, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": wrong,
            ])
        #expect(live.code == 4)
        #expect(live.stderr.contains("SignatureDoesNotMatch"))
        #expect(!live.stderr.contains(wrong) && !live.stdout.contains(wrong))
    }

    @Test func withoutCredentialsTheMessageSaysWhereToPutThem() async throws {
        let live = try await Self.run(
            ["--region", "cn-hangzhou", "--endpoint", "http://127.0.0.1:9"], environment: [:])
        #expect(live.code == 2)
        #expect(
            live.stderr.contains(
                "no Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET"))
        #expect(live.stderr.contains("~/.aliyun/config.json"))
        let noRegion = try await Self.run([], environment: Self.accessKeyEnvironment)
        #expect(noRegion.code == 2)
        #expect(noRegion.stderr.contains("no input and no region"))
    }

    @Test func stsCredentialsFromTheEnvironmentAndTheRegionFromItsVariable() async throws {
        let server = try StandInServer()
        let live = try await Self.run(
            ["--endpoint", server.endpoint, "-f", "graphml", "-v"],
            environment: [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": StandInServer.sts.id,
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET": StandInServer.sts.secret,
                "ALIBABA_CLOUD_SECURITY_TOKEN": StandInServer.sts.token, "ALIBABA_CLOUD_REGION_ID": "cn-shanghai",
            ])
        #expect(live.code == 0, "\(live.stderr)")
        #expect(live.stderr.contains("credentials: STS STS.… from environment variables (provider env)"))
        let headers = server.requests().first?["headers"] as? [String: String] ?? [:]
        #expect(headers.first { $0.key.lowercased() == "x-acs-security-token" }?.value == StandInServer.sts.token)
        #expect((server.requests().first?["region"] as? String) == "cn-shanghai")
        Self.expectNoSecrets([live.stdout, live.stderr])
    }

    @Test func profilesFromTheAliyunConfigAndTheINIFile() async throws {
        let server = try StandInServer()
        let home = try Self.emptyHome()
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent(".aliyun"), withIntermediateDirectories: true)
        let config: [String: Any] = [
            "current": "work",
            "profiles": [
                [
                    "name": "work", "mode": "AK", "access_key_id": StandInServer.accessKey.id,
                    "access_key_secret": StandInServer.accessKey.secret,
                    "region_id": "cn-hangzhou",
                ],
                [
                    "name": "temp", "mode": "StsToken", "access_key_id": StandInServer.sts.id,
                    "access_key_secret": StandInServer.sts.secret,
                    "sts_token": StandInServer.sts.token, "region_id": "cn-shanghai",
                ],
                [
                    "name": "role", "mode": "RamRoleArn", "access_key_id": "x", "access_key_secret": "y",
                    "ram_role_arn": "acs:ram::1:role/r",
                ],
            ],
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: home.appendingPathComponent(".aliyun/config.json"))
        let current = try await Self.run(["--endpoint", server.endpoint, "-v"], environment: [:], home: home)
        #expect(current.code == 0, "\(current.stderr)")
        #expect(current.stderr.contains("from ~/.aliyun/config.json profile work"))
        let temp = try await Self.run(
            ["--endpoint", server.endpoint, "--profile", "temp", "-v"], environment: [:], home: home)
        #expect(temp.code == 0, "\(temp.stderr)")
        #expect(temp.stderr.contains("cn-shanghai ListVpcPeerConnections attempt 1: HTTP 200"))
        let role = try await Self.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "--profile", "role"], environment: [:],
            home: home)
        // A profile that is chosen and fails is the answer, never a fall-through to another source.
        #expect(role.code == 4)
        #expect(
            role.stderr.contains(
                "~/.aliyun/config.json profile role: AssumeRole of acs:ram::1:role/r failed: InvalidAccessKeyId.NotFound"
            ),
            "\(role.stderr)")
        let missing = try await Self.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "--profile", "nope"], environment: [:],
            home: home)
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("no profile \"nope\""))

        let iniHome = try Self.emptyHome()
        try FileManager.default.createDirectory(
            at: iniHome.appendingPathComponent(".alibabacloud"), withIntermediateDirectories: true)
        try Data(
            """
            [default]   # the default section
            type = access_key
            access_key_id = \(StandInServer.accessKey.id)
            access_key_secret = \(StandInServer.accessKey.secret)
            """.utf8
        ).write(to: iniHome.appendingPathComponent(".alibabacloud/credentials"))
        let ini = try await Self.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "-v"], environment: [:], home: iniHome)
        #expect(ini.code == 0, "\(ini.stderr)")
        #expect(ini.stderr.contains(".alibabacloud/credentials [default]"))
        Self.expectNoSecrets([current.stderr, temp.stderr, role.stderr, missing.stderr, ini.stderr])
    }

    @Test func savedPagesAreASnapshotPeergraphReadsBack() async throws {
        let server = try StandInServer()
        let folder = try Self.emptyHome().appendingPathComponent("snapshot")
        let live = try await Self.run(
            [
                "--region", "cn-hangzhou,cn-shanghai,ap-southeast-1", "--endpoint", server.endpoint, "-f", "graphml",
                "--save-raw", folder.path,
            ], environment: Self.accessKeyEnvironment)
        #expect(live.code == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["ap-southeast-1-page-0001.json", "cn-hangzhou-page-0001.json", "cn-shanghai-page-0001.json"])
        let fromSnapshot = try await EndToEndTests.run([folder.path, "-f", "graphml"])
        #expect(fromSnapshot.stdout == live.stdout)
        let saved = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        Self.expectNoSecrets(saved + [live.stdout, live.stderr])
    }

    @Test func filtersArePassedToTheAPI() async throws {
        let server = try StandInServer()
        let live = try await Self.run(
            [
                "--region", "cn-hangzhou", "--endpoint", server.endpoint, "--vpc", "vpc-bp1corenet00000a01",
                "--name", "core-payments", "--tag", "env=prod", "--resource-group", "rg-acfmyprod01",
                "--connection", "pcc-bp1core2pay000001", "-f", "graphml",
            ], environment: Self.accessKeyEnvironment)
        #expect(live.code == 0, "\(live.stderr)")
        #expect(live.stdout.components(separatedBy: "<edge ").count - 1 == 1)
        let params = server.requests().first?["params"] as? [String: String] ?? [:]
        #expect(params["VpcId"] == "vpc-bp1corenet00000a01")
        #expect(params["Name"] == "core-payments")
        #expect(params["Tags.1.Key"] == "env" && params["Tags.1.Value"] == "prod")
        #expect(params["ResourceGroupId"] == "rg-acfmyprod01")
        #expect(params["InstanceId"] == "pcc-bp1core2pay000001")
    }

    @Test func regionsAreFetchedConcurrentlyWithinTheBound() async throws {
        let regions = ["r1", "r2", "r3", "r4", "r5", "r6"]
        let server = try StandInServer(latencyMilliseconds: 300, regions: regions, connections: [])
        let parallel = try await Self.run(
            ["--region", regions.joined(separator: ","), "--endpoint", server.endpoint, "--concurrency", "3", "-q"],
            environment: Self.accessKeyEnvironment)
        #expect(parallel.code == 0)
        #expect(Self.maximumOverlap(server.requests()) == 3)
        let serialServer = try StandInServer(latencyMilliseconds: 100, regions: regions, connections: [])
        let serial = try await Self.run(
            [
                "--region", regions.joined(separator: ","), "--endpoint", serialServer.endpoint, "--concurrency", "1",
                "-q",
            ],
            environment: Self.accessKeyEnvironment)
        #expect(serial.code == 0)
        #expect(Self.maximumOverlap(serialServer.requests()) == 1)
    }

    /// The most requests the stand-in was serving at one moment.
    static func maximumOverlap(_ requests: [[String: Any]]) -> Int {
        let events = requests.flatMap { request -> [(Double, Int)] in
            [((request["start"] as? Double) ?? 0, 1), ((request["end"] as? Double) ?? 0, -1)]
        }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var current = 0, best = 0
        for event in events {
            current += event.1
            best = max(best, current)
        }
        return best
    }
}

@Suite struct LiveProgressTests {
    @Test func showsProgressOnATerminalOnly() async throws {
        let server = try StandInServer()
        let environment = LiveEndToEndTests.accessKeyEnvironment.merging([
            "HOME": try LiveEndToEndTests.emptyHome().path
        ]) { $1 }
        for terminal in [true, false] {
            let messages = ByteBox()
            let command = PeerGraphCommand(
                writeError: { messages.append(Array(($0 + "\n").utf8)) }, writeOutput: { _ in },
                environment: environment, errorIsTerminal: terminal)
            let code = await command.run(["--region", "cn-hangzhou", "--endpoint", server.endpoint])
            #expect(code == .success)
            let text = String(decoding: messages.bytes, as: UTF8.self)
            #expect(
                text
                    == (terminal
                        ? "peergraph: cn-hangzhou: page 1, 6 connections\npeergraph: cn-hangzhou: done, 6 connections\n"
                        : ""))
        }
    }
}
