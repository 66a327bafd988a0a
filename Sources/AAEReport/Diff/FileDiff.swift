/// The comparison of one CSV file that exists under both compared paths.
public struct FileDiff: Equatable, Sendable {
    /// The file's path relative to the compared folders (`metrics.csv`,
    /// `lr=0.001,seed=1/eval.csv`), or the two paths joined when two CSV files were given.
    public var path: String
    /// Its cell-by-cell differences.
    public var diff: CSVDiff

    public init(path: String, diff: CSVDiff) {
        self.path = path
        self.diff = diff
    }
}
