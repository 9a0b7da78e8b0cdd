import Foundation
import Testing

@testable import PeerGraphCLI

/// Each credential source of the chain against the stand-in: the ECS metadata service in its modes,
/// a credentials URI, OIDC, and the config.json role modes. Every output, message and log is searched
/// for every secret the stand-in issued.
@Suite(.serialized) struct LiveCredentialSourceTests {
    static let account = "1000000000000009"

    static func server(_ extra: [String: Any]) throws -> StandInServer {
        try StandInServer(
            regions: ["cn-hangzhou"], connections: LiveAccountsTests.connections,
            extra: extra.merging([
                "per_account": true,
                "accounts": [
                    ["id": LiveAccountsTests.management, "roles": []],
                    ["id": LiveAccountsTests.network, "roles": ["peergraph-reader"]],
                ],
            ]) { $1 })
    }

    static func run(
        _ server: StandInServer, _ environment: [String: String], home: URL? = nil, arguments: [String] = []
    ) async throws -> LiveEndToEndTests.Run {
        var environment = environment
        environment["PEERGRAPH_IMDS_ENDPOINT"] = environment["PEERGRAPH_IMDS_ENDPOINT"] ?? server.endpoint
        let run = try await LiveEndToEndTests.run(
            ["--endpoint", server.endpoint, "--region", "cn-hangzhou", "-f", "json", "-v"] + arguments,
            environment: environment, home: home)
        LiveAccountsTests.expectNoSecrets([run.stdout, run.stderr], server)
        for request in server.allRequests() {
            // The OIDC token and the metadata token are secrets too.
            let logged = request["path"] as? String ?? ""
            #expect(!logged.contains("eyJ") && !run.stderr.contains("AQAEAN-standin"))
        }
        return run
    }

    /// `METHOD path token?` of each metadata request.
    static func metadataRequests(_ server: StandInServer) -> [String] {
        server.requests("ECS metadata").map { request in
            let headers = request["headers"] as? [String: String] ?? [:]
            let token = headers.keys.contains { $0.lowercased() == "x-aliyun-ecs-metadata-token" }
            return "\(request["method"] as? String ?? "") \(request["path"] as? String ?? "")\(token ? " token" : "")"
        }
    }

    @Test(arguments: ["v2", "hardened", "v1-only"])
    func theInstanceRoleInEachMetadataMode(mode: String) async throws {
        let server = try Self.server([
            "imds": ["mode": mode, "role": "PeergraphEcsRole", "account": LiveAccountsTests.network]
        ])
        let run = try await Self.run(server, [:])
        #expect(run.code == 0, "\(mode): \(run.stderr)")
        #expect(run.stderr.contains("(provider ecs_ram_role)"))
        let base = "/latest/meta-data/ram/security-credentials/"
        let expected =
            mode == "v1-only"
            ? ["PUT /latest/api/token", "GET \(base)", "PUT /latest/api/token", "GET \(base)PeergraphEcsRole"]
            : [
                "PUT /latest/api/token", "GET \(base) token", "PUT /latest/api/token",
                "GET \(base)PeergraphEcsRole token",
            ]
        #expect(Self.metadataRequests(server) == expected, "\(mode)")
        #expect(
            server.requests("ListVpcPeerConnections").allSatisfy {
                $0["caller"] as? String == LiveAccountsTests.network
            })
    }

    @Test func offECSTheChainEndsWithWhatItLookedFor() async throws {
        let server = try Self.server(["imds": ["mode": "down"]])
        let run = try await Self.run(server, [:])
        #expect(run.code == 2)
        #expect(run.stderr.contains("no Alibaba Cloud credentials"))
        #expect(run.stderr.contains("HTTP 503"))
        // A role the user named is their choice: its failure is an API error, not "no credentials".
        let named = try await Self.run(server, ["ALIBABA_CLOUD_ECS_METADATA": "PeergraphEcsRole"])
        #expect(named.code == 4)
        #expect(
            named.stderr.contains(
                "the ECS instance RAM role: the ECS metadata service did not give the credentials of RAM role PeergraphEcsRole: HTTP 503"
            ))
        #expect(Self.metadataRequests(server).filter { $0.contains("PeergraphEcsRole") }.count == 1)
        let disabled = try await Self.run(server, ["ALIBABA_CLOUD_ECS_METADATA_DISABLED": "true"])
        #expect(disabled.code == 2)
        #expect(Self.metadataRequests(server).count == 2 + 2)
    }

    @Test func aSlowMetadataServiceCostsAboutTwoSecondsNotThirty() throws {
        let server = try Self.server(["imds": ["mode": "slow"]])
        let run = try LiveEndToEndTests.spawn(
            ["--endpoint", server.endpoint, "--region", "cn-hangzhou"],
            environment: ["PEERGRAPH_IMDS_ENDPOINT": server.endpoint])
        #expect(run.code == 2)
        #expect(run.stderr.contains("no answer within 1 s"))
        #expect(run.seconds < 3.5, "\(run.seconds) s")
    }

    @Test(arguments: [
        ("ok", 0, ""), ("not-success", 4, "its Code is Failed, not Success"), ("http-500", 4, "answered HTTP 500"),
    ])
    func theCredentialsURI(mode: String, code: Int32, message: String) async throws {
        let server = try Self.server([
            "uri": ["mode": mode, "account": LiveAccountsTests.network], "imds": ["mode": "down"],
        ])
        let run = try await Self.run(
            server, ["ALIBABA_CLOUD_CREDENTIALS_URI": "\(server.endpoint)/credentials?secret-ticket=s3cr3t-t1cket"])
        #expect(run.code == code, "\(mode): \(run.stderr)")
        #expect(message.isEmpty || run.stderr.contains(message), "\(mode): \(run.stderr)")
        #expect(!run.stderr.contains("s3cr3t-t1cket"))
        if code == 0 {
            #expect(run.stderr.contains("(provider credential_uri)"))
            // The metadata service was tried first (IMDSv2, then v1), and gave nothing.
            #expect(Self.metadataRequests(server).count == 2)
        }
    }

    @Test func oidcFromTheEnvironmentReadsTheTokenAtEachRun() async throws {
        let folder = try LiveEndToEndTests.emptyHome()
        let tokenFile = folder.appendingPathComponent("token")
        try Data("eyJ.first-token.sig".utf8).write(to: tokenFile)
        let server = try Self.server(["oidc": ["token_file": tokenFile.path, "account": LiveAccountsTests.network]])
        let environment = [
            "ALIBABA_CLOUD_ROLE_ARN": "acs:ram::\(LiveAccountsTests.network):role/github-docs",
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": "acs:ram::\(LiveAccountsTests.network):oidc-provider/github",
            "ALIBABA_CLOUD_OIDC_TOKEN_FILE": tokenFile.path, "ALIBABA_CLOUD_ROLE_SESSION_NAME": "docs-job",
        ]
        let first = try await Self.run(server, environment)
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stderr.contains("(provider oidc_role_arn)"))
        try Data("eyJ.rotated-token.sig".utf8).write(to: tokenFile)
        let second = try await Self.run(server, environment)
        #expect(second.code == 0, "\(second.stderr)")
        let sent = server.requests("AssumeRoleWithOIDC")
        #expect(sent.map { $0["token_sent"] as? String } == ["eyJ.first-token.sig", "eyJ.rotated-token.sig"])
        #expect(
            sent.allSatisfy {
                ($0["status"] as? Int) == 200 && ($0["params"] as? [String: String])?["RoleSessionName"] == "docs-job"
            })
        for text in [first.stderr, second.stderr, first.stdout] { #expect(!text.contains("eyJ.")) }
    }

    @Test func configProfilesOfEveryRoleMode() async throws {
        let folder = try LiveEndToEndTests.emptyHome()
        let tokenFile = folder.appendingPathComponent("token")
        try Data("eyJ.profile-token.sig".utf8).write(to: tokenFile)
        let base = LiveAccountsTests.base
        let server = try StandInServer(
            regions: ["cn-hangzhou"], connections: LiveAccountsTests.connections,
            credentials: [["id": base.id, "secret": base.secret, "account": LiveAccountsTests.management]],
            extra: [
                "per_account": true, "oidc": ["token_file": tokenFile.path, "account": LiveAccountsTests.network],
                "imds": ["mode": "hardened", "account": LiveAccountsTests.network],
                "uri": ["mode": "ok", "account": LiveAccountsTests.network],
                "accounts": [
                    ["id": LiveAccountsTests.management, "roles": []],
                    ["id": LiveAccountsTests.network, "roles": ["peergraph-reader"]],
                ],
            ])
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".aliyun"), withIntermediateDirectories: true)
        let role = "acs:ram::\(LiveAccountsTests.network):role/peergraph-reader"
        let config: [String: Any] = [
            "current": "ak",
            "profiles": [
                ["name": "ak", "mode": "AK", "access_key_id": base.id, "access_key_secret": base.secret],
                [
                    "name": "ram", "mode": "RamRoleArn", "access_key_id": base.id, "access_key_secret": base.secret,
                    "ram_role_arn": role, "ram_session_name": "docs",
                ],
                ["name": "chain", "mode": "ChainableRamRoleArn", "source_profile": "ak", "ram_role_arn": role],
                ["name": "ecs", "mode": "EcsRamRole", "ram_role_name": "EcsRamRoleTest"],
                [
                    "name": "oidc", "mode": "OIDC", "ram_role_arn": role,
                    "oidc_provider_arn": "acs:ram::1:oidc-provider/x",
                    "oidc_token_file": tokenFile.path, "ram_session_name": "docs",
                ],
                ["name": "uri", "mode": "CredentialsURI", "credentials_uri": "\(server.endpoint)/credentials"],
                ["name": "sso", "mode": "CloudSSO"],
            ],
        ]
        try JSONSerialization.data(withJSONObject: config).write(
            to: folder.appendingPathComponent(".aliyun/config.json"))
        for (profile, path) in [
            ("ram", "cli_profile/ram_role_arn/static_ak"), ("chain", "cli_profile/ram_role_arn/static_ak"),
            ("ecs", "cli_profile/ecs_ram_role"), ("oidc", "cli_profile/oidc_role_arn"),
            ("uri", "cli_profile/credential_uri"),
        ] {
            let run = try await Self.run(server, [:], home: folder, arguments: ["--profile", profile])
            #expect(run.code == 0, "\(profile): \(run.stderr)")
            #expect(run.stderr.contains("(provider \(path))"), "\(profile): \(run.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            // The stand-in's fixed STS key belongs to no account and sees every connection; the others, their own.
            #expect(!(json["edges"] as! [Any]).isEmpty, "\(profile)")
        }
        let sso = try await Self.run(server, [:], home: folder, arguments: ["--profile", "sso"])
        #expect(sso.code == 2)
        #expect(sso.stderr.contains("profile \"sso\" uses mode CloudSSO, which peergraph refuses"))
    }
}
