import Foundation
import Testing

@testable import PeerGraphCLI

/// Many accounts against the stand-in: a Resource Directory of five members (one invited without the
/// role, one not yet joined), each answering its own connections, a partner account outside it.
@Suite(.serialized) struct LiveAccountsTests {
    static let management = "1000000000000001"
    static let network = "1000000000000002"
    static let invited = "1000000000000003"
    static let joining = "1000000000000004"
    static let shared = "1000000000000005"
    static let partner = "2000000000000009"
    static let base = (id: "LTAI5tOrgBaseKey", secret: "OrgBaseSecret-0123456789abcdef")

    static func connection(
        _ id: String, _ from: (vpc: String, region: String, owner: String),
        _ to: (vpc: String, region: String, owner: String),
        status: String = "Activated"
    ) -> [String: Any] {
        [
            "InstanceId": id, "Name": id, "Status": status, "Bandwidth": 100, "RegionId": from.region,
            "AcceptingRegionId": to.region, "OwnerId": Int(from.owner)!, "AcceptingOwnerUid": Int(to.owner)!,
            "GmtModified": "2026-11-01T00:00:00Z",
            "Vpc": ["VpcId": from.vpc, "Ipv4Cidrs": ["10.\(id.count).0.0/16"]],
            "AcceptingVpc": ["VpcId": to.vpc, "Ipv4Cidrs": ["10.\(id.count + 1).0.0/16"]],
        ]
    }

    /// Six connections, 8 VPCs; vpc-partner-1, vpc-partner-2 and vpc-invited-1 are of accounts not listed.
    static var connections: [[String: Any]] {
        [
            connection(
                "pcc-mgmt-net", ("vpc-mgmt-1", "cn-hangzhou", management), ("vpc-net-1", "cn-hangzhou", network)),
            connection(
                "pcc-net-shared", ("vpc-net-1", "cn-hangzhou", network), ("vpc-shared-1", "cn-shanghai", shared)),
            connection(
                "pcc-shared-partner", ("vpc-shared-1", "cn-shanghai", shared), ("vpc-partner-1", "cn-shanghai", partner)
            ),
            connection(
                "pcc-invited-net", ("vpc-invited-1", "cn-hangzhou", invited), ("vpc-net-2", "cn-hangzhou", network)),
            connection(
                "pcc-mgmt-mgmt", ("vpc-mgmt-1", "cn-hangzhou", management), ("vpc-mgmt-2", "cn-hangzhou", management)),
            connection(
                "pcc-partner-mgmt", ("vpc-partner-2", "cn-hangzhou", partner),
                ("vpc-mgmt-2", "cn-hangzhou", management),
                status: "Accepting"),
        ]
    }

    static func organisation(
        faults: [String: [String]] = [:], latency: Int = 0, untrusted: [String] = []
    ) throws -> StandInServer {
        try StandInServer(
            faults: faults, latencyMilliseconds: latency, regions: ["cn-hangzhou", "cn-shanghai"],
            connections: connections, vpcNames: ["vpc-shared-1": "Shared VPC"],
            credentials: [["id": base.id, "secret": base.secret, "account": management]],
            extra: [
                "per_account": true,
                "accounts": [
                    ["id": management, "name": "management", "roles": []],
                    ["id": network, "name": "prod-network", "roles": ["peergraph-reader"]],
                    ["id": invited, "name": "invited-member", "status": "InviteSuccess", "roles": []],
                    ["id": joining, "name": "joining", "status": "InviteVerifying", "roles": ["peergraph-reader"]],
                    [
                        "id": shared, "name": "shared-services", "roles": ["peergraph-reader"],
                        "untrusted_roles": untrusted,
                    ],
                ],
            ])
    }

    static let baseEnvironment = [
        "ALIBABA_CLOUD_ACCESS_KEY_ID": base.id, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": base.secret,
    ]

    /// Every secret the stand-in issued or holds: none may appear in any output, message or saved page.
    static func secrets(_ server: StandInServer) -> [String] {
        var found = [base.secret]
        for request in server.allRequests() {
            let headers = request["headers"] as? [String: String] ?? [:]
            if let token = headers.first(where: { $0.key.lowercased() == "x-acs-security-token" })?.value {
                found.append(token)
            }
            if let auth = headers.first(where: { $0.key.lowercased() == "authorization" })?.value,
                let signature = auth.components(separatedBy: "Signature=").last
            {
                found.append(signature)
            }
        }
        return found + ["stssecret-", "ststoken-"]
    }

    static func expectNoSecrets(
        _ texts: [String], _ server: StandInServer, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let secrets = Self.secrets(server)
        for text in texts {
            for secret in secrets where text.contains(secret) {
                Issue.record("a secret leaked: \(secret.prefix(12))…", sourceLocation: sourceLocation)
            }
        }
    }

    static func run(_ server: StandInServer, _ arguments: [String]) async throws -> LiveEndToEndTests.Run {
        let run = try await LiveEndToEndTests.run(
            ["--endpoint", server.endpoint] + arguments, environment: baseEnvironment)
        expectNoSecrets([run.stdout, run.stderr], server)
        return run
    }

    @Test func theWholeDirectoryIsDrawnWithExternalAccountsMarkedInEveryFormat() async throws {
        let server = try Self.organisation()
        let artifacts = CLIPaths.packageRoot.appendingPathComponent(".build/peergraph-artifacts/organisation")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        var outputs: [String: String] = [:]
        for (format, ext) in [("graphml", "graphml"), ("json", "json"), ("dot", "dot"), ("mermaid", "mmd")] {
            let run = try await Self.run(
                server,
                [
                    "--accounts", "rd", "--role-name", "peergraph-reader", "--region", "all", "--keep-going", "-f",
                    format,
                    "--group-by", "owner", "--legend",
                ].filter { format == "graphml" || format == "json" ? !["--legend"].contains($0) : true })
            #expect(run.code == 4, "\(run.stderr)")
            outputs[format] = run.stdout
            try Data(run.stdout.utf8).write(to: artifacts.appendingPathComponent("mesh.\(ext)"))
            // The member without the role is reported by id, name and code; the rest is drawn.
            #expect(
                run.stderr.contains(
                    "account \(Self.invited) (invited-member): AssumeRole of acs:ram::\(Self.invited):role/peergraph-reader failed: EntityNotExist.Role"
                ), "\(run.stderr)")
            #expect(run.stderr.contains("--keep-going: the result leaves out 1 account that could not be reached"))
        }
        let graphml = outputs["graphml"] ?? ""
        #expect(graphml.components(separatedBy: "<node id=").count - 1 == 8)
        #expect(graphml.components(separatedBy: "<edge id=").count - 1 == 6)
        #expect(graphml.components(separatedBy: "<data key=\"n_external\">true</data>").count - 1 == 3)
        #expect(graphml.contains("prod-network (account \(Self.network))"))
        // Owner groups of accounts not listed say so; the directory still names the one it knows.
        #expect(graphml.contains("<data key=\"n_group\">invited-member (external account \(Self.invited))</data>"))
        #expect(graphml.contains("<data key=\"n_group\">external account \(Self.partner)</data>"))
        let json = try JSONSerialization.jsonObject(with: Data((outputs["json"] ?? "").utf8)) as! [String: Any]
        let external = (json["nodes"] as! [[String: Any]]).filter { $0["external"] as? Bool == true }.map {
            $0["id"] as! String
        }
        #expect(external.sorted() == ["vpc-invited-1", "vpc-partner-1", "vpc-partner-2"])
        #expect((outputs["dot"] ?? "").components(separatedBy: "style=\"rounded,filled,dashed\"").count - 1 == 3)
        #expect((outputs["dot"] ?? "").contains("external account (not listed: only its peerings are known)"))
        // Three VPCs; the legend is one block of words, with a line for external accounts.
        #expect((outputs["mermaid"] ?? "").components(separatedBy: ":::external").count - 1 == 3)
        #expect((outputs["mermaid"] ?? "").contains("grey dashed box — external account"))
        // One AssumeRole per member reached, whatever the regions and formats: 3 members (not the
        // management account, not the one still joining) in each of the 4 runs.
        let assumed = server.requests("AssumeRole")
        #expect(assumed.count == 3 * 4)
        #expect(Set(assumed.compactMap { $0["assumed"] as? String }) == [Self.network, Self.invited, Self.shared])
        // Each member listed with its own credentials, and the cross-account connections seen from both sides.
        let lists = server.requests("ListVpcPeerConnections").filter { $0["status"] as? Int == 200 }
        #expect(Set(lists.compactMap { $0["caller"] as? String }) == [Self.management, Self.network, Self.shared])
    }

    @Test func accountsAreListedAtOnceWithinTheBoundAndEightAtMostPerAccount() async throws {
        let regions = (1...10).map { "r\($0)" }
        let server = try StandInServer(
            latencyMilliseconds: 300, regions: regions, connections: [],
            credentials: [["id": Self.base.id, "secret": Self.base.secret, "account": Self.management]],
            extra: [
                "per_account": true,
                "accounts": [
                    ["id": Self.management, "roles": []], ["id": Self.network, "roles": ["peergraph-reader"]],
                    ["id": Self.shared, "roles": ["peergraph-reader"]],
                ],
            ])
        let run = try LiveEndToEndTests.spawn(
            [
                "--endpoint", server.endpoint, "--accounts", "rd", "--role-name", "peergraph-reader", "--region",
                regions.joined(separator: ","), "--concurrency", "20", "-q",
            ], environment: Self.baseEnvironment)
        #expect(run.code == 0, "\(run.stderr)")
        let lists = server.requests("ListVpcPeerConnections")
        #expect(lists.count == 30)
        let overall = LiveEndToEndTests.maximumOverlap(lists)
        #expect(overall > 8 && overall <= 20, "\(overall)")
        for account in [Self.management, Self.network, Self.shared] {
            let own = LiveEndToEndTests.maximumOverlap(lists.filter { $0["caller"] as? String == account })
            #expect(own <= 8, "\(account): \(own)")
        }
    }

    /// The interleaving and the roles assumed ahead change nothing but the time: one request at a time
    /// (no prefetch) draws the same bytes with the same AssumeRole calls.
    @Test func theSameMeshWhateverTheConcurrency() async throws {
        let server = try Self.organisation()
        var outputs: [String] = []
        for concurrency in ["1", "32"] {
            let run = try await Self.run(
                server,
                [
                    "--accounts", "rd", "--role-name", "peergraph-reader", "--region", "all", "--keep-going",
                    "--concurrency", concurrency, "-f", "graphml", "--group-by", "owner",
                ])
            #expect(run.code == 4)
            outputs.append(run.stdout)
        }
        #expect(outputs[0] == outputs[1])
        #expect(server.requests("AssumeRole").count == 3 + 3)
    }

    @Test func withoutKeepGoingAnUnreachableMemberIsTheError() async throws {
        let server = try Self.organisation()
        let run = try await Self.run(
            server, ["--accounts", "rd", "--role-name", "peergraph-reader", "--region", "all"])
        #expect(run.code == 4)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("account \(Self.invited) (invited-member): AssumeRole"))
    }

    @Test func excludedAndChosenAccountsAndTheDefaultRoleWarning() async throws {
        let server = try Self.organisation()
        let excluded = try await Self.run(
            server,
            [
                "--accounts", "rd", "--role-name", "peergraph-reader", "--exclude-account", Self.invited, "--region",
                "cn-hangzhou,cn-shanghai", "-f", "json",
            ])
        #expect(excluded.code == 0, "\(excluded.stderr)")
        #expect(server.requests("AssumeRole").count == 2)
        let ids = try await Self.run(
            server,
            [
                "--accounts", "\(Self.network),\(Self.shared),\(Self.network)", "--region", "cn-hangzhou", "-f", "json",
                "--keep-going",
            ])
        // No --role-name: the directory's default role, which the members here do not have; said once.
        #expect(ids.code == 4)
        #expect(ids.stderr.components(separatedBy: "--role-name not given").count - 1 == 1)
        #expect(ids.stderr.contains("role/ResourceDirectoryAccountAccessRole failed: EntityNotExist.Role"))
        // An account named twice is listed once: one AssumeRole each.
        #expect(server.requests("AssumeRole").count - 2 == 2)
    }

    @Test func aMemberCallerIsToldWhatListAccountsNeeds() async throws {
        let server = try StandInServer(
            credentials: [["id": "LTAI5tMemberKey", "secret": "MemberSecret-0123456789", "account": Self.network]],
            extra: ["accounts": [["id": Self.management, "roles": []], ["id": Self.network, "roles": []]]])
        let run = try await LiveEndToEndTests.run(
            ["--endpoint", server.endpoint, "--accounts", "rd", "--region", "cn-hangzhou"],
            environment: [
                "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAI5tMemberKey",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "MemberSecret-0123456789",
            ])
        #expect(run.code == 4)
        #expect(run.stderr.contains("ListAccounts failed: NotAuthorized"))
        #expect(run.stderr.contains("management account or of a delegated administrator"))
    }

    @Test func rolesAssumedOnTopOfTheBaseCredentials() async throws {
        let server = try Self.organisation()
        let run = try await Self.run(
            server,
            [
                "--assume-role", "acs:ram::\(Self.network):role/peergraph-reader", "--assume-role",
                "acs:ram::\(Self.shared):role/peergraph-reader", "--region", "cn-hangzhou,cn-shanghai", "-f", "json",
                "--role-session-name", "docs-ci", "--role-duration", "900", "--external-id", "ext-1234", "--vpc-names",
                "-v",
            ])
        #expect(run.code == 0, "\(run.stderr)")
        let assumed = server.requests("AssumeRole")
        #expect(assumed.count == 2)
        #expect(assumed.allSatisfy { ($0["params"] as? [String: String])?["RoleSessionName"] == "docs-ci" })
        #expect(assumed.allSatisfy { ($0["params"] as? [String: String])?["DurationSeconds"] == "900" })
        #expect(assumed.allSatisfy { ($0["params"] as? [String: String])?["ExternalId"] == "ext-1234" })
        // Each account is asked for the names of the VPCs it owns, with its own credentials.
        let named = server.requests("DescribeVpcs")
        #expect(Set(named.compactMap { $0["caller"] as? String }) == [Self.network, Self.shared])
        #expect(run.stdout.contains("\"name\": \"Shared VPC\""))
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let external = (json["nodes"] as! [[String: Any]]).filter { $0["external"] as? Bool == true }.count
        // Only two accounts listed: the management account's VPC they peer with is external too.
        #expect(external == 3)
        #expect(
            run.stderr.contains(
                "credentials of role acs:ram::\(Self.network):role/peergraph-reader: STS STS.… from AssumeRole"))
        #expect(run.stderr.contains("(provider ram_role_arn/env)"))
    }

    @Test func aThrottledAssumeRoleIsRetriedAndCountedOnce() async throws {
        let server = try Self.organisation(faults: ["AssumeRole:\(Self.network)": ["throttle-400", "throttle-400"]])
        let run = try await Self.run(
            server,
            [
                "--accounts", Self.network, "--role-name", "peergraph-reader", "--region", "cn-hangzhou,cn-shanghai",
                "-q",
            ])
        #expect(run.code == 0, "\(run.stderr)")
        let assumed = server.requests("AssumeRole")
        #expect(assumed.count == 3)
        #expect(assumed.filter { $0["status"] as? Int == 200 }.count == 1)
    }

    @Test func membersThatRefuseOrStayThrottledAreReportedByIdNameAndCode() async throws {
        let server = try Self.organisation(
            faults: ["AssumeRole:\(Self.network)": Array(repeating: "throttle-400", count: 10)],
            untrusted: ["peergraph-reader"])
        let run = try await Self.run(
            server,
            [
                "--accounts", "rd", "--role-name", "peergraph-reader", "--exclude-account", Self.invited, "--region",
                "cn-hangzhou", "--keep-going", "--max-retries", "1", "-f", "json",
            ])
        #expect(run.code == 4)
        #expect(
            run.stderr.contains(
                "account \(Self.shared) (shared-services): AssumeRole of acs:ram::\(Self.shared):role/peergraph-reader failed: NoPermission"
            ))
        #expect(
            run.stderr.contains(
                "account \(Self.network) (prod-network): AssumeRole of acs:ram::\(Self.network):role/peergraph-reader failed: Throttling.User"
            ))
        #expect(run.stderr.contains("leaves out 2 accounts that could not be reached"))
        // Throttling is retried (1 retry here), and still one role per account is asked for.
        #expect(server.requests("AssumeRole").filter { $0["assumed"] as? String == Self.network }.count == 2)
        #expect(server.requests("AssumeRole").filter { $0["assumed"] as? String == Self.shared }.count == 1)
        // The management account's own connections are drawn.
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect((json["edges"] as! [Any]).count == 3)
    }

    @Test func aSnapshotPerAccountReadsBackTheSameMesh() async throws {
        let server = try Self.organisation()
        let folder = try LiveEndToEndTests.emptyHome().appendingPathComponent("org-snapshot")
        let live = try await Self.run(
            server,
            [
                "--accounts", "rd", "--role-name", "peergraph-reader", "--exclude-account", Self.invited, "--region",
                "all", "-f", "graphml", "--group-by", "owner", "--save-raw", folder.path,
            ])
        #expect(live.code == 0, "\(live.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(
            files == [
                "\(Self.management)-cn-hangzhou-page-0001.json", "\(Self.management)-cn-shanghai-page-0001.json",
                "\(Self.network)-cn-hangzhou-page-0001.json", "\(Self.network)-cn-shanghai-page-0001.json",
                "\(Self.shared)-cn-hangzhou-page-0001.json", "\(Self.shared)-cn-shanghai-page-0001.json",
                "peergraph-accounts.json",
            ])
        let back = try await EndToEndTests.run([folder.path, "-f", "graphml", "--group-by", "owner"])
        #expect(back.code == 0)
        #expect(back.stdout == live.stdout)
        #expect(back.stdout.contains("shared-services (account \(Self.shared))"))
        let saved = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        Self.expectNoSecrets(saved, server)
        // --names overrides the directory's display names.
        let names = folder.deletingLastPathComponent().appendingPathComponent("names.json")
        try Data("{\"\(Self.shared)\": \"Shared Services (EU)\"}".utf8).write(to: names)
        let renamed = try await EndToEndTests.run([
            folder.path, "-f", "graphml", "--group-by", "owner", "--names", names.path,
        ])
        #expect(renamed.stdout.contains("Shared Services (EU) (account \(Self.shared))"))
    }

    @Test func severalProfilesEachListTheirOwnAccount() async throws {
        let server = try Self.organisation()
        let home = try LiveEndToEndTests.emptyHome()
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent(".aliyun"), withIntermediateDirectories: true)
        let config: [String: Any] = [
            "current": "mgmt",
            "profiles": [
                ["name": "mgmt", "mode": "AK", "access_key_id": Self.base.id, "access_key_secret": Self.base.secret],
                [
                    "name": "net", "mode": "ChainableRamRoleArn", "source_profile": "mgmt",
                    "ram_role_arn": "acs:ram::\(Self.network):role/peergraph-reader", "ram_session_name": "chained",
                ],
            ],
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: home.appendingPathComponent(".aliyun/config.json"))
        let run = try await LiveEndToEndTests.run(
            [
                "--endpoint", server.endpoint, "--profile", "mgmt", "--profile", "net", "--region", "cn-hangzhou", "-f",
                "json", "-v",
            ],
            environment: [:], home: home)
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stderr.contains("cli_profile/ram_role_arn/static_ak"))
        let lists = server.requests("ListVpcPeerConnections")
        #expect(Set(lists.compactMap { $0["caller"] as? String }) == [Self.management, Self.network])
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let edges = (json["edges"] as! [[String: Any]]).map { $0["key"] as! String }.sorted()
        // pcc-mgmt-net is in both accounts' lists and drawn once.
        #expect(edges == ["pcc-invited-net", "pcc-mgmt-mgmt", "pcc-mgmt-net", "pcc-net-shared", "pcc-partner-mgmt"])
        Self.expectNoSecrets([run.stdout, run.stderr], server)
    }

    @Test func conflictingAndMalformedAccountOptionsAreUsageErrors() async throws {
        for (arguments, message) in [
            (["--assume-role", "acs:ram::1:role/r", "--accounts", "rd"], "give one of them"),
            (["--assume-role", "arn:aws:iam::1:role/r"], "--assume-role takes a role ARN"),
            (["--accounts", "12ab"], "--accounts takes account ids"),
            (["--role-name", "r"], "--role-name applies to --accounts"),
            (
                ["--accounts", "rd", "--role-session-name", "a b"],
                "--role-session-name: a role session name is 2 to 64"
            ),
            (["--accounts", "rd", "--role-duration", "60"], "--role-duration takes a number from 900 to 43200"),
            (["--profile", "a", "--profile", "b", "--accounts", "rd"], "take one base profile"),
        ] {
            let run = try await LiveEndToEndTests.run(["--region", "cn-hangzhou"] + arguments, environment: [:])
            #expect(run.code == 2, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }
}
