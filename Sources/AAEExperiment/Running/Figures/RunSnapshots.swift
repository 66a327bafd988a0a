import AAECore
import AAEReport
import Foundation

/// The figures drawn during training with `report.snapshot_every: N`: every N steps the
/// latent scatter and the manifold into `snapshots/` (`latent_step_000500.png`,
/// `manifold_step_000500.png`), and `latent_evolution.png` in the run's folder, a
/// contact sheet of the latent snapshots so far (up to 25, evenly spaced), each captioned
/// with its step.
///
/// Snapshots are drawn as the final figures are (same held-out images, same plane, the
/// report's manifold grid and projection) but take their randomness from a stream of
/// their own, started afresh at every snapshot: the prior background is the same in every
/// frame, a resumed run draws the same snapshots, and neither training nor any metric
/// sees a difference. The manifold is skipped where it would be for the final figures
/// (label-reading decoders, points rather than images); both figures are drawn whatever
/// `report.plots` lists. The contact sheet is built from the snapshot files on disk, so
/// it also shows the snapshots taken before a run was resumed.
public struct RunSnapshots {
    public static let folderName = RunFolderLayout.snapshotsFolderName
    public static let sheetFileName = RunFolderLayout.snapshotSheetFileName
    /// At most this many columns of thumbnails in the contact sheet.
    static let sheetColumns = 5
    /// At most this many thumbnails in the contact sheet: more snapshots are thinned to
    /// evenly spaced ones, the first and the latest always among them.
    static let sheetLimit = 25

    public let every: Int
    let directory: URL
    let test: LabeledImages
    let scale: PixelScale
    let title: String
    let options: FigureOptions
    let seed: UInt64
    let stepDigits: Int

    /// The snapshots of a run that writes into `directory`, or nil when `report.snapshot_every` is 0.
    public init?(experiment: Experiment, test: LabeledImages, steps: Int, directory: URL,
                 shouldStop: @escaping @Sendable () -> Bool = { false }) {
        guard experiment.report.snapshotEvery > 0 else { return nil }
        every = experiment.report.snapshotEvery
        self.directory = directory
        self.test = test
        scale = experiment.data.scale
        title = experiment.name
        options = FigureOptions(report: experiment.report, seed: experiment.seed, shouldStop: shouldStop)
        seed = experiment.seed
        stepDigits = max(6, String(steps).count)
    }

    /// The snapshot folder.
    public var folder: URL { directory.appendingPathComponent(Self.folderName) }

    /// One snapshot file: the figure it draws at the step it was taken.
    public struct Snapshot: Equatable, Sendable {
        /// The figure drawn, named as the final figures are (`latent_scatter`, `manifold`).
        public let figure: String
        public let step: Int
        public let url: URL
    }

    /// The figures snapshots draw, by the prefix of their files' names (`latent_step_…`),
    /// in the order a snapshot draws them.
    static let figures = [(prefix: "latent", figure: figureName(LatentScatterFigure.fileName)),
                          (prefix: "manifold", figure: figureName(ManifoldFigure.fileName))]

    /// A figure's name: its file's name without `.png`.
    static func figureName(_ fileName: String) -> String { String(fileName.dropLast(".png".count)) }

    /// The file of the latent snapshot at `step`.
    public func latentURL(step: Int) -> URL { url(prefix: "latent", step: step) }

    /// The file of the manifold snapshot at `step`.
    public func manifoldURL(step: Int) -> URL { url(prefix: "manifold", step: step) }

    private func url(prefix: String, step: Int) -> URL {
        folder.appendingPathComponent("\(prefix)_step_\(padded(step)).png")
    }

    /// Draws the snapshots of `model` when `step` is a multiple of `every` and returns the
    /// figures of this step it wrote (latent scatter, manifold; not the contact sheet),
    /// e.g. for logging them as images at `step`; nothing when no snapshot is due.
    public func takeIfDue(step: Int, model: TrainableModel) throws -> [Snapshot] {
        guard step > 0, step % every == 0 else { return [] }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let heading = "\(title) (step \(step))"
        var written: [Snapshot] = []
        var random = RandomGenerator(seed: seed, stream: RandomStreams.snapshots)
        let latent = latentURL(step: step)
        if try LatentScatterFigure.write(model: model, test: test, title: heading, random: &random, options: options,
                                         to: latent) {
            written.append(Snapshot(figure: Self.figures[0].figure, step: step, url: latent))
        }
        let manifold = manifoldURL(step: step)
        if test.rows > 1, try ManifoldFigure.write(model: model, test: test, scale: scale, title: heading,
                                                   grid: options.manifold, to: manifold) {
            written.append(Snapshot(figure: Self.figures[1].figure, step: step, url: manifold))
        }
        try writeSheet(through: step)
        return written
    }

    /// Rewrites the contact sheet from the latent snapshots on disk at steps `every`,
    /// `2·every`, … up to `step` (at most `sheetLimit` of them); writes nothing when there is none.
    func writeSheet(through step: Int) throws {
        let entries = stride(from: every, through: step, by: every).compactMap { snapshotStep -> ContactSheet.Entry? in
            let url = latentURL(step: snapshotStep)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return ContactSheet.Entry(caption: "step \(snapshotStep)", path: url.path)
        }
        guard !entries.isEmpty else { return }
        let sheet = ContactSheet(entries: Self.thinned(entries, to: Self.sheetLimit), title: RunFigures.heading(title, "held-out codes during training"),
                                 columns: Self.sheetColumns)
        try sheet.write(to: directory.appendingPathComponent(Self.sheetFileName))
    }

    /// The snapshot files and the contact sheet that a run in `directory` wrote, for a run
    /// that starts again at step 1 to remove: `latent_evolution.png`, and the
    /// `latent_step_*.png` and `manifold_step_*.png` files of `snapshots/` (nothing else
    /// there, and not the folder).
    static func earlierFiles(in directory: URL) -> [URL] {
        [directory.appendingPathComponent(sheetFileName)] + taken(in: directory).map(\.url)
    }

    /// The snapshot files in the `snapshots/` folder of the run in `directory` (those named
    /// `<prefix>_step_<digits>.png`, nothing else there), by step, each step's in the
    /// order a snapshot draws them.
    public static func taken(in directory: URL) -> [Snapshot] {
        let folder = directory.appendingPathComponent(folderName)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let order = Dictionary(uniqueKeysWithValues: figures.enumerated().map { ($1.figure, $0) })
        return names.compactMap { name -> Snapshot? in
            guard name.hasSuffix(".png") else { return nil }
            for (prefix, figure) in figures where name.hasPrefix("\(prefix)_step_") {
                let digits = name.dropFirst(prefix.count + "_step_".count).dropLast(".png".count)
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let step = Int(digits) else { return nil }
                return Snapshot(figure: figure, step: step, url: folder.appendingPathComponent(name))
            }
            return nil
        }.sorted { ($0.step, order[$0.figure]!) < ($1.step, order[$1.figure]!) }
    }

    /// At most `limit` of `entries`, evenly spaced, keeping the first and the last.
    public static func thinned<Element>(_ entries: [Element], to limit: Int) -> [Element] {
        guard entries.count > limit, limit > 1 else { return Array(entries.prefix(max(limit, 1))) }
        let last = Double(entries.count - 1)
        return (0..<limit).map { entries[Int((Double($0) * last / Double(limit - 1)).rounded())] }
    }

    private func padded(_ step: Int) -> String {
        let digits = String(step)
        return String(repeating: "0", count: max(0, stepDigits - digits.count)) + digits
    }
}
