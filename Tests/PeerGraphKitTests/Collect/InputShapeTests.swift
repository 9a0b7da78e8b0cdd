import Foundation
import Testing

@testable import PeerGraphKit

/// Shapes users really save, foreign files in snapshot folders, and ids that were rounded on the way.
@Suite struct InputShapeTests {
    static let page = """
        {"RequestId":"R1","TotalCount":1,"VpcPeerConnects":[{"InstanceId":"pcc-1","Vpc":{"VpcId":"vpc-a","Ipv4Cidrs":["10.2.0.0/16","10.1.0.0/16"]},\
        "AcceptingVpc":{"VpcId":"vpc-b"},"OwnerId":1508367521843309,"ManagedService":"SWAS"}]}
        """

    static func folder(_ files: [String: [UInt8]]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("peergraph-shapes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: url.appendingPathComponent(name)) }
        return url.path
    }

    @Test func aPageWithoutItsListIsAnEmptyPage() throws {
        #expect(
            try InputReader().decode(
                Array(#"{"RequestId":"R","TotalCount":0,"MaxResults":20}"#.utf8), source: "go.json"
            ).isEmpty)
        #expect(
            try PeeringDocumentDecoder().decodePage(Array(#"{"RequestId":"R","TotalCount":0}"#.utf8)).connections
                .isEmpty)
    }

    @Test func thePythonSDKsPrintedResponseIsUnwrapped() throws {
        let wrapped = "{\"headers\":{\"content-type\":\"application/json\"},\"statusCode\":200,\"body\":\(Self.page)}"
        #expect(try InputReader().decode(Array(wrapped.utf8), source: "sdk.json").map(\.id) == ["pcc-1"])
    }

    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func utf16WithAByteOrderMarkIsDecoded(encoding: String.Encoding) throws {
        let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let bytes = bom + [UInt8](Self.page.data(using: encoding)!)
        let folder = try Self.folder(["p.json": bytes])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try InputReader().read([.directory(folder)]).map(\.id) == ["pcc-1"])
    }

    @Test func gzipIsReadUnderAnyName() throws {
        guard let compressed = try GzipDecoderTests.pythonGzip(Array(Self.page.utf8), level: 6) else { return }
        let folder = try Self.folder(["a.json.gz": compressed, "b.json": compressed])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try InputReader().read([.directory(folder)]).map(\.id) == ["pcc-1", "pcc-1"])
        // A bomb is bounded by the same size cap as a file.
        guard let bomb = try GzipDecoderTests.pythonGzip([UInt8](repeating: 0x20, count: 8 << 20), level: 9) else {
            return
        }
        let small = InputReader(maximumFileSize: 1 << 20)
        #expect { try small.decode(bomb, source: "bomb.json.gz") } throws: {
            "\($0)".contains("decompresses to more than the 1048576 bytes")
        }
    }

    @Test(arguments: [
        ([0x50, 0x4B, 0x03, 0x04, 0, 0] as [UInt8], "is a zip archive (unzip it first), not JSON"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "is a PNG image, not JSON"),
        (Array("<!DOCTYPE html><html>".utf8), "is an HTML page (a saved error page?), not JSON"),
        (Array("BZh91AY".utf8), "is bzip2 data (decompress it first), not JSON"),
    ])
    func whatIsNotJSONIsNamed(bytes: [UInt8], message: String) throws {
        let folder = try Self.folder(["x.json": bytes])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect { try InputReader().read([.file(folder + "/x.json")]) } throws: { "\($0)".hasSuffix(message) }
    }

    @Test func aPipeIsCappedLikeAFileWhileItIsRead() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        signal(SIGPIPE, SIG_IGN)
        // 120 KB: past the cap, and never more than the pipe holds once the reader stops.
        let writer = Thread {
            let chunk = Array("[".utf8) + [UInt8](repeating: 0x20, count: 4095)
            for _ in 0..<30 { _ = chunk.withUnsafeBufferPointer { write(writeEnd, $0.baseAddress, $0.count) } }
            close(writeEnd)
        }
        writer.start()
        defer { close(readEnd) }
        #expect { try InputReader(maximumFileSize: 100_000).readDescriptor(readEnd, name: "<stdin>") } throws: {
            "\($0)".contains("is larger than the 100000 bytes accepted")
        }
    }

    @Test func foreignJSONAndSavedErrorsInAFolderAreSkippedWithWarnings() throws {
        let folder = try Self.folder([
            "a.json": Array(Self.page.utf8),
            "manifest.json": Array(#"{"generated": "2026-11-27", "pages": 3}"#.utf8),
            "z.json": Array(#"{"RequestId":"0C1F-AB","Code":"Forbidden.RAM","Message":"User not authorized"}"#.utf8),
            "list.json": Array(#"["a", "b"]"#.utf8),
            "objects.json": Array(#"[{"file": "page-1.json"}]"#.utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let collected = try InputReader().collect([.directory(folder)])
        #expect(collected.connections.map(\.id) == ["pcc-1"])
        #expect(collected.warnings.count == 4)
        #expect(
            collected.warnings.filter { $0.message.hasPrefix("skipped: not a ListVpcPeerConnections response") }.count
                == 3)
        #expect(
            collected.warnings.filter { !$0.message.contains("Forbidden.RAM") }.map(\.source) == [
                "\(folder)/list.json", "\(folder)/manifest.json", "\(folder)/objects.json",
            ])
        #expect(
            collected.warnings.map(\.description).suffix(2) == [
                "\(folder)/objects.json: skipped: not a ListVpcPeerConnections response (no \"VpcPeerConnects\", no connection fields)",
                "\(folder)/z.json: skipped: a saved API error response: Forbidden.RAM: User not authorized (request id 0C1F-AB)",
            ])
        #expect(throws: InputError.self) { try InputReader(strict: true).collect([.directory(folder)]) }
        // Named on the command line, a foreign file is still an error.
        #expect(throws: InputError.self) { try InputReader().collect([.file(folder + "/manifest.json")]) }
    }

    @Test func specialFilesInAFolderAreSkippedAtOnce() throws {
        let folder = try Self.folder(["a.json": Array(Self.page.utf8)])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/blocking.json", 0o600) == 0)
        let collected = try InputReader().collect([.directory(folder)])
        #expect(collected.connections.count == 1)
        #expect(collected.warnings.map(\.message) == ["skipped: a named pipe, not a regular file"])
        #expect { try InputReader(strict: true).collect([.directory(folder)]) } throws: {
            "\($0)".contains("a named pipe, not a regular file (--strict)")
        }
    }

    @Test func roundedAccountIdsAreWarnedAboutOncePerFile() throws {
        #expect(AccountIDCheck.looksRounded("253460731706911260"))
        #expect(!AccountIDCheck.looksRounded("253460731706911258"))
        #expect(!AccountIDCheck.looksRounded("1508367521843309"))  // below 2^53: exact in a double
        #expect(!AccountIDCheck.looksRounded("9007199254740993"))
        let rounded = """
            [{"InstanceId":"pcc-1","Vpc":{"VpcId":"vpc-a"},"AcceptingVpc":{"VpcId":"vpc-b"},"OwnerId":253460731706911260},
             {"InstanceId":"pcc-2","Vpc":{"VpcId":"vpc-a"},"AcceptingVpc":{"VpcId":"vpc-c"},"OwnerId":253460731706911260}]
            """
        let folder = try Self.folder(["r.json": Array(rounded.utf8), "s.json": Array(Self.page.utf8)])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let warnings = try InputReader().collect([.directory(folder)]).warnings
        #expect(warnings.filter { $0.message.contains("looks rounded") }.map(\.source) == ["\(folder)/r.json"])
    }

    @Test func aVPCWithTwoOwnersIsWarnedAbout() throws {
        let two = """
            [{"InstanceId":"pcc-1","Vpc":{"VpcId":"vpc-a"},"AcceptingVpc":{"VpcId":"vpc-b"},"OwnerId":253460731706911258},
             {"InstanceId":"pcc-2","Vpc":{"VpcId":"vpc-a"},"AcceptingVpc":{"VpcId":"vpc-c"},"OwnerId":253460731706911260}]
            """
        let graph = PeerGraph(connections: try InputReader().decode(Array(two.utf8), source: "t.json"))
        #expect(
            graph.ownerConflictWarnings.map(\.message).contains {
                $0.hasPrefix("VPC vpc-a appears with two owners, 253460731706911258 and 253460731706911260")
            })
        #expect(
            PeerGraph(connections: try InputReader().decode(Array(Self.page.utf8), source: "p.json")).ownerConflicts
                .isEmpty)
    }

    @Test func managedServiceIsKeptAndBlocksKeepTheAPIsOrder() throws {
        let connections = try InputReader().decode(Array(Self.page.utf8), source: "p.json")
        #expect(connections[0].managedService == "SWAS")
        var second = connections[0]
        second.id = "pcc-2"
        second.requester = VPCEndpoint(vpcID: "vpc-a", ipv4CIDRs: ["10.9.0.0/16", "10.2.0.0/16"])
        let graph = PeerGraph(connections: connections + [second], grouping: .none)
        // The primary block first, then the others first seen first: never re-sorted as strings.
        #expect(graph.nodes.first { $0.id == "vpc-a" }?.ipv4CIDRs == ["10.2.0.0/16", "10.1.0.0/16", "10.9.0.0/16"])
        let options = RenderOptions()
        let graphml = String(
            decoding: OutputSink.collectingBytes {
                OutputFormat.graphml.makeWriter(options: options).write(graph, to: $0)
            }, as: UTF8.self)
        #expect(graphml.contains("<data key=\"e_managed_service\">SWAS</data>"))
        let json = String(
            decoding: OutputSink.collectingBytes {
                OutputFormat.json.makeWriter(options: options).write(graph, to: $0)
            }, as: UTF8.self)
        #expect(json.contains("\"managed_service\": \"SWAS\""))
        let dot = String(
            decoding: OutputSink.collectingBytes { OutputFormat.dot.makeWriter(options: options).write(graph, to: $0) },
            as: UTF8.self)
        #expect(dot.contains("managed by: SWAS"))
    }
}
