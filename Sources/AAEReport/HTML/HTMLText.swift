/// Escaping of text for HTML pages.
///
/// Experiment and run names come from folder names, which may hold any character; every
/// piece of text put into a page goes through `escape` so that a name like `a<b&c` shows
/// literally instead of breaking the markup.
public enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references; safe both
    /// between tags and inside quoted attribute values.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
