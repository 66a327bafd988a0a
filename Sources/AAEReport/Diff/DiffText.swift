/// Human-readable renderings of `CSVDiff` and `ResultsDiff`, as `aae-run diff` prints them.
///
/// One line per difference, columns padded so that a scan down the output lines up:
///
///     step 2000  heldout_recon_mse  0.02291 → 0.0231  (+0.83%)
///     columns only in B: fid
///     only in A: step 3000
extension CSVDiff {
    /// Up to this many rows present on one side only are listed one per line; a longer list
    /// shows its first rows and then a line with the count and the last key.
    public static let listedRowLimit = 10

    /// The differences, one per line, without a trailing newline; empty when equal.
    public var text: String {
        lines.joined(separator: "\n")
    }

    var lines: [String] {
        var lines = changeLines
        if !columnsOnlyInA.isEmpty { lines.append("columns only in A: " + columnsOnlyInA.joined(separator: ", ")) }
        if !columnsOnlyInB.isEmpty { lines.append("columns only in B: " + columnsOnlyInB.joined(separator: ", ")) }
        lines += oneSidedRowLines(rowsOnlyInA, side: "A")
        lines += oneSidedRowLines(rowsOnlyInB, side: "B")
        return lines
    }

    private var changeLines: [String] {
        let keys = changes.map { "\(keyColumn) \($0.key)" }
        let values = changes.map { "\($0.valueA) → \($0.valueB)" }
        let keyWidth = keys.map(\.count).max() ?? 0
        let columnWidth = changes.map(\.column.count).max() ?? 0
        let valueWidth = values.map(\.count).max() ?? 0
        return changes.indices.map { index in
            let change = changes[index]
            var line = DiffText.padded(keys[index], keyWidth) + "  " + DiffText.padded(change.column, columnWidth) + "  "
            if let relative = change.relativeChange {
                line += DiffText.padded(values[index], valueWidth) + "  (" + DiffText.percent(relative) + ")"
            } else {
                line += values[index]
            }
            return line
        }
    }

    private func oneSidedRowLines(_ keys: [RowKey], side: String) -> [String] {
        let label = { (key: RowKey) in "only in \(side): \(keyColumn) \(key)" }
        guard keys.count > Self.listedRowLimit else { return keys.map(label) }
        let listed = Self.listedRowLimit - 2
        return keys.prefix(listed).map(label)
            + ["only in \(side): … \(keys.count - listed) more rows, through \(keyColumn) \(keys.last!)"]
    }
}

extension ResultsDiff {
    /// The differences grouped by file, then a summary line; no trailing newline.
    public var text: String {
        var lines: [String] = []
        for file in files where !file.diff.isEqual {
            if kind == .csvFile {
                lines += file.diff.lines
            } else {
                lines.append("\(file.path) (rows by \(file.diff.keyColumn)):")
                lines += file.diff.lines.map { "  " + $0 }
            }
        }
        lines += onlyInA.map { "only in A: \($0)" }
        lines += onlyInB.map { "only in B: \($0)" }
        if let kernels {
            lines.append("note: computed with different BLAS kernels (A: \(kernels.a.joined(separator: ", ")), "
                         + "B: \(kernels.b.joined(separator: ", "))), which may change the last bits of results")
        }
        lines.append(summaryLine)
        return lines.joined(separator: "\n")
    }

    /// For example `no differences (3 files compared, tolerance 0)`.
    public var summaryLine: String {
        let count = differenceCount
        let verdict = count == 0 ? "no differences" : DiffText.counted(count, "difference")
        return "\(verdict) (\(DiffText.counted(files.count, "file")) compared, "
            + "tolerance \(CSVFormat.float(tolerance)))"
    }
}

/// Small formatting helpers for the diff text.
enum DiffText {
    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// A relative change as a signed percentage: `+0.83%`, `-12.50%`, `+4.1e-05%`.
    static func percent(_ relative: Double) -> String {
        let percent = relative * 100
        if percent == 0 { return "±0%" }
        if abs(percent) >= 0.01 { return CLocaleNumberFormat.format("%+.2f", percent) + "%" }
        return CLocaleNumberFormat.format("%+.2g", percent) + "%"
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
