import Foundation

/// Reads one experiment folder under `results/` into an `IndexedExperiment`.
///
/// Reading is forgiving: a malformed CSV file becomes a note on the page and an
/// "unreadable" run, so one broken run never hides all the others.
enum ExperimentScanner {
    /// The PNGs every run writes, in the order the index shows them; others follow by name.
    static let preferredImages = [RunFolderLayout.latentScatterFigureFileName,
                                  RunFolderLayout.reconstructionsFigureFileName, RunFolderLayout.samplesFigureFileName,
                                  RunFolderLayout.manifoldFigureFileName, RunFolderLayout.lossesFigureFileName]
    /// Data files of a run folder worth linking to, in the order shown.
    static let linkedFiles = [RunFolderLayout.configurationFileName, ResultsLayout.metricsFile, ResultsLayout.evalFile]
    /// Columns of summary.csv shown besides parameters and status.
    static let summaryExtras = ["wall_time_s"]

    /// Whether `url` is an experiment folder: it holds summary.csv, run folders, or is a run folder.
    static func isExperiment(_ url: URL) -> Bool {
        ResultsLayout.isFile(url.appendingPathComponent(ResultsLayout.summaryFile))
            || ResultsLayout.isRunFolder(url)
            || !((try? ResultsLayout.runFolderNames(in: url)) ?? []).isEmpty
    }

    static func scan(_ url: URL, name: String) -> IndexedExperiment {
        var notes: [String] = []
        let summaryURL = url.appendingPathComponent(ResultsLayout.summaryFile)
        let isSweep = ResultsLayout.isFile(summaryURL)
        let folders = (try? ResultsLayout.runFolderNames(in: url)) ?? []
        let folderSet = Set(folders)
        var runs: [IndexedRun] = []
        var listed = Set<String>()

        if isSweep {
            do {
                let summary = try CSVTable.read(from: summaryURL)
                if let idIndex = summary.header.firstIndex(of: "run_id") {
                    let swept = sweptColumns(summary, idIndex: idIndex)
                    let statusIndex = summary.header.firstIndex(of: "status")
                    let extras = summaryExtras.compactMap { summary.header.firstIndex(of: $0) }
                    for row in summary.rows where listed.insert(row[idIndex]).inserted {
                        let id = row[idIndex]
                        var run = scanRun(in: url, folder: folderSet.contains(id) ? id : nil, id: id, notes: &notes)
                        run.parameters = swept.map { IndexedValue(name: summary.header[$0], value: row[$0]) }
                        if let statusIndex, !row[statusIndex].isEmpty { run.status = row[statusIndex] }
                        run.summaryValues = extras.map { IndexedValue(name: summary.header[$0], value: row[$0]) }
                        runs.append(run)
                    }
                } else {
                    notes.append("\(ResultsLayout.summaryFile): no run_id column")
                }
            } catch {
                notes.append("\(ResultsLayout.summaryFile): \(FileErrorMessage.reason(for: error))")
            }
        }
        for folder in folders where !listed.contains(folder) {
            var run = scanRun(in: url, folder: folder, id: folder, notes: &notes)
            run.parameters = parameters(fromRunName: folder)
            runs.append(run)
        }
        if folders.isEmpty && ResultsLayout.isRunFolder(url) {
            runs.append(scanRun(in: url, folder: "", id: name, notes: &notes))
        }
        return IndexedExperiment(name: name, isSweep: isSweep, runs: runs, notes: notes)
    }

    /// The `key=value` pairs of a run folder name such as `latent_dim=2,lr=0.001,seed=1`;
    /// a part without `=` continues the previous value (`hidden=512,256`). A name that does
    /// not start with `key=` gives no parameters.
    static func parameters(fromRunName name: String) -> [IndexedValue] {
        var values: [IndexedValue] = []
        for part in name.split(separator: ",", omittingEmptySubsequences: false) {
            if let equals = part.firstIndex(of: "="), equals != part.startIndex {
                values.append(IndexedValue(name: String(part[..<equals]),
                                           value: String(part[part.index(after: equals)...])))
            } else if !values.isEmpty {
                values[values.count - 1].value += "," + part
            } else {
                return []
            }
        }
        return values
    }

    /// The swept parameter columns of summary.csv: those between `run_id` and `status`, or,
    /// without a `status` column after `run_id`, the keys that the run ids name.
    private static func sweptColumns(_ summary: CSVTable, idIndex: Int) -> [Int] {
        if let statusIndex = summary.header.firstIndex(of: "status"), statusIndex > idIndex {
            return Array(idIndex + 1..<statusIndex)
        }
        let named = Set(summary.rows.flatMap { parameters(fromRunName: $0[idIndex]).map(\.name) })
        return summary.header.indices.filter { $0 != idIndex && named.contains(summary.header[$0]) }
    }

    private static func scanRun(in experiment: URL, folder: String?, id: String, notes: inout [String]) -> IndexedRun {
        var run = IndexedRun(id: id, folder: folder, status: nil)
        guard let folder else { return run }
        let runURL = folder.isEmpty ? experiment : experiment.appendingPathComponent(folder, isDirectory: true)
        let prefix = folder.isEmpty ? "" : folder + "/"
        do {
            let metrics = try CSVTable.read(from: runURL.appendingPathComponent(ResultsLayout.metricsFile))
            if let last = metrics.rows.last {
                run.finalMetrics = zip(metrics.header, last).map { IndexedValue(name: $0, value: $1) }
                let diverged = last.contains { Double($0).map { !$0.isFinite } ?? false }
                run.status = (diverged ? RunState.diverged : .completed).word
            } else {
                run.status = "empty"
            }
        } catch {
            notes.append("\(prefix)\(ResultsLayout.metricsFile): \(FileErrorMessage.reason(for: error))")
            run.status = "unreadable"
        }
        let evalURL = runURL.appendingPathComponent(ResultsLayout.evalFile)
        if ResultsLayout.isFile(evalURL) {
            do {
                run.evalMetrics = evalValues(try CSVTable.read(from: evalURL))
            } catch {
                notes.append("\(prefix)\(ResultsLayout.evalFile): \(FileErrorMessage.reason(for: error))")
            }
        }
        let entries = (try? ResultsLayout.entryNames(in: runURL)) ?? []
        let pngs = entries.filter { $0.lowercased().hasSuffix(".png") && ResultsLayout.isFile(runURL.appendingPathComponent($0)) }
        run.images = preferredImages.filter(pngs.contains) + pngs.filter { !preferredImages.contains($0) }
        run.dataFiles = linkedFiles.filter { ResultsLayout.isFile(runURL.appendingPathComponent($0)) }
        return run
    }

    /// The rows of eval.csv (`metric,value,standard_error`) as values.
    private static func evalValues(_ table: CSVTable) -> [IndexedValue] {
        let metricIndex = table.header.firstIndex(of: "metric") ?? 0
        let valueIndex = table.header.firstIndex(of: "value") ?? 1
        let errorIndex = table.header.firstIndex(of: "standard_error")
        return table.rows.map { row in
            let error = errorIndex.map { row[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            return IndexedValue(name: row[metricIndex], value: valueIndex < row.count ? row[valueIndex] : "",
                                standardError: error)
        }
    }
}
