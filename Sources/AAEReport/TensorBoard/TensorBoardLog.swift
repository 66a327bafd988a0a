import Foundation

/// The TensorBoard event file of one run, `tb/events.out.tfevents.aae-run` in its
/// folder: scalars, images and the HParams plugin's session data at their steps.
///
/// `tensorboard --logdir results/` lists every such `tb/` folder as a run named by its
/// path. The file is started afresh when the log is made (a resumed run writes its
/// restored rows again), and every later call appends whole records.
public final class TensorBoardLog {
    /// The folder of a run's (or a sweep's) event file.
    public static let folderName = "tb"
    /// The event file's name: TensorBoard reads files whose name holds "tfevents".
    public static let fileName = "events.out.tfevents.aae-run"

    private let writer: EventFileWriter
    private let clock: () -> Double

    /// The event file of the run or sweep in `directory`.
    public static func url(in directory: URL) -> URL {
        directory.appendingPathComponent(folderName, isDirectory: true).appendingPathComponent(fileName)
    }

    /// Starts the event file of the run in `directory`, replacing any earlier one; `clock`
    /// gives the events' wall times in seconds since 1970.
    public init(directory: URL, clock: @escaping () -> Double = { Date().timeIntervalSince1970 }) throws {
        self.clock = clock
        writer = try EventFileWriter(url: Self.url(in: directory), clock: clock)
    }

    /// The file being written.
    public var url: URL { writer.url }

    /// Appends one scalar per value at `step`, each as a float32 `simple_value`.
    public func writeScalars(step: Int, _ values: [(tag: String, value: Double)]) throws {
        guard !values.isEmpty else { return }
        var summary = Tensorboard_Summary()
        summary.value = values.map { tag, value in
            var entry = Tensorboard_Summary.Value()
            entry.tag = tag
            entry.simpleValue = Float(value)
            return entry
        }
        try writer.append(step: step, summary: summary)
    }

    /// Appends the PNG files of `images` at `step`, each under its tag (a figure drawn
    /// again at a later step under the same tag shows as one image with a step slider).
    ///
    /// - Throws: `TensorBoardWriteError` for a file that cannot be read or is not a PNG.
    public func writeImages(step: Int, _ images: [(tag: String, png: URL)]) throws {
        guard !images.isEmpty else { return }
        var summary = Tensorboard_Summary()
        summary.value = try images.map { tag, file in
            let bytes: Data
            do {
                bytes = try Data(contentsOf: file)
            } catch {
                throw TensorBoardWriteError(path: url.path, reason: "cannot read the figure \(file.path)")
            }
            guard let header = PNGHeader(bytes) else {
                throw TensorBoardWriteError(path: url.path, reason: "\(file.path) is not an RGB or grey PNG file")
            }
            var image = Tensorboard_Summary.Image()
            image.width = Int32(header.width)
            image.height = Int32(header.height)
            image.colorspace = Int32(header.colorspace)
            image.encodedImageString = bytes
            var entry = Tensorboard_Summary.Value()
            entry.tag = tag
            entry.image = image
            return entry
        }
        try writer.append(step: step, summary: summary)
    }

    /// Appends the HParams session start of this run: its value of each swept key.
    public func writeSessionStart(hyperparameters: [(name: String, value: HParamValue)]) throws {
        let now = clock()
        try writer.append(step: 0, summary: try HParamsSummary.sessionStart(hyperparameters: hyperparameters,
                                                                             startTime: now), wallTime: now)
    }

    /// Appends the HParams session end of this run, at `step`.
    public func writeSessionEnd(status: HParamsSessionStatus, step: Int) throws {
        let now = clock()
        try writer.append(step: step, summary: try HParamsSummary.sessionEnd(status: status, endTime: now), wallTime: now)
    }
}
