/// Decodes one input document into peering connections.
///
/// Accepted shapes, detected from the data itself:
/// - a `ListVpcPeerConnections` page object `{"RequestId":…, "VpcPeerConnects":[…], "NextToken":…}`
///   (also what the `aliyun` CLI prints);
/// - a JSON array whose elements are pages or connections (a saved walk through all pages, or a bare list);
/// - a single connection object;
/// - JSON Lines: several of the above one after another, typically one connection per line.
///
/// Unknown keys are skipped, every optional field may be missing or `null`; only `InstanceId`,
/// `Vpc.VpcId` and `AcceptingVpc.VpcId` are required.
package struct PeeringDocumentDecoder {
    /// Longest accepted id (`InstanceId`, `VpcId`): real ids are about 25 characters; anything this long
    /// is not an id, and would not fit the quoted-string limits of the output formats.
    package static let maximumIDLength = 2048

    package init() {}

    /// One `ListVpcPeerConnections` response page.
    package struct Page: Sendable {
        package var connections: [PeeringConnection]
        /// Empty or nil on the last page.
        package var nextToken: String?
        package var requestID: String?
    }

    /// Decodes an API response body: a page object with its `NextToken` and `RequestId`.
    package func decodePage(_ bytes: [UInt8]) throws(JSONSyntaxError) -> Page {
        var metadata = PageMetadata()
        let connections = try decode(bytes, metadata: &metadata, strings: StringTable())
        guard metadata.isPage else { throw JSONSyntaxError("response has no \"VpcPeerConnects\"", at: 0) }
        return Page(connections: connections, nextToken: metadata.nextToken, requestID: metadata.requestID)
    }

    /// Decodes `bytes`; errors carry the byte offset and JSON path of the problem.
    package func decode(_ bytes: [UInt8]) throws(JSONSyntaxError) -> [PeeringConnection] {
        var metadata = PageMetadata()
        return try decode(bytes, metadata: &metadata, strings: StringTable())
    }

    /// Decodes `bytes`, sharing repeated strings through `strings` (which may serve many documents).
    func decode(_ bytes: [UInt8], strings: StringTable) throws(JSONSyntaxError) -> [PeeringConnection] {
        var metadata = PageMetadata()
        return try decode(bytes, metadata: &metadata, strings: strings)
    }

    private func decode(
        _ bytes: [UInt8], metadata: inout PageMetadata, strings: StringTable
    ) throws(JSONSyntaxError) -> [PeeringConnection] {
        do {
            var scanner = JSONScanner(bytes: bytes)
            guard !scanner.isAtEnd() else {
                throw JSONSyntaxError("no JSON value: the input is empty", at: scanner.offset)
            }
            var connections: [PeeringConnection] = []
            var documentIndex = 0
            while !scanner.isAtEnd() {
                // In JSON Lines, the path starts with the line's value number.
                let component = "[\(documentIndex)]"
                try JSONSyntaxError.within(documentIndex == 0 ? "" : component) {
                    try readTopLevelValue(&scanner, into: &connections, metadata: &metadata, strings: strings)
                }
                documentIndex += 1
            }
            return connections
        } catch let error as JSONSyntaxError {
            var cleaned = error
            cleaned.path.removeAll { $0.isEmpty }
            throw cleaned
        } catch {
            throw JSONSyntaxError("\(error)", at: 0)
        }
    }

    private func readTopLevelValue(
        _ scanner: inout JSONScanner, into connections: inout [PeeringConnection], metadata: inout PageMetadata,
        strings: StringTable
    ) throws {
        switch scanner.peek() {
        case UInt8(ascii: "{"):
            try readPageOrConnection(
                &scanner, into: &connections, metadata: &metadata, strings: strings, isTopLevel: true)
        case UInt8(ascii: "["):
            var cursor = try scanner.beginArray()
            var index = 0
            while try scanner.nextElement(&cursor) {
                try JSONSyntaxError.within("[\(index)]") {
                    guard scanner.peek() == UInt8(ascii: "{") else {
                        // An array that does not start with an object is some other JSON, not a saved walk.
                        var error = scanner.unexpected("a page or connection object")
                        if index == 0 && connections.isEmpty { error.foreign = .notPeeringData }
                        throw error
                    }
                    try readPageOrConnection(
                        &scanner, into: &connections, metadata: &metadata, strings: strings,
                        marksForeign: index == 0 && connections.isEmpty)
                }
                index += 1
            }
        default:
            var error = scanner.unexpected(
                "a page object, an array of pages or connections, or JSON Lines of connections")
            if connections.isEmpty { error.foreign = .notPeeringData }
            throw error
        }
    }

    /// Reads an object that is either a page (it has `VpcPeerConnects`) or a single connection.
    ///
    /// At the top of a document, two more shapes are pages: one without `VpcPeerConnects` but with the
    /// page's own keys (`RequestId`, `TotalCount`: the official Go SDK leaves an empty list out), and
    /// the official Python SDK's printed response `{"headers":…,"statusCode":…,"body":{…page…}}`.
    private func readPageOrConnection(
        _ scanner: inout JSONScanner, into connections: inout [PeeringConnection], metadata: inout PageMetadata,
        strings: StringTable,
        isTopLevel: Bool = false, marksForeign: Bool = false
    ) throws {
        let objectStart = scanner.offset
        var fields = ConnectionFields(strings: strings)
        var isPage = false
        var hasPageKeys = false
        var wrapped = false
        var errorCode: String?, errorMessage: String?, requestID: String?
        var cursor = try scanner.beginObject()
        while let key = try scanner.nextKey(&cursor) {
            if key == "VpcPeerConnects" {
                isPage = true
                metadata.isPage = true
                try JSONSyntaxError.within(key.text) {
                    try readConnectionList(&scanner, into: &connections, strings: strings)
                }
            } else if key == "NextToken" {
                metadata.nextToken = try JSONSyntaxError.within(key.text) { try scanner.readOptionalString() }
                hasPageKeys = true
            } else if key == "RequestId" {
                requestID = try JSONSyntaxError.within(key.text) { try scanner.readOptionalText() }
                metadata.requestID = requestID
                hasPageKeys = true
            } else if key == "TotalCount" || key == "MaxResults" {
                try scanner.skipValue()
                hasPageKeys = true
            } else if isTopLevel && (key == "Code" || key == "Message") {
                let text = try JSONSyntaxError.within(key.text) { try scanner.readOptionalText() }
                if key == "Code" { errorCode = text } else { errorMessage = text }
            } else if isTopLevel && key == "body" && scanner.peek() == UInt8(ascii: "{") {
                try JSONSyntaxError.within(key.text) {
                    try readPageOrConnection(
                        &scanner, into: &connections, metadata: &metadata, strings: strings, isTopLevel: true)
                }
                wrapped = true
            } else {
                try JSONSyntaxError.within(key.text) { try fields.read(key: key, from: &scanner) }
            }
        }
        if isPage || wrapped { return }
        if isTopLevel && !fields.hasAnyConnectionField {
            if let errorCode, !errorCode.isEmpty {
                var error = JSONSyntaxError("an API error response (\(errorCode)), not a page", at: objectStart)
                error.foreign = .apiError(code: errorCode, message: errorMessage, requestID: requestID)
                throw error
            }
            if hasPageKeys {
                metadata.isPage = true
                return
            }
        }
        guard fields.hasAnyConnectionField else {
            var error = JSONSyntaxError(
                "object is neither a page (no \"VpcPeerConnects\") nor a connection (no \"InstanceId\")",
                at: objectStart)
            if isTopLevel || marksForeign { error.foreign = .notPeeringData }
            throw error
        }
        connections.append(try fields.makeConnection(objectStart: objectStart))
    }

    private func readConnectionList(
        _ scanner: inout JSONScanner, into connections: inout [PeeringConnection], strings: StringTable
    ) throws {
        if try scanner.consumeNull() { return }
        var cursor = try scanner.beginArray()
        var index = 0
        while try scanner.nextElement(&cursor) {
            try JSONSyntaxError.within("[\(index)]") {
                let objectStart = scanner.offset
                var fields = ConnectionFields(strings: strings)
                var objectCursor = try scanner.beginObject()
                while let key = try scanner.nextKey(&objectCursor) {
                    try JSONSyntaxError.within(key.text) { try fields.read(key: key, from: &scanner) }
                }
                connections.append(try fields.makeConnection(objectStart: objectStart))
            }
            index += 1
        }
    }
}

/// What a page says about itself besides its connections.
private struct PageMetadata {
    var isPage = false
    var nextToken: String?
    var requestID: String?
}

/// The fields of one connection object as they are read, before the required ones are checked.
private struct ConnectionFields {
    /// Where values that repeat across connections (ids, accounts, groups, tags, CIDRs) are shared.
    let strings: StringTable
    var id: String?
    var name: String?
    var description: String?
    var requester: VPCEndpointFields?
    var accepter: VPCEndpointFields?
    var requesterRegion: String?
    var accepterRegion: String?
    var requesterOwner: String?
    var accepterOwner: String?
    var bandwidth: Int64?
    var status: String?
    var businessStatus: String?
    var createdAt: String?
    var modifiedAt: String?
    var expiresAt: String?
    var resourceGroupID: String?
    var tags: [PeeringTag] = []
    var linkType: String?
    var managedService: String?
    var hasAnyConnectionField = false

    /// Reads the value of `key`, or skips it when it is not a connection field.
    mutating func read(key: JSONKey, from scanner: inout JSONScanner) throws {
        switch key {
        case "InstanceId": id = try scanner.readOptionalString()
        case "Name": name = try scanner.readOptionalString()
        case "Description": description = try scanner.readOptionalString()
        case "Vpc": requester = try VPCEndpointFields.read(from: &scanner, strings: strings)
        case "AcceptingVpc": accepter = try VPCEndpointFields.read(from: &scanner, strings: strings)
        case "RegionId": requesterRegion = try scanner.readOptionalString(sharingWith: strings)
        case "AcceptingRegionId": accepterRegion = try scanner.readOptionalString(sharingWith: strings)
        case "OwnerId": requesterOwner = try scanner.readOptionalAccountID(sharingWith: strings)
        case "AcceptingOwnerUid": accepterOwner = try scanner.readOptionalAccountID(sharingWith: strings)
        case "Bandwidth":
            let start = scanner.offset
            bandwidth = try scanner.readOptionalInteger()
            // Mbit/s; -1 is "no limit". A larger value is no real bandwidth, and GraphML declares it `int`.
            if let value = bandwidth, value < -1 || value > Int64(Int32.max) {
                throw JSONSyntaxError(
                    "bandwidth \(value) is out of range (-1 for no limit, or 0 to \(Int32.max) Mbit/s)", at: start)
            }
        case "Status": status = try scanner.readOptionalString()
        case "BizStatus": businessStatus = try scanner.readOptionalString()
        case "GmtCreate": createdAt = try scanner.readOptionalString()
        case "GmtModified": modifiedAt = try scanner.readOptionalString()
        case "GmtExpired": expiresAt = try scanner.readOptionalString()
        case "ResourceGroupId": resourceGroupID = try scanner.readOptionalString(sharingWith: strings)
        case "Tags": tags = try readTags(from: &scanner)
        case "LinkType": linkType = try scanner.readOptionalString(sharingWith: strings)
        case "ManagedService": managedService = try scanner.readOptionalString(sharingWith: strings)
        default:
            try scanner.skipValue()
            return
        }
        hasAnyConnectionField = true
    }

    /// Tags as `[{"Key":…,"Value":…}]`, or the older envelope `{"Tag":[…]}`. A tag without a key is skipped.
    private func readTags(from scanner: inout JSONScanner) throws -> [PeeringTag] {
        if try scanner.consumeNull() { return [] }
        if scanner.peek() == UInt8(ascii: "{") {
            var tags: [PeeringTag] = []
            var cursor = try scanner.beginObject()
            while let key = try scanner.nextKey(&cursor) {
                if key == "Tag" {
                    tags = try JSONSyntaxError.within(key.text) { try readTagArray(from: &scanner) }
                } else {
                    try scanner.skipValue()
                }
            }
            return tags
        }
        return try readTagArray(from: &scanner)
    }

    private func readTagArray(from scanner: inout JSONScanner) throws -> [PeeringTag] {
        if try scanner.consumeNull() { return [] }
        var tags: [PeeringTag] = []
        var cursor = try scanner.beginArray()
        var index = 0
        while try scanner.nextElement(&cursor) {
            try JSONSyntaxError.within("[\(index)]") {
                var key: String?
                var value: String?
                var tagCursor = try scanner.beginObject()
                while let field = try scanner.nextKey(&tagCursor) {
                    switch field {
                    case "Key":
                        key = try JSONSyntaxError.within(field.text) {
                            try scanner.readOptionalString(sharingWith: strings)
                        }
                    case "Value":
                        value = try JSONSyntaxError.within(field.text) {
                            try scanner.readOptionalString(sharingWith: strings)
                        }
                    default: try scanner.skipValue()
                    }
                }
                if let key { tags.append(PeeringTag(key: key, value: value ?? "")) }
            }
            index += 1
        }
        return tags
    }

    func makeConnection(objectStart: Int) throws -> PeeringConnection {
        guard let id, !id.isEmpty else {
            throw JSONSyntaxError(
                id == nil ? "connection has no \"InstanceId\"" : "\"InstanceId\" is empty", at: objectStart)
        }
        guard let requester, let requesterID = requester.vpcID, !requesterID.isEmpty else {
            throw JSONSyntaxError("connection \(id.debugDescription) has no \"Vpc.VpcId\"", at: objectStart)
        }
        guard let accepter, let accepterID = accepter.vpcID, !accepterID.isEmpty else {
            throw JSONSyntaxError("connection \(id.debugDescription) has no \"AcceptingVpc.VpcId\"", at: objectStart)
        }
        for value in [id, requesterID, accepterID] where value.utf8.count > PeeringDocumentDecoder.maximumIDLength {
            throw JSONSyntaxError(
                "id of \(value.utf8.count) bytes is longer than the \(PeeringDocumentDecoder.maximumIDLength) allowed",
                at: objectStart)
        }
        return PeeringConnection(
            id: ConnectionID(id), name: name, description: description,
            requester: VPCEndpoint(
                vpcID: VPCID(requesterID), ipv4CIDRs: requester.ipv4CIDRs, ipv6CIDRs: requester.ipv6CIDRs),
            accepter: VPCEndpoint(
                vpcID: VPCID(accepterID), ipv4CIDRs: accepter.ipv4CIDRs, ipv6CIDRs: accepter.ipv6CIDRs),
            requesterRegion: requesterRegion, accepterRegion: accepterRegion,
            requesterOwner: requesterOwner, accepterOwner: accepterOwner,
            bandwidthMbps: bandwidth,
            status: status.map(PeeringStatus.init(apiValue:)),
            businessStatus: businessStatus.map(BusinessStatus.init(apiValue:)),
            createdAt: createdAt, modifiedAt: modifiedAt, expiresAt: expiresAt,
            resourceGroupID: resourceGroupID, tags: tags, linkType: linkType, managedService: managedService)
    }
}

/// `Vpc` / `AcceptingVpc`: `{"VpcId":…, "Ipv4Cidrs":[…], "Ipv6Cidrs":[…]}`.
private struct VPCEndpointFields {
    var vpcID: String?
    var ipv4CIDRs: [String] = []
    var ipv6CIDRs: [String] = []

    static func read(from scanner: inout JSONScanner, strings: StringTable) throws -> VPCEndpointFields? {
        if try scanner.consumeNull() { return nil }
        var fields = VPCEndpointFields()
        var vpc: Int?
        var cursor = try scanner.beginObject()
        while let key = try scanner.nextKey(&cursor) {
            try JSONSyntaxError.within(key.text) {
                switch key {
                case "VpcId":
                    let entry = try scanner.readOptionalStringEntry(sharingWith: strings)
                    (fields.vpcID, vpc) = (entry?.string, entry?.number)
                case "Ipv4Cidrs": fields.ipv4CIDRs = try scanner.readStringList(sharingWith: strings)
                case "Ipv6Cidrs": fields.ipv6CIDRs = try scanner.readStringList(sharingWith: strings)
                default: try scanner.skipValue()
                }
            }
        }
        // One array per VPC for the blocks its connections repeat.
        if let vpc {
            fields.ipv4CIDRs = strings.sharedBlocks(fields.ipv4CIDRs, vpc: vpc, family: 0)
            fields.ipv6CIDRs = strings.sharedBlocks(fields.ipv6CIDRs, vpc: vpc, family: 1)
        }
        return fields
    }
}

extension JSONScanner {
    /// A string, or nil for `null`.
    mutating func readOptionalString(sharingWith table: StringTable? = nil) throws -> String? {
        try readOptionalStringEntry(sharingWith: table)?.string
    }

    /// A string as `table` stores it, with its number there, or nil for `null`.
    mutating func readOptionalStringEntry(sharingWith table: StringTable?) throws -> (string: String, number: Int?)? {
        if try consumeNull() { return nil }
        guard peek() == UInt8(ascii: "\"") else { throw unexpected("a string or null") }
        return try readStringEntry(sharingWith: table)
    }

    /// A string or a number as text (a `RequestId` or `Code` of any JSON type), or nil for anything else.
    mutating func readOptionalText() throws -> String? {
        switch peek() ?? 0 {
        case UInt8(ascii: "\""): return try readString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return String(try readNumberText())
        default:
            try skipValue()
            return nil
        }
    }

    /// An array of strings (null or missing is empty).
    mutating func readStringList(sharingWith table: StringTable? = nil) throws -> [String] {
        if try consumeNull() { return [] }
        var list: [String] = []
        var cursor = try beginArray()
        var index = 0
        while try nextElement(&cursor) {
            let element = try JSONSyntaxError.within("[\(index)]") { try readOptionalString(sharingWith: table) }
            if let element { list.append(element) }
            index += 1
        }
        return list
    }

    /// An integer, also accepted as a decimal string (`"1024"`), or nil for `null`.
    mutating func readOptionalInteger() throws -> Int64? {
        if try consumeNull() { return nil }
        if peek() == UInt8(ascii: "\"") {
            let start = offset
            let text = try readString()
            guard let value = Int64(text) else {
                throw JSONSyntaxError(
                    "expected a whole number, found the string \(text.prefix(40).debugDescription)", at: start)
            }
            return value
        }
        guard let next = peek(), next == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next)
        else {
            throw unexpected("a number or null")
        }
        return try readInt64()
    }

    /// An account id: a non-negative integer of up to 64 bits, as a number or a decimal string, returned
    /// as its exact decimal text. Never passes through `Double`.
    mutating func readOptionalAccountID(sharingWith table: StringTable? = nil) throws -> String? {
        if try consumeNull() { return nil }
        let start = offset
        let text: String
        if peek() == UInt8(ascii: "\"") {
            text = try readString()
        } else {
            guard let next = peek(), next == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next)
            else {
                throw unexpected("an account id (number or string) or null")
            }
            // The common case, digits only, is read without making a string.
            if let value = try readUInt64Digits() { return Self.decimalText(value, sharingWith: table) }
            text = String(try readNumberText())
        }
        if text.isEmpty { return nil }
        guard let value = UInt64(text) else {
            let isDigits = text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            throw JSONSyntaxError(
                isDigits
                    ? "account id \(text.prefix(40)) does not fit in 64 bits"
                    : "expected an account id (digits), found \(text.prefix(40).debugDescription)",
                at: start)
        }
        return Self.decimalText(value, sharingWith: table)
    }

    /// The decimal digits of `value`, from `table` when given.
    private static func decimalText(_ value: UInt64, sharingWith table: StringTable?) -> String {
        table?.decimalText(value) ?? String(value)
    }
}
