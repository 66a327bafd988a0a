/// What the results index shows about one run, gathered from its folder and the sweep's
/// summary.csv.
public struct IndexedRun: Equatable, Sendable {
    /// The run id: the `run_id` from summary.csv or the run folder's name.
    public var id: String
    /// The run folder relative to the experiment folder, or nil if the run is listed in
    /// summary.csv but has no folder with metrics.csv.
    public var folder: String?
    /// `completed`, `diverged`, whatever summary.csv says, or nil when unknown.
    public var status: String?
    /// The swept hyperparameters (from summary.csv) or those read from the folder name.
    public var parameters: [IndexedValue]
    /// The last row of metrics.csv, `step` included.
    public var finalMetrics: [IndexedValue]
    /// The rows of eval.csv.
    public var evalMetrics: [IndexedValue]
    /// Extra columns from summary.csv worth showing (such as `wall_time_s`).
    public var summaryValues: [IndexedValue]
    /// The PNG files in the run folder, in a fixed order (latent scatter first).
    public var images: [String]
    /// Data files in the run folder to link to (config, metrics, eval).
    public var dataFiles: [String]

    public init(id: String, folder: String?, status: String?, parameters: [IndexedValue] = [],
                finalMetrics: [IndexedValue] = [], evalMetrics: [IndexedValue] = [],
                summaryValues: [IndexedValue] = [], images: [String] = [], dataFiles: [String] = []) {
        self.id = id
        self.folder = folder
        self.status = status
        self.parameters = parameters
        self.finalMetrics = finalMetrics
        self.evalMetrics = evalMetrics
        self.summaryValues = summaryValues
        self.images = images
        self.dataFiles = dataFiles
    }
}
