import Foundation

/// A CSV file held in memory: a header row and data rows of equal width.
///
/// Used both to write result tables and to read them back (for resuming runs, summaries
/// and tests), so `parse(serialized())` returns an equal table for any field contents.
public struct CSVTable: Equatable, Sendable {
    /// Column names, written as the first line.
    public var header: [String]
    /// Data rows; each should have `header.count` fields.
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table as RFC 4180 text: header line first, every line terminated by `"\n"`.
    public func serialized() -> String {
        var text = CSVFormat.row(header)
        for row in rows { text += CSVFormat.row(row) }
        return text
    }

    /// Atomically writes `serialized()` to `url` (see `AtomicFile`).
    public func write(to url: URL) throws {
        try AtomicFile.write(serialized(), to: url)
    }

    /// The fields of the column called `name`, or nil if there is no such column.
    public func column(named name: String) -> [String]? {
        guard let index = header.firstIndex(of: name) else { return nil }
        return rows.map { index < $0.count ? $0[index] : "" }
    }

    /// Reads RFC 4180 text: the first record is the header, the rest are rows.
    ///
    /// Accepts LF and CRLF line ends, quoted fields containing commas, line breaks and
    /// doubled quotes, and a missing final line end. Blank lines are skipped. Throws
    /// `CSVParseError` for malformed quoting, for a row whose width differs from the
    /// header's, and for text without any record.
    public static func parse(_ text: String) throws -> CSVTable {
        var parser = CSVRecordParser(text)
        var records = try parser.records()
        guard !records.isEmpty else { throw CSVParseError.noHeader }
        let header = records.removeFirst()
        for record in records where record.fields.count != header.fields.count {
            throw CSVParseError.wrongFieldCount(line: record.line, expected: header.fields.count,
                                                found: record.fields.count)
        }
        return CSVTable(header: header.fields, rows: records.map { $0.fields })
    }

    /// Reads and parses the CSV file at `url`.
    public static func read(from url: URL) throws -> CSVTable {
        try parse(String(contentsOf: url, encoding: .utf8))
    }
}

/// Splits RFC 4180 text into records, remembering the line on which each record starts.
private struct CSVRecordParser {
    struct Record {
        var line: Int
        var fields: [String]
    }

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func records() throws -> [Record] {
        var records: [Record] = []
        while position < bytes.count {
            if consumeLineEnd() { continue }
            records.append(try record())
        }
        return records
    }

    /// Reads one record starting at a non-blank position, including its line end.
    private mutating func record() throws -> Record {
        let startLine = line
        var fields: [String] = []
        while true {
            fields.append(try field())
            if position == bytes.count || consumeLineEnd() { break }
            position += 1  // the comma that ended the field
        }
        return Record(line: startLine, fields: fields)
    }

    /// Reads one field, leaving `position` at the comma, line end or end of text after it.
    private mutating func field() throws -> String {
        var content: [UInt8] = []
        if position < bytes.count && bytes[position] == Self.quote {
            let openingLine = line
            position += 1
            while true {
                guard position < bytes.count else { throw CSVParseError.unterminatedQuote(line: openingLine) }
                let byte = bytes[position]
                position += 1
                if byte == Self.quote {
                    if position < bytes.count && bytes[position] == Self.quote {
                        content.append(Self.quote)
                        position += 1
                    } else {
                        break
                    }
                } else {
                    if byte == Self.lineFeed { line += 1 }
                    content.append(byte)
                }
            }
            guard position == bytes.count || bytes[position] == Self.comma || isAtLineEnd else {
                throw CSVParseError.textAfterClosingQuote(line: line)
            }
        } else {
            while position < bytes.count && bytes[position] != Self.comma && !isAtLineEnd {
                guard bytes[position] != Self.quote else { throw CSVParseError.quoteInUnquotedField(line: line) }
                content.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: content, as: UTF8.self)
    }

    private var isAtLineEnd: Bool {
        guard position < bytes.count else { return false }
        if bytes[position] == Self.lineFeed { return true }
        return bytes[position] == Self.carriageReturn && position + 1 < bytes.count
            && bytes[position + 1] == Self.lineFeed
    }

    /// Consumes an LF or CRLF at `position`, if there is one.
    private mutating func consumeLineEnd() -> Bool {
        guard isAtLineEnd else { return false }
        position += bytes[position] == Self.carriageReturn ? 2 : 1
        line += 1
        return true
    }
}
