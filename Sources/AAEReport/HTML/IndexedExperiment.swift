/// What the results index shows about one experiment folder under `results/`: a single
/// run's seeds or a sweep.
public struct IndexedExperiment: Equatable, Sendable {
    /// The folder name under `results/`.
    public var name: String
    /// Whether the folder holds summary.csv (a sweep).
    public var isSweep: Bool
    /// The runs, in summary.csv order, then the remaining run folders in natural order.
    public var runs: [IndexedRun]
    /// Problems met while reading (a malformed CSV file), shown on the page rather than
    /// failing the whole index.
    public var notes: [String]

    public init(name: String, isSweep: Bool, runs: [IndexedRun], notes: [String] = []) {
        self.name = name
        self.isSweep = isSweep
        self.runs = runs
        self.notes = notes
    }

    /// Parameter names across all runs, in order of first appearance.
    public var parameterNames: [String] { Self.names(runs.map(\.parameters)) }
    /// Final metric names across all runs, in order of first appearance.
    public var metricNames: [String] { Self.names(runs.map(\.finalMetrics)) }
    /// Evaluation metric names across all runs, in order of first appearance.
    public var evalNames: [String] { Self.names(runs.map(\.evalMetrics)) }
    /// Extra summary column names across all runs, in order of first appearance.
    public var summaryNames: [String] { Self.names(runs.map(\.summaryValues)) }

    private static func names(_ lists: [[IndexedValue]]) -> [String] {
        var seen = Set<String>(), names: [String] = []
        for list in lists {
            for value in list where seen.insert(value.name).inserted { names.append(value.name) }
        }
        return names
    }
}
