/// Builds relative URLs to files under `results/` from folder and file names.
///
/// Names such as `lr=0.001,seed=1` are fine in a URL path, but `#`, `?`, `%`, `:`, spaces
/// or non-ASCII letters are not; each path segment is percent-encoded (UTF-8), so a link
/// always reaches the file whatever its name. The result still needs `HTMLText.escape`
/// before it goes into an attribute, since `&` is a legal path character.
public enum RelativeURL {
    /// The segments percent-encoded and joined with `/`; empty segments are skipped.
    public static func path(_ segments: [String]) -> String {
        segments.filter { !$0.isEmpty }.map(encodeSegment).joined(separator: "/")
    }

    /// The same as `path`, with a trailing `/` (a link to a folder).
    public static func folder(_ segments: [String]) -> String {
        let joined = path(segments)
        return joined.isEmpty ? "./" : joined + "/"
    }

    static func encodeSegment(_ segment: String) -> String {
        var encoded = ""
        for byte in segment.utf8 {
            if isAllowed(byte) {
                encoded.append(Character(Unicode.Scalar(byte)))
            } else {
                encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return encoded
    }

    /// RFC 3986 unreserved characters and the sub-delimiters, plus `@`; `:` is left out so
    /// that a first segment can never read as a URL scheme.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~!$&'()*+,;=@".utf8.contains(byte)
        }
    }
}
