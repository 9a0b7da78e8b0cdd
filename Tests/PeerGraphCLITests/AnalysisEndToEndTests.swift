import Foundation
import Testing

/// `check`, `diff` and the drawing options of issue 4, run in process as a user runs them.
@Suite(.serialized) struct AnalysisEndToEndTests {
    let pages = CLIPaths.samples.appendingPathComponent("multi-region/pages").path
    let newSnapshot = CLIPaths.samples.appendingPathComponent("diff/new").path
    let fixture = CLIPaths.packageRoot.appendingPathComponent("Tests/PeerGraphKitTests/Fixtures/check-mesh.json").path
    static let dotAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/dot")

    func run(_ arguments: [String], stdin: Data? = nil) async throws -> EndToEndTests.Result {
        try await EndToEndTests.run(arguments, stdin: stdin)
    }

    @Test func checkExitCodesFollowFailOn() async throws {
        let errors = try await run(["check", fixture, "--as-of", "2025-09-01"])
        #expect(errors.code == 1)
        #expect(
            errors.stdout.hasPrefix(
                "peergraph check: 7 VPCs, 13 connections, as of 2025-09-01T00:00:00Z\n\nERRORS (4)\n"))
        #expect(errors.stdout.hasSuffix("\n4 errors, 10 warnings, 1 info\n"))
        #expect(try await run(["check", fixture, "--as-of", "2025-09-01", "--fail-on", "never"]).code == 0)
        // Only the clean part of the mesh: no finding at all.
        let clean = try await run(["check", fixture, "--connection", "pcc-01", "--fail-on", "info"])
        #expect(clean.code == 0)
        #expect(clean.stdout.hasSuffix("\nNo findings.\n"))
        let warningsOnly = try await run([
            "check", fixture, "--as-of", "2025-09-01", "--connection", "pcc-07", "--fail-on", "warning",
        ])
        #expect(warningsOnly.code == 1)
        #expect(try await run(["check", fixture, "--as-of", "2025-09-01", "--connection", "pcc-07"]).code == 0)
    }

    @Test func checkReportsAsJSONAndMarkdown() async throws {
        let json = try await run(["check", fixture, "--as-of", "2025-09-01", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Int]) == ["error": 4, "warning": 10, "info": 1])
        #expect((object["findings"] as? [[String: Any]])?.count == 15)
        let markdown = try await run(["check", fixture, "--as-of", "2025-09-01", "--format", "markdown"])
        #expect(
            markdown.stdout.contains(
                "| error | overlapping-cidrs | pcc-03 | vpc-hub<br>vpc-c | 10.0.0.0/16<br>10.0.128.0/24 |"))
        #expect(try await run(["check", fixture, "--format", "dot"]).code == 2)
    }

    @Test func checkWorksOnStandardInputAndLive() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture))
        #expect(
            try await run(["check", "-", "--as-of", "2025-09-01", "--format", "json"], stdin: data).stdout
                == run(["check", fixture, "--as-of", "2025-09-01", "--format", "json"]).stdout)
        let server = try StandInServer()
        let live = try await LiveEndToEndTests.run(
            [
                "check", "--region", "cn-hangzhou,cn-shanghai,ap-southeast-1", "--endpoint", server.endpoint,
                "--as-of", "2025-08-15", "--format", "json",
            ], environment: LiveEndToEndTests.accessKeyEnvironment)
        #expect(live.code == 1)
        #expect(live.stdout == (try await run(["check", pages, "--as-of", "2025-08-15", "--format", "json"]).stdout))
    }

    @Test func diffReportsAndExitCodes() async throws {
        let same = try await run(["diff", pages, pages])
        #expect(same.code == 0)
        #expect(same.stdout == "No differences.\n")
        let text = try await run(["diff", pages, newSnapshot])
        #expect(text.code == 1)
        #expect(
            text.stdout
                == (try String(contentsOf: CLIPaths.samples.appendingPathComponent("diff/diff.txt"), encoding: .utf8)))
        let json = try await run(["diff", pages, newSnapshot, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["equal"] as? Bool == false)
        #expect((object["added"] as? [[String: Any]])?.map { $0["InstanceId"] as? String } == ["pcc-t4nanalytics00012"])
        #expect(
            (object["removed"] as? [[String: Any]])?.map { $0["InstanceId"] as? String } == ["pcc-t4nbi2core0000010"])
        let changed = try #require(object["changed"] as? [[String: Any]])
        #expect(changed.first?["id"] as? String == "pcc-uf6core2sg0000004")
        #expect((changed.first?["fields"] as? [String: [String]])?["Status"] == ["Updating", "Activated"])
        #expect(object["vpcs_added"] as? [String] == ["vpc-t4nanalytics000b03"])
        let oneSnapshot = try await run(["diff", pages])
        #expect(oneSnapshot.code == 2, "one snapshot and no region: usage")
        #expect(
            oneSnapshot.stderr.hasPrefix("peergraph: error: diff needs NEW: give a second snapshot, or --region REGION")
        )
        #expect(oneSnapshot.stderr.hasSuffix("Run 'peergraph diff --help' for usage.\n"))
        let drawOnly = try await run(["check", pages, "--group-by", "owner"])
        #expect(drawOnly.code == 2)
        #expect(
            drawOnly.stderr.hasPrefix(
                "peergraph: error: option '--group-by' is not used by 'check' (only by 'diff' and drawing)"))
        #expect(try await run(["check", "--help"]).stdout.hasPrefix("OVERVIEW: Find what a VPC peering mesh hides."))
        #expect(
            try await run(["diff", "--help"]).stdout.hasPrefix("OVERVIEW: Compare two snapshots of a VPC peering mesh.")
        )
        #expect(try await run(["diff", pages, newSnapshot, "extra.json"]).code == 2)
    }

    @Test func diffAgainstTheLiveAPI() async throws {
        let server = try StandInServer()
        let live = try await LiveEndToEndTests.run(
            ["diff", pages, "--region", "cn-hangzhou,cn-shanghai,ap-southeast-1", "--endpoint", server.endpoint],
            environment: LiveEndToEndTests.accessKeyEnvironment)
        #expect(live.code == 0, "\(live.stderr)")
        #expect(live.stdout == "No differences.\n")
    }

    @Test(arguments: ["dot", "mermaid", "graphml"])
    func diffAsAGraphMarksTheChanges(format: String) async throws {
        let result = try await run(["diff", pages, newSnapshot, "--format", format])
        #expect(result.code == 1)
        switch format {
        case "dot":
            #expect(result.stdout.contains("label=\"+ analytics-core"))
            #expect(result.stdout.contains("label=\"− bi-core"))
            #expect(result.stdout.contains("label=\"~ core-sh-sg"))
        case "graphml":
            #expect(result.stdout.components(separatedBy: "<data key=\"e_change\">removed</data>").count == 2)
            #expect(result.stdout.contains("<data key=\"n_change\">added</data>"))
        default:
            #expect(result.stdout.contains(":::added"))
            #expect(result.stdout.contains("classDef removed"))
        }
    }

    @Test(arguments: ["dot", "graphml", "mermaid", "json"])
    func collapseWorksInEveryFormat(format: String) async throws {
        let result = try await run([pages, "--collapse", "region", "-f", format])
        #expect(result.code == 0)
        #expect(result.stdout.contains("2 connections"))
        #expect(!result.stdout.contains("vpc-bp1corenet00000a01\\n"))
        let owners = try await run([pages, "--collapse", "region,owner", "-f", format])
        #expect(owners.stdout.contains("cn-hangzhou · account 1508367521843309"))
    }

    @Test func nodeLinkJSONCarriesEveryAttribute() async throws {
        let result = try await run([pages, "-f", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["nodes"] as? [Any])?.count == 9)
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(edges.count == 11)
        #expect(edges.contains { $0["requester_owner"] as? String == "253460731706911258" })
        #expect(edges.allSatisfy { $0["key"] as? String == $0["connection_id"] as? String })
    }

    @Test func markdownFenceAndMermaidLimitWarning() async throws {
        let fenced = try await run([pages, "-f", "mermaid", "--markdown"])
        #expect(fenced.stdout.hasPrefix("```mermaid\n") && fenced.stdout.hasSuffix("```\n"))
        let connections = (0..<520).map {
            #"{"InstanceId":"pcc-\#($0)","Vpc":{"VpcId":"vpc-\#($0)"},"AcceptingVpc":{"VpcId":"vpc-\#($0 + 1)"}}"#
        }
        let big = try await run(
            ["-", "-f", "mermaid"], stdin: Data(("[" + connections.joined(separator: ",") + "]").utf8))
        #expect(big.code == 0)
        #expect(
            big.stderr.contains(
                "peergraph: warning: the Mermaid diagram has 520 edges; mermaid refuses more than 500 by default"))
        #expect(big.stderr.contains("--collapse"))
    }

    @Test func namesFocusAndRedaction() async throws {
        let names = CLIPaths.samples.appendingPathComponent("multi-region/names.json").path
        let named = try await run([pages, "--names", names, "--group-by", "owner"])
        #expect(named.stdout.contains("label=\"Payments\\nvpc-bp1payments0000a02"))
        #expect(named.stdout.contains("label=\"Platform (account 1508367521843309)\""))
        let focus = try await run([pages, "--focus", "vpc-t4nshopfront0000b02", "-f", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(focus.stdout.utf8)) as? [String: Any])
        #expect(
            Set(((object["nodes"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
                == ["vpc-t4nshopfront0000b02", "vpc-t4ncorenet00000a04", "vpc-t4nbusinessint00c03"])
        let deeper = try await run([pages, "--focus", "vpc-t4nshopfront0000b02", "--depth", "2", "-f", "json"])
        #expect(
            deeper.stdout.components(separatedBy: "\"source\"").count
                > focus.stdout.components(separatedBy: "\"source\"").count)
        for format in ["dot", "graphml", "mermaid", "json"] {
            let redacted = try await run([pages, "--redact-cidrs", "-f", format, "--group-by", "owner"])
            for secret in ["1508367521843309", "253460731706911258", "1873412098237458119", "10.10.0.0/16"] {
                #expect(!redacted.stdout.contains(secret), "\(format) shows \(secret)")
            }
            #expect(redacted.stdout.contains("account-"))
        }
        #expect(try await run([pages, "--depth", "2"]).code == 2)
    }

    @Test func liveVPCNamesFromDescribeVpcs() async throws {
        var connections = try StandInServer.sampleConnections()
        connections = connections.filter {
            ($0["RegionId"] as? String) == "cn-hangzhou" && ($0["AcceptingRegionId"] as? String) == "cn-hangzhou"
        }
        let server = try StandInServer(
            connections: connections, vpcNames: ["vpc-bp1corenet00000a01": "Core <network> \"HZ\"", "vpc-other": "x"])
        let result = try await LiveEndToEndTests.run(
            ["--region", "cn-hangzhou", "--endpoint", server.endpoint, "--vpc-names", "-f", "graphml"],
            environment: LiveEndToEndTests.accessKeyEnvironment)
        #expect(result.code == 0, "\(result.stderr)")
        let calls = server.requests().filter { $0["action"] as? String == "DescribeVpcs" }
        #expect(calls.count == 1)
        #expect((calls.first?["params"] as? [String: String])?["VpcId"]?.split(separator: ",").count == 3)
        #expect(result.stdout.contains("<data key=\"n_label\">Core &lt;network&gt; \"HZ\"\nvpc-bp1corenet00000a01"))
        #expect(try await run([pages, "--vpc-names"]).code == 2, "--vpc-names needs live collection")
    }

    @Test(.enabled(if: dotAvailable), arguments: ["svg", "png", "pdf"])
    func rendersWithGraphviz(format: String) async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("mesh.\(format)")
        let result = try await run([pages, "--render", format, "-o", target.path])
        #expect(result.code == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: target)
        let magic: [String: [UInt8]] = [
            "svg": Array("<?xml".utf8), "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8),
        ]
        #expect(Array(bytes.prefix(magic[format]!.count)) == magic[format]!)
        #expect(try await run([pages, "--render", "png"]).code == 2, "binary output needs -o")
        let sfdp = try await run([pages, "--render", "svg", "--layout", "sfdp"])
        #expect(sfdp.code == 0 && sfdp.stdout.contains("<svg"))
    }

    @Test(.enabled(if: dotAvailable)) func graphvizErrorsArePassedOnNotSwallowed() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("broken.template")
        try Data("digraph { {{body}} ]] }\n".utf8).write(to: template)
        let target = folder.appendingPathComponent("mesh.svg")
        let result = try await run([pages, "--template", template.path, "--render", "svg", "-o", target.path])
        #expect(result.code == 5)
        #expect(result.stderr.hasPrefix("peergraph: error: --render: Graphviz (dot -Tsvg) failed: Error: "))
        #expect(result.stderr.contains("syntax error"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test(arguments: ["svg", "html"]) func renderWithoutGraphvizSaysHowToInstallIt(format: String) async throws {
        let process = Process()
        process.executableURL = CLIPaths.binary
        process.arguments = [pages, "--render", format]
        process.environment = ["PATH": "/nonexistent"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 5)
        #expect(
            message.contains(
                "Graphviz is not installed (no 'dot' on PATH): apt-get install graphviz, or brew install graphviz"))
    }
}
