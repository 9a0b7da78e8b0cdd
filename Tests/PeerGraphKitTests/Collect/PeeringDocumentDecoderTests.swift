import Testing

@testable import PeerGraphKit

@Suite struct PeeringDocumentDecoderTests {
    private func decode(_ fixture: String) throws(InputError) -> [PeeringConnection] {
        let bytes: [UInt8]
        do { bytes = try TestPaths.fixtureBytes(fixture) } catch {
            throw InputError(source: fixture, message: "missing fixture")
        }
        return try InputReader().decode(bytes, source: fixture)
    }

    /// The same two connections, however the input is shaped.
    @Test(arguments: ["shape-page.json", "shape-array-of-pages.json", "shape-bare-array.json", "shape-lines.jsonl"])
    func acceptsEveryShape(fixture: String) throws {
        let connections = try decode(fixture)
        #expect(connections.map(\.id) == ["pcc-a", "pcc-b"])
        let alpha = connections[0]
        #expect(alpha.name == "alpha")
        #expect(alpha.description == "first")
        #expect(alpha.requester == VPCEndpoint(vpcID: "vpc-r", ipv4CIDRs: ["10.0.0.0/16"], ipv6CIDRs: ["2408::/56"]))
        #expect(alpha.accepter == VPCEndpoint(vpcID: "vpc-s", ipv4CIDRs: ["10.1.0.0/16"]))
        #expect(alpha.requesterRegion == "cn-hangzhou")
        #expect(alpha.accepterRegion == "cn-shanghai")
        #expect(alpha.requesterOwner == "253460731706911258")
        #expect(alpha.accepterOwner == "1873412098237458119")
        #expect(alpha.bandwidthMbps == 1024)
        #expect(alpha.status == .activated)
        #expect(alpha.businessStatus == .normal)
        #expect(alpha.createdAt == "2025-01-01T00:00:00Z")
        #expect(alpha.modifiedAt == "2025-01-02T00:00:00Z")
        #expect(alpha.expiresAt == nil)
        #expect(alpha.resourceGroupID == "rg-1")
        #expect(alpha.linkType == "Gold")
        #expect(alpha.tags == [PeeringTag(key: "env", value: "prod"), PeeringTag(key: "team", value: "net")])
        #expect(connections[1].status == .accepting)
    }

    @Test func acceptsASingleConnectionObject() throws {
        #expect(try decode("shape-single-connection.json").map(\.id) == ["pcc-a"])
    }

    /// A VPC's connections repeat its blocks; the decoder keeps one array of them per VPC, and never
    /// hands one VPC's or one family's blocks to another, whatever the order of the keys.
    @Test func aVPCsRepeatedBlocksAreOneArray() throws {
        let json = """
            [{"InstanceId":"pcc-1","Vpc":{"VpcId":"vpc-bp1sharedblocks0000001","Ipv4Cidrs":["10.0.0.0/16"],"Ipv6Cidrs":["2408:4000:107::/56"]},
              "AcceptingVpc":{"Ipv4Cidrs":["10.0.0.0/16"],"VpcId":"vpc-bp1otherblocks00000002"}},
             {"InstanceId":"pcc-2","Vpc":{"Ipv4Cidrs":["10.0.0.0/16"],"Ipv6Cidrs":["2408:4000:107::/56"],"VpcId":"vpc-bp1sharedblocks0000001"},
              "AcceptingVpc":{"VpcId":"vpc-bp1otherblocks00000002","Ipv4Cidrs":["10.9.0.0/16"]}}]
            """
        let connections = try InputReader().decode(Array(json.utf8), source: "blocks.json")
        func storage(_ list: [String]) -> UnsafePointer<String>? { list.withUnsafeBufferPointer { $0.baseAddress } }
        let (first, second) = (connections[0], connections[1])
        #expect(storage(first.requester.ipv4CIDRs) == storage(second.requester.ipv4CIDRs))
        #expect(storage(first.requester.ipv6CIDRs) == storage(second.requester.ipv6CIDRs))
        #expect(storage(first.requester.ipv4CIDRs) != storage(first.accepter.ipv4CIDRs))
        #expect(first.requester.ipv6CIDRs == ["2408:4000:107::/56"] && first.accepter.ipv6CIDRs.isEmpty)
        #expect(first.accepter.ipv4CIDRs == ["10.0.0.0/16"] && second.accepter.ipv4CIDRs == ["10.9.0.0/16"])
    }

    @Test func needsOnlyTheIDAndBothVPCs() throws {
        let connection = try #require(try decode("shape-minimal.json").first)
        #expect(
            connection
                == PeeringConnection(
                    id: "pcc-min", requester: VPCEndpoint(vpcID: "vpc-1"), accepter: VPCEndpoint(vpcID: "vpc-2")))
    }

    @Test func treatsNullAsMissing() throws {
        let connection = try #require(try decode("shape-nulls.json").first)
        #expect(
            connection
                == PeeringConnection(
                    id: "pcc-null", requester: VPCEndpoint(vpcID: "vpc-1"), accepter: VPCEndpoint(vpcID: "vpc-2")))
    }

    @Test func acceptsNumbersWrittenAsStringsAndTheTagEnvelope() throws {
        let connection = try #require(try decode("shape-string-numbers.json").first)
        #expect(connection.requesterOwner == "253460731706911258")
        #expect(connection.bandwidthMbps == -1)
        #expect(connection.tags == [PeeringTag(key: "k", value: "v")])
    }

    @Test func keepsStatusesTheAPIAddsLater() throws {
        let connection = try #require(try decode("shape-new-status.json").first)
        #expect(connection.status == .unknown("Migrating"))
        #expect(connection.businessStatus == .unknown("Frozen"))
    }

    @Test func anEmptyPageHasNoConnections() throws {
        #expect(try decode("shape-empty-page.json").isEmpty)
    }

    /// Each malformed input fails with a message that says what and where (line:column, byte, JSON path).
    @Test(arguments: [
        (
            "bad-truncated.json", "bad-truncated.json:1:139 (byte 138, $.VpcPeerConnects[0].GmtModified)",
            "unterminated string"
        ),
        (
            "bad-not-json.json", "bad-not-json.json:1:1 (byte 0)",
            "expected a page object, an array of pages or connections, or JSON Lines of connections, found '<'"
        ),
        ("bad-empty.json", "bad-empty.json:1:1 (byte 0)", "no JSON value: the input is empty"),
        ("bad-whitespace.json", "bad-whitespace.json:3:1 (byte 5)", "no JSON value: the input is empty"),
        ("bad-wrong-type-name.json", "$.VpcPeerConnects[1].Name)", "expected a string or null, found a number"),
        ("bad-wrong-type-vpc.json", "$.VpcPeerConnects[0].Vpc)", "expected an object, found a string"),
        ("bad-missing-id.json", "$.VpcPeerConnects[0])", "connection has no \"InstanceId\""),
        ("bad-missing-accepter.json", "$[0])", "connection \"pcc-x\" has no \"AcceptingVpc.VpcId\""),
        ("bad-huge-owner.json", "$[0].OwnerId)", "account id 123456789012345678901234567890 does not fit in 64 bits"),
        ("bad-float-bandwidth.json", "$[0].Bandwidth)", "expected a whole number, found 1e3"),
        ("bad-top-level-string.json", "(byte 0)", "found a string"),
        ("bad-unrelated-object.json", "(byte 0)", "an API error response (Throttling.User), not a page"),
        ("bad-invalid-utf8.json", "1:21 (byte 20, $[0].InstanceId)", "invalid UTF-8 in string"),
        ("bad-nul-byte.json", "1:22 (byte 21, $[0].InstanceId)", "raw control character 0x0"),
        ("bad-trailing-garbage.json", "(byte 23, $[1])", "found 'x'"),
    ])
    func rejectsMalformedInput(fixture: String, location: String, message: String) throws {
        do {
            _ = try decode(fixture)
            Issue.record("\(fixture) was accepted")
        } catch {
            let text = error.description
            #expect(text.hasPrefix(fixture + ":"), "\(text)")
            #expect(text.contains(location), "\(text)")
            #expect(text.contains(message), "\(text)")
            #expect(!text.contains("\n"))
        }
    }

    /// The place of a JSON error is structured: a caller (an editor, a CI annotation) reads it field by field.
    @Test func anInputErrorCarriesItsPlaceAsFields() throws {
        let result = Result { () throws(InputError) in try decode("bad-invalid-utf8.json") }
        guard case .failure(let error) = result else {
            Issue.record("accepted")
            return
        }
        do {
            #expect(error.line == 1 && error.column == 21 && error.byteOffset == 20)
            #expect(error.jsonPath == "$[0].InstanceId")
            #expect(error.message.contains("invalid UTF-8"))
            #expect(error.location == "1:21 (byte 20, $[0].InstanceId)")
        }
    }

    /// Account ids: numbers (read digit by digit, without a string) or strings, always as exact, canonical decimal text.
    @Test(
        arguments: [
            ("0", "0"), ("18446744073709551615", "18446744073709551615"), ("253460731706911258", "253460731706911258"),
            (#""0123""#, "123"), (#""18446744073709551615""#, "18446744073709551615"), (#""""#, nil), ("null", nil),
        ] as [(String, String?)])
    func readsAccountIDs(json: String, expected: String?) throws {
        let text = #"{"InstanceId":"p","OwnerId":\#(json),"Vpc":{"VpcId":"a"},"AcceptingVpc":{"VpcId":"b"}}"#
        let connections = try InputReader().decode(Array(text.utf8), source: "x")
        #expect(connections.first?.requesterOwner == expected)
    }

    @Test(arguments: [
        ("18446744073709551616", "does not fit in 64 bits"), ("-1", "expected an account id (digits), found \"-1\""),
        ("1.0", "expected an account id (digits), found \"1.0\""), ("1e3", "found \"1e3\""), ("0123", "leading zero"),
        (#""12a""#, "found \"12a\""), ("true", "expected an account id (number or string) or null"),
    ])
    func rejectsAccountIDsThatAreNotWholeNumbers(json: String, message: String) {
        let text = #"{"InstanceId":"p","OwnerId":\#(json),"Vpc":{"VpcId":"a"},"AcceptingVpc":{"VpcId":"b"}}"#
        #expect { try InputReader().decode(Array(text.utf8), source: "x") } throws: {
            "\($0)".contains(message) && "\($0)".contains("$.OwnerId")
        }
    }

    @Test func rejectsOutOfRangeBandwidthAndOverlongIDs() {
        let bandwidth = #"[{"InstanceId":"p","Bandwidth":4294967296,"Vpc":{"VpcId":"a"},"AcceptingVpc":{"VpcId":"b"}}]"#
        #expect(throws: InputError.self) { try InputReader().decode(Array(bandwidth.utf8), source: "x") }
        let longID = String(repeating: "v", count: 3000)
        let overlong = #"[{"InstanceId":"p","Vpc":{"VpcId":"\#(longID)"},"AcceptingVpc":{"VpcId":"b"}}]"#
        #expect { try InputReader().decode(Array(overlong.utf8), source: "x") } throws: {
            "\($0)".contains("id of 3000 bytes is longer than the 2048 allowed")
        }
    }

    @Test func readsSeventyThousandDeepGarbageWithoutCrashing() {
        let deep = Array(#"{"VpcPeerConnects":[{"Future":"#.utf8) + [UInt8](repeating: UInt8(ascii: "["), count: 70_000)
        #expect { try InputReader().decode(deep, source: "deep.json") } throws: {
            "\($0)".contains("nesting deeper than 512")
        }
    }
}
