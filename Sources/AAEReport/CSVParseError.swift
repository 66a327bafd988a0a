/// Why a text could not be read as a CSV table; line numbers are 1-based.
public enum CSVParseError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The text contains no record at all.
    case noHeader
    /// A quoted field is still open at the end of the text.
    case unterminatedQuote(line: Int)
    /// A double quote appears inside an unquoted field.
    case quoteInUnquotedField(line: Int)
    /// Something other than a comma or line end follows a closing quote.
    case textAfterClosingQuote(line: Int)
    /// A row does not have as many fields as the header.
    case wrongFieldCount(line: Int, expected: Int, found: Int)

    public var description: String {
        switch self {
        case .noHeader:
            return "CSV text is empty (no header line)"
        case .unterminatedQuote(let line):
            return "CSV line \(line): quoted field is never closed"
        case .quoteInUnquotedField(let line):
            return "CSV line \(line): double quote inside an unquoted field"
        case .textAfterClosingQuote(let line):
            return "CSV line \(line): text after the closing quote of a field"
        case .wrongFieldCount(let line, let expected, let found):
            return "CSV line \(line): expected \(expected) fields like the header, found \(found)"
        }
    }
}
