import Foundation
import Testing

@testable import PeerGraphKit

/// The chain against the official library's recorded chain runs: the same winner, the same provider
/// path and the same requests in the same order, where peergraph does what the library does; and
/// where it deliberately does not (a chosen source that fails is the answer), that difference.
@Suite struct CredentialChainTests {
    /// `host path action` of a request or an exchange: STS is asked with ACS3 (POST) here and RPC GET by
    /// the library, so the method is compared only for the metadata service.
    static func kind(host: String, path: String, action: String?, method: String) -> String {
        let host = host.split(separator: ":").first.map(String.init) ?? host
        return action.map { "\(host) \(path) \($0)" } ?? "\(method) \(host) \(path)"
    }

    static func run(
        _ name: String
    ) async throws -> (Result<AlibabaCredentials, CredentialError>, [String], CredentialVector) {
        let vector = try CredentialVector(name)
        let (home, environment) = try vector.materialise()
        let replay = VectorReplay(vector)
        let services = CredentialServices.replaying(replay, environment: environment)
        let result: Result<AlibabaCredentials, CredentialError>
        do {
            let provider = try CredentialChain(environment: environment, homeDirectory: home).provider(
                services: services)
            result = .success(try await RefreshingCredentials(provider, services: services).current())
        } catch {
            result = .failure(error)
        }
        let sent = replay.sent.map { request -> String in
            let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
            let action = request.header("x-acs-action") ?? components?.queryItems?.first { $0.name == "Action" }?.value
            return kind(
                host: request.url.host ?? "", path: components?.percentEncodedPath ?? "", action: action,
                method: request.method)
        }
        return (result, sent, vector)
    }

    static func recordedKinds(_ vector: CredentialVector) -> [String] {
        vector.exchanges.map { kind(host: $0.host, path: $0.path, action: $0.action, method: $0.method) }
    }

    @Test(arguments: [
        "chain_1_env_wins", "chain_2_oidc_env", "chain_3_cli_profile_current",
        "chain_4_cli_profile_env_selected_ramrolearn", "chain_5_cli_profile_chainable",
        "chain_6_cli_disabled_ini_default", "chain_7_ini_named_section", "chain_9_ecs", "chain_10_ecs_named_by_env",
        "chain_11_ecs_disabled_uri", "chain_12_ecs_down_uri",
    ])
    func theChainPicksWhatTheLibraryPicks(name: String) async throws {
        let (result, sent, vector) = try await Self.run(name)
        let credentials = try result.get()
        #expect(credentials.accessKeyID == vector.resultKeyID)
        let library =
            ((vector.json["library"] as? [String: Any])?["result"] as? [String: Any])?["credentials"]
            as? [String: Any]
        let path = (library?["provider_name"] as? String)?.replacingOccurrences(of: "default/", with: "")
        #expect(credentials.providerPath == path)
        #expect(sent == Self.recordedKinds(vector))
    }

    @Test func aChosenProfileThatFailsIsTheAnswerNotTheNextSource() async throws {
        // The library falls through to the ECS role here; peergraph says why the chosen profile failed.
        let (result, sent, vector) = try await Self.run("chain_8_broken_profile_falls_through")
        guard case .failure(let error) = result else {
            Issue.record("a broken chosen profile fell through")
            return
        }
        #expect(sent == Array(Self.recordedKinds(vector).prefix(1)))
        #expect(
            error.message.contains("profile broken: AssumeRole of acs:ram::1000000000000002:role/no-such-role failed"))
        #expect(error.code == "EntityNotExist.Role")
        #expect(error.isServiceFailure)
    }

    @Test func nothingAnywhereSaysWhatWasLookedFor() async throws {
        let (result, sent, vector) = try await Self.run("chain_13_nothing")
        guard case .failure(let error) = result else {
            Issue.record("credentials from nowhere")
            return
        }
        #expect(sent == Self.recordedKinds(vector))
        #expect(error.message.hasPrefix("no Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID"))
        #expect(error.message.contains("the ECS metadata service did not give the instance's RAM role: HTTP 503"))
        #expect(!error.isServiceFailure)
    }

    /// A home folder with this config.json.
    static func home(config: [String: Any]? = nil, ini: String? = nil) throws -> String {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("chain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent(".aliyun"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent(".alibabacloud"), withIntermediateDirectories: true)
        if let config {
            try JSONSerialization.data(withJSONObject: config).write(
                to: home.appendingPathComponent(".aliyun/config.json"))
        }
        if let ini { try Data(ini.utf8).write(to: home.appendingPathComponent(".alibabacloud/credentials.ini")) }
        return home.path
    }

    static func providerError(profile: [String: Any]) throws -> String {
        let home = try home(config: ["current": "p", "profiles": [profile.merging(["name": "p"]) { $1 }]])
        do {
            _ = try CredentialChain(environment: [:], homeDirectory: home).provider(
                services: .replaying(VectorReplayStub()))
            return ""
        } catch {
            return error.message
        }
    }

    @Test(arguments: [
        ("CloudSSO", "interactive sign-in"), ("OAuth", "interactive sign-in"),
        ("External", "never runs a program named in a credentials file"),
        ("RsaKeyPair", "deprecated; use a ChainableRamRoleArn"),
        ("RamRoleArnWithRoleName", "deprecated; use a ChainableRamRoleArn"),
        ("BearerToken", "not VpcPeer"), ("Telepathy", "not a mode of the aliyun CLI"),
    ])
    func refusedModesSayWhyAndWhatToDo(mode: String, reason: String) throws {
        let message = try Self.providerError(profile: ["mode": mode, "process_command": "rm -rf /"])
        #expect(message.hasPrefix("~/.aliyun/config.json profile \"p\" uses mode \(mode), which peergraph refuses: "))
        #expect(message.contains(reason), "\(message)")
    }

    @Test func chainableProfilesResolveTheirSourceAndRefuseALoop() throws {
        let home = try Self.home(config: [
            "current": "a",
            "profiles": [
                [
                    "name": "a", "mode": "ChainableRamRoleArn", "source_profile": "b",
                    "ram_role_arn": "acs:ram::2:role/r",
                ],
                [
                    "name": "b", "mode": "ChainableRamRoleArn", "source_profile": "a",
                    "ram_role_arn": "acs:ram::3:role/r",
                ],
                [
                    "name": "c", "mode": "chainableramrolearn", "source_profile": "d",
                    "ram_role_arn": "acs:ram::2:role/r",
                ],
                ["name": "d", "mode": "AK", "access_key_id": "id", "access_key_secret": "secret"],
            ],
        ])
        let services = CredentialServices.replaying(VectorReplayStub())
        #expect(throws: CredentialError.self) {
            _ = try CredentialChain(environment: [:], homeDirectory: home).provider(services: services)
        }
        do {
            _ = try CredentialChain(environment: [:], homeDirectory: home).provider(services: services)
        } catch {
            #expect(error.message.contains("its source_profile chain loops (a → b → a)"), "\(error.message)")
        }
        let chained = try CredentialChain(environment: [:], homeDirectory: home, profile: "c").provider(
            services: services)
        #expect(chained.path == "cli_profile/ram_role_arn/static_ak")
    }

    @Test func aFIFOOrADeviceWhereAFileShouldBeIsRefusedAtOnce() throws {
        let home = try Self.home()
        let fifo = (home as NSString).appendingPathComponent(".aliyun/config.json")
        #expect(mkfifo(fifo, 0o600) == 0)
        let services = CredentialServices.replaying(VectorReplayStub())
        do {
            _ = try CredentialChain(environment: [:], homeDirectory: home).provider(services: services)
            Issue.record("a FIFO was read as config.json")
        } catch {
            #expect(error.message == "~/.aliyun/config.json is not a regular file")
        }
        let ini = ["ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "true", "ALIBABA_CLOUD_CREDENTIALS_FILE": "/dev/zero"]
        #expect(throws: CredentialError.self) {
            _ = try CredentialChain(environment: ini, homeDirectory: home).provider(services: services)
        }
    }

    @Test func iniTypesBecomeTheirProviders() throws {
        let home = try Self.home(
            ini: """
                [sts]
                type = sts
                access_key_id = a
                access_key_secret = b
                security_token = c
                [ecs]
                type = ecs_ram_role
                role_name = r
                [oidc]
                type = oidc_role_arn
                role_arn = acs:ram::2:role/r
                oidc_provider_arn = acs:ram::2:oidc-provider/p
                oidc_token_file_path = /tmp/token
                [uri]
                type = credentials_uri
                credentials_uri = http://127.0.0.1:9/c
                [rsa]
                type = rsa_key_pair
                """)
        let services = CredentialServices.replaying(VectorReplayStub())
        func path(_ section: String) throws -> String {
            try CredentialChain(environment: [:], homeDirectory: home, profile: section).provider(services: services)
                .path
        }
        #expect(try path("sts") == "profile/static_sts")
        #expect(try path("ecs") == "profile/ecs_ram_role")
        #expect(try path("oidc") == "profile/oidc_role_arn")
        #expect(try path("uri") == "profile/credential_uri")
        #expect(throws: CredentialError.self) { _ = try path("rsa") }
    }
}
