import Foundation

/// A growing table of training metrics with a fixed set of columns, saved as CSV.
///
/// Rows are appended as training proceeds; `write(to:)` rewrites the whole file atomically,
/// so the file on disk is always a complete, parseable table even if the run is killed.
/// For the few thousand rows a run produces, rewriting is cheaper than worrying about
/// partial appends.
public final class MetricsLog {
    /// The column names, fixed at creation.
    public let columns: [String]
    /// The rows appended so far, already formatted as CSV fields.
    public private(set) var rows: [[String]] = []

    public init(columns: [String]) {
        self.columns = columns
    }

    /// Appends a numeric row, formatted with `CSVFormat.float`; it must have one value per column.
    public func append(_ values: [Double]) {
        append(values.map(CSVFormat.float))
    }

    /// Appends a row of already formatted fields (for mixed text and numbers); it must have
    /// one field per column.
    public func append(_ fields: [String]) {
        precondition(fields.count == columns.count,
                     "MetricsLog row has \(fields.count) fields but the log has \(columns.count) columns")
        rows.append(fields)
    }

    /// The log as a table.
    public var table: CSVTable {
        CSVTable(header: columns, rows: rows)
    }

    /// Atomically replaces the file at `url` with the header and every row appended so far.
    public func write(to url: URL) throws {
        try table.write(to: url)
    }
}
