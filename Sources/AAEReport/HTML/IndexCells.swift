/// HTML fragments for the cells of the index tables: numbers, status badges, headers.
enum IndexCells {
    /// A table header; `group` (such as "eval") is shown small above the name, and long
    /// snake_case names may wrap after underscores.
    static func header(_ name: String, group: String? = nil) -> String {
        let label = HTMLText.escape(name).replacingOccurrences(of: "_", with: "_<wbr>")
        let groupLabel = group.map { "<span class=\"group\">\(HTMLText.escape($0))</span>" } ?? ""
        return "<th scope=\"col\">\(groupLabel)\(label)</th>"
    }

    /// A right-aligned numeric cell showing four significant digits, with the exact value
    /// as its tooltip and sort key; text that is not a number is shown as it is.
    static func number(_ raw: String, standardError: String? = nil) -> String {
        let exact = HTMLText.escape(raw)
        var shown = HTMLText.escape(display(raw))
        if let standardError {
            shown += " <span class=\"se\">± \(HTMLText.escape(display(standardError)))</span>"
        }
        let tooltip = standardError.map { exact + " ± " + HTMLText.escape($0) } ?? exact
        return "<td class=\"num\" data-sort=\"\(exact)\" title=\"\(tooltip)\">\(shown)</td>"
    }

    /// A plain text cell.
    static func text(_ value: String) -> String {
        "<td>\(HTMLText.escape(value))</td>"
    }

    /// A cell with a status badge, or an empty cell when the status is unknown.
    static func status(_ status: String?) -> String {
        guard let status else { return "<td data-sort=\"\"></td>" }
        return "<td data-sort=\"\(HTMLText.escape(status))\">\(badge(status))</td>"
    }

    /// A coloured badge: green for completed runs, red for diverged or failed ones; `label`
    /// replaces the shown text (as in "2 completed").
    static func badge(_ status: String, label: String? = nil) -> String {
        "<span class=\"status\(statusClass(status))\">\(HTMLText.escape(label ?? status))</span>"
    }

    private static func statusClass(_ status: String) -> String {
        let word = String(status.lowercased().prefix { $0.isLetter })
        if let state = RunState(word: word) { return state == .completed ? " ok" : state.isBad ? " bad" : "" }
        return ["error", "unreadable"].contains(word) ? " bad" : ""
    }

    /// Integers as they are, other finite numbers with four significant digits.
    static func display(_ raw: String) -> String {
        guard let value = Double(raw), value.isFinite, Int(raw) == nil else { return raw }
        return CSVFormat.float(Double(CLocaleNumberFormat.format("%.4g", value)) ?? value)
    }
}
