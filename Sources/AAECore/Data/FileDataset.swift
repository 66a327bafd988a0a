import Foundation

/// An image data set that `data.dataset` names and aae-run finds by itself: IDX files in the data
/// directory (`--data-dir`, `$AAE_DATA_DIR`, `./data`) or where a system package installs them.
///
/// The type carries its own facts — its name, its image size and the largest split its files give —
/// so checking an experiment, the memory estimate and loading need no switch on the name. The `idx`
/// dataset, whose files an experiment names itself, is not one of these.
public protocol FileDataset {
    /// The `data.dataset` name: `mnist`, `fashion_mnist`.
    static var name: String { get }
    /// The height and width of every image, known before the files are read.
    static var imageSize: (rows: Int, cols: Int) { get }
    /// The largest training and held-out sets the files give (the official split), which the memory
    /// estimate assumes.
    static var largestSplit: (train: Int, test: Int) { get }
    /// The training and held-out sets found from the data root `directory`, with grey levels on `scale`.
    static func load(directory: URL, scale: PixelScale) throws -> DataSplit
    /// The number of training examples `load(directory:scale:)` would give, from the files' headers
    /// alone; nil when the files are missing or unreadable (loading them reports why).
    static func trainingCount(directory: URL) -> Int?
    /// The labels of the training examples `load(directory:scale:)` would give, read from the label file
    /// alone; nil when the files are missing or unreadable (loading them reports why).
    static func trainingLabels(directory: URL) -> [UInt8]?
}
