/// Collects the diagnostics of a sweep's runs, each placed at the line of the
/// swept key it is about and naming the runs it occurs in, once however many
/// runs share it.
struct SweepDiagnostics {
    let keys: [SweepSpec.Key]
    private var order: [ConfigDiagnostic] = []
    private var runs: [String: [String]] = [:]

    init(keys: [SweepSpec.Key]) {
        self.keys = keys
    }

    /// Records the diagnostics of reading the run `run`.
    mutating func add(_ diagnostics: [ConfigDiagnostic], run: String) {
        for diagnostic in diagnostics {
            let placed = place(diagnostic)
            if runs[placed.description] == nil { order.append(placed) }
            runs[placed.description, default: []].append(run)
        }
    }

    /// Every diagnostic recorded, each naming its runs; nil when there are none.
    var errors: ConfigErrors? {
        guard !order.isEmpty else { return nil }
        return ConfigErrors(order.map { diagnostic in
            let ids = runs[diagnostic.description] ?? []
            let more = ids.count > 1 ? " and \(ids.count - 1) more run\(ids.count > 2 ? "s" : "")" : ""
            return ConfigDiagnostic(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column,
                                    keyPath: diagnostic.keyPath,
                                    message: "in run `\(ids.first ?? "")`\(more): \(diagnostic.message)")
        })
    }

    /// A diagnostic without a position (a value the sweep put in) moved to the
    /// swept key it concerns: the longest key that is the diagnostic's key path,
    /// contains it or lies inside it.
    private func place(_ diagnostic: ConfigDiagnostic) -> ConfigDiagnostic {
        guard diagnostic.line == 0 else { return diagnostic }
        let path = diagnostic.keyPath
        let related = keys.filter { key in
            path == key.path || path.hasPrefix(key.path + ".") || path.hasPrefix(key.path + "[")
                || key.path.hasPrefix(path + ".")
        }
        guard let key = related.max(by: { $0.path.count < $1.path.count }) else { return diagnostic }
        return ConfigDiagnostic(file: key.file, line: key.line, column: key.column, keyPath: diagnostic.keyPath,
                                message: diagnostic.message)
    }
}
