import Foundation

/// How to carry out one run of an experiment, as chosen on the command line.
public struct RunOptions: Sendable {
    /// Where the run writes its results; `results/<name>/<run id>` when nil.
    public var outputDirectory: String?
    /// Where datasets are; `$AAE_DATA_DIR` or `./data` when nil.
    public var dataDirectory: String?
    /// Suppresses the per-log-step progress lines.
    public var quiet: Bool

    public init(outputDirectory: String? = nil, dataDirectory: String? = nil, quiet: Bool = false) {
        self.outputDirectory = outputDirectory
        self.dataDirectory = dataDirectory
        self.quiet = quiet
    }
}
