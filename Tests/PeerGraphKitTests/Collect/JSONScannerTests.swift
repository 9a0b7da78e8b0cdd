import Testing

@testable import PeerGraphKit

@Suite struct JSONScannerTests {
    private func scanner(_ text: String) -> JSONScanner { JSONScanner(bytes: Array(text.utf8)) }

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""a\"b\\c\/d""#, "a\"b\\c/d"),
        (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"),
        (#""\u00e9\u4e2d""#, "é中"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\ud83d""#, "\u{FFFD}"),
        (#""连接 ü""#, "连接 ü"),
        (#""""#, ""),
    ])
    func readsStrings(json: String, expected: String) throws {
        var scanner = scanner(json)
        let string = try scanner.readString()
        #expect(string == expected)
        let atEnd = scanner.isAtEnd()
        #expect(atEnd)
    }

    @Test(arguments: [
        (#""abc"#, "unterminated string"),
        ("\"a\u{1}b\"", "raw control character 0x1"),
        (#""\x""#, #"invalid escape '\x'"#),
        (#""\u12zz""#, #"invalid \u escape"#),
        (#""\u12"#, #"truncated \u escape"#),
    ])
    func rejectsBadStrings(json: String, message: String) {
        var scanner = scanner(json)
        #expect { _ = try scanner.readString() } throws: { ($0 as? JSONSyntaxError)?.message.contains(message) == true }
    }

    @Test func rejectsInvalidUTF8WithItsOffset() {
        var scanner = JSONScanner(bytes: [0x22, 0x61, 0xFF, 0x62, 0x22])
        #expect(throws: JSONSyntaxError("invalid UTF-8 in string", at: 2)) { _ = try scanner.readString() }
    }

    @Test func readsIntegersExactly() throws {
        var scanner = scanner("253460731706911258 -1 9223372036854775807")
        let values = try (0..<3).map { _ in try scanner.readInt64() }
        #expect(values == [253_460_731_706_911_258, -1, Int64.max])
    }

    @Test(arguments: [
        ("9223372036854775808", "does not fit in 64 bits"),
        ("1.5", "expected a whole number"),
        ("1e3", "expected a whole number"),
        ("01", "leading zero"),
        ("-", "no digits"),
        ("1.", "no digits after '.'"),
        ("1e", "no digits in exponent"),
    ])
    func rejectsBadIntegers(json: String, message: String) {
        var scanner = scanner(json)
        #expect { _ = try scanner.readInt64() } throws: { ($0 as? JSONSyntaxError)?.message.contains(message) == true }
    }

    @Test func skipsEveryKindOfValue() throws {
        var scanner = scanner(#"[{"a":[1,2.5e-3,true,false,null,{"b":"c"}]},"x",-0.0,[]] "#)
        try scanner.skipValue()
        let atEnd = scanner.isAtEnd()
        #expect(atEnd)
    }

    @Test(arguments: [
        (#"[1,]"#, "trailing ','"),
        (#"{"a":1,}"#, "expected a key after ','"),
        (#"{"a" 1}"#, "expected ':'"),
        (#"[1 2]"#, "expected ',' or ']'"),
        (#"{"a":1"#, "unterminated object"),
        (#"[tru]"#, "invalid literal"),
        (#"[+1]"#, "expected a value"),
    ])
    func rejectsMalformedContainers(json: String, message: String) {
        var scanner = scanner(json)
        #expect { try scanner.skipValue() } throws: { ($0 as? JSONSyntaxError)?.message.contains(message) == true }
    }

    @Test func limitsNestingDepth() {
        var scanner = scanner(String(repeating: "[", count: 100_000))
        #expect { try scanner.skipValue() } throws: {
            ($0 as? JSONSyntaxError)?.message.contains("nesting deeper than 512") == true
        }
    }

    @Test func skipsAByteOrderMark() throws {
        var scanner = JSONScanner(bytes: [0xEF, 0xBB, 0xBF] + Array("\"x\"".utf8))
        let string = try scanner.readString()
        #expect(string == "x")
    }
}

@Suite struct JSONKeyTests {
    @Test func keysCompareAsTheirUnescapedText() throws {
        var scanner = JSONScanner(bytes: Array(#"{"Instance\u0049d": 1, "VpcId": 2, "Vpc": 3, "é": 4}"#.utf8))
        var cursor = try scanner.beginObject()
        var seen: [String] = []
        while let key = try scanner.nextKey(&cursor) {
            switch key {
            case "InstanceId": seen.append("id")
            case "Vpc": seen.append("vpc")
            case "VpcId": seen.append("vpc id")
            default: seen.append(key.text)
            }
            try scanner.skipValue()
        }
        #expect(seen == ["id", "vpc id", "vpc", "é"])
    }

    /// Keys are compared as packed words up to 24 bytes and as bytes beyond: each length on either side
    /// of the words' edges, keys that differ only in their last byte, and a key that is a literal plus a NUL.
    @Test func keysCompareByteForByteAtEveryLength() throws {
        let literals: [StaticString] = [
            "Vpc", "VpcId", "InstanceId", "AcceptingRegionId", "ABCDEFGHIJKLMNOPQRSTUVW", "ABCDEFGHIJKLMNOPQRSTUVWX",
            "ABCDEFGHIJKLMNOPQRSTUVWXY", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        ]
        var texts = literals.map { $0.description }
        for literal in literals {
            let text = literal.description
            texts += [String(text.dropLast()) + "?", text + "\\u0000", String(text.dropLast())]
        }
        for text in texts {
            var scanner = JSONScanner(bytes: Array("{\"\(text)\": 1}".utf8))
            var cursor = try scanner.beginObject()
            let key = try #require(try scanner.nextKey(&cursor))
            let unescaped = text.replacingOccurrences(of: "\\u0000", with: "\u{0}")
            #expect(key.text == unescaped)
            #expect(key.utf8 == Array(unescaped.utf8))
            for literal in literals {
                #expect((key == literal) == (Array(unescaped.utf8) == Array(literal.description.utf8)), "\(text)")
            }
        }
    }

    @Test func anInvalidKeyIsAnError() {
        var scanner = JSONScanner(bytes: [
            UInt8(ascii: "{"), 0x22, 0xFF, 0x22, UInt8(ascii: ":"), UInt8(ascii: "1"), UInt8(ascii: "}"),
        ])
        #expect(throws: JSONSyntaxError("invalid UTF-8 in string", at: 2)) {
            var cursor = try scanner.beginObject()
            _ = try scanner.nextKey(&cursor)
        }
    }
}
