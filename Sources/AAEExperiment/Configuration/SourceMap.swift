/// Maps the line numbers of a merged experiment tree back to the files they
/// were written in.
///
/// An experiment that `extends` others is composed file by file, each file's
/// YAML shifted down so that its lines do not overlap the previous files'
/// (as if the files were written one after another). A YAML mark then names a
/// unique line of this virtual text, and a diagnostic translates it back to the
/// file and line the user wrote. With one file the map is the identity.
struct SourceMap: Sendable {
    /// One file of the virtual text: its name in diagnostics and the number of
    /// virtual lines before its first line.
    struct Source: Sendable {
        let file: String
        let lineOffset: Int
        /// The file's number of lines (at least; a CRLF counts twice).
        let lineCount: Int
    }

    private(set) var sources: [Source] = []
    /// The first virtual line after the last file added.
    private(set) var nextLineOffset = 0

    /// The map of a single file.
    init(file: String) {
        sources = [Source(file: file, lineOffset: 0, lineCount: Int.max)]
    }

    init() {}

    /// Adds `file`, whose text is `text`, after the files already added, and
    /// returns the number of lines its YAML must be shifted by.
    mutating func append(file: String, text: String) -> Int {
        let offset = nextLineOffset
        let lineCount = Self.lineBreakCount(text) + 1
        sources.append(Source(file: file, lineOffset: offset, lineCount: lineCount))
        nextLineOffset = offset + lineCount + 1
        return offset
    }

    /// The file and its own line of a virtual line; line 0 (no position, e.g.
    /// a value from `--set`) stays in the first file. The end of a file that
    /// lacks a final line break, which a YAML reader places on the line after
    /// the last, is moved to the last line.
    func locate(line: Int) -> (file: String, line: Int) {
        guard line > 0, let source = sources.last(where: { $0.lineOffset < line }) else {
            return (sources.first?.file ?? "", line)
        }
        return (source.file, min(line - source.lineOffset, source.lineCount))
    }

    /// The position of `file` in the chain, the extending file first; for sorting diagnostics.
    func rank(of file: String) -> Int {
        sources.firstIndex { $0.file == file } ?? sources.count
    }

    /// The line breaks of `text` as a YAML reader may count them (counting a
    /// CRLF twice only leaves an unused gap between files).
    private static func lineBreakCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { count, scalar in
            switch scalar {
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": return count + 1
            default: return count
            }
        }
    }
}
