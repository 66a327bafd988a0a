import Foundation

/// A Markdown table of the evaluations of several runs (their eval.csv files), for
/// docs/results.md and for comparing experiments at a glance: one row per run, except
/// that runs that differ only by their seed (the runs of a `seeds: [1, 2, 3]` sweep) make
/// one row of each metric's mean ± sample standard deviation over them.
///
/// Runs differ only by seed when their config.resolved.yaml files are the same but for the
/// `seed:` line; runs with the same seed (a run repeated) or without that file stay rows of
/// their own. A sweep's folder stands for its runs, in its summary.csv's order.
public struct EvaluationTable {
    /// The metrics shown by default, in order, with their column titles.
    public static let columns: [(metric: String, title: String)] = [
        ("heldout_recon_mse", "held-out MSE"),
        ("heldout_recon_bce", "BCE / image"),
        ("knn_accuracy", "kNN-5 acc."),
        ("linear_accuracy", "linear acc."),
        ("mean_ks", "mean KS"),
        ("mmd2", "MMD²"),
        ("parzen_log_likelihood", "Parzen LL"),
        ("negative_elbo", "−ELBO"),
    ]
    /// The metrics shown by default before `columns` when some run reports them: the
    /// errors of models with a categorical code.
    public static let optionalColumns: [(metric: String, title: String)] = [
        ("classification_error", "classification error"),
        ("cluster_error", "cluster error"),
    ]

    /// One metric of one row: a run's value and its standard error (when eval.csv gives
    /// one), or the spread of the values of the runs of a row over seeds.
    public enum Cell: Equatable {
        case run(value: Double, standardError: Double?)
        case seeds(SampleSpread)
    }

    /// One row: a run, or the runs of one configuration over several seeds.
    public struct Row {
        /// The run folder's name; for runs over seeds, what their names share once their
        /// `seed=` part is removed, or else their experiment's name.
        public let name: String
        public let steps: String
        /// The seeds of its runs, as their configurations give them (empty when unknown).
        public let seeds: [String]
        /// The number of runs it stands for.
        public let runCount: Int
        public let cells: [String: Cell]
    }

    public let rows: [Row]
    /// The metrics shown, with their column titles.
    public let shownColumns: [(metric: String, title: String)]

    /// Reads `eval.csv`, the last step of `metrics.csv` and `config.resolved.yaml` of each
    /// run folder (a sweep's folder: of each of its runs). `metrics` chooses the columns
    /// (eval.csv metric names, in order); nil shows `optionalColumns` that some run
    /// reports, then `columns`.
    public init(runDirectories: [URL], metrics: [String]? = nil) throws {
        let runs = try runDirectories.flatMap(Self.runFolders).map(Self.read)
        rows = Self.group(runs).map(Self.row)
        let reported = Set(rows.flatMap(\.cells.keys))
        if let metrics {
            let known = Dictionary(Self.optionalColumns + Self.columns, uniquingKeysWith: { first, _ in first })
            for metric in metrics where !reported.contains(metric) {
                throw EvaluationTableError.unknownMetric(metric, reported: reported.sorted())
            }
            shownColumns = metrics.map { ($0, known[$0] ?? $0) }
        } else {
            shownColumns = Self.optionalColumns.filter { reported.contains($0.metric) } + Self.columns
        }
    }

    /// The table in Markdown; a metric a row does not report is shown as `—`. When a row
    /// stands for several runs, a `seeds` column lists each row's seeds and a line under the
    /// table says what `±` means.
    public var markdown: String {
        let overSeeds = rows.contains { $0.runCount > 1 }
        let seedsHeader = overSeeds ? " seeds |" : "", seedsRule = overSeeds ? " ---: |" : ""
        var lines = ["| experiment |\(seedsHeader) steps | " + shownColumns.map(\.title).joined(separator: " | ") + " |",
                     "| --- |\(seedsRule) ---: | " + shownColumns.map { _ in "---:" }.joined(separator: " | ") + " |"]
        for row in rows {
            let cells = shownColumns.map { column in row.cells[column.metric].map(Self.text) ?? "—" }
            let seeds = overSeeds ? " \(row.seeds.isEmpty ? "—" : row.seeds.joined(separator: ", ")) |" : ""
            lines.append("| \(row.name) |\(seeds) \(row.steps) | " + cells.joined(separator: " | ") + " |")
        }
        if overSeeds {
            lines += ["", "A row of several runs gives each metric's mean ± sample standard deviation (n − 1) over its "
                + "seeds' runs, which differ only by `seed`; ± in a row of one run is the metric's own standard error."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What one run folder holds for the table.
    struct Run {
        let folder: String
        let steps: String
        let values: [String: (value: Double, standardError: Double?)]
        /// config.resolved.yaml without its `seed:` line; nil when the folder has none.
        let configurationWithoutSeed: String?
        let seed: String?
        let experimentName: String?
    }

    /// The run folders `directory` stands for: itself, or a sweep's runs when it is a
    /// sweep's folder (summary.csv and no eval.csv).
    private static func runFolders(_ directory: URL) throws -> [URL] {
        let layout = RunFolderLayout(directory)
        let summary = directory.appendingPathComponent("summary.csv")
        guard !FileManager.default.fileExists(atPath: layout.evaluation.path),
              FileManager.default.fileExists(atPath: summary.path) else { return [directory] }
        let ids: [String]
        do {
            ids = try CSVTable.read(from: summary).column(named: "run_id") ?? []
        } catch {
            throw EvaluationTableError.unreadable(path: summary.path, reason: FileErrorMessage.reason(for: error))
        }
        return ids.map { directory.appendingPathComponent($0, isDirectory: true) }
    }

    private static func read(_ directory: URL) throws -> Run {
        let layout = RunFolderLayout(directory)
        let evaluationURL = layout.evaluation
        guard FileManager.default.fileExists(atPath: evaluationURL.path) else {
            throw EvaluationTableError.noEvaluation(run: directory.path, status: Self.status(of: directory))
        }
        let evaluation: CSVTable
        do {
            evaluation = try CSVTable.read(from: evaluationURL)
        } catch {
            throw EvaluationTableError.unreadable(path: evaluationURL.path, reason: FileErrorMessage.reason(for: error))
        }
        var values: [String: (Double, Double?)] = [:]
        for row in evaluation.rows where row.count >= 2 {
            values[row[0]] = (Double(row[1]) ?? .nan, row.count > 2 ? Double(row[2]) : nil)
        }
        let metrics = try? CSVTable.read(from: layout.metrics)
        let steps = metrics?.rows.last?.first ?? ""
        let configuration = (try? String(contentsOf: layout.configuration, encoding: .utf8))?
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let seed = configuration?.first { $0.hasPrefix("seed: ") }.map { String($0.dropFirst(6)) }
        let name = configuration?.first { $0.hasPrefix("name: ") }.map { line in
            String(line.dropFirst(6)).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
        return Run(folder: directory.lastPathComponent, steps: steps, values: values,
                   configurationWithoutSeed: configuration?.filter { !$0.hasPrefix("seed: ") }.joined(separator: "\n"),
                   seed: seed, experimentName: name)
    }

    /// The runs in rows, in order of each row's first run: a run joins the first earlier
    /// row of the same configuration but for the seed that has no run of its seed yet.
    static func group(_ runs: [Run]) -> [[Run]] {
        var groups: [[Run]] = []
        for run in runs {
            if let configuration = run.configurationWithoutSeed, let seed = run.seed,
               let index = groups.firstIndex(where: { group in
                   group[0].configurationWithoutSeed == configuration && !group.contains { $0.seed == seed }
               }) {
                groups[index].append(run)
            } else {
                groups.append([run])
            }
        }
        return groups
    }

    private static func row(_ runs: [Run]) -> Row {
        let first = runs[0]
        let seeds = runs.compactMap(\.seed)
        guard runs.count > 1 else {
            let cells = first.values.mapValues { Cell.run(value: $0.value, standardError: $0.standardError) }
            return Row(name: first.folder, steps: first.steps, seeds: seeds, runCount: 1, cells: cells)
        }
        let shared = Set(runs.map { run in
            run.folder.split(separator: ",").filter { !$0.hasPrefix("seed=") }.joined(separator: ",")
        })
        let name = shared.count == 1 && !shared.first!.isEmpty ? shared.first! : first.experimentName ?? first.folder
        var steps: [String] = []
        for run in runs where !steps.contains(run.steps) { steps.append(run.steps) }
        var cells: [String: Cell] = [:]
        for metric in Set(runs.flatMap(\.values.keys)) {
            cells[metric] = .seeds(SampleSpread(runs.compactMap { $0.values[metric]?.value }))
        }
        return Row(name: name, steps: steps.joined(separator: ", "), seeds: seeds, runCount: runs.count, cells: cells)
    }

    /// A cell's text: `value`, `value ± standard error`, `mean ± sd`, or the mean alone of one finite value.
    private static func text(_ cell: Cell) -> String {
        switch cell {
        case .run(let value, let standardError):
            return standardError.map { "\(format(value)) ± \(format($0))" } ?? format(value)
        case .seeds(let spread):
            return spread.count > 1 ? "\(format(spread.mean)) ± \(format(spread.standardDeviation))" : format(spread.mean)
        }
    }

    /// The status a run folder's status.csv records, nil when it has none.
    private static func status(of directory: URL) -> String? {
        (try? CSVTable.read(from: RunFolderLayout(directory).status))?.column(named: "status")?.first
    }

    /// Four significant digits, locale-independent.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return CSVFormat.float(value) }
        let magnitude = value == 0 ? 0 : Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
        let decimals = max(0, 3 - magnitude)
        return String(format: "%.\(decimals)f", locale: Locale(identifier: "en_US_POSIX"), value)
    }
}
