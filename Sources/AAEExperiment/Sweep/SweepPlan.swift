import AAEReport
import Foundation

/// Every run of a sweep, validated before any of them trains: its id, its
/// swept values and the experiment it trains (the file with the run's
/// overrides applied).
public struct SweepPlan: Sendable {
    /// One run of the sweep.
    public struct Run: Sendable {
        public let id: String
        /// The run's value of each of the plan's `keyPaths`, as labels.
        public let values: [String]
        /// The run's overrides, as `--set` would give them.
        public let overrides: [Override]
        public let experiment: Experiment
    }

    /// The experiment's name.
    public let name: String
    /// The folder the sweep writes to: `<out>/<run id>/` per run and `<out>/summary.csv`.
    public let outputDirectory: URL
    /// The swept key paths: the summary's value columns, and the parts of each run id.
    public let keyPaths: [String]
    public let runs: [Run]
    /// The resolved sweep file (the experiment with `--set` applied, its
    /// `sweep:` section included), which the sweep saves in its folder as
    /// `sweep.resolved.yaml` so that `resume` expands the same runs and checks
    /// each run folder against them; nil for a plan resumed from a folder
    /// without that file.
    public var configuration: String? = nil

    /// The file in a sweep's folder that holds `configuration`.
    public static let configurationFileName = "sweep.resolved.yaml"

    /// Expands the sweep of the experiment file at `path` (with `overrides`
    /// applied to every run) and reads the file once per run with that run's
    /// overrides, so every key path and value is checked against the schema
    /// before anything trains.
    ///
    /// - Throws: `ConfigErrors` for an invalid file or run (a run's diagnostic
    ///   names the line of the swept key and the run), `SweepError` for a file
    ///   without a sweep or two identical runs.
    public static func load(path: String, overrides: [Override] = [], outputDirectory: String? = nil) throws -> SweepPlan {
        let base = try ExperimentReader.load(path: path, overrides: overrides)
        guard let sweep = base.sweep else { throw SweepError("\(path) has no `sweep:` section") }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let points = SweepExpansion.points(of: sweep)
        let ids = try RunIdentifier.ids(for: points)
        let keyPaths = SweepExpansion.keyPaths(of: sweep)
        var diagnostics = SweepDiagnostics(keys: sweep.keys)
        var runs: [Run] = []
        for (id, point) in zip(ids, points) {
            let pointOverrides = point.map(\.override)
            do {
                var experiment = try ExperimentReader.parse(data, file: path, overrides: overrides + pointOverrides)
                experiment.sweep = nil
                if !point.contains(where: { $0.keyPath == "seed" }) {
                    experiment.seed = SweepExpansion.derivedSeed(experimentSeed: experiment.seed, assignments: point)
                }
                let values = keyPaths.map { key in point.first { $0.keyPath == key }?.value.label ?? "" }
                runs.append(Run(id: id, values: values, overrides: pointOverrides, experiment: experiment))
            } catch let errors as ConfigErrors {
                diagnostics.add(errors.diagnostics, run: id)
            }
        }
        if let errors = diagnostics.errors { throw errors }
        let output = outputDirectory ?? base.output ?? "results/\(base.name)"
        return SweepPlan(name: base.name, outputDirectory: URL(fileURLWithPath: output, isDirectory: true),
                         keyPaths: keyPaths, runs: runs, configuration: resolvedYAML(base))
    }

    /// The plan of a sweep already written to `directory`, for `aae-run
    /// resume`: the sweep of its sweep.resolved.yaml, expanded again, so that
    /// the sweep refuses run folders that hold another experiment's run as it
    /// does when it is run from its file. A folder written before that file
    /// existed gives the runs and values listed in its summary.csv, each with
    /// the experiment saved in its folder's config.resolved.yaml, which must
    /// all be runs of one experiment.
    public static func resuming(directory: URL) throws -> SweepPlan {
        let sweepFile = directory.appendingPathComponent(configurationFileName)
        if FileManager.default.fileExists(atPath: sweepFile.path) {
            return try load(path: sweepFile.path, outputDirectory: directory.relativePath)
        }
        let summaryURL = directory.appendingPathComponent(SweepSummary.fileName)
        let summary: CSVTable
        do {
            summary = try CSVTable.read(from: summaryURL)
        } catch {
            throw SweepError("\(summaryURL.path): cannot read the sweep's summary (\(FileErrorMessage.reason(for: error)))")
        }
        guard summary.header.first == "run_id", let statusIndex = summary.header.firstIndex(of: "status") else {
            throw SweepError("\(summaryURL.path) is not a sweep summary (no run_id and status columns)")
        }
        let keyPaths = Array(summary.header[1..<statusIndex]).filter { $0 != SweepSummary.derivedSeedColumn }
        return try listed(in: summary, at: summaryURL, keyPaths: keyPaths, directory: directory)
    }

    /// The plan of the runs `table` lists (a `run_id` column, then `keyPaths`
    /// among its columns), in its order, each with the experiment saved in its
    /// folder's config.resolved.yaml under `directory`, which must all be runs
    /// of one experiment.
    static func listed(in table: CSVTable, at url: URL, keyPaths: [String], directory: URL) throws -> SweepPlan {
        var runs: [Run] = []
        for row in table.rows {
            let id = row[0]
            let config = RunFolderLayout(directory.appendingPathComponent(id)).configuration
            guard FileManager.default.fileExists(atPath: config.path) else {
                throw SweepError("\(config.path) is missing: run the sweep again from its experiment file")
            }
            let experiment = try ExperimentReader.load(path: config.path)
            let values = keyPaths.map { key in row[table.header.firstIndex(of: key)!] }
            runs.append(Run(id: id, values: values, overrides: [], experiment: experiment))
        }
        guard let first = runs.first else { throw SweepError("\(url.path) lists no runs") }
        let names = runs.reduce(into: [String]()) { names, run in
            if !names.contains(run.experiment.name) { names.append(run.experiment.name) }
        }
        guard names.count == 1 else {
            let groups = names.map { name in
                let ids = runs.filter { $0.experiment.name == name }.map(\.id)
                return "`\(name)`: " + ids.prefix(3).joined(separator: ", ") + (ids.count > 3 ? " and \(ids.count - 3) more" : "")
            }
            throw SweepError("\(directory.path) holds runs of several experiments (\(groups.joined(separator: "; "))): "
                             + "remove the run folders that are not the sweep's, or run the sweep again from its experiment file")
        }
        return SweepPlan(name: first.experiment.name, outputDirectory: directory, keyPaths: keyPaths, runs: runs)
    }

    /// The folder of `run`.
    public func directory(of run: Run) -> URL {
        outputDirectory.appendingPathComponent(run.id, isDirectory: true)
    }

    /// One line per run: its id, then its overrides (what `--dry-run` prints).
    public var listing: String {
        let width = runs.map(\.id.count).max() ?? 0
        return runs.map { run in
            let padding = String(repeating: " ", count: width - run.id.count)
            let setsSeed = run.overrides.contains { $0.keyPath == ["seed"] }
            let settings = run.overrides.map(\.description) + (setsSeed ? [] : ["(seed \(run.experiment.seed))"])
            return run.id + padding + "  " + settings.joined(separator: " ")
        }.joined(separator: "\n")
    }
}
