/// The everyday name of a `#RRGGBB` colour (`green`, `orange`, `grey`), for legends that cannot show
/// the colour itself (a Markdown table, a text block): by hue, lightness and saturation.
package enum ColorName {
    package static func of(_ hex: String) -> String {
        let digits = Array(hex.utf8.dropFirst())
        guard digits.count == 6, let value = Int(String(decoding: digits, as: UTF8.self), radix: 16) else { return hex }
        let r = Double((value >> 16) & 0xFF) / 255, g = Double((value >> 8) & 0xFF) / 255,
            b = Double(value & 0xFF) / 255
        let high = max(r, g, b), low = min(r, g, b), lightness = (high + low) / 2
        let chroma = high - low
        if chroma < 0.12 { return lightness < 0.2 ? "black" : lightness > 0.9 ? "white" : "grey" }
        var hue: Double
        if high == r {
            hue = 60 * ((g - b) / chroma).truncatingRemainder(dividingBy: 6)
        } else if high == g {
            hue = 60 * ((b - r) / chroma + 2)
        } else {
            hue = 60 * ((r - g) / chroma + 4)
        }
        if hue < 0 { hue += 360 }
        // Dark oranges and yellows are browns.
        if (15..<50).contains(hue) && high < 0.55 { return "brown" }
        switch hue {
        case ..<15: return "red"
        case ..<35: return "orange"
        case ..<65: return "amber"
        case ..<160: return "green"
        case ..<200: return "teal"
        case ..<255: return "blue"
        case ..<290: return "purple"
        case ..<345: return "magenta"
        default: return "red"
        }
    }
}
