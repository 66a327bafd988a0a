/// The differences between two CSV tables whose rows are aligned by a key column.
///
/// Result tables grow columns over time and runs stop at different steps, so a line-by-line
/// text diff is useless on them; this compares cell by cell, by column name and row key,
/// and lists columns and rows present on one side only.
public struct CSVDiff: Equatable, Sendable {
    /// The column rows were aligned by.
    public var keyColumn: String
    /// Cells of shared rows and columns that differ, in A's row order and A's column order.
    public var changes: [CellChange]
    /// Columns of A missing from B, in A's order.
    public var columnsOnlyInA: [String]
    /// Columns of B missing from A, in B's order.
    public var columnsOnlyInB: [String]
    /// Rows of A without a counterpart in B, in A's order.
    public var rowsOnlyInA: [RowKey]
    /// Rows of B without a counterpart in A, in B's order.
    public var rowsOnlyInB: [RowKey]

    /// Whether the tables are equal within the tolerance. Column order is not compared.
    public var isEqual: Bool {
        differenceCount == 0
    }

    /// Changed cells plus one-sided columns and rows.
    public var differenceCount: Int {
        changes.count + columnsOnlyInA.count + columnsOnlyInB.count + rowsOnlyInA.count + rowsOnlyInB.count
    }

    /// Compares `a` with `b`.
    ///
    /// - Parameters:
    ///   - keyColumn: the column to align rows by; nil picks `defaultKeyColumn(a, b)`.
    ///   - tolerance: the relative tolerance for numeric cells; 0 demands identical strings.
    /// - Throws: `DiffError` for a negative tolerance or a key column missing from either table.
    public init(_ a: CSVTable, _ b: CSVTable, keyColumn: String? = nil, tolerance: Double = 0) throws {
        let comparison = try CellComparison(tolerance: tolerance)
        let key: String
        if let keyColumn {
            key = keyColumn
        } else {
            guard let inferred = Self.defaultKeyColumn(a, b) else {
                throw DiffError.noCommonKeyColumn(headerA: a.header, headerB: b.header)
            }
            key = inferred
        }
        guard let keyIndexA = a.header.firstIndex(of: key), let keyIndexB = b.header.firstIndex(of: key) else {
            throw DiffError.missingKeyColumn(key)
        }
        self.keyColumn = key
        columnsOnlyInA = Self.uniqueColumns(a.header).filter { !b.header.contains($0) }
        columnsOnlyInB = Self.uniqueColumns(b.header).filter { !a.header.contains($0) }

        let keysA = Self.rowKeys(a, keyIndex: keyIndexA)
        let keysB = Self.rowKeys(b, keyIndex: keyIndexB)
        var rowIndexB: [RowKey: Int] = [:]
        for (index, rowKey) in keysB.enumerated() { rowIndexB[rowKey] = index }
        let setA = Set(keysA)
        rowsOnlyInA = keysA.filter { rowIndexB[$0] == nil }
        rowsOnlyInB = keysB.filter { !setA.contains($0) }

        let sharedColumns = Self.uniqueColumns(a.header).filter {
            $0 != key && b.header.contains($0) && !Self.timingColumns.contains($0)
        }
        let columnPairs = sharedColumns.map { ($0, a.header.firstIndex(of: $0)!, b.header.firstIndex(of: $0)!) }
        var changes: [CellChange] = []
        for (rowA, rowKey) in zip(a.rows, keysA) {
            guard let indexB = rowIndexB[rowKey] else { continue }
            let rowB = b.rows[indexB]
            for (column, columnA, columnB) in columnPairs {
                let cellA = Self.cell(rowA, columnA), cellB = Self.cell(rowB, columnB)
                if !comparison.areEqual(cellA, cellB) {
                    changes.append(CellChange(key: rowKey, column: column, valueA: cellA, valueB: cellB))
                }
            }
        }
        self.changes = changes
    }

    /// Columns that record how long something took, not what it computed: two
    /// identical runs differ there, so they are not compared.
    public static let timingColumns: Set<String> = ["wall_time_s"]

    /// The column to align `a` and `b` by: their first column when both start with the same
    /// one (`step` in metrics.csv, `run_id` in summary.csv, `metric` in eval.csv), else the
    /// first of `step`, `run_id`, `metric` that both have, else nil.
    public static func defaultKeyColumn(_ a: CSVTable, _ b: CSVTable) -> String? {
        if let first = a.header.first, first == b.header.first { return first }
        return ["step", "run_id", "metric"].first { a.header.contains($0) && b.header.contains($0) }
    }

    private static func rowKeys(_ table: CSVTable, keyIndex: Int) -> [RowKey] {
        var seen: [String: Int] = [:]
        return table.rows.map { row in
            let value = cell(row, keyIndex)
            let occurrence = (seen[value] ?? 0) + 1
            seen[value] = occurrence
            return RowKey(value, occurrence: occurrence)
        }
    }

    private static func uniqueColumns(_ header: [String]) -> [String] {
        var seen = Set<String>()
        return header.filter { seen.insert($0).inserted }
    }

    private static func cell(_ row: [String], _ index: Int) -> String {
        index < row.count ? row[index] : ""
    }
}
